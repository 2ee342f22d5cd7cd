/**
 * The batch commands (`units`, `all`) of the command line, run as a separate
 * process in a temporary folder, as test/cli.test.ts runs `plan`.
 *
 * It runs src/cli.ts through tsx's loader (node --import tsx); the batch's
 * worker threads load the TypeScript sources through tsx as well. Each batch
 * run takes seconds, so each is run once and its output checked by several
 * tests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, EXIT, FIXTURE, listFiles, type Run } from './support/cli.js';

/** A batch run may take a while on a busy machine. */
const SLOW = 180_000;

const UNIT_IDS: string[] = parse(readFileSync(FIXTURE, 'utf8')).units.map((u: { id: string }) => u.id);

const { thidua, freshDir, brokenCopy, expectNoTempFiles } = cliSandbox('batch', SLOW);

interface ManifestEntry {
  kind: string;
  unit?: string;
  title: string;
  files: { docx?: string; pdf?: string };
  pages?: number;
}

function readManifest(dir: string): { campaign: string; documents: ManifestEntry[] } {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}

/** The files of unit plans, sorted as listFiles sorts them. */
function unitFiles(ids: string[], formats: ('docx' | 'pdf')[]): string[] {
  return ids.flatMap((id) => formats.map((f) => join('don-vi', `${id}.${f}`))).sort();
}

/** A DOCX is a ZIP holding word/document.xml. */
function expectDocx(file: string): void {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 2).toString('latin1'), file).toBe('PK');
  const xml = new PizZip(bytes).file('word/document.xml')?.asText();
  expect(xml, `${file}: word/document.xml`).toBeTruthy();
  expect(xml).toContain('<w:body>');
}

function expectPdf(file: string): void {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1'), file).toBe('%PDF-');
  expect(bytes.subarray(-64).toString('latin1'), file).toContain('%%EOF');
}

/** The batch's last stdout line, "15 văn bản, 40 trang, 3,9 giây / 15 documents, 40 pages, 3.9 s"; in general "N văn bản[, P trang], S giây / N documents[, P pages], S s[; F lỗi / failed]": pages only when PDFs were made; "1 document" in English. */
const SUMMARY = /^(\d+) văn bản(?:, (\d+) trang)?, \d+(,\d+)? giây \/ (\d+) documents?(?:, (\d+) pages?)?, \d+(\.\d+)? s(; .*)?$/;

function summaryOf(stdout: string): { documents: number; pages: number | undefined; rest: string } {
  const last = stdout.trimEnd().split('\n').at(-1) ?? '';
  const m = SUMMARY.exec(last);
  expect(m, `summary line: ${JSON.stringify(last)}`).not.toBeNull();
  expect(m![4]).toBe(m![1]);
  expect(m![5]).toBe(m![2]);
  return { documents: Number(m![1]), pages: m![2] === undefined ? undefined : Number(m![2]), rest: m![7] ?? '' };
}

describe('units FIXTURE --out DIR', () => {
  let out: string;
  let r: Run;

  beforeAll(() => {
    out = freshDir('out-units');
    r = thidua('units', FIXTURE, '--out', out);
  }, SLOW);

  it('exits 0 and prints nothing on stderr (no progress bar when not a TTY, no warnings)', () => {
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(r.stderr).toBe('');
  });

  it('writes DOCX and PDF for all 15 units and nothing else but manifest.json', () => {
    expect(UNIT_IDS).toHaveLength(15);
    expect(listFiles(out)).toEqual([...unitFiles(UNIT_IDS, ['docx', 'pdf']), 'manifest.json'].sort());
    expectNoTempFiles();
  });

  it('lists the 15 unit plans in manifest.json, in the fixture’s unit order', () => {
    const manifest = readManifest(out);
    expect(manifest.campaign).toBe('kien-minh-2025');
    expect(manifest.documents.map((d) => d.unit)).toEqual(UNIT_IDS);
    for (const [i, d] of manifest.documents.entries()) {
      const id = UNIT_IDS[i];
      expect(d.kind).toBe('unit-plan');
      expect(d.unit).toBe(id);
      expect(typeof d.title).toBe('string');
      expect(d.title.trim()).not.toBe('');
      expect(d.files).toEqual({ docx: `don-vi/${id}.docx`, pdf: `don-vi/${id}.pdf` });
      expect(d.pages, id).toBeGreaterThanOrEqual(1);
      expect(Number.isInteger(d.pages)).toBe(true);
    }
  });

  it('ends stdout with a one-line summary: 15 documents, the total pages, the seconds', () => {
    const pages = readManifest(out).documents.reduce((n, d) => n + (d.pages ?? 0), 0);
    const s = summaryOf(r.stdout);
    expect(s.documents).toBe(15);
    expect(s.pages).toBe(pages);
    expect(s.rest).toBe('');
  });

  it('writes files that are a DOCX (ZIP with word/document.xml) and a PDF', () => {
    for (const id of UNIT_IDS) {
      expectDocx(join(out, 'don-vi', `${id}.docx`));
      expectPdf(join(out, 'don-vi', `${id}.pdf`));
    }
  });
});

