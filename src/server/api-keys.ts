/**
 * Optional API keys (`thidua serve --api-key-file FILE`): one key per line of
 * the file ("#" starts a comment). A request to the API then needs one, as
 * `Authorization: Bearer KEY` or `X-API-Key: KEY`; keys are compared by
 * their SHA-256 in constant time, so a wrong key's answer says nothing of
 * the right ones. The page, its assets, /v1/health and the API's description
 * stay open: they carry no data.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** Shorter keys are guessable. */
const MIN_KEY = 16;
const MAX_KEY = 256;
const MAX_KEYS = 1000;

export class ApiKeyFileError extends Error {
  constructor(readonly vi: string, readonly en: string) {
    super(`${vi} / ${en}`);
  }
}

/** The keys of a file; a file that cannot be used is an error naming the line. */
export async function readApiKeys(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new ApiKeyFileError(`--api-key-file: không đọc được tệp ${file} (${e.code})`, `--api-key-file: cannot read ${file} (${e.code})`);
  });
  const keys: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    if (line.length < MIN_KEY || line.length > MAX_KEY || /\s/.test(line)) {
      throw new ApiKeyFileError(
        `--api-key-file: ${file} dòng ${i + 1}: khóa cần từ ${MIN_KEY} đến ${MAX_KEY} ký tự, không có khoảng trắng`,
        `--api-key-file: ${file} line ${i + 1}: a key needs ${MIN_KEY} to ${MAX_KEY} characters, no spaces`,
      );
    }
    keys.push(line);
  });
  if (!keys.length) throw new ApiKeyFileError(`--api-key-file: ${file} không có khóa nào`, `--api-key-file: ${file} holds no key`);
  if (keys.length > MAX_KEYS) throw new ApiKeyFileError(`--api-key-file: nhiều nhất ${MAX_KEYS} khóa`, `--api-key-file: at most ${MAX_KEYS} keys`);
  return keys;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Routes that need a key when keys are set: the API's work, not the page nor what describes it. */
export const needsKey = (path: string): boolean => path.startsWith('/v1/') && !['/v1/health', '/v1/openapi.json'].includes(path);

/** Whether the headers of a request carry one of the keys. */
export function keyCheck(keys: string[]): (headers: Record<string, string | string[] | undefined>) => boolean {
  const known = keys.map(digest);
  return (headers) => {
    const auth = headers.authorization;
    const bearer = typeof auth === 'string' ? /^Bearer\s+(\S+)$/i.exec(auth)?.[1] : undefined;
    const given = bearer ?? (typeof headers['x-api-key'] === 'string' ? headers['x-api-key'] : undefined);
    if (!given || given.length > MAX_KEY) return false;
    const d = digest(given);
    // Every key is compared, so the time taken does not say which one (if any) came near.
    return known.reduce((found, k) => timingSafeEqual(k, d) || found, false);
  };
}
