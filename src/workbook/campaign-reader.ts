/**
 * A campaign workbook (campaign-workbook.ts, or one a clerk filled) read
 * back into campaign data. Every problem names the sheet and cell
 * ("Nội dung!G12") and the field, in Vietnamese and English; problems the
 * schema finds later are given the cell their field was read from.
 */
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { packageOverLimits } from '../docx/package.js';
import { formatPath, problem, type Problem } from '../model/problems.js';
import { POISON } from '../model/json.js';
import { outOfBounds } from '../model/bounds.js';
import { parseFieldPath } from '../model/locate.js';
import { LIMITS } from '../model/limits.js';
import {
  APPENDIX_PART, APPENDIX_ROW, ASSIGNED_NAMES, ASSIGNMENT_CODECS, ASSIGNMENT_COLUMNS, CAMPAIGN_SHEETS, CITATION_FIELDS, COMPONENT_KIND, GENERAL_COLUMNS,
  GENERAL_FIELDS, GENERAL_REST, HEADER_ROW, INDICATOR_FIELDS, ITEM_FIELDS, NODE_COLUMNS, NODE_KINDS, OUTLINE_COLUMNS,
  PARTS, RECIPIENT_FIELDS, SHEET_OF, headersOf, KIND_CHOICES, RECIPIENT_OWNERS, ROLE_NAMES, TABLE_ROW, UNIT_FIELDS, columnLetter as letter, outlineLetter, type NodeKind, type OutlineColumn,
} from './campaign-layout.js';
import { CELL_CHARS, choice, choiceOf, integer, text, lines, yaml, type Codec } from './codecs.js';
import { isBlankCell, plainValue } from './cells.js';
import { getAt, isObj, setAt, type FieldColumn, type Obj } from './row-fields.js';

type Path = (string | number)[];
/** The error a cell shows ("#N/A", "#REF!"), itself or as its formula's result. */
function errorOf(v: unknown): string | undefined {
  const o = v as { error?: unknown; result?: { error?: unknown } } | null;
  const e = o && typeof o === 'object' ? (o.error ?? (o.result && typeof o.result === 'object' ? o.result.error : undefined)) : undefined;
  return e === undefined ? undefined : String(e);
}

export interface CampaignWorkbook {
  /** The campaign data, when every cell could be read. */
  data?: Obj;
  /** The data as far as it was read, cells that could not be read left out: what names the part a problem is in. */
  partial?: Obj;
  problems: Problem[];
  /** Problems of the data given the cell of their field. */
  locate: (problems: Problem[]) => Problem[];
}

/** What one reading gathers: the problems, and the cell each field was read from. */
class Reading {
  readonly problems: Problem[] = [];
  private readonly places = new Map<string, string>();

  /** `within`: the list a block's own fields ("[0].date") are in, for the problems' names ("basis.documents[0].date"). */
  constructor(readonly file: string, private readonly within = '') {}

  fail(ref: string, field: string, vi: string, en: string): void {
    const name = field.startsWith('[') ? `${this.within}${field}` : field;
    this.problems.push({ ...problem(`${ref} (${name})`, vi, en), file: this.file });
  }

  /** The field at `path` (and those inside it) came from `ref`. */
  place(path: Path, ref: string, value?: unknown, depth = 0): void {
    this.placeKey(formatPath(path), ref);
    if (depth > LIMITS.depth) return;
    if (Array.isArray(value)) value.forEach((v, i) => this.place([...path, i], ref, v, depth + 1));
    else if (isObj(value)) for (const [k, v] of Object.entries(value)) this.place([...path, k], ref, v, depth + 1);
  }

  placeKey(key: string, ref: string): void {
    if (!this.places.has(key)) this.places.set(key, ref);
  }

  /** Every field read, with its cell. */
  entries(): [string, string][] {
    return [...this.places];
  }

  /** The cell of a field, or of the nearest field above it that has one. */
  locate = (problems: Problem[]): Problem[] =>
    problems.map((p) => {
      const path = parseFieldPath(p.path);
      if (!path) return { ...p, file: this.file };
      for (let n = path.length; n > 0; n--) {
        const ref = this.places.get(formatPath(path.slice(0, n)));
        if (ref) return { ...p, path: `${ref} (${p.path})`, file: this.file };
      }
      return { ...p, file: this.file };
    });

