/**
 * The parts of a campaign a clerk changes most, as the web page's form has
 * them (lines of text, blanks for "not yet"), and their application to the
 * campaign's data before it is checked: the checks then say what is wrong
 * with an edit exactly as they would of the same value in a file.
 */
import { z } from 'zod';
import { AUTHORITY_PREFIXES } from '../model/schema.js';

const Line = z.string().max(500);
const Lines = z.array(Line).max(100);
const Num = z.number().int().nullable();

const SignerForm = z.strictObject({
  /** "TM. ỦY BAN NHÂN DÂN", one per line. */
  authorities: z.array(Line).max(5),
  position: Line,
  /** "" while the document waits for signing. */
  name: Line,
});

export const PageEdits = z.strictObject({
  plan: z
    .strictObject({
      /** "" for a draft not yet numbered; digits as printed. */
      number: z.string().max(20),
      date: z.strictObject({ year: Num, month: Num, day: Num }),
      signer: SignerForm,
      /** "UBND thành phố (b/c)", one per line. */
      recipients: Lines,
    })
    .optional(),
  /** Each unit's signer, by the unit's id. */
  units: z.array(z.strictObject({ id: z.string().max(100), position: Line, name: Line })).max(1000).optional(),
});
export type PageEdits = z.infer<typeof PageEdits>;
type SignerForm = z.infer<typeof SignerForm>;

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data => !!v && typeof v === 'object' && !Array.isArray(v);

/** A recipient as one line: "UBND thành phố (b/c)". */
export function recipientLine(r: unknown): string {
  if (!isObject(r)) return '';
  const name = typeof r.name === 'string' ? r.name : '';
  return typeof r.note === 'string' && r.note ? `${name} (${r.note})` : name;
}

/** A note is a short word in brackets at the end ("b/c", "t/h"); a longer bracket is part of the name. */
const NOTE = /^(.*\S)\s*\(([^()]{1,12})\)$/;

/** A line back to a recipient; one that reads as a recipient of the file keeps all of its fields (its unit, say). */
export function recipientOf(line: string, before: unknown[]): unknown {
  const text = line.trim().replace(/\s+/g, ' ');
  const same = before.find((r) => recipientLine(r) === text);
  if (same) return same;
  const m = NOTE.exec(text);
  return m ? { name: m[1], note: m[2] } : { name: text };
}

/** "TM. ỦY BAN NHÂN DÂN" → {prefix: "TM.", of: "ỦY BAN NHÂN DÂN"}; a line with no known prefix keeps its first word as one, for the check to name. */
export function authorityOf(line: string): { prefix: string; of: string } {
  const text = line.trim().replace(/\s+/g, ' ');
  const known = AUTHORITY_PREFIXES.find((p) => text.toUpperCase().startsWith(`${p} `) || text.toUpperCase() === p);
  if (known) return { prefix: known, of: text.slice(known.length).trim() };
  const [first, ...rest] = text.split(' ');
  return { prefix: first, of: rest.join(' ') };
}

const authorityLine = (a: unknown) => (isObject(a) ? `${String(a.prefix ?? '')} ${String(a.of ?? '')}`.trim() : '');

/** A document number as the form has it: "" for none. */
const numberLine = (n: unknown) => (n === null || n === undefined ? '' : String(n));
/** And back: digits without a leading zero are a number, others kept as printed ("0124"); the check refuses what is neither. */
const numberOf = (s: string): unknown => {
  const t = s.trim();
  if (!t) return null;
  return /^[1-9]\d*$/.test(t) ? Number(t) : t;
};

const signerForm = (s: unknown): SignerForm => {
  const signer = isObject(s) ? s : {};
  return {
    authorities: Array.isArray(signer.authorities) ? signer.authorities.map(authorityLine) : [],
    position: typeof signer.position === 'string' ? signer.position : '',
    name: typeof signer.name === 'string' ? signer.name : '',
  };
};

const dateForm = (d: unknown) => {
  const date = isObject(d) ? d : {};
  const n = (v: unknown) => (typeof v === 'number' ? v : null);
  return { year: n(date.year), month: n(date.month), day: n(date.day) };
};

/** The form's values of a campaign's data (what the page shows, and sends back edited). */
export interface PageForm {
  plan?: NonNullable<PageEdits['plan']>;
  units: NonNullable<PageEdits['units']>;
  /** Each unit's name, by its id: the form's labels. */
  unitNames: Record<string, string>;
}

export function pageForm(data: unknown): PageForm {
  const d = isObject(data) ? data : {};
  const plan = isObject(d.plan) ? d.plan : undefined;
  const units = (Array.isArray(d.units) ? d.units : []).filter(isObject);
  return {
    plan: plan && {
      number: numberLine(plan.number),
      date: dateForm(plan.date),
      signer: signerForm(plan.signer),
      recipients: Array.isArray(plan.recipients) ? plan.recipients.map(recipientLine) : [],
    },
    units: units.filter((u) => typeof u.id === 'string').map((u) => ({ id: u.id as string, ...pick(signerForm(u.signer)) })),
    unitNames: Object.fromEntries(units.filter((u) => typeof u.id === 'string').map((u) => [u.id, typeof u.name === 'string' ? u.name : u.id])),
  };
}
const pick = ({ position, name }: SignerForm) => ({ position, name });

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The data with the edits applied, and the paths of the fields they changed
 * (a problem there is one of the page's, not of the file's line).
 */
export function applyPageEdits(data: unknown, edits: PageEdits): { data: unknown; edited: string[] } {
  if (!isObject(data)) return { data, edited: [] };
  const out: Data = structuredClone(data);
  const edited: string[] = [];
  const set = (target: Data, key: string, value: unknown, path: string) => {
    if (same(target[key], value)) return;
    target[key] = value;
    edited.push(path);
  };
  const before = pageForm(data);
  if (edits.plan && isObject(out.plan)) {
    const plan = out.plan;
    const was = before.plan!;
    if (edits.plan.number !== was.number) set(plan, 'number', numberOf(edits.plan.number), 'plan.number');
    const date = edits.plan.date;
    if (!same(date, was.date)) set(plan, 'date', { ...(isObject(plan.date) ? plan.date : {}), ...date }, 'plan.date');
    if (!same(edits.plan.signer, was.signer)) {
      const s = edits.plan.signer;
      set(plan, 'signer', { authorities: s.authorities.filter((l) => l.trim()).map(authorityOf), position: s.position.trim(), name: s.name.trim() || null }, 'plan.signer');
    }
    if (!same(edits.plan.recipients, was.recipients)) {
      const old = Array.isArray(plan.recipients) ? plan.recipients : [];
      set(plan, 'recipients', edits.plan.recipients.filter((l) => l.trim()).map((l) => recipientOf(l, old)), 'plan.recipients');
    }
  }
  const units = Array.isArray(out.units) ? out.units : [];
  for (const e of edits.units ?? []) {
    const i = units.findIndex((u) => isObject(u) && u.id === e.id);
    const unit = units[i];
    if (!isObject(unit)) continue;
    const was = before.units.find((u) => u.id === e.id);
    if (was && was.position === e.position && was.name === e.name) continue;
    const signer = isObject(unit.signer) ? unit.signer : {};
    set(unit, 'signer', { ...signer, position: e.position.trim(), name: e.name.trim() || null }, `units[${i}].signer`);
  }
  return { data: out, edited };
}
