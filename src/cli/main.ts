/**
 * thidua command line. Exit codes: 0 done; 1 invalid data or template
 * (every problem is listed) or, in a batch, a unit that failed; 2 wrong
 * usage; 3 the output folder cannot be written.
 */
import { resolve } from 'node:path';
import yargs from 'yargs';
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadAwardForms, loadCampaign, loadResults } from '../model/load.js';
import type { AwardForm, Results } from '../model/results-schema.js';
import { InvalidInputError, formatProblems, noPlan } from '../model/problems.js';
import { DEFAULT_TEMPLATE, loadDocxTemplate, TemplateError } from '../render/docx.js';
import { FORMATS, renderPlan, type Format, type RenderedDocument } from '../generate.js';
import { manifestFile, readManifest } from '../output/manifest.js';
import { writeAtomically } from '../output/write.js';
import { renderBatch, type BatchFailure } from '../batch/run.js';
import type { Campaign } from '../model/schema.js';
import { progressReporter } from '../progress.js';
import { SCHEMA_NAMES, jsonSchemaText, type SchemaName } from '../model/json-schema.js';
import { YARGS_STRINGS } from './strings.js';
import { InitUsageError, initCommand } from './init.js';
import { RESULTS_FILE } from '../starter/starter.js';
import { useLayout } from '../layout.js';
import { CONFIG_FILE, applyConfig } from './config.js';
import { LEVELS } from '../model/schema.js';

/** Results file looked for beside the campaign file by `all`. */

export const EXIT = { ok: 0, invalid: 1, usage: 2, output: 3 } as const;

const EXIT_CODES_HELP = [
  'Mã thoát / exit codes:',
  `  ${EXIT.ok}  xong / done`,
  `  ${EXIT.invalid}  dữ liệu hoặc mẫu có lỗi (in ra từng lỗi), hoặc một đơn vị không in được / invalid data or template (each problem listed), or a unit failed`,
  `  ${EXIT.usage}  gọi lệnh sai / wrong usage`,
  `  ${EXIT.output}  không ghi được thư mục kết quả / the output folder cannot be written`,
].join('\n');

class UsageError extends Error {}

/** "docx,pdf", or the option given twice ("--format docx --format pdf"). */
function parseFormats(value: string | string[]): Format[] {
  const formats = [value].flat().join(',').split(',').map((f) => f.trim().toLowerCase());
  const bad = formats.filter((f) => !FORMATS.includes(f as Format));
  if (bad.length || !formats.length) {
    throw new UsageError(`--format: không có định dạng / unknown format "${bad.join(',')}" (dùng / use ${FORMATS.join(',')})`);
  }
  return [...new Set(formats)] as Format[];
}

/** The workbook commands, loaded only for them: ExcelJS alone costs a third of a second to load. */
const workbooks = () => import('./workbooks.js');

async function validateCommand(file: string, resultsFile?: string, templateFile?: string): Promise<number> {
  checkOptions({ results: resultsFile, template: templateFile });
  // The fit of the lines is checked with the layout the documents will have.
  useLayout((await loadDocxTemplate(templateFile)).layout);
  const { campaign, warnings } = await loadCampaign(file);
  if (warnings.length) console.error(formatProblems(warnings));
  console.log(`Hợp lệ / valid: ${file} (${campaign.id})`);
  if (resultsFile) {
    const { warnings: missing } = await loadResults(resultsFile, campaign, await loadAwardForms());
    // Missing results and reports are listed, not fatal.
    if (missing.length) console.error(formatProblems(missing));
    console.log(`Hợp lệ / valid: ${resultsFile}`);
  }
  return EXIT.ok;
}

/** The results file: the one named, or for `all` the ket-qua.yaml beside the campaign file when there is one. */
async function resultsFileFor(file: string, named: string | undefined, lookBeside: boolean): Promise<string | undefined> {
  if (named !== undefined || !lookBeside) return named;
  const beside = join(dirname(file), RESULTS_FILE);
  return (await access(beside).then(() => true, () => false)) ? beside : undefined;
}

