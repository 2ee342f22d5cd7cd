/**
 * What a clerk reads when a campaign file is wrong: the file, line and column
 * of the field, "did you mean" for a mistyped key, written English (not the
 * validation library's text), and impossible dates called impossible.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCampaignData, loadCampaign } from '../src/model/load.js';
import { InvalidInputError, formatProblems, type Problem } from '../src/model/problems.js';
import { nearestKey } from '../src/model/suggest.js';
import { parseFieldPath } from '../src/model/locate.js';
import { FIXTURE } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'thidua-errors-'));
const fixtureText = readFileSync(FIXTURE, 'utf8');

/** The problems of the fixture's text with some lines replaced (each [from, to] replaced once). */
async function problemsOf(edits: [string | RegExp, string][]): Promise<{ problems: Problem[]; lines: string[] }> {
  let text = fixtureText;
  for (const [from, to] of edits) {
    const next = text.replace(from, to);
    expect(next, `no "${from}" in the fixture`).not.toBe(text);
    text = next;
  }
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  try {
    await loadCampaign(file);
  } catch (e) {
    if (e instanceof InvalidInputError) return { problems: e.problems, lines: text.split('\n') };
    throw e;
  }
  throw new Error('the edited fixture is valid');
}

/** Line (from 1) and column of the first line matching. */
function positionOf(lines: string[], match: RegExp): { line: number; column: number } {
  const i = lines.findIndex((l) => match.test(l));
  expect(i, String(match)).toBeGreaterThanOrEqual(0);
  return { line: i + 1, column: lines[i].search(/\S/) + 1 };
}

describe('problems of a YAML file', () => {
  it('a mistyped key: at its line and column, with the key it was meant to be, and no second problem for the field it left missing', async () => {
    const { problems, lines } = await problemsOf([[/^  abbreviation: UBND$/m, '  abreviation: UBND'], [/^  summary:/m, '  summmary:']]);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'issuer.abreviation',
        ...positionOf(lines, /^  abreviation:/),
        message_vi: 'trường không được biết đến: "abreviation"; có phải là "abbreviation"?',
        message_en: 'unknown field "abreviation"; did you mean "abbreviation"?',
      }),
      expect.objectContaining({ path: 'plan.summmary', ...positionOf(lines, /^  summmary:/), message_en: 'unknown field "summmary"; did you mean "summary"?' }),
    ]);
    expect(problems.every((p) => p.file?.endsWith('.yaml'))).toBe(true);
  });

  it('prints each problem as file:line:column, which editors and terminals link', async () => {
    const { problems, lines } = await problemsOf([[/^  place: Kiến Minh$/m, '  plaec: Kiến Minh']]);
    const { line, column } = positionOf(lines, /^  plaec:/);
    expect(formatProblems(problems)).toMatch(new RegExp(`^LỖI/ERROR \\S+\\.yaml:${line}:${column} issuer\\.plaec: `));
  });

  it('a key far from every known one gets no guess', async () => {
    const { problems } = await problemsOf([[/^  place: Kiến Minh$/m, '  place: Kiến Minh\n  ghichu: x']]);
    expect(problems.find((p) => p.path === 'issuer.ghichu')?.message_en).toBe('unknown field "ghichu"');
  });

  it('a missing field is placed at the group that lacks it; problems come in the order of the file', async () => {
    const { problems, lines } = await problemsOf([[/^  place: Kiến Minh\n/m, ''], [/^    position: .*\n/m, '']]);
    const [issuer, signer] = [positionOf(lines, /^issuer:/), positionOf(lines, /^  signer:/)];
    expect(problems.map((p) => [p.path, p.line, p.message_en])).toEqual([
      ['issuer.place', issuer.line, 'a required field is missing'],
      ['plan.signer.position', signer.line, 'a required field is missing'],
    ]);
  });

  it('an impossible date says so; a date in another form says how to write it', async () => {
    const { problems: impossible } = await problemsOf([['date: 2025-09-09', 'date: 2025-02-29']]);
    expect(impossible[0]).toMatchObject({ message_vi: 'ngày không có thật: tháng 2/2025 có 28 ngày', message_en: 'an impossible date: 2/2025 has 28 days' });
    const { problems: form } = await problemsOf([['date: 2025-09-09', 'date: 09/09/2025']]);
    expect(form[0].message_en).toBe('not a date: write it as YYYY-MM-DD, e.g. "2025-09-09"');
    const { problems: month } = await problemsOf([['date: 2025-09-09', 'date: 2025-13-09']]);
    expect(month[0].message_en).toBe('an impossible date: there is no month 13');
  });

  it('a document date past its month\'s end is impossible, at its day', async () => {
    const { problems, lines } = await problemsOf([[/^    year: 2025\n    month: 9\n    day: null.*$/m, '    year: 2025\n    month: 2\n    day: 30']]);
    expect(problems).toEqual([
      expect.objectContaining({ path: 'plan.date.day', ...positionOf(lines, /^    day: 30$/), message_vi: 'ngày không có thật: tháng 2/2025 có 28 ngày' }),
    ]);
  });

  it('writes its own English: no message is the validation library\'s', async () => {
    const { problems } = await problemsOf([
      [/^  level: xa$/m, '  level: xaa'],
      [/^  abbreviation: UBND$/m, '  abbreviation: [UBND]'],
      [/^    year: 2025$/m, '    year: 2025.5'],
      [/^  recipients:\n/m, '  recipients: []\n  recipientz:\n'],
    ]);
    expect(problems.length).toBeGreaterThanOrEqual(4);
    for (const p of problems) expect(p.message_en, p.path).not.toMatch(/Invalid|expected|received/);
    expect(problems.find((p) => p.path === 'issuer.level')?.message_en).toMatch(/^not an allowed value: use one of "xa", "phuong"/);
    expect(problems.find((p) => p.path === 'issuer.abbreviation')?.message_en).toBe('wrong kind of value: needs a text, not a list');
    expect(problems.find((p) => p.path === 'plan.date.year')?.message_en).toBe('wrong kind of value: needs a whole number, not the number 2025.5');
  });
});

