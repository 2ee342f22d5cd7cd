#!/usr/bin/env node
/**
 * thidua command line. Exit codes: 0 done; 1 invalid data or template
 * (every problem is listed); 2 wrong usage.
 */
import { resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { loadCampaign } from './model/load.js';
import { InvalidInputError, formatProblems } from './model/problems.js';
import { loadDocxTemplate, TemplateError } from './render/docx.js';
import { FORMATS, manifestFile, renderPlan, type Format } from './generate.js';
import { writeAtomically } from './output/write.js';

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

class UsageError extends Error {}

function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase());
  const bad = formats.filter((f) => !FORMATS.includes(f as Format));
  if (bad.length || !formats.length) {
    throw new UsageError(`--format: unknown format "${bad.join(',')}" (use ${FORMATS.join(',')})`);
  }
  return [...new Set(formats)] as Format[];
}

async function validateCommand(file: string): Promise<number> {
  const { campaign, warnings } = await loadCampaign(file);
  if (warnings.length) console.log(formatProblems(warnings));
  console.log(`Hợp lệ / valid: ${file} (${campaign.id})`);
  return EXIT.ok;
}

async function planCommand(file: string, out: string | undefined, format: string, template?: string): Promise<number> {
  const formats = parseFormats(format);
  const { campaign, warnings } = await loadCampaign(file);
  if (warnings.length) console.error(formatProblems(warnings));
  const tpl = await loadDocxTemplate(template);
  const dir = resolve(out ?? `output/${campaign.id}`);
  const plan = await renderPlan(campaign, { formats, template: tpl });
  const written = await writeAtomically(dir, [...plan.files, manifestFile(campaign, [plan])]);
  for (const path of written) console.log(path);
  return EXIT.ok;
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
  throw e;
}

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
    .usage('$0 <command> <campaign.yaml> [options]')
    .command(
      'validate <file>',
      'check campaign data and list every problem',
      (y) => y.positional('file', { type: 'string', demandOption: true }),
      (a) => run(() => validateCommand(a.file))(),
    )
    .command(
      'plan <file>',
      'write the launch plan (Kế hoạch) as DOCX and PDF',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .option('out', { type: 'string', describe: 'output folder (default output/<campaign id>)' })
          .option('format', { type: 'string', default: 'docx,pdf', describe: 'docx, pdf or both' })
          .option('template', { type: 'string', describe: 'a Word template to use instead of templates/van-ban.docx' }),
      (a) => run(() => planCommand(a.file, a.out, a.format, a.template))(),
    )
    .demandCommand(1, 'name a command')
    .strict()
    .fail((msg, err) => {
      // yargs's own complaints (missing argument, unknown command) are usage errors.
      throw err ?? new UsageError(`${msg}\nSee: thidua --help`);
    })
    .help();
  try {
    await parser.parseAsync();
  } catch (e) {
    code = report(e);
  }
  return code;
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e);
    process.exitCode = 70;
  },
);
