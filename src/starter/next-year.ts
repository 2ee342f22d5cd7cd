/**
 * `thidua init --from FILE`: an existing campaign's structure for a new year,
 * as YAML with its comments kept. The plan's and the units' numbers and days
 * are cleared (a new plan is not yet registered or signed), its year is the
 * new one, the campaign's own dates (its time, phases and deadlines) move to
 * the same day of the new year, and the old year in the campaign's own name
 * and summary becomes the new one; cited documents keep their dates. Results
 * are not copied.
 */
import { isMap, isScalar, parseDocument, visit, type Document } from 'yaml';
import { daysInMonth } from '../model/text-schema.js';

const ISO = /^(\d{4})-(\d{2})(-(\d{2}))?$/;

/** "2025-10-01" a year on; 29 February on a year without one is the 28th. */
function shiftDate(value: string, from: number, to: number): string {
  const m = ISO.exec(value);
  if (!m || Number(m[1]) !== from) return value;
  if (m[4] === undefined) return `${to}-${m[2]}`;
  const day = Math.min(Number(m[4]), daysInMonth(to, Number(m[2])));
  return `${to}-${m[2]}-${String(day).padStart(2, '0')}`;
}

const setIf = (doc: Document, path: (string | number)[], value: unknown) => {
  if (doc.hasIn(path)) doc.setIn(path, value);
};

export function nextYearCampaign(text: string, year: number): { text: string; from: number | undefined } {
  const doc = parseDocument(text);
  const from = Number(doc.getIn(['plan', 'date', 'year'])) || undefined;
  setIf(doc, ['plan', 'number'], null);
  setIf(doc, ['plan', 'date', 'year'], year);
  setIf(doc, ['plan', 'date', 'day'], null);
  const units = doc.get('units');
  if (units && 'items' in (units as object)) {
    for (const unit of (units as { items: unknown[] }).items) {
      if (!isMap(unit)) continue;
      const plan = unit.get('plan');
      if (isMap(plan)) {
        plan.set('number', null);
        plan.delete('date');
      }
    }
  }
  if (from && from !== year) {
    // A cited document (it has a reference) keeps its date; every other date of the campaign's year moves.
    visit(doc, {
      Map: (_, map) => (map.has('reference') ? visit.SKIP : undefined),
      Scalar: (_, node) => {
        if (typeof node.value === 'string') node.value = shiftDate(node.value, from, year);
      },
    });
    const old = new RegExp(`(?<!\\d)${from}(?!\\d)`, 'g');
    for (const path of [['id'], ['name'], ['plan', 'summary'], ['plan', 'subject'], ['plan', 'closing', 'subject']]) {
      const node = doc.getIn(path, true);
      if (isScalar(node) && typeof node.value === 'string') node.value = node.value.replace(old, String(year));
    }
  }
  return { text: doc.toString({ lineWidth: 0 }), from };
}
