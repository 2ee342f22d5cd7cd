/**
 * The command line, run as a separate process in a temporary folder.
 *
 * It runs src/cli.ts through tsx's loader (node --import tsx) rather than
 * dist/cli.js (see test/support/cli.ts), so the test needs no build step,
 * always runs the current source, and never writes into the shared dist/
 * folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cliSandbox, EXIT, FIXTURE, listFiles, TSX } from './support/cli.js';
import { schemaFile } from '../src/model/json-schema.js';
import { wideMargins } from './support/restyled-template.js';

const { work, thidua, freshDir, brokenCopy, expectNoTempFiles } = cliSandbox('cli', 120_000);

describe('validate', () => {
  it('exits 0 on the fixture', () => {
    const r = thidua('validate', FIXTURE);
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toContain('kien-minh-2025');
  });

  it('measures the fit of the lines with --template: its wider margins leave a long signer line no room', () => {
    const template = join(work(), 'le-rong.docx');
    writeFileSync(template, wideMargins());
    const file = brokenCopy('long-signer.yaml', (d) => {
      d.plan.signer.position = 'PHÓ CHỦ TỊCH THƯỜNG TRỰC ỦY BA';
    });
    expect(thidua('validate', file).status).toBe(EXIT.ok);
    const r = thidua('validate', file, '--template', template);
    expect(r.status).toBe(EXIT.invalid);
    expect(r.stderr).toMatch(/plan\.signer\.position: .*quá cột .* cm: hãy tách thành nhiều dòng.*wider than its [\d,]+ cm column/s);
  });

  it('exits 1 on a broken copy and prints the problem with its path, Vietnamese and English', () => {
    const file = brokenCopy('broken-sum.yaml', (d) => {
      d.plan.body[2].body[1].body[0].body[0].indicators[0].items[0].components[0].target.period = '720.555';
    });
    const r = thidua('validate', file);
    expect(r.status).toBe(EXIT.invalid);
    const line = r.stderr.split('\n').find((l) => l.includes(' plan.body[2].body[1].body[0].body[0].indicators[0].items[0].components: '));
    expect(line, r.stderr).toBeDefined();
    expect(line).toContain('tổng các thành phần');
    expect(line).toContain('add up to');
    expect(line).toContain('833,508');
  });

  it('lists several problems of one file, each on its own line', () => {
    const file = brokenCopy('broken-many.yaml', (d) => {
      delete d.plan.summary;
      d.issuer.lines[1] = 'Xã Kiến Minh';
      d.plan.body[2].body[2].body[0].tasks[1].item = 'Tập trung\u0007 thực hiện';
    });
    const r = thidua('validate', file);
    expect(r.status).toBe(EXIT.invalid);
    for (const [path, vi, en] of [
      ['plan.summary', 'thiếu trường bắt buộc', 'a required field is missing'],
      ['issuer.lines[1]', 'chữ in hoa', 'capitals'],
      ['plan.body[2].body[2].body[0].tasks[1].item', 'U+0007', 'U+0007'],
    ]) {
      const l = r.stderr.split('\n').find((x) => x.includes(` ${path}: `));
      expect(l, `${path} in:\n${r.stderr}`).toBeDefined();
      expect(l).toContain(vi);
      expect(l).toContain(en);
    }
  });

  it('exits 1 on a file that does not exist', () => {
    const r = thidua('validate', join(work(), 'no-such-file.yaml'));
    expect(r.status).toBe(EXIT.invalid);
    expect(r.stderr).toContain('no-such-file.yaml');
  });
});

describe('usage errors exit 2', () => {
  it.each<[string, string[]]>([
    ['an unknown command', ['frobnicate', 'x.yaml']],
    ['no command', []],
    ['validate without its file', ['validate']],
    ['plan without its file', ['plan']],
    ['an unknown option', ['validate', 'x.yaml', '--colour']],
  ])('%s', (_name, args) => {
    const r = thidua(...args);
    expect(r.status, r.stderr).toBe(EXIT.usage);
    expect(r.stderr.trim()).not.toBe('');
  });

  it('plan --format xls exits 2 and writes nothing', () => {
    const out = freshDir('out-xls');
    const r = thidua('plan', FIXTURE, '--out', out, '--format', 'xls');
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toContain('xls');
    expect(listFiles(out)).toEqual([]);
  });
});

describe('plan writes nothing when it fails', () => {
  it('exits 1 on invalid data, leaving --out absent', () => {
    const file = brokenCopy('invalid.yaml', (d) => {
      d.plan.body[2].body[1].body[0].body[0].indicators[1].items[0].context.percent = 125;
    });
    const out = freshDir('out-invalid');
    const r = thidua('plan', file, '--out', out);
    expect(r.status).toBe(EXIT.invalid);
    expect(r.stderr).toContain('plan.body[2].body[1].body[0].body[0].indicators[1].items[0].context.percent');
    expect(listFiles(out)).toEqual([]);
    expectNoTempFiles();
  });

  it('exits 1 on invalid data, leaving an existing --out empty', () => {
    const file = brokenCopy('invalid2.yaml', (d) => {
      delete d.plan.summary;
    });
    const out = freshDir('out-invalid-existing');
    mkdirSync(out);
    const r = thidua('plan', file, '--out', out);
    expect(r.status).toBe(EXIT.invalid);
    expect(readdirSync(out)).toEqual([]);
    expectNoTempFiles();
  });

  it('exits 1 when --template is not a DOCX, and writes nothing', () => {
    const template = join(work(), 'not-a-template.docx');
    writeFileSync(template, 'This is plain text, not a Word document.\n');
    const out = freshDir('out-template');
    const r = thidua('plan', FIXTURE, '--out', out, '--template', template);
    expect(r.status).toBe(EXIT.invalid);
    expect(r.stderr).toContain('not-a-template.docx');
    expect(listFiles(out)).toEqual([]);
    expectNoTempFiles();
  });

  it('exits 1 when --template does not exist, and writes nothing', () => {
    const out = freshDir('out-no-template');
    const r = thidua('plan', FIXTURE, '--out', out, '--template', join(work(), 'missing.docx'));
    expect(r.status).toBe(EXIT.invalid);
    expect(r.stderr).toContain('missing.docx');
    expect(listFiles(out)).toEqual([]);
  });

  it('exits 1 on a YAML syntax error, naming the line', () => {
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    const index = lines.findIndex((l) => l.startsWith('  abbreviation:'));
    expect(index).toBeGreaterThan(0);
    lines[index] = '  abbreviation: UBND: x';
    const file = join(work(), 'syntax.yaml');
    writeFileSync(file, lines.join('\n'));
    const line = index + 1;
    const out = freshDir('out-syntax');
    const r = thidua('plan', file, '--out', out);
    expect(r.status).toBe(EXIT.invalid);
    expect(r.stderr).toContain('syntax.yaml');
    // "syntax.yaml:14:17", "line 14" or "dòng 14".
    expect(r.stderr).toMatch(new RegExp(`(syntax\\.yaml:${line}\\b|line ${line}\\b|dòng ${line}\\b)`));
    expect(listFiles(out)).toEqual([]);
  });
});

describe('plan writes its documents', () => {
  it('--format docx writes only ke-hoach.docx and manifest.json', () => {
    const out = freshDir('out-docx');
    const r = thidua('plan', FIXTURE, '--out', out, '--format', 'docx');
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(listFiles(out)).toEqual(['ke-hoach.docx', 'manifest.json']);
    const docx = readFileSync(join(out, 'ke-hoach.docx'));
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.campaign).toBe('kien-minh-2025');
    expect(manifest.documents).toHaveLength(1);
    expect(manifest.documents[0].kind).toBe('plan');
    expect(manifest.documents[0].files.docx).toBe('ke-hoach.docx');
    expect(manifest.documents[0].files).not.toHaveProperty('pdf');
    expectNoTempFiles();
  });

  it('--format pdf writes only ke-hoach.pdf and manifest.json', () => {
    const out = freshDir('out-pdf');
    const r = thidua('plan', FIXTURE, '--out', out, '--format', 'pdf');
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(listFiles(out)).toEqual(['ke-hoach.pdf', 'manifest.json']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.documents[0].files).toEqual({ pdf: 'ke-hoach.pdf' });
    expect(manifest.documents[0].pages).toBeGreaterThan(0);
  });

  it('twice gives byte-identical ke-hoach.docx and ke-hoach.pdf', () => {
    const a = freshDir('out-a');
    const b = freshDir('out-b');
    const ra = thidua('plan', FIXTURE, '--out', a);
    expect(ra.status, ra.stderr).toBe(EXIT.ok);
    const rb = thidua('plan', FIXTURE, '--out', b);
    expect(rb.status, rb.stderr).toBe(EXIT.ok);
    expect(listFiles(a)).toEqual(['ke-hoach.docx', 'ke-hoach.pdf', 'manifest.json']);
    expect(listFiles(b)).toEqual(['ke-hoach.docx', 'ke-hoach.pdf', 'manifest.json']);
    for (const name of ['ke-hoach.docx', 'ke-hoach.pdf', 'manifest.json']) {
      const x = readFileSync(join(a, name));
      const y = readFileSync(join(b, name));
      expect(x.length, name).toBeGreaterThan(0);
      expect(x.equals(y), `${name} differs between runs`).toBe(true);
    }
    expect(readFileSync(join(a, 'ke-hoach.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('a second run into the same folder replaces the files and leaves no staging files', () => {
    const out = freshDir('out-again');
    expect(thidua('plan', FIXTURE, '--out', out, '--format', 'docx').status).toBe(EXIT.ok);
    const first = readFileSync(join(out, 'ke-hoach.docx'));
    expect(thidua('plan', FIXTURE, '--out', out, '--format', 'docx').status).toBe(EXIT.ok);
    expect(listFiles(out)).toEqual(['ke-hoach.docx', 'manifest.json']);
    expect(readFileSync(join(out, 'ke-hoach.docx')).equals(first)).toBe(true);
    expectNoTempFiles();
  });
});

describe('options given oddly', () => {
  it('takes --format given twice', () => {
    const out = freshDir('twice');
    const r = thidua('plan', FIXTURE, '--out', out, '--format', 'docx', '--format', 'pdf');
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(listFiles(out)).toEqual(['ke-hoach.docx', 'ke-hoach.pdf', 'manifest.json']);
  });

  it.each([['--out'], ['--template']])('refuses %s without a value as a usage error, writing nothing', (option) => {
    const before = listFiles(work());
    const r = thidua('plan', FIXTURE, option, '');
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toContain(option);
    expect(listFiles(work())).toEqual(before);
  });

  it('exits 3 when --out is a file, without a stack trace', () => {
    const file = join(work(), 'a-file');
    writeFileSync(file, 'x');
    const r = thidua('plan', FIXTURE, '--out', file);
    expect(r.status).toBe(EXIT.output);
    expect(r.stderr).toContain('cannot write the output');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expectNoTempFiles();
  });
});

describe('help and usage, in Vietnamese and English', () => {
  it('--help lists the commands in both languages, with examples and the exit codes', () => {
    const r = thidua('--help');
    expect(r.status).toBe(EXIT.ok);
    for (const s of ['Lệnh / Commands:', 'Tùy chọn / Options:', 'Ví dụ / Examples:', 'kiểm tra dữ liệu đợt thi đua', 'check campaign data', 'Mã thoát / exit codes:']) {
      expect(r.stdout).toContain(s);
    }
    for (const code of Object.values(EXIT)) expect(r.stdout).toMatch(new RegExp(`^  ${code}  \\S`, 'm'));
  });

  it('a mistyped command exits 2 and names the command meant', () => {
    const r = thidua('valdate', FIXTURE);
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toContain('Có phải là lệnh / did you mean: validate?');
  });

  it('a missing argument is said in both languages, with its numbers', () => {
    const r = thidua('validate');
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toContain('thiếu tham số / not enough arguments: có / got 0, cần ít nhất / need at least 1');
  });

  it('schema prints the JSON Schema shipped in templates/schema/', () => {
    for (const name of ['campaign', 'results'] as const) {
      const r = thidua('schema', name);
      expect(r.status, r.stderr).toBe(EXIT.ok);
      expect(r.stdout).toBe(readFileSync(schemaFile(name), 'utf8'));
    }
    expect(thidua('schema', 'nothing').status).toBe(EXIT.usage);
  });
});

describe('imports per command', () => {
  /** The packages a command loaded (CommonJS ones, as the process's module cache lists them at exit). */
  const loaded = (...args: string[]): string[] => {
    const list = `data:text/javascript,import{createRequire}from'node:module';import{writeSync}from'node:fs';const r=createRequire('/loaded.js');process.on('exit',()=>writeSync(2,'\\nloaded '+Object.keys(r.cache).join(' ')+'\\n'))`;
    const r = spawnSync(process.execPath, ['--import', TSX, '--import', list, CLI, ...args], { encoding: 'utf8', cwd: work(), timeout: 120_000 });
    expect(r.status, r.stderr).toBe(EXIT.ok);
    const line = r.stderr.split('\n').find((l) => l.startsWith('loaded '));
    expect(line, 'the list of loaded modules').toBeDefined();
    return [...new Set(line!.split(' ').slice(1).flatMap((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p)?.[1] ?? []))];
  };

  it('validate and plan load neither the HTTP server nor ExcelJS; excel does load ExcelJS', () => {
    for (const args of [['validate', FIXTURE], ['plan', FIXTURE, '--out', freshDir('imports-plan'), '--format', 'docx']]) {
      const packages = loaded(...args);
      expect(packages).toEqual(expect.arrayContaining(['docxtemplater']));
      expect(packages.filter((p) => ['exceljs', 'fastify', '@fastify/swagger', 'autocannon'].includes(p)), args[0]).toEqual([]);
    }
    expect(loaded('excel', FIXTURE, '-o', join(work(), 'c.xlsx'))).toContain('exceljs');
  });
});
