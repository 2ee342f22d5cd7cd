/**
 * What the schema says of a place in the data: the fields it allows there
 * ("did you mean `abbreviation`?", the known field nearest to a mistyped
 * one) and the field's description.
 */
import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';

/** The parts of zod's definitions a walk along a path needs. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
  in?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Walks the schema along a path; at its end, `visit` is offered each schema there until it takes one (returns true). */
function reach(schema: z.ZodType, path: ReadonlyArray<PropertyKey>, visit: (s: z.ZodType) => boolean): void {
  const walk = (s: z.ZodType, i: number): void => {
    if (i === path.length && visit(s)) return;
    const def = defOf(s);
    switch (def.type) {
      case 'object':
        if (i < path.length && def.shape![String(path[i])]) walk(def.shape![String(path[i])], i + 1);
        return;
      case 'array':
        if (i < path.length && typeof path[i] === 'number') walk(def.element!, i + 1);
        return;
      case 'record':
        if (i < path.length) walk(def.valueType!, i + 1);
        return;
      case 'union':
        for (const o of def.options!) walk(o, i);
        return;
      case 'intersection':
        walk(def.left!, i);
        walk(def.right!, i);
        return;
      case 'lazy':
        return walk(def.getter!(), i);
      case 'pipe':
        return walk(def.in!, i);
      default:
        // optional, nullable, default, prefault, readonly, catch, nonoptional: the same place.
        if (def.innerType) walk(def.innerType, i);
    }
  };
  walk(schema, 0);
}

/** The field names an object at `path` may have; under a union, those of every branch. */
export function keysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): Set<string> {
  const keys = new Set<string>();
  reach(schema, path, (s) => {
    const def = defOf(s);
    if (def.type !== 'object') return false;
    for (const k of Object.keys(def.shape!)) keys.add(k);
    return true;
  });
  return keys;
}

/** The description of the field at `path` ("Vietnamese / English"), the first found. */
export function describeAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string | undefined {
  let found: string | undefined;
  reach(schema, path, (s) => {
    found ??= s.description;
    return found !== undefined;
  });
  return found;
}

/**
 * The known key a mistyped one most likely is: another case, or a few letters
 * off (two, a swap of two letters among them, or a third of a long key).
 */
export function nearestKey(key: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0.5 : distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  const allowed = key.length <= 3 ? 1 : Math.max(2, Math.floor(key.length / 3));
  return bestDistance <= allowed ? best : undefined;
}