describe('units --unit', () => {
  it(
    '--unit phong-kinh-te --unit cong-an-xa --format docx writes only those two DOCX files',
    () => {
      const out = freshDir('out-two');
      const r = thidua('units', FIXTURE, '--out', out, '--unit', 'phong-kinh-te', '--unit', 'cong-an-xa', '--format', 'docx');
      expect(r.status, r.stderr).toBe(EXIT.ok);
      expect(listFiles(out)).toEqual(['don-vi/cong-an-xa.docx', 'don-vi/phong-kinh-te.docx', 'manifest.json']);
      const manifest = readManifest(out);
      // In the fixture's order (phong-kinh-te before cong-an-xa), not the order given.
      expect(manifest.documents.map((d) => [d.kind, d.unit, d.files])).toEqual([
        ['unit-plan', 'phong-kinh-te', { docx: 'don-vi/phong-kinh-te.docx' }],
        ['unit-plan', 'cong-an-xa', { docx: 'don-vi/cong-an-xa.docx' }],
      ]);
      expectDocx(join(out, 'don-vi', 'phong-kinh-te.docx'));
      expectDocx(join(out, 'don-vi', 'cong-an-xa.docx'));
      const s = summaryOf(r.stdout);
      expect(s.documents).toBe(2);
      // No PDF, no page count.
      expect(s.pages).toBeUndefined();
    },
    SLOW,
  );

  it(
    'a unit named twice is rendered once, listed once, and leaves nothing behind',
    () => {
      const out = freshDir('out-twice');
      const r = thidua('units', FIXTURE, '--out', out, '--unit', 'cong-an-xa', '--unit', 'cong-an-xa', '--format', 'docx');
      expect(r.status, r.stderr).toBe(EXIT.ok);
      expect(listFiles(out)).toEqual(['don-vi/cong-an-xa.docx', 'manifest.json']);
      expect(readManifest(out).documents.map((d) => d.unit)).toEqual(['cong-an-xa']);
      expect(summaryOf(r.stdout).documents).toBe(1);
      expect(r.stdout).toMatch(/ \/ 1 document, /);
      expectNoTempFiles();
    },
    SLOW,
  );

  it(
    '--unit no-such-unit exits 2 naming it and writes nothing',
    () => {
      const out = freshDir('out-no-unit');
      const r = thidua('units', FIXTURE, '--out', out, '--unit', 'no-such-unit');
      expect(r.status, r.stderr).toBe(EXIT.usage);
      expect(r.stderr).toContain('no-such-unit');
      expect(listFiles(out)).toEqual([]);
      expectNoTempFiles();
    },
    SLOW,
  );

  it(
    'twice gives byte-identical DOCX and PDF',
    () => {
      const a = freshDir('out-det-a');
      const b = freshDir('out-det-b');
      const ra = thidua('units', FIXTURE, '--out', a, '--unit', 'phong-kinh-te');
      expect(ra.status, ra.stderr).toBe(EXIT.ok);
      const rb = thidua('units', FIXTURE, '--out', b, '--unit', 'phong-kinh-te');
      expect(rb.status, rb.stderr).toBe(EXIT.ok);
      const files = ['don-vi/phong-kinh-te.docx', 'don-vi/phong-kinh-te.pdf', 'manifest.json'];
      expect(listFiles(a)).toEqual(files);
      expect(listFiles(b)).toEqual(files);
      for (const name of files) {
        const x = readFileSync(join(a, name));
        const y = readFileSync(join(b, name));
        expect(x.length, name).toBeGreaterThan(0);
        expect(x.equals(y), `${name} differs between runs`).toBe(true);
      }
    },
    SLOW,
  );
});

