/**
 * Reading campaign data: YAML or JSON text → NFC-normalised, XML-safe,
 * schema-checked and cross-checked model, or the full list of problems.
 */
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { Campaign } from './schema.js';
import { issueMessageVi } from './messages.js';
import { InvalidInputError, formatPath, hasErrors, problem, type Problem } from './problems.js';
import { checkCampaign } from './validate.js';

/** Characters XML 1.0 cannot carry (controls other than tab/LF/CR, lone surrogates, U+FFFE/F). */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/**
 * Every string normalised to NFC (decomposed input draws the horn of ơ/ư as a
 * separate glyph); strings XML cannot carry are reported with their path.
 */
export function normaliseText(value: unknown, problems: Problem[], path: PropertyKey[] = []): unknown {
  if (typeof value === 'string') {
    const m = XML_ILLEGAL.exec(value);
    if (m) {
      const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      problems.push(
        problem(path, `chứa ký tự không hợp lệ U+${code}`, `contains a character XML cannot carry: U+${code}`),
      );
    }
    return value.normalize('NFC');
  }
  if (Array.isArray(value)) return value.map((v, i) => normaliseText(v, problems, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k.normalize('NFC'), normaliseText(v, problems, [...path, k])]),
    );
  }
  return value;
}

export interface ParseResult<T> {
  value?: T;
  problems: Problem[];
}

/** Parse YAML (a superset of JSON) text; syntax errors are problems, not exceptions. */
export function parseDataText(text: string, source: string): ParseResult<unknown> {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      problems: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        const where = pos ? `${source}:${pos.line}:${pos.col}` : source;
        const at = pos ? ` tại dòng ${pos.line}, cột ${pos.col}` : '';
        return problem(where, `lỗi cú pháp YAML/JSON${at} (${e.code})`, `YAML/JSON syntax error: ${e.message.split('\n')[0]}`);
      }),
    };
  }
  return { value: doc.toJS(), problems: [] };
}

/** Check plain data (already parsed) as a campaign: schema, then cross-field rules. */
export function checkCampaignData(data: unknown): ParseResult<Campaign> {
  const problems: Problem[] = [];
  const normalised = normaliseText(data, problems);
  // reportInput: the Vietnamese wording tells a missing field from a wrong type by the input.
  const parsed = Campaign.safeParse(normalised, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // An unknown key is reported at the key itself ("plan.summmary"), one problem each.
      const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
      for (const path of paths) {
        problems.push({
          path: formatPath(path),
          message_vi: issueMessageVi(issue),
          message_en: issue.message,
          severity: 'error',
        });
      }
    }
    return { problems };
  }
  problems.push(...checkCampaign(parsed.data));
  return { value: hasErrors(problems) ? undefined : parsed.data, problems };
}

/** Read and check a campaign file; throws InvalidInputError with every problem. */
export async function loadCampaign(file: string): Promise<{ campaign: Campaign; warnings: Problem[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InvalidInputError([problem(file, `không đọc được tệp (${reason})`, `cannot read the file (${reason})`)]);
  }
  const syntax = parseDataText(text, file);
  if (syntax.problems.length) throw new InvalidInputError(syntax.problems);
  const checked = checkCampaignData(syntax.value);
  if (!checked.value) throw new InvalidInputError(checked.problems);
  return { campaign: checked.value, warnings: checked.problems };
}
