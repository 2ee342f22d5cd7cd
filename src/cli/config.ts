/**
 * An issuer's own configuration, beside its campaign file (thidua.yaml) or
 * named with --config: a folder of its own templates (award forms, phrases,
 * header profiles, words, outlines, the Word template) whose files stand in
 * for the package's, so that a commune changes them without editing the
 * installed package.
 */
import { access, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { checkWithSchema, parseDataText } from '../model/load.js';
import { locateProblems } from '../model/locate.js';
import { InvalidInputError, problem } from '../model/problems.js';
import { Text } from '../model/schema.js';
import { OWN_TEMPLATES_ENV } from '../paths.js';

export const CONFIG_FILE = 'thidua.yaml';

export const Config = z.strictObject({
  templates: Text.describe(
    'Thư mục mẫu riêng, tính từ tệp cấu hình: các tệp trong đó (award-forms.yaml, profiles.yaml, phrases/*.hbs ...) thay cho tệp cùng tên của thidua / The folder of own templates, from the config file: its files stand in for thidua\'s of the same name',
  ).optional(),
});

/** Read the config named, or the one beside the campaign file; set what it says. Returns the file read, if any. */
export async function applyConfig(named: string | undefined, campaignFile: string | undefined): Promise<string | undefined> {
  const file = named ?? (campaignFile ? join(dirname(campaignFile), CONFIG_FILE) : undefined);
  if (!file) return undefined;
  if (!named && !(await access(file).then(() => true, () => false))) return undefined;
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new InvalidInputError([{ ...problem(file, `không đọc được tệp cấu hình (${e.code})`, `cannot read the config file (${e.code})`), file }]);
  });
  const parsed = parseDataText(text, file);
  if (parsed.problems.length) throw new InvalidInputError(parsed.problems);
  const checked = checkWithSchema(Config, parsed.value ?? {});
  const located = (ps: typeof checked.problems) => (parsed.locate ? locateProblems(ps, file, parsed.locate) : ps);
  if (!checked.value) throw new InvalidInputError(located(checked.problems));
  if (checked.value.templates) {
    const dir = resolve(dirname(file), checked.value.templates);
    const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
    if (!isDir) throw new InvalidInputError(located([problem(['templates'], `không có thư mục ${dir}`, `no folder ${dir}`)]));
    process.env[OWN_TEMPLATES_ENV] = dir;
  }
  return file;
}