describe('units on a copy with two units broken (a schema error, an unknown indicator)', () => {
  const SCHEMA = 'doan-thanh-nien';
  const UNKNOWN = 'hoi-nong-dan';
  const schemaPath = `units[${UNIT_IDS.indexOf(SCHEMA)}].kind`;
  let unknownPath: string;
  const others = UNIT_IDS.filter((id) => id !== SCHEMA && id !== UNKNOWN);
  let out: string;
  let r: Run;

  beforeAll(() => {
    const file = brokenCopy('two-broken.yaml', (d) => {
      d.units[UNIT_IDS.indexOf(SCHEMA)].kind = 'bogus';
      const supports = d.units[UNIT_IDS.indexOf(UNKNOWN)].supports.indicators;
      unknownPath = `units[${UNIT_IDS.indexOf(UNKNOWN)}].supports.indicators[${supports.length}]`;
      supports.push('khong-co-chi-tieu-nay');
    });
    out = freshDir('out-broken');
    r = thidua('units', file, '--out', out);
  }, SLOW);

  it('exits 1', () => {
    expect(r.status, r.stderr).toBe(EXIT.invalid);
  });

  it('names both units and their field paths on stderr, in Vietnamese and English', () => {
    for (const id of [SCHEMA, UNKNOWN]) expect(r.stderr).toContain(id);
    const lines = r.stderr.split('\n');
    const schemaLine = lines.find((l) => l.includes(` ${schemaPath}: `));
    expect(schemaLine, r.stderr).toBeDefined();
    expect(schemaLine).toMatch(/LỖI\/ERROR/);
    // "<vi> / <en>", both non-empty.
    expect(schemaLine).toMatch(new RegExp(`${schemaPath.replace(/[[\].]/g, '\\$&')}: \\S.* / \\S`));
    const unknownLine = lines.find((l) => l.includes(` ${unknownPath}: `));
    expect(unknownLine, r.stderr).toBeDefined();
    expect(unknownLine).toContain('không có chỉ tiêu');
    expect(unknownLine).toContain('no indicator');
    expect(unknownLine).toContain('khong-co-chi-tieu-nay');
  });

  it('writes the other 13 units’ files, valid, and none for the broken units', () => {
    expect(others).toHaveLength(13);
    expect(listFiles(out)).toEqual([...unitFiles(others, ['docx', 'pdf']), 'manifest.json'].sort());
    for (const id of others) {
      expectDocx(join(out, 'don-vi', `${id}.docx`));
      expectPdf(join(out, 'don-vi', `${id}.pdf`));
    }
    expectNoTempFiles();
  });

  it('lists only the 13 written units in manifest.json, and says 2 failed in the summary', () => {
    const manifest = readManifest(out);
    expect(manifest.documents.map((d) => d.unit)).toEqual(others);
    const s = summaryOf(r.stdout);
    expect(s.documents).toBe(13);
    expect(s.pages).toBe(manifest.documents.reduce((n, d) => n + (d.pages ?? 0), 0));
    expect(s.rest).toMatch(/2/);
  });
});

