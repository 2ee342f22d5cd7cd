/**
 * Building blocks of a document body: numbered sections, clauses, points and
 * dash items, labelled by the decree's rules.
 */
import type { Block } from './document.js';
import { clauseLabel, pointLabel, sectionLabel } from '../format/numbering.js';

export const section = (n: number, title: string): Block => ({ role: 'section', text: `${sectionLabel(n)} ${title}` });
export const clause = (title: string, ...n: number[]): Block => ({ role: 'clause', text: `${clauseLabel(...n)} ${title}` });
export const para = (text: string): Block => ({ role: 'body', text });
export const dash = (text: string): Block => para(`- ${text}`);
export const points = (texts: string[]): Block[] => texts.map((t, i) => para(`${pointLabel(i)} ${t}`));
/** The last paragraph, ending "./.": it stays with the signature. */
export const closingPara = (text: string): Block => ({ role: 'closing', text });
