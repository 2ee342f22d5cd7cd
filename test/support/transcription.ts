/**
 * The words of a transcription (a fixture's source.md, a family case's
 * expected.md): the document's text between the first two "---" lines,
 * without the editor's notes (indented "[...]" blocks and bracketed lines)
 * and without the Markdown of tables (cells are read row by row).
 */
import { readFileSync } from 'node:fs';
import { words } from './documents.js';

export function transcriptionWords(file: string): string[] {
  const doc = readFileSync(file, 'utf8').split(/^---$/m)[1];
  if (doc === undefined) throw new Error(`${file}: no text between "---" lines`);
  const kept = doc
    .split('\n')
    .filter((l) => !/^\s{2,}\S/.test(l) && !/^\[.*\]$/.test(l.trim()))
    // A table's separator row says nothing; its other rows are their cells' words.
    .filter((l) => !/^\s*\|[\s:|-]+\|\s*$/.test(l))
    .map((l) => (/^\s*\|/.test(l) ? l.replace(/\|/g, ' ') : l));
  return words(kept.join('\n'));
}
