/**
 * The input's dimensions held to LIMITS before anything else looks at it:
 * nesting, lists, objects, texts and words. A walk that stops at the first
 * LIMITS.problems problems and never descends past the depth limit, so its
 * own work is bounded too.
 */
import { formatVi } from '../format/decimal.js';
import { LIMITS } from './limits.js';
import { formatPath, problem, type Problem } from './problems.js';

const n = (x: number) => formatVi(x);
const LONG_WORD = new RegExp(`\\S{${LIMITS.wordLength + 1},}`);

/** Problems of data past the input limits; empty when it is within them. */
export function outOfBounds(data: unknown, root: PropertyKey[] = []): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: PropertyKey[]): void => {
    if (problems.length >= LIMITS.problems) return;
    if (typeof value === 'string') {
      if (value.length > LIMITS.textLength) {
        problems.push(problem(path, `đoạn văn dài ${n(value.length)} ký tự, nhiều nhất ${n(LIMITS.textLength)}`, `a text of ${value.length} characters, at most ${LIMITS.textLength}`));
        return;
      }
      const word = LONG_WORD.exec(value);
      if (word) {
        const shown = `${word[0].slice(0, 20)}…`;
        problems.push(problem(path, `có một từ dài hơn ${LIMITS.wordLength} ký tự không có khoảng trắng ("${shown}")`, `has a word of more than ${LIMITS.wordLength} characters without a space ("${shown}")`));
      }
      return;
    }
    if (!value || typeof value !== 'object') return;
    if (path.length - root.length >= LIMITS.depth) {
      problems.push(problem(path, `lồng nhau quá ${LIMITS.depth} cấp`, `nested more than ${LIMITS.depth} levels deep`));
      return;
    }
    if (Array.isArray(value)) {
      if (value.length > LIMITS.listLength) {
        problems.push(problem(path, `danh sách có ${n(value.length)} mục, nhiều nhất ${n(LIMITS.listLength)}`, `a list of ${value.length} entries, at most ${LIMITS.listLength}`));
        return;
      }
      value.forEach((v, i) => walk(v, [...path, i]));
      return;
    }
    const entries = Object.entries(value);
    if (entries.length > LIMITS.objectKeys) {
      problems.push(problem(path, `có ${n(entries.length)} trường, nhiều nhất ${LIMITS.objectKeys}`, `has ${entries.length} fields, at most ${LIMITS.objectKeys}`));
      return;
    }
    for (const [k, v] of entries) {
      if (k.length > LIMITS.wordLength) {
        problems.push(problem(path, `tên trường dài hơn ${LIMITS.wordLength} ký tự`, `a field name longer than ${LIMITS.wordLength} characters`));
        continue;
      }
      walk(v, [...path, k]);
    }
  };
  walk(data, root);
  return problems;
}

/**
 * At most LIMITS.problems problems, and a last one that counts the rest:
 * an input with a hundred thousand mistakes gets a list a person can read.
 */
export function capProblems(problems: Problem[]): Problem[] {
  if (problems.length <= LIMITS.problems) return problems;
  const rest = problems.slice(LIMITS.problems);
  const severity = rest.some((p) => p.severity === 'error') ? 'error' : 'warning';
  return [
    ...problems.slice(0, LIMITS.problems),
    problem(formatPath([]), `và ${n(rest.length)} vấn đề khác (chỉ liệt kê ${LIMITS.problems} vấn đề đầu tiên)`, `and ${rest.length} more problems (only the first ${LIMITS.problems} are listed)`, severity),
  ];
}
