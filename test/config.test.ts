/**
 * An issuer's own templates through its config file (thidua.yaml beside the
 * campaign, or --config): its files stand in for the package's, without
 * editing the installed package; a wrong config is a problem at its line.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox, EXIT, FIXTURE, ROOT } from './support/cli.js';

const { thidua, freshDir } = cliSandbox('config', 120_000);
const RESULTS = FIXTURE.replace('campaign.yaml', 'ket-qua.yaml');
const FORMS = join(ROOT, 'templates', 'award-forms.yaml');

/** The fixture in a folder of its own, with a config and own templates. */
function campaignDir(name: string, config: string | undefined, awardForms?: string): string {
  const dir = freshDir(name);
  mkdirSync(join(dir, 'mau'), { recursive: true });
  copyFileSync(FIXTURE, join(dir, 'campaign.yaml'));
  copyFileSync(RESULTS, join(dir, 'ket-qua.yaml'));
  if (config !== undefined) writeFileSync(join(dir, 'thidua.yaml'), config);
  if (awardForms !== undefined) writeFileSync(join(dir, 'mau', 'award-forms.yaml'), awardForms);
  return dir;
}

/** The package's award forms without the commune chairman's certificate of merit, which the fixture's results give. */
const withoutCertificate = () => readFileSync(FORMS, 'utf8').replace(/^- id: giay-khen-chu-tich-xa\n(  .*\n)+/m, '');

describe('own templates', () => {
  it('thidua.yaml beside the campaign names a folder whose award forms replace the package\'s', () => {
    expect(withoutCertificate()).not.toContain('giay-khen-chu-tich-xa');
    const dir = campaignDir('beside', 'templates: mau\n', withoutCertificate());
    const r = thidua('validate', join(dir, 'campaign.yaml'), '--results', join(dir, 'ket-qua.yaml'));
    expect(r.status).toBe(EXIT.invalid);
    expect(r.stderr).toContain('giay-khen-chu-tich-xa');
    // Without the config, the package's own forms: valid.
    const plain = campaignDir('plain', undefined, withoutCertificate());
    expect(thidua('validate', join(plain, 'campaign.yaml'), '--results', join(plain, 'ket-qua.yaml')).status).toBe(EXIT.ok);
  });

  it('--config names it from anywhere; a file missing from the folder is the package\'s', () => {
    const dir = campaignDir('named', undefined);
    writeFileSync(join(dir, 'other.yaml'), 'templates: mau\n');
    const r = thidua('--config', join(dir, 'other.yaml'), 'validate', join(dir, 'campaign.yaml'), '--results', join(dir, 'ket-qua.yaml'));
    expect(r.status, r.stderr).toBe(EXIT.ok);
  });

  it('a wrong config: its file and line, and the key meant', () => {
    const dir = campaignDir('typo', 'templats: mau\n');
    const r = thidua('validate', join(dir, 'campaign.yaml'));
    expect(r.status).toBe(EXIT.invalid);
    expect(r.stderr).toContain(`${join(dir, 'thidua.yaml')}:1:1 templats: trường không được biết đến: "templats"; có phải là "templates"?`);
    const missing = campaignDir('missing', 'templates: khong-co\n');
    const m = thidua('validate', join(missing, 'campaign.yaml'));
    expect(m.status).toBe(EXIT.invalid);
    expect(m.stderr).toMatch(/thidua\.yaml:1:1 templates: không có thư mục \S+khong-co \/ no folder/);
  });
});