interface OutputOptions {
  out?: string;
  format: string | string[];
  template?: string;
}

/** An option given without its value comes as "": say so rather than write to the current folder. */
function checkOptions(o: { out?: string; template?: string; results?: string }): void {
  for (const key of ['out', 'template', 'results'] as const) {
    if (o[key] !== undefined && !String(o[key]).trim()) throw new UsageError(`--${key}: cần một giá trị / needs a value`);
  }
}

/** Write documents and the folder's manifest; print what was written. */
async function writeDocuments(campaign: Campaign, out: string | undefined, docs: RenderedDocument[]): Promise<void> {
  const dir = resolve(out ?? `output/${campaign.id}`);
  // The manifest is made under the folder's lock, from what it holds then: two runs into one folder both stay listed.
  const last = async () => [manifestFile(campaign, docs, await readManifest(dir))];
  for (const path of await writeAtomically(dir, docs.flatMap((d) => d.files), { last })) console.log(path);
}

async function planCommand(file: string, o: OutputOptions): Promise<number> {
  checkOptions(o);
  const formats = parseFormats(o.format);
  // The template first: its layout is what the data's fit is checked against (a name fits its column, a table its page).
  const template = await loadDocxTemplate(o.template);
  useLayout(template.layout);
  const { campaign, warnings } = await loadCampaign(file);
  if (warnings.length) console.error(formatProblems(warnings));
  if (!campaign.plan) throw new InvalidInputError([noPlan()]);
  const plan = await renderPlan(campaign, { formats, template });
  await writeDocuments(campaign, o.out, [plan]);
  return EXIT.ok;
}

function printFailures(failures: BatchFailure[]): void {
  for (const f of failures) {
    const what = f.unit ? `đơn vị / unit ${f.unit}` : f.kind === 'summary' ? 'báo cáo / report' : 'kế hoạch / plan';
    console.error(`LỖI/ERROR ${what}: ${f.problems.length ? `\n${formatProblems(f.problems)}` : f.message}`);
  }
}

/** Plan and unit plans in one batch on all cores; a failing unit does not stop the others. */
interface BatchOptions extends OutputOptions {
  plan: boolean;
  /** Unit ids; "all", or "none" for no unit plans. */
  units: string[] | 'all' | 'none';
  results?: string;
  /** `all`: take ket-qua.yaml beside the campaign file when --results is not given. */
  resultsBeside?: boolean;
}

