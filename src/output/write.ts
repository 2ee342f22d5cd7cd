/**
 * Writing a set of documents to a folder all-or-nothing: everything is
 * rendered first, then written under temporary names and renamed, so a
 * failure leaves nothing half-written.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface OutputFile {
  /** Name inside the output folder, may contain a sub-folder: "don-vi/phong-kinh-te.pdf". */
  name: string;
  content: Buffer | string;
}

export async function writeAtomically(dir: string, files: OutputFile[]): Promise<string[]> {
  const tag = `.tmp-${process.pid}-${Date.now()}`;
  const staged: [string, string][] = [];
  try {
    for (const f of files) {
      const target = join(dir, f.name);
      const temp = `${target}${tag}`;
      await mkdir(join(target, '..'), { recursive: true });
      await writeFile(temp, f.content);
      staged.push([temp, target]);
    }
  } catch (e) {
    await Promise.all(staged.map(([temp]) => rm(temp, { force: true })));
    throw e;
  }
  for (const [temp, target] of staged) await rename(temp, target);
  return staged.map(([, target]) => target);
}