  /** A cell's value through its codec; undefined for a blank cell or one that cannot be read (a problem then). */
  cell(ws: ExcelJS.Worksheet, ref: string, codec: Codec, field: string): unknown {
    const c = ws.getCell(ref);
    if (isBlankCell(c.value)) return undefined;
    const error = errorOf(c.value);
    if (error) {
      this.fail(`${ws.name}!${ref}`, field, `ô có lỗi ${error}: hãy ghi giá trị vào ô`, `the cell holds the error ${error}: write a value in it`);
      return undefined;
    }
    if (typeof c.value === 'string' && c.value.length > CELL_CHARS) {
      this.fail(`${ws.name}!${ref}`, field, `ô có ${c.value.length} ký tự, nhiều nhất ${CELL_CHARS}`, `the cell holds ${c.value.length} characters, at most ${CELL_CHARS}`);
      return undefined;
    }
    if (c.isMerged) {
      this.fail(`${ws.name}!${ref}`, field, 'ô bị gộp với ô khác: hãy bỏ gộp ô và ghi giá trị vào đúng ô này', 'the cell is merged with others: unmerge it and write the value in this cell');
      return undefined;
    }
    const read = codec.read(c.value);
    if ('value' in read) return read.value;
    this.fail(`${ws.name}!${ref}`, field, read.vi, read.en);
    return undefined;
  }

  /** The columns' fields of one row into `into`, from `first` (1 for A). */
  fields(ws: ExcelJS.Worksheet, r: number, columns: FieldColumn[], first: number, into: Obj, base: Path): void {
    columns.forEach((col, i) => {
      if (!col.key) return;
      const ref = `${letter(first + i)}${r}`;
      // Placed even when blank: a required field left empty is found at its empty cell.
      this.place([...base, ...col.key.split('.')], `${ws.name}!${ref}`);
      const v = this.cell(ws, ref, col.codec, formatPath([...base, ...col.key.split('.')]));
      if (v !== undefined) setAt(into, col.key, v);
    });
  }

  /** The "Khác" cell's fields merged into `into`; a column's own value wins. */
  rest(ws: ExcelJS.Worksheet, ref: string, into: Obj, base: Path): void {
    const v = this.cell(ws, ref, yaml, formatPath(base) === '(root)' ? 'Khác' : `${formatPath(base)} (Khác)`);
    if (v === undefined || v === null) return;
    if (!isObj(v)) {
      this.fail(`${ws.name}!${ref}`, 'Khác', 'cần các trường theo YAML, ví dụ {bold: true}', 'needs fields as YAML, e.g. {bold: true}');
      return;
    }
    const poison = poisonKey(v);
    const bounds = poison ? [] : outOfBounds(v);
    if (poison || bounds.length) {
      const [vi, en] = poison ? [`không dùng được tên trường "${poison}"`, `the field name "${poison}" is not allowed`] : [`${bounds[0].path}: ${bounds[0].message_vi}`, `${bounds[0].path}: ${bounds[0].message_en}`];
      this.fail(`${ws.name}!${ref}`, 'Khác', vi, en);
      return;
    }
    merge(into, v);
    for (const [k, x] of Object.entries(v)) this.place([...base, k], `${ws.name}!${ref}`, x);
  }
}

/**
 * The object at a path, made where it is not yet (a list where the next key
 * is an index); none where something else is in the way (a "Khác" cell that
 * set `leads: 5`).
 */
function ensure(data: Obj, path: Path): Obj | undefined {
  let at: Record<string | number, unknown> = data;
  for (const [i, k] of path.entries()) {
    const next = path[i + 1];
    if (at[k] === undefined || at[k] === null) at[k] = typeof next === 'number' ? [] : {};
    if (!at[k] || typeof at[k] !== 'object') return undefined;
    at = at[k] as Record<string | number, unknown>;
  }
  return at as Obj;
}

/** The list at a field of `o`, made empty where it is not yet; none where something else is there. */
function listAt(o: Obj, path: string): unknown[] | undefined {
  if (getAt(o, path) === undefined) setAt(o, path, []);
  const list = getAt(o, path);
  return Array.isArray(list) ? list : undefined;
}

/** Said of a list that a "Khác" cell set to something else. */
const notAList = (path: Path) => ({
  vi: `${formatPath(path)} đã được ghi ở một ô Khác, không phải một danh sách`,
  en: `${formatPath(path)} is set by a "Khác" cell to something else than a list`,
});

/** `from` merged into `into` (whose own fields win); `from` has no key that poisons prototypes (Reading.rest refuses those first). */
function merge(into: Obj, from: Obj): void {
  for (const [k, v] of Object.entries(from)) {
    if (Object.hasOwn(into, k) && isObj(into[k]) && isObj(v)) merge(into[k] as Obj, v);
    else if (!Object.hasOwn(into, k)) into[k] = v;
  }
}

