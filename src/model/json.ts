/**
 * JSON text (a request body) to plain data, held to the same rules as YAML
 * files: a duplicate key is refused (JSON.parse would keep the last), every
 * problem names its line and column, nesting past the limit is refused, and
 * keys that could poison prototypes are refused.
 */
import { parse, type AnyNode, type ValueNode } from '@humanwhocodes/momoa';
import { LIMITS } from './limits.js';
import { problem, type Problem } from './problems.js';
import type { Locator, ParseResult } from './locate.js';

/** Keys that could poison prototypes, refused wherever data comes in as text. */
export const POISON = new Set(['__proto__', 'constructor', 'prototype']);

interface Position {
  line: number;
  column: number;
}

const at = (source: string, p: Position, vi: string, en: string): Problem =>
  problem(`${source}:${p.line}:${p.column}`, `${vi} tại dòng ${p.line}, cột ${p.column}`, en);

export function parseJsonText(text: string, source: string): ParseResult<unknown> {
  let root: AnyNode;
  try {
    root = parse(text, { mode: 'json', ranges: false, tokens: false }).body;
  } catch (e) {
    const err = e as Error & Partial<Position>;
    if (err instanceof RangeError) {
      return { problems: [problem(source, `dữ liệu lồng nhau quá sâu (nhiều nhất ${LIMITS.depth} cấp)`, `the data is nested too deep (at most ${LIMITS.depth} levels)`)] };
    }
    const pos = { line: err.line ?? 1, column: err.column ?? 1 };
    return { problems: [at(source, pos, 'lỗi cú pháp JSON', `JSON syntax error: ${err.message}`)] };
  }
  const problems: Problem[] = [];
  const value = (node: ValueNode | AnyNode, depth: number): unknown => {
    switch (node.type) {
      case 'Object': {
        if (depth >= LIMITS.depth) return tooDeep(node);
        const out: Record<string, unknown> = {};
        for (const m of node.members) {
          const key = m.name.type === 'String' ? m.name.value : m.name.name;
          const pos = m.name.loc.start;
          if (POISON.has(key)) problems.push(at(source, pos, `khóa "${key}" không được phép`, `the key "${key}" is not allowed`));
          else if (Object.hasOwn(out, key)) problems.push(at(source, pos, `khóa "${key}" bị lặp lại`, `duplicate key "${key}"`));
          else out[key] = value(m.value, depth + 1);
        }
        return out;
      }
      case 'Array':
        if (depth >= LIMITS.depth) return tooDeep(node);
        return node.elements.map((e) => value(e.value, depth + 1));
      case 'String':
      case 'Number':
      case 'Boolean':
        return node.value;
      case 'Null':
        return null;
      default:
        problems.push(at(source, node.loc.start, 'giá trị không hợp lệ trong JSON', `not a JSON value: ${node.type}`));
        return undefined;
    }
  };
  const tooDeep = (node: AnyNode): undefined => {
    problems.push(at(source, node.loc.start, `dữ liệu lồng nhau quá ${LIMITS.depth} cấp`, `the data is nested more than ${LIMITS.depth} levels deep`));
    return undefined;
  };
  const data = value(root, 0);
  return problems.length ? { problems: problems.slice(0, LIMITS.problems) } : { value: data, problems: [], locate: jsonLocator(root) };
}

/** Where each field of a JSON text is: an object's member at its name, an array's element at itself. */
function jsonLocator(root: AnyNode): Locator {
  return (path) => {
    let node: AnyNode | ValueNode = root;
    let found: Position | undefined;
    for (const key of path) {
      if (node.type === 'Object') {
        const m = node.members.find((x) => (x.name.type === 'String' ? x.name.value : x.name.name) === String(key));
        if (!m) break;
        found = m.name.loc.start;
        node = m.value;
      } else if (node.type === 'Array' && typeof key === 'number' && key < node.elements.length) {
        node = node.elements[key].value;
        found = node.loc.start;
      } else break;
    }
    return found && { line: found.line, column: found.column };
  };
}