describe('plan and units into one folder', () => {
  it(
    'plan, then units --unit thon-1: manifest lists the plan first and thon-1',
    () => {
      const out = freshDir('out-merge');
      const rp = thidua('plan', FIXTURE, '--out', out);
      expect(rp.status, rp.stderr).toBe(EXIT.ok);
      const ru = thidua('units', FIXTURE, '--out', out, '--unit', 'thon-1');
      expect(ru.status, ru.stderr).toBe(EXIT.ok);
      expect(listFiles(out)).toEqual(['don-vi/thon-1.docx', 'don-vi/thon-1.pdf', 'ke-hoach.docx', 'ke-hoach.pdf', 'manifest.json']);
      const manifest = readManifest(out);
      expect(manifest.documents.map((d) => [d.kind, d.unit ?? null])).toEqual([
        ['plan', null],
        ['unit-plan', 'thon-1'],
      ]);
      expect(manifest.documents[0].files).toEqual({ docx: 'ke-hoach.docx', pdf: 'ke-hoach.pdf' });
      expect(manifest.documents[1].files).toEqual({ docx: 'don-vi/thon-1.docx', pdf: 'don-vi/thon-1.pdf' });
      expectNoTempFiles();
    },
    SLOW,
  );
});

describe('all FIXTURE --out DIR --format pdf', () => {
  let out: string;
  let r: Run;

  beforeAll(() => {
    out = freshDir('out-all');
    r = thidua('all', FIXTURE, '--out', out, '--format', 'pdf');
  }, SLOW);

  it('exits 0 and writes 17 PDFs: the plan, every unit plan and the summary report (ket-qua.yaml is beside the campaign)', () => {
    expect(r.status, r.stderr).toBe(EXIT.ok);
    const files = listFiles(out);
    expect(files).toEqual(['ke-hoach.pdf', 'bao-cao-tong-ket.pdf', ...unitFiles(UNIT_IDS, ['pdf']), 'manifest.json'].sort());
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(17);
    for (const f of files.filter((x) => x.endsWith('.pdf'))) expectPdf(join(out, f));
    expectNoTempFiles();
  });

  it('lists the plan first, then the units in the fixture’s order, then the summary report', () => {
    const manifest = readManifest(out);
    expect(manifest.documents.map((d) => [d.kind, d.unit ?? null])).toEqual([
      ['plan', null],
      ...UNIT_IDS.map((id) => ['unit-plan', id]),
      ['summary', null],
    ]);
    expect(manifest.documents[0].files).toEqual({ pdf: 'ke-hoach.pdf' });
    expect(manifest.documents.at(-1)!.files).toEqual({ pdf: 'bao-cao-tong-ket.pdf' });
    for (const d of manifest.documents.slice(1, -1)) expect(d.files).toEqual({ pdf: `don-vi/${d.unit}.pdf` });
    for (const d of manifest.documents) expect(d.pages).toBeGreaterThanOrEqual(1);
  });

  it('ends with a summary of 17 documents and their pages', () => {
    const s = summaryOf(r.stdout);
    expect(s.documents).toBe(17);
    expect(s.pages).toBe(readManifest(out).documents.reduce((n, d) => n + (d.pages ?? 0), 0));
  });
});

describe('all with results that have errors', () => {
  let out: string;
  let r: Run;
  beforeAll(() => {
    // A copy of the results naming an indicator item the plan does not have, beside a copy of the campaign.
    const campaignCopy = brokenCopy('with-bad-results.yaml', () => {});
    const results = parse(readFileSync(join(FIXTURE, '..', 'ket-qua.yaml'), 'utf8'));
    results.indicators[0].item = 'no-such-item';
    writeFileSync(join(campaignCopy, '..', 'ket-qua.yaml'), stringify(results));
    out = freshDir('out-bad-results');
    r = thidua('all', campaignCopy, '--out', out, '--format', 'docx');
  }, SLOW);

  it('exits 1, names the report and the field, and still writes the plan and every unit plan', () => {
    expect(r.status).toBe(EXIT.invalid);
    expect(r.stderr).toContain('LỖI/ERROR báo cáo / report:');
    expect(r.stderr).toContain('indicators[0].item');
    expect(listFiles(out)).toEqual(['ke-hoach.docx', ...unitFiles(UNIT_IDS, ['docx']), 'manifest.json'].sort());
    expectNoTempFiles();
  });
});
