/**
 * An object of the model as one row of a sheet, and back: the fields its
 * columns hold, each in its cell's form (codecs.ts), and whatever is left
 * as YAML in the row's "Khác" cell. What a row reads back is what was
 * written, so a workbook round trip loses nothing.
 */
import type { Codec, CellValue } from './codecs.js';
import { yaml } from './codecs.js';

/** What a column holds of a row's object. */
export interface FieldColumn {
  /** The field, a dotted path inside the row's object ("signer.name"); none for a column the reader ignores. */
  key?: string;
  codec: Codec;
}

/** How a column of a sheet looks. */
export interface SheetColumn {
  header: string;
  width: number;
  /** Explains the column, as a note on its header. */
  note: string;
  codec?: Codec;
}

export type Column = FieldColumn & SheetColumn;

export type Obj = Record<string, unknown>;
/** A mapping of the data (not a list, not a date). */
export const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

export function getAt(o: Obj, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (isObj(v) ? v[k] : undefined), o);
}

export function setAt(o: Obj, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = o;
  for (const k of keys.slice(0, -1)) {
    if (!isObj(at[k])) at[k] = {};
    at = at[k] as Obj;
  }
  at[keys.at(-1)!] = value;
}

/** Removes a field; objects left empty by it go too. */
function deleteAt(o: Obj, path: string): void {
  const keys = path.split('.');
  const chain: Obj[] = [o];
  for (const k of keys.slice(0, -1)) {
    const next = chain.at(-1)![k];
    if (!isObj(next)) return;
    chain.push(next);
  }
  delete chain.at(-1)![keys.at(-1)!];
  for (let i = chain.length - 1; i > 0; i--) {
    if (Object.keys(chain[i]).length) break;
    delete chain[i - 1][keys[i - 1]];
  }
}

/**
 * The cells of an object's row, and what is left for "Khác". `omit` are
 * fields held elsewhere (children rows, another sheet).
 */
export function splitRow(o: Obj, columns: FieldColumn[], omit: string[] = []): { cells: CellValue[]; rest?: Obj } {
  const rest = structuredClone(o);
  for (const k of omit) deleteAt(rest, k);
  const cells = columns.map((c) => {
    if (!c.key) return null;
    const v = getAt(rest, c.key);
    if (v === undefined || !c.codec.fits(v)) return null;
    deleteAt(rest, c.key);
    return c.codec.write(v);
  });
  return { cells, rest: Object.keys(rest).length ? rest : undefined };
}

/** The "Khác" cell of a row's leftovers. */
export const restCell = (rest: Obj | undefined): CellValue => (rest ? yaml.write(rest) : null);