describe('warnings of sample data', () => {
  it('are labelled as expected, with the file they come from', async () => {
    const { loadResults, loadAwardForms } = await import('../src/model/load.js');
    const { campaign } = await loadCampaign(FIXTURE);
    const file = FIXTURE.replace('campaign.yaml', 'ket-qua.yaml');
    const { warnings } = await loadResults(file, campaign, await loadAwardForms());
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w).toMatchObject({ severity: 'warning', sample: file, file });
    expect(formatProblems(warnings).split('\n')[0]).toMatch(/^CẢNH BÁO\/WARNING \(dữ liệu minh họa, dự kiến \/ sample data, expected\) \S+ket-qua\.yaml:\d+:\d+ /);
    // Data that is not made up says nothing of the kind.
    const real = join(dir, 'real.yaml');
    writeFileSync(real, readFileSync(file, 'utf8').replace(/^sample: true$/m, 'sample: false'));
    const plain = await loadResults(real, campaign, await loadAwardForms());
    expect(plain.warnings.length).toBe(warnings.length);
    expect(plain.warnings.every((w) => w.sample === undefined)).toBe(true);
  });
});

describe('plain data, with no file', () => {
  it('has paths but no line', () => {
    const { problems } = checkCampaignData({ id: 'x' });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.line === undefined && p.file === undefined)).toBe(true);
  });
});

describe('rules', () => {
  it.each([
    ['abreviation', ['abbreviation', 'name'], 'abbreviation'],
    ['Summary', ['summary'], 'summary'],
    ['sumary', ['summary', 'subject'], 'summary'],
    ['plaec', ['place', 'name'], 'place'],
    ['ghichu', ['name', 'place'], undefined],
    ['x', ['id'], undefined],
  ])('nearestKey(%s)', (key, known, expected) => {
    expect(nearestKey(key, known)).toBe(expected);
  });

  it.each([
    ['plan.basis[0].date', ['plan', 'basis', 0, 'date']],
    ['units[12]', ['units', 12]],
    ['id', ['id']],
    ['c.yaml: issuer.parent', undefined],
    ['body:3:3', undefined],
  ])('parseFieldPath(%s)', (path, expected) => {
    expect(parseFieldPath(path)).toEqual(expected);
  });
});