/** A key of the data that could poison prototypes, anywhere in a value read from YAML. */
function poisonKey(v: unknown, depth = 0): string | undefined {
  if (!v || typeof v !== 'object' || depth > LIMITS.depth) return undefined;
  for (const [k, x] of Object.entries(v)) {
    if (POISON.has(k)) return k;
    const inner = poisonKey(x, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * The data rows of a sheet (those with a value in its columns), within the
 * limit of rows; its header row checked first, so that a column inserted,
 * deleted or moved is said as such rather than read into the wrong fields.
 */
function dataRows(ws: ExcelJS.Worksheet, headers: string[], reading: Reading): number[] {
  const head = ws.getRow(HEADER_ROW);
  const moved = headers.findIndex((h, i) => String(plainValue(head.getCell(i + 1).value) ?? '').trim() !== h);
  if (moved >= 0) {
    const ref = `${ws.name}!${letter(moved + 1)}${HEADER_ROW}`;
    reading.fail(ref, 'header', `cột ${letter(moved + 1)} phải là "${headers[moved]}": đừng chèn, xóa hay đổi chỗ các cột của trang`, `column ${letter(moved + 1)} must be "${headers[moved]}": do not insert, delete or move the sheet's columns`);
    return [];
  }
  const rows: number[] = [];
  let over = false;
  // Rows with nothing in them (a format only) are not data, however far down.
  ws.eachRow((row, r) => {
    if (over || r <= HEADER_ROW) return;
    for (let c = 1; c <= headers.length; c++) {
      if (isBlankCell(row.getCell(c).value)) continue;
      if (rows.length >= LIMITS.workbookRows) over = true;
      else rows.push(r);
      return;
    }
  });
  if (over) {
    reading.fail(`${ws.name}!A${rows.at(-1)! + 1}`, 'rows', `trang có hơn ${LIMITS.workbookRows} dòng dữ liệu`, `the sheet has more than ${LIMITS.workbookRows} rows of data`);
    return [];
  }
  return rows;
}

// ---------------------------------------------------------------- Thông tin chung

function readGeneral(ws: ExcelJS.Worksheet, data: Obj, reading: Reading): void {
  const byPath = new Map(GENERAL_FIELDS.map((f) => [f.path, f]));
  for (const r of dataRows(ws, headersOf('general'), reading)) {
    const key = String(plainValue(ws.getCell(`${GENERAL_COLUMNS.path}${r}`).value) ?? '').trim();
    const ref = `${GENERAL_COLUMNS.value}${r}`;
    if (key === GENERAL_REST) {
      reading.rest(ws, ref, data, []);
      continue;
    }
    const f = byPath.get(key);
    if (!f) {
      reading.fail(`${ws.name}!${GENERAL_COLUMNS.path}${r}`, 'Trường', `không có trường "${key}": cột C ghi tên trường, không sửa`, `no field "${key}": column C names the field and is not to be changed`);
      continue;
    }
    reading.place(f.path.split('.'), `${ws.name}!${ref}`);
    const v = reading.cell(ws, ref, f.codec, f.path);
    if (v !== undefined) setAt(data, f.path, v);
  }
}

// ---------------------------------------------------------------- Chỉ tiêu

/** The entries of a block (indicators, cited documents), and the cells their fields came from (paths inside the block). */
interface Block {
  entries: Obj[];
  /** Field paths inside the block ("[0].items[1].target") and their cells. */
  places: [string, string][];
  row: number;
  used?: boolean;
}

function readIndicators(ws: ExcelJS.Worksheet, reading: Reading): Map<number, Block> {
  const blocks = new Map<number, Block>();
  const itemFirst = 2 + INDICATOR_FIELDS.length;
  const itemRest = letter(itemFirst + ITEM_FIELDS.length);
  const indicatorRest = letter(itemFirst + ITEM_FIELDS.length + 1);
  let last: { block: number; id: string } | undefined;
  for (const r of dataRows(ws, headersOf('indicators'), reading)) {
    const n = reading.cell(ws, `A${r}`, integer, 'Khối') as number | undefined;
    const id = reading.cell(ws, `B${r}`, text, 'id') as string | undefined;
    if (n === undefined || id === undefined) {
      if (n === undefined) reading.fail(`${ws.name}!A${r}`, 'Khối', 'chưa ghi số khối chỉ tiêu', 'the indicator block is empty');
      if (id === undefined) reading.fail(`${ws.name}!B${r}`, 'id', 'chưa ghi mã chỉ tiêu', 'the indicator id is empty');
      continue;
    }
    const block = blockOf(blocks, n, r);
    // Consecutive rows of one block and id are the items of one indicator.
    if (last?.block !== n || last.id !== id) block.entries.push({ items: [] });
    last = { block: n, id };
    const k = block.entries.length - 1;
    const indicator = block.entries[k];
    const scratch = new Reading(reading.file, 'indicators');
    // The indicator, an item and its components are found at their rows (a sum that does not add up, at the item's).
    scratch.place([k], `${ws.name}!B${r}`);
    scratch.fields(ws, r, INDICATOR_FIELDS, 2, indicator, [k]);
    scratch.rest(ws, `${indicatorRest}${r}`, indicator, [k]);
    const items = indicator.items as Obj[];
    const kindName = String(plainValue(ws.getCell(`${letter(itemFirst + 1)}${r}`).value) ?? '');
    if (kindName.trim().toLocaleLowerCase('vi') === COMPONENT_KIND) {
      const owner = items.at(-1);
      if (!owner) {
        scratch.fail(`${ws.name}!${letter(itemFirst + 1)}${r}`, 'components', 'dòng thành phần phải ở dưới một mục chỉ tiêu', 'a component row must follow an indicator item');
      } else {
        const parts = ((owner.components as Obj[] | undefined) ?? (owner.components = [])) as Obj[];
        scratch.place([k, 'items', items.length - 1, 'components'], `${ws.name}!${letter(itemFirst)}${r}`);
        const part: Obj = {};
        const base: Path = [k, 'items', items.length - 1, 'components', parts.length];
        scratch.fields(ws, r, ITEM_FIELDS.map((c, i) => (i === 1 ? { ...c, key: undefined } : c)), itemFirst, part, base);
        scratch.rest(ws, `${itemRest}${r}`, part, base);
        parts.push(part);
      }
    } else {
      const item: Obj = {};
      const base: Path = [k, 'items', items.length];
      scratch.place(base, `${ws.name}!${letter(itemFirst)}${r}`);
      scratch.fields(ws, r, ITEM_FIELDS, itemFirst, item, base);
      // A quota's share is written in the target's column.
      if (item.kind === 'quota' && 'target' in item) {
        item.percent = item.target;
        delete item.target;
        scratch.place([...base, 'percent'], `${ws.name}!${letter(itemFirst + 4)}${r}`);
      }
      scratch.rest(ws, `${itemRest}${r}`, item, base);
      items.push(item);
    }
    reading.problems.push(...scratch.problems);
    block.places.push(...scratch.entries());
  }
  return blocks;
}

function blockOf(blocks: Map<number, Block>, n: number, row: number): Block {
  const block = blocks.get(n) ?? { entries: [], places: [], row };
  blocks.set(n, block);
  return block;
}

/** The cited documents of each block, a row each. */
function readCitations(ws: ExcelJS.Worksheet, reading: Reading): Map<number, Block> {
  const blocks = new Map<number, Block>();
  for (const r of dataRows(ws, headersOf('citations'), reading)) {
    const n = reading.cell(ws, `A${r}`, integer, 'Khối') as number | undefined;
    if (n === undefined) {
      if (isBlankCell(ws.getCell(`A${r}`).value)) reading.fail(`${ws.name}!A${r}`, 'Khối', 'chưa ghi số khối', 'the block is empty');
      continue;
    }
    const block = blockOf(blocks, n, r);
    const scratch = new Reading(reading.file, 'basis.documents');
    const document: Obj = {};
    const base: Path = [block.entries.length];
    scratch.fields(ws, r, CITATION_FIELDS, 2, document, base);
    scratch.rest(ws, `${letter(CITATION_FIELDS.length + 2)}${r}`, document, base);
    reading.problems.push(...scratch.problems);
    block.places.push(...scratch.entries());
    block.entries.push(document);
  }
  return blocks;
}

// ---------------------------------------------------------------- Nội dung

/** A row of "Nội dung" that later rows may be children of. */
interface Open {
  depth: number;
  kind: NodeKind;
  node: Obj;
  path: Path;
}

/** Which outline a part names: its holder's path, and the appendix (from 0) if it is one. */
function partOf(name: string): { holder: Path; appendix?: number } | undefined {
  const [base, n] = name.split(APPENDIX_PART);
  const holder: Path | undefined = base === PARTS.plan ? ['plan'] : base === PARTS.unitPlans ? ['unitPlans', 'outline'] : undefined;
  if (!holder) return undefined;
  if (n === undefined) return { holder };
  return /^[1-9]\d{0,2}$/.test(n) ? { holder, appendix: Number(n) - 1 } : undefined;
}

function readOutline(ws: ExcelJS.Worksheet, data: Obj, blocks: Record<string, Map<number, Block>>, reading: Reading): void {
  const col = (c: OutlineColumn, r: number) => `${outlineLetter(c)}${r}`;
  const at = (c: OutlineColumn, r: number) => `${ws.name}!${col(c, r)}`;
  const stacks = new Map<string, Open[]>();
  const kindCodec = choiceOf(KIND_CHOICES);
  for (const r of dataRows(ws, headersOf('outline'), reading)) {
    const partName = reading.cell(ws, col('part', r), text, 'Phần') as string | undefined;
    const part = partName === undefined ? undefined : partOf(partName);
    if (!part) {
      reading.fail(at('part', r), 'Phần', `cần "${PARTS.plan}", "${PARTS.unitPlans}" hoặc "${PARTS.plan}${APPENDIX_PART}1"`, `needs "${PARTS.plan}", "${PARTS.unitPlans}" or "${PARTS.plan}${APPENDIX_PART}1"`);
      continue;
    }
    const kindName = reading.cell(ws, col('kind', r), kindCodec, 'Loại') as string | undefined;
    if (kindName === undefined) {
      if (isBlankCell(ws.getCell(col('kind', r)).value)) reading.fail(at('kind', r), 'Loại', 'chưa chọn loại dòng', 'the kind of row is empty');
      continue;
    }
    const holderPath: Path = part.appendix === undefined ? part.holder : [...part.holder, 'appendices', part.appendix];
    if (part.appendix !== undefined) {
      const count = ((getAt(data, [...part.holder, 'appendices'].join('.')) as unknown[] | undefined) ?? []).length;
      if (part.appendix > count) {
        reading.fail(at('part', r), 'Phần', `phụ lục ${part.appendix + 1} ở trước phụ lục ${count + 1}`, `appendix ${part.appendix + 1} comes before appendix ${count + 1}`);
        continue;
      }
    }
    const target = ensure(data, holderPath);
    if (!target) {
      reading.fail(at('part', r), formatPath(holderPath), `${formatPath(holderPath)} đã được ghi ở một ô Khác, không phải một mục`, `${formatPath(holderPath)} is set by a "Khác" cell to something else than a mapping`);
      continue;
    }
    if (kindName === APPENDIX_ROW) {
      if (part.appendix === undefined) {
        reading.fail(at('kind', r), 'Loại', `dòng "${APPENDIX_ROW}" chỉ có ở phần "...${APPENDIX_PART}1"`, `an "${APPENDIX_ROW}" row belongs to a part "...${APPENDIX_PART}1"`);
        continue;
      }
      reading.fields(ws, r, [{ key: 'label', codec: text }], OUTLINE_COLUMNS.indexOf('label') + 1, target, holderPath);
      reading.fields(ws, r, [{ key: 'title', codec: lines }], OUTLINE_COLUMNS.indexOf('text') + 1, target, holderPath);
      reading.rest(ws, col('rest', r), target, holderPath);
      continue;
    }
    const depth = reading.cell(ws, col('depth', r), integer, 'Cấp') as number | undefined;
    if (depth === undefined || depth < 1) {
      if (depth === undefined && isBlankCell(ws.getCell(col('depth', r)).value)) reading.fail(at('depth', r), 'Cấp', 'chưa ghi cấp của dòng (1, 2, 3 ...)', 'the row\'s level is empty (1, 2, 3 ...)');
      else if (depth !== undefined) reading.fail(at('depth', r), 'Cấp', 'cấp là một số từ 1', 'the level is a number from 1');
      continue;
    }
    const stack = stacks.get(partName!) ?? [];
    stacks.set(partName!, stack);
    while (stack.length && stack.at(-1)!.depth >= depth) stack.pop();
    const parent = stack.at(-1);
    if ((parent?.depth ?? 0) !== depth - 1) {
      reading.fail(at('depth', r), 'Cấp', `dòng cấp ${depth} cần một dòng cấp ${depth - 1} ở trên`, `a row of level ${depth} needs a row of level ${depth - 1} above it`);
      continue;
    }
    const inItems = !isBlankCell(ws.getCell(col('inItems', r)).value);
    let list: unknown[] | undefined;
    let listPath: Path;
    if (!parent) {
      list = listAt(target, 'body');
      listPath = [...holderPath, 'body'];
    } else {
      const kind = parent.kind;
      const childList = kind.children ? (kind.children.length === 2 ? (inItems ? 'items' : 'body') : kind.children[0]) : undefined;
      if (!childList || (childList === 'table.rows') !== (kindName === TABLE_ROW)) {
        const why = childList === 'table.rows' ? `dưới dòng "bảng" chỉ có dòng "${TABLE_ROW}"` : `dòng "${parent.kind.name}" không có dòng con loại "${kindName}"`;
        reading.fail(at('kind', r), 'Loại', why, childList === 'table.rows' ? `a table has only "${TABLE_ROW}" rows below it` : `a "${parent.kind.name}" row has no child rows of kind "${kindName}"`);
        continue;
      }
      list = listAt(parent.node, childList);
      listPath = [...parent.path, ...childList.split('.')];
    }
    if (!list) {
      reading.fail(at('kind', r), formatPath(listPath), notAList(listPath).vi, notAList(listPath).en);
      continue;
    }
    const path: Path = [...listPath, list.length];
    if (kindName === TABLE_ROW) {
      const cells = reading.cell(ws, col('text', r), yaml, formatPath(path));
      list.push(cells);
      reading.place(path, at('text', r), cells);
      continue;
    }
    const kind = NODE_KINDS.find((k) => k.name === kindName)!;
    reading.place(path, at('kind', r));
    if (!kind.key) {
      // A paragraph of plain text has nothing but its text.
      for (const c of [...(Object.keys(NODE_COLUMNS) as OutlineColumn[]), 'rest' as const]) {
        if (!isBlankCell(ws.getCell(col(c, r)).value)) {
          reading.fail(at(c, r), formatPath(path), `dòng "${kind.name}" chỉ có nội dung; chọn loại "đoạn định dạng", "ý" hoặc "mục" cho cột này`, `a "${kind.name}" row has only its text; choose "đoạn định dạng", "ý" or "mục" for this column`);
        }
      }
      const t = reading.cell(ws, col('text', r), text, formatPath(path));
      if (t === undefined && isBlankCell(ws.getCell(col('text', r)).value)) reading.fail(at('text', r), formatPath(path), 'đoạn văn chưa có nội dung', 'the paragraph is empty');
      list.push(t ?? '');
      continue;
    }
    const node: Obj = {};
    for (const [c, f] of Object.entries(NODE_COLUMNS) as [OutlineColumn, FieldColumn][]) reading.fields(ws, r, [f], OUTLINE_COLUMNS.indexOf(c) + 1, node, path);
    if (kind.text) reading.fields(ws, r, [{ key: kind.text, codec: text }], OUTLINE_COLUMNS.indexOf('text') + 1, node, path);
    if (kind.block) {
      const field = `${formatPath(path)}.${kind.block.path}`;
      const n = reading.cell(ws, col('block', r), integer, field) as number | undefined;
      const block = n === undefined ? undefined : blocks[kind.block.sheet].get(n);
      if (!block || block.used) {
        const sheet = kind.block.sheet;
        const why = n === undefined ? [`chưa ghi số khối ở trang ${sheet}`, `the number of the block (sheet ${sheet}) is empty`] : block ? [`khối ${n} đã dùng ở dòng khác`, `block ${n} is used by another row`] : [`trang ${sheet} không có khối ${n}`, `the sheet ${sheet} has no block ${n}`];
        if (n !== undefined || isBlankCell(ws.getCell(col('block', r)).value)) reading.fail(at('block', r), field, why[0], why[1]);
      } else {
        block.used = true;
        setAt(node, kind.block.path, block.entries);
        reading.place([...path, ...kind.block.path.split('.')], at('block', r));
        for (const [key, ref] of block.places) reading.placeKey(`${field}${key}`, ref);
      }
    }
    reading.rest(ws, col('rest', r), node, path);
    // A block of nodes (tasks, commendation) is there even before its first child row.
    if (kind.children?.length === 1) listAt(node, kind.children[0]);
    list.push(node);
    stack.push({ depth, kind, node, path });
  }
  for (const kind of NODE_KINDS) {
    if (!kind.block) continue;
    for (const [n, block] of blocks[kind.block.sheet]) {
      if (!block.used) reading.fail(`${kind.block.sheet}!A${block.row}`, 'Khối', `khối ${n} không có dòng "${kind.name}" nào ở trang ${ws.name}`, `block ${n} has no "${kind.name}" row in the sheet ${ws.name}`);
    }
  }
}

// ---------------------------------------------------------------- Đơn vị, Phân công, Nơi nhận

function readUnits(ws: ExcelJS.Worksheet, data: Obj, reading: Reading): Obj[] {
  const units: Obj[] = [];
  for (const r of dataRows(ws, headersOf('units'), reading)) {
    const unit: Obj = {};
    const base: Path = ['units', units.length];
    reading.fields(ws, r, UNIT_FIELDS, 1, unit, base);
    reading.rest(ws, `${letter(UNIT_FIELDS.length + 1)}${r}`, unit, base);
    reading.place(base, `${ws.name}!A${r}`);
    units.push(unit);
  }
  if (units.length) data.units = units;
  return units;
}

const roleCodec = choice({ leads: ROLE_NAMES.leads, supports: ROLE_NAMES.supports });
const assignedCodec = choice({ indicators: ASSIGNED_NAMES.indicators, tasks: ASSIGNED_NAMES.tasks });

/** The unit (by its id in the cell) a row of another sheet is about. */
function unitAt(ws: ExcelJS.Worksheet, ref: string, units: Obj[], reading: Reading): number | undefined {
  const id = reading.cell(ws, ref, text, 'unit') as string | undefined;
  if (id === undefined) return undefined;
  const i = units.findIndex((u) => u.id === id);
  if (i < 0) reading.fail(`${ws.name}!${ref}`, 'unit', `không có đơn vị "${id}" ở trang ${CAMPAIGN_SHEETS.units}`, `no unit "${id}" in the sheet ${CAMPAIGN_SHEETS.units}`);
  return i < 0 ? undefined : i;
}

function readAssignments(ws: ExcelJS.Worksheet, units: Obj[], reading: Reading): void {
  const C = ASSIGNMENT_COLUMNS;
  for (const r of dataRows(ws, headersOf('assignments'), reading)) {
    const needed = (ref: string, field: string, vi: string, en: string) => {
      if (isBlankCell(ws.getCell(ref).value)) reading.fail(`${ws.name}!${ref}`, field, vi, en);
    };
    needed(`${C.unit}${r}`, 'unit', 'chưa ghi mã đơn vị', 'the unit is empty');
    needed(`${C.role}${r}`, 'role', 'chưa chọn vai trò (chủ trì hoặc phối hợp)', 'the role is empty (chủ trì or phối hợp)');
    needed(`${C.assigned}${r}`, 'assigned', 'chưa chọn giao chỉ tiêu hay nhiệm vụ', 'neither indicator nor task is chosen');
    needed(`${C.id}${r}`, 'id', 'chưa ghi mã chỉ tiêu hoặc nhiệm vụ', 'the indicator or task id is empty');
    const i = unitAt(ws, `${C.unit}${r}`, units, reading);
    const role = reading.cell(ws, `${C.role}${r}`, roleCodec, 'role') as 'leads' | 'supports' | undefined;
    const assigned = reading.cell(ws, `${C.assigned}${r}`, assignedCodec, 'assigned') as 'indicators' | 'tasks' | undefined;
    const id = reading.cell(ws, `${C.id}${r}`, text, 'id') as string | undefined;
    if (i === undefined || !role || !assigned || id === undefined) continue;
    const unit = units[i];
    const holder = ensure(unit, [role]);
    const list = holder && listAt(holder, assigned);
    if (!list) {
      reading.fail(`${ws.name}!${C.id}${r}`, formatPath(['units', i, role, assigned]), notAList(['units', i, role, assigned]).vi, notAList(['units', i, role, assigned]).en);
      continue;
    }
    const path: Path = ['units', i, role, assigned, list.length];
    const ref = { items: `${C.items}${r}`, sentences: `${C.sentences}${r}`, text: `${C.text}${r}` };
    const parts: Obj = {};
    for (const k of ['items', 'sentences', 'text'] as const) {
      const v = reading.cell(ws, ref[k], ASSIGNMENT_CODECS[k], formatPath([...path, k]));
      if (v === undefined) continue;
      if (assigned === 'indicators') {
        reading.fail(`${ws.name}!${ref[k]}`, formatPath(path), 'chỉ nhiệm vụ mới giao theo ý, câu hoặc lời riêng; chỉ tiêu giao theo mã (mã mục để giao một mục)', 'only a task is given by parts, sentences or own wording; an indicator is given by its id (an item by its id)');
        continue;
      }
      parts[k] = v;
      reading.place([...path, k], `${ws.name}!${ref[k]}`);
    }
    list.push(Object.keys(parts).length ? { task: id, ...parts } : id);
    reading.place(path, `${ws.name}!${C.id}${r}`);
  }
}

function readRecipients(ws: ExcelJS.Worksheet, data: Obj, units: Obj[], reading: Reading): void {
  for (const r of dataRows(ws, headersOf('recipients'), reading)) {
    const owner = String(plainValue(ws.getCell(`A${r}`).value) ?? '').trim();
    let base: Path;
    if (owner === RECIPIENT_OWNERS.plan) base = ['plan', 'recipients'];
    else if (owner === RECIPIENT_OWNERS.unitPlans) base = ['unitPlans', 'recipients'];
    else {
      const i = owner ? unitAt(ws, `A${r}`, units, reading) : undefined;
      if (!owner) reading.fail(`${ws.name}!A${r}`, 'Của', `chưa ghi nơi nhận này của văn bản nào: "${RECIPIENT_OWNERS.plan}", "${RECIPIENT_OWNERS.unitPlans}" hoặc mã một đơn vị`, `whose recipient this is is empty: "${RECIPIENT_OWNERS.plan}", "${RECIPIENT_OWNERS.unitPlans}" or a unit's id`);
      if (i === undefined) continue;
      base = ['units', i, 'reportsTo'];
    }
    const parent = ensure(data, base.slice(0, -1));
    const list = parent && (listAt(parent, String(base.at(-1))) as Obj[] | undefined);
    if (!list) {
      reading.fail(`${ws.name}!A${r}`, formatPath(base), notAList(base).vi, notAList(base).en);
      continue;
    }
    const recipient: Obj = {};
    const path = [...base, list.length];
    reading.fields(ws, r, RECIPIENT_FIELDS, 2, recipient, path);
    reading.rest(ws, `${letter(RECIPIENT_FIELDS.length + 2)}${r}`, recipient, path);
    reading.place(path, `${ws.name}!B${r}`);
    list.push(recipient);
  }
}

// ---------------------------------------------------------------- the workbook

/** Read a campaign workbook; its problems name the sheet and cell. */
export async function readCampaignWorkbook(content: Buffer, file: string): Promise<CampaignWorkbook> {
  const reading = new Reading(file);
  const refuse = (vi: string, en: string): CampaignWorkbook => ({ problems: [{ ...problem(file, vi, en), file }], locate: reading.locate });
  let over: { vi: string; en: string } | undefined;
  try {
    over = packageOverLimits(new PizZip(content));
  } catch {
    return refuse('không đọc được tệp Excel (.xlsx)', 'cannot read the file as an Excel workbook (.xlsx)');
  }
  if (over) return refuse(`tệp Excel quá lớn hoặc hỏng: ${over.vi}`, `the workbook is too large or damaged: ${over.en}`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return refuse('không đọc được tệp Excel (.xlsx)', 'cannot read the file as an Excel workbook (.xlsx)');
  }
  const sheets = Object.fromEntries(Object.entries(CAMPAIGN_SHEETS).map(([k, name]) => [k, wb.getWorksheet(name)])) as Record<keyof typeof CAMPAIGN_SHEETS, ExcelJS.Worksheet | undefined>;
  const missing = Object.entries(sheets).filter(([, ws]) => !ws).map(([k]) => CAMPAIGN_SHEETS[k as keyof typeof CAMPAIGN_SHEETS]);
  if (missing.length) {
    const names = missing.map((n) => `"${n}"`).join(', ');
    return refuse(`thiếu trang ${names} của tệp đợt thi đua`, `the campaign workbook lacks the sheet(s) ${names}`);
  }
  const data: Obj = {};
  readGeneral(sheets.general!, data, reading);
  const blocks = { [CAMPAIGN_SHEETS.indicators]: readIndicators(sheets.indicators!, reading), [CAMPAIGN_SHEETS.citations]: readCitations(sheets.citations!, reading) };
  readOutline(sheets.outline!, data, blocks, reading);
  const units = readUnits(sheets.units!, data, reading);
  readAssignments(sheets.assignments!, units, reading);
  readRecipients(sheets.recipients!, data, units, reading);
  // A field with no cell of its own (a row deleted, a list left empty) is found on its sheet.
  for (const f of GENERAL_FIELDS) reading.placeKey(f.path, CAMPAIGN_SHEETS.general);
  for (const [path, sheet] of Object.entries(SHEET_OF)) reading.placeKey(path, sheet);
  const problems = reading.problems;
  return { data: problems.length ? undefined : data, partial: data, problems, locate: reading.locate };
}