async function batchCommand(file: string, o: BatchOptions): Promise<number> {
  const started = performance.now();
  checkOptions(o);
  const formats = parseFormats(o.format);
  const template = await loadDocxTemplate(o.template);
  useLayout(template.layout);
  const { campaign, warnings, unitErrors } = await loadCampaign(file, { allowUnitErrors: true });
  if (warnings.length) console.error(formatProblems(warnings));
  const failedIds = [...new Set(unitErrors.map((p) => p.unit!))];
  const known = new Set([...campaign.units.map((u) => u.id), ...failedIds]);
  // A unit named twice is one document.
  const named = Array.isArray(o.units) ? [...new Set(o.units)] : [];
  const failures: BatchFailure[] = [];
  const resultsFile = await resultsFileFor(file, o.results, o.resultsBeside ?? false);
  let report: { results: Results; forms: AwardForm[] } | undefined;
  if (resultsFile) {
    try {
      const forms = await loadAwardForms();
      // Units left out for their own errors are still units the results may name.
      const loaded = await loadResults(resultsFile, campaign, forms, [...known]);
      if (loaded.warnings.length) console.error(formatProblems(loaded.warnings));
      report = { results: loaded.results, forms };
    } catch (e) {
      // Bad results fail the report only; the plans are still written.
      if (!(e instanceof InvalidInputError)) throw e;
      failures.push({ kind: 'summary', message: 'invalid results', problems: e.problems });
    }
  }
  const unknown = named.filter((id) => !known.has(id));
  if (unknown.length) throw new UsageError(`--unit: ${file} không có đơn vị / has no unit "${unknown.join('", "')}"`);
  const wanted = o.units === 'none' ? [] : named.length ? named : [...known];
  if (!o.plan && !resultsFile && !wanted.length) throw new UsageError(`${file}: không có đơn vị nào / has no units`);
  failures.push(
    ...failedIds
      .filter((id) => wanted.includes(id))
      .map((id): BatchFailure => ({ kind: 'unit-plan', unit: id, message: 'invalid data', problems: unitErrors.filter((p) => p.unit === id) })),
  );
  const units = wanted.filter((id) => !failedIds.includes(id));

  const progress = progressReporter(process.stderr, (o.plan ? 1 : 0) + units.length + (report ? 1 : 0));
  let result;
  try {
    result = await renderBatch(campaign, { plan: o.plan, units, report, formats, template, onProgress: progress.tick });
  } finally {
    progress.stop();
  }
  failures.push(...result.failures);
  if (result.documents.length) await writeDocuments(campaign, o.out, result.documents);
  printFailures(failures);
  const n = result.documents.length;
  const pages = result.documents.reduce((sum, d) => sum + (d.entry.pages ?? 0), 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const failed = failures.length ? `; ${failures.length} lỗi / failed` : '';
  // Pages are those of the PDFs: without PDFs there is no page count to give.
  const en = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const [pagesVi, pagesEn] = formats.includes('pdf') ? [`, ${pages} trang`, `, ${en(pages, 'page')}`] : ['', ''];
  console.log(`${n} văn bản${pagesVi}, ${seconds.replace('.', ',')} giây / ${en(n, 'document')}${pagesEn}, ${seconds} s${failed}`);
  return failures.length ? EXIT.invalid : EXIT.ok;
}

function report(e: unknown): number {
  if (e instanceof InvalidInputError) {
    console.error(formatProblems(e.problems));
    return EXIT.invalid;
  }
  if (e instanceof TemplateError) {
    console.error(`LỖI/ERROR mẫu văn bản không dùng được / unusable template ${e.template}:\n${e.details.map((d) => `  ${d}`).join('\n')}`);
    return EXIT.invalid;
  }
  if (e instanceof UsageError) {
    console.error(e.message);
    return EXIT.usage;
  }
  const io = e as NodeJS.ErrnoException;
  if (io?.syscall && io.code) {
    console.error(`LỖI/ERROR không ghi được kết quả / cannot write the output (${io.code}): ${io.path ?? io.message}`);
    return EXIT.output;
  }
  throw e;
}

/** The ranges of `serve`'s numbers: a timer past 24.8 days overflows, a body limit of nothing refuses every request. */
const SERVE_RANGES = {
  port: { min: 0, max: 65535, integer: true },
  timeout: { min: 1, max: 3600, integer: false },
  bodyLimit: { min: 1024, max: 100 * 1024 * 1024, integer: true },
} as const;

function checkRange(option: string, value: number, r: { min: number; max: number; integer: boolean }): void {
  if (!Number.isFinite(value) || value < r.min || value > r.max || (r.integer && !Number.isInteger(value))) {
    throw new UsageError(`--${option}: cần ${r.integer ? 'một số nguyên' : 'một số'} từ ${r.min} đến ${r.max} / needs ${r.integer ? 'an integer' : 'a number'} from ${r.min} to ${r.max} (got ${Number.isNaN(value) ? 'no number' : value})`);
  }
}

const outputOptions = {
  out: { type: 'string', describe: 'thư mục ghi kết quả (mặc định output/<mã đợt>) / output folder (default output/<campaign id>)' },
  format: { type: 'string', default: 'docx,pdf', describe: 'docx, pdf hoặc cả hai / docx, pdf or both' },
  template: { type: 'string', describe: `mẫu Word dùng thay cho / a Word template to use instead of ${DEFAULT_TEMPLATE}` },
} as const;

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const run = (task: () => Promise<number>) => async () => {
    try {
      code = await task();
    } catch (e) {
      code = report(e);
    }
  };
  const parser = yargs(argv)
    .scriptName('thidua')
    .usage('$0 <lệnh/command> <campaign.yaml> [tùy chọn/options]')
    .updateStrings(YARGS_STRINGS)
    .option('config', {
      type: 'string',
      global: true,
      describe: `tệp cấu hình riêng (mặc định ${CONFIG_FILE} cạnh tệp đợt thi đua) / the config file (default ${CONFIG_FILE} beside the campaign file)`,
    })
    // The issuer's own templates are in place before any command reads one.
    .middleware(async (a) => {
      await applyConfig(a.config as string | undefined, typeof a.file === 'string' ? a.file : undefined);
    })
    .command(
      'validate <file>',
      'kiểm tra dữ liệu đợt thi đua (và kết quả), liệt kê mọi lỗi / check campaign data (and its results) and list every problem',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .option('results', { type: 'string', describe: 'kiểm tra cả tệp kết quả này theo kế hoạch / also check this results file against the plan' })
          .option('template', { type: 'string', describe: 'đo độ vừa của các dòng theo mẫu Word này / measure the fit of the lines with this Word template' }),
      (a) => run(() => validateCommand(a.file, a.results, a.template))(),
    )
    .command(
      'plan <file>',
      'in Kế hoạch phát động (DOCX và PDF) / write the launch plan as DOCX and PDF',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .options(outputOptions),
      (a) => run(() => planCommand(a.file, a))(),
    )
    .command(
      'units <file>',
      'in kế hoạch của từng đơn vị (don-vi/<mã đơn vị>.docx|.pdf) / write each unit\'s sub-plan',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .options(outputOptions)
          .option('unit', { type: 'string', array: true, describe: 'chỉ các đơn vị này (mã), nhắc lại được / only these units (ids); repeatable' }),
      (a) => run(() => batchCommand(a.file, { ...a, plan: false, units: a.unit ?? 'all' }))(),
    )
    .command(
      'summary <file>',
      'in Báo cáo sơ kết, tổng kết từ kết quả / write the summary report from the results',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .options(outputOptions)
          .option('results', { type: 'string', demandOption: true, describe: 'tệp kết quả / the results file (ket-qua.yaml)' }),
      (a) => run(() => batchCommand(a.file, { ...a, plan: false, units: 'none' }))(),
    )
    .command(
      'all <file>',
      `in tất cả: kế hoạch, kế hoạch các đơn vị và, khi có kết quả (--results hoặc ${RESULTS_FILE} cạnh tệp đợt thi đua), báo cáo / write the plan, every unit plan and, with results, the report`,
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .options(outputOptions)
          .option('results', { type: 'string', describe: `tệp kết quả (mặc định ${RESULTS_FILE} cạnh tệp đợt thi đua, nếu có) / the results file (default: ${RESULTS_FILE} beside the campaign file, if any)` }),
      (a) => run(() => batchCommand(a.file, { ...a, plan: true, units: 'all', resultsBeside: true }))(),
    )
    .command(
      'serve',
      'chạy dịch vụ HTTP (xem README) / run the HTTP API (see README)',
      (y) =>
        y
          .option('port', { type: 'number', default: 3000, describe: 'cổng / port' })
          .option('host', { type: 'string', default: '127.0.0.1', describe: 'địa chỉ nghe / address to listen on' })
          .option('body-limit', { type: 'number', default: 5 * 1024 * 1024, describe: 'dung lượng lớn nhất của một yêu cầu, byte (1024 đến 104857600) / largest request body, bytes' })
          .option('timeout', { type: 'number', default: 60, describe: 'thời gian tối đa cho một yêu cầu, giây (1 đến 3600) / time limit of one request\'s work, seconds' })
          .option('template', { type: 'string', describe: `mẫu Word dùng thay cho / a Word template to use instead of ${DEFAULT_TEMPLATE}` })
          .option('cors', { type: 'string', array: true, describe: 'nguồn (origin) được gọi API từ trình duyệt, ví dụ https://mot-cong.gov.vn; lặp lại cho nhiều nguồn / an origin allowed to call the API from a browser (repeatable)' })
          .option('api-key-file', { type: 'string', describe: 'tệp khóa API, mỗi dòng một khóa: yêu cầu API phải có một khóa / a file of API keys, one per line: API requests must carry one' }),
      (a) =>
        run(async () => {
          checkRange('port', a.port, SERVE_RANGES.port);
          checkRange('timeout', a.timeout, SERVE_RANGES.timeout);
          checkRange('body-limit', a.bodyLimit, SERVE_RANGES.bodyLimit);
          // The server and its dependencies are loaded only to serve.
          const corsOrigins = (a.cors ?? []).map(String);
          for (const origin of corsOrigins) {
            if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new UsageError(`--cors: cần một nguồn dạng https://ten-mien (không có đường dẫn) / needs an origin such as https://example.org, without a path (got ${origin})`);
          }
          const { serve } = await import('../server/serve.js');
          const { ApiKeyFileError, readApiKeys } = await import('../server/api-keys.js');
          const apiKeys = a.apiKeyFile
            ? await readApiKeys(a.apiKeyFile).catch((e: unknown) => {
                throw e instanceof ApiKeyFileError ? new UsageError(e.message) : e;
              })
            : undefined;
          await serve({ port: a.port, host: a.host, bodyLimit: a.bodyLimit, timeoutMs: a.timeout * 1000, templatePath: a.template, corsOrigins, apiKeys });
          // Serving: the process lives until a signal stops it.
          return await new Promise<number>(() => {});
        })(),
    )
    .command(
      'init [dir]',
      'viết tệp đợt thi đua khởi đầu (và tệp kết quả) để điền / write a starter campaign (and results file) to fill in',
      (y) =>
        y
          .positional('dir', { type: 'string', default: '.', describe: 'thư mục ghi / the folder to write into' })
          .option('level', { choices: LEVELS, describe: 'cấp của cơ quan ban hành / the issuer\'s level' })
          .option('issuer', { type: 'string', describe: 'tên địa phương, ví dụ / the place, e.g. "Xã Kiến Minh"' })
          .option('year', { type: 'number', describe: 'năm của kế hoạch (mặc định năm nay) / the plan\'s year (default this year)' })
          .option('month', { type: 'number', describe: 'tháng của kế hoạch / the plan\'s month' })
          .option('province', { type: 'string', describe: 'tỉnh, thành phố cấp trên, ví dụ / the superior province, e.g. "thành phố Hải Phòng"' })
          .option('from', { type: 'string', describe: 'chép cấu trúc của một đợt thi đua có sẵn sang năm mới / copy an existing campaign for a new year' })
          .option('excel', { type: 'boolean', default: false, describe: 'viết đợt thi đua thành tệp Excel campaign.xlsx để điền / write the campaign as a workbook to fill, campaign.xlsx' })
          .option('force', { type: 'boolean', default: false, describe: 'ghi đè tệp đã có / overwrite existing files' }),
      (a) =>
        run(async () => {
          if (a.year !== undefined) checkRange('year', a.year, { min: 1945, max: 2100, integer: true });
          if (a.month !== undefined) checkRange('month', a.month, { min: 1, max: 12, integer: true });
          try {
            for (const path of await initCommand({ ...a, dir: a.dir ?? '.' }, RESULTS_FILE)) console.log(path);
          } catch (e) {
            throw e instanceof InitUsageError ? new UsageError(e.message) : e;
          }
          return EXIT.ok;
        })(),
    )
    .command(
      'excel <file>',
      'viết đợt thi đua thành tệp Excel để điền, hoặc tệp Excel thành YAML / write the campaign as an Excel workbook to fill, or a workbook as YAML',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .option('out', { alias: 'o', type: 'string', describe: 'tệp ghi ra: .xlsx, .yaml hoặc .json (mặc định: cùng tên, .xlsx hoặc .yaml) / the file to write: .xlsx, .yaml or .json (default: the same name)' }),
      (a) =>
        run(async () => {
          const { CAMPAIGN_FORMS, excelCommand, excelDefaultOut } = await workbooks();
          const out = a.out ?? excelDefaultOut(a.file);
          checkOptions({ out });
          if (!CAMPAIGN_FORMS.some((ext) => out.toLowerCase().endsWith(ext))) {
            throw new UsageError(`--out: cần tệp ${CAMPAIGN_FORMS.join(', ')} / needs a ${CAMPAIGN_FORMS.join(', ')} file: ${out}`);
          }
          for (const path of await excelCommand(a.file, out)) console.log(path);
          return EXIT.ok;
        })(),
    )
    .command(
      'forms <file>',
      'viết phiếu báo cáo kết quả (Excel) cho từng đơn vị / write each unit\'s results form (Excel)',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .option('out', { alias: 'o', type: 'string', default: 'phieu-bao-cao', describe: 'thư mục ghi phiếu / the folder for the forms' }),
      (a) =>
        run(async () => {
          checkOptions({ out: a.out });
          const { campaign, warnings } = await loadCampaign(a.file);
          if (warnings.length) console.error(formatProblems(warnings));
          for (const path of await (await workbooks()).formsCommand(campaign, a.out)) console.log(path);
          return EXIT.ok;
        })(),
    )
    .command(
      'collect <file> <forms..>',
      'đọc các phiếu báo cáo đã điền vào tệp kết quả / read the filled-in forms into the results file',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .positional('forms', { type: 'string', array: true, demandOption: true })
          .option('out', { alias: 'o', type: 'string', default: RESULTS_FILE, describe: `tệp kết quả ghi ra (có sẵn thì cập nhật) / the results file (updated if there) (${RESULTS_FILE})` }),
      (a) =>
        run(async () => {
          checkOptions({ out: a.out });
          const { campaign } = await loadCampaign(a.file);
          for (const path of await (await workbooks()).collectCommand(campaign, a.forms as string[], a.out)) console.log(path);
          return EXIT.ok;
        })(),
    )
    .command(
      'schema [name]',
      'in JSON Schema của dữ liệu, cho trình soạn thảo (VS Code) / print the JSON Schema of the data, for editors',
      (y) => y.positional('name', { choices: SCHEMA_NAMES, default: 'campaign' as SchemaName, describe: 'dữ liệu nào / which data' }),
      (a) =>
        run(async () => {
          process.stdout.write(jsonSchemaText(a.name));
          return EXIT.ok;
        })(),
    )
    .example([
      ['$0 init dot-2026 --level xa --issuer "Xã Kiến Minh" --year 2026', 'bắt đầu một đợt thi đua mới / start a new campaign'],
      ['$0 validate campaign.yaml', 'kiểm tra tệp, in từng lỗi với dòng và cột / check the file, each problem with its line and column'],
      ['$0 all campaign.yaml', 'in mọi văn bản vào output/<mã đợt>/ / write every document into output/<campaign id>/'],
      ['$0 plan campaign.yaml --format pdf --out ke-hoach', 'chỉ in kế hoạch, dạng PDF / the plan only, as PDF'],
      ['$0 excel campaign.yaml -o campaign.xlsx', 'đợt thi đua thành tệp Excel để điền; mọi lệnh đọc được tệp .xlsx / the campaign as a workbook to fill; every command reads .xlsx'],
      ['$0 forms campaign.yaml -o phieu', 'phiếu Excel cho các đơn vị điền kết quả / Excel forms for the units\' results'],
      ['$0 collect campaign.yaml phieu/*.xlsx -o ket-qua.yaml', 'tổng hợp các phiếu đã điền / collect the filled-in forms'],
      ['$0 schema > campaign.schema.json', 'lấy JSON Schema cho trình soạn thảo / the JSON Schema for an editor'],
    ])
    .epilogue(EXIT_CODES_HELP)
    .recommendCommands()
    .demandCommand(1, 'hãy chọn một lệnh / name a command')
    .strict()
    .fail((msg, err) => {
      // yargs's own complaints (missing argument, unknown command) are usage errors.
      throw err ?? new UsageError(`${msg}\nXem / see: thidua --help`);
    })
    .help();
  try {
    await parser.parseAsync();
  } catch (e) {
    code = report(e);
  }
  return code;
}
