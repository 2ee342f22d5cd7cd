/**
 * Where a field is in the text it was read from: a problem found in the data
 * (at a field path) is given the line and column of that field in its YAML or
 * JSON file, so that a clerk finds it in an editor.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Problem } from './problems.js';

export interface Position {
  line: number;
  column: number;
}

/** The position of the field at a path, or of the nearest field above it that is there; none for the root. */
export type Locator = (path: ReadonlyArray<string | number>) => Position | undefined;

/** Parsed (and checked) data, its problems, and where each field of the parsed text is. */
export interface ParseResult<T> {
  value?: T;
  problems: Problem[];
  locate?: Locator;
}

/** ["plan", "basis", 0, "date"] from "plan.basis[0].date"; none for a path that is not a field path. */
export function parseFieldPath(path: string): (string | number)[] | undefined {
  if (!/^[^\s.[\]:]+(\.[^\s.[\]:]+|\[\d+\])*$/.test(path)) return undefined;
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/** A locator on a parsed YAML (or JSON) document: a map entry is found at its key, a list entry at itself. */
export function yamlLocator(doc: Document, lines: LineCounter): Locator {
  const at = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  return (path) => {
    let node: unknown = doc.contents;
    let found: number | undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        found = (pair.key as Node).range?.[0] ?? found;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && key < node.items.length) {
        node = node.items[key];
        found = (node as Node | null)?.range?.[0] ?? found;
      } else break;
    }
    return found === undefined ? undefined : at(found);
  };
}

/**
 * Each problem at a field path given its file, line and column, in the order
 * of the file (as an editor lists them); problems of no field stay after them,
 * in their order (the note of problems left out stays last).
 */
export function locateProblems(problems: Problem[], file: string, locate: Locator): Problem[] {
  const located = problems.map((p) => {
    const path = parseFieldPath(p.path);
    const pos = path && locate(path);
    return pos ? { ...p, file, line: pos.line, column: pos.column } : p;
  });
  const rank = (p: Problem) => (p.line === undefined ? Infinity : p.line * 1e4 + (p.column ?? 0));
  return located.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map(({ p }) => p);
}
