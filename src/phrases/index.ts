/**
 * Recurring sentences ("Thực hiện Kế hoạch số ...", "Trên đây là ...") as
 * handlebars templates in templates/phrases/, shared by every document kind.
 * User text only ever arrives as values: handlebars prints values as typed
 * and never evaluates "{{" inside them; noEscape keeps "&" and "<" as typed,
 * since the output is not HTML.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { templateFile } from '../paths.js';
import { memoBy } from '../template-memo.js';
import { upperFirst } from '../format/text.js';

const hbs = Handlebars.create();
hbs.registerHelper('upperFirst', (s: unknown) => upperFirst(String(s)));

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** A template of our own (never user text), printing its values as typed; compiled once. */
export function compileTemplate(source: string): Handlebars.TemplateDelegate {
  let t = compiled.get(source);
  if (!t) {
    t = hbs.compile(source, { noEscape: true, strict: true });
    compiled.set(source, t);
  }
  return t;
}

export type PhraseName =
  | 'closing'
  | 'timeline'
  | 'phase'
  | 'reporting'
  | 'unit-opening'
  | 'unit-collecting'
  | 'report-launch'
  | 'report-units'
  | 'report-indicators'
  | 'report-awards'
  | 'report-strength'
  | 'report-shortcomings'
  | 'report-causes';

const source = memoBy((name: PhraseName): string => readFileSync(templateFile(`phrases/${name}.hbs`), 'utf8').replace(/\n$/, ''));

const template = (name: PhraseName): Handlebars.TemplateDelegate => compileTemplate(source(name));

export function phrase(name: PhraseName, data: object): string {
  return template(name)(data).normalize('NFC');
}
