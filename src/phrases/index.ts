/**
 * Recurring sentences ("Thực hiện Kế hoạch số ...", "Trên đây là ...") as
 * handlebars templates in templates/phrases/, shared by every document kind.
 * User text only ever arrives as values: handlebars prints values as typed
 * and never evaluates "{{" inside them; noEscape keeps "&" and "<" as typed,
 * since the output is not HTML.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { templatesDir } from '../paths.js';

const hbs = Handlebars.create();

const cache = new Map<string, Handlebars.TemplateDelegate>();

export type PhraseName =
  | 'basis'
  | 'opening'
  | 'closing'
  | 'timeline'
  | 'phase'
  | 'reporting'
  | 'unit-summary'
  | 'unit-opening'
  | 'unit-purposes'
  | 'unit-requirements'
  | 'unit-organisation'
  | 'unit-collecting'
  | 'unit-closing'
  | 'report-summary'
  | 'report-launch'
  | 'report-units'
  | 'report-indicators'
  | 'report-awards'
  | 'report-strength'
  | 'report-closing';

function template(name: PhraseName): Handlebars.TemplateDelegate {
  let t = cache.get(name);
  if (!t) {
    const source = readFileSync(`${templatesDir}/phrases/${name}.hbs`, 'utf8');
    t = hbs.compile(source.replace(/\n$/, ''), { noEscape: true, strict: true });
    cache.set(name, t);
  }
  return t;
}

export function phrase(name: PhraseName, data: object): string {
  return template(name)(data).normalize('NFC');
}

/** A phrase template of several paragraphs, one per line. */
export function phraseLines(name: PhraseName, data: object): string[] {
  return phrase(name, data).split('\n');
}
