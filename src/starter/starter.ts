/**
 * A starter campaign for `thidua init`: a complete, valid campaign file of an
 * issuer's level, with its usual units, comments in Vietnamese on each part,
 * and "……" wherever the clerk has something to write (the documents print
 * those blanks as they are, to be filled by hand, never invented content).
 * The file is templates/starter/campaign.yaml; the units are data
 * (templates/starter/units.yaml).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { z } from 'zod';
import { dataFile } from '../phrases/data-file.js';
import { issuerWords } from '../phrases/words.js';
import { LEVELS, Text, UNIT_KINDS, type Issuer, type Level } from '../model/schema.js';
import { templatesDir } from '../paths.js';

/** What a clerk has not written yet: printed as a blank to fill. */
export const BLANK = '……';

/** The files of a campaign's folder, as `init` writes them and `all` finds its results beside the campaign. */
export const CAMPAIGN_FILE = 'campaign.yaml';
export const RESULTS_FILE = 'ket-qua.yaml';

const StarterUnit = z.strictObject({
  id: z.string(),
  name: Text,
  kind: z.enum(UNIT_KINDS),
  abbreviation: z.string(),
  parent: z.array(Text),
  lines: z.array(Text).min(1),
  authority: Text.optional(),
  position: Text,
  reportsTo: Text.optional(),
});
const GROUPS = ['commune', 'district', 'province'] as const;
const UnitsFile = z.strictObject({
  youthCommittee: z.record(z.string(), Text),
  groups: z.record(z.enum(GROUPS), z.array(z.enum(LEVELS))),
  units: z.record(z.enum(GROUPS), z.array(StarterUnit)),
});

export interface StarterOptions {
  level: Level;
  /** "Xã Kiến Minh", or the place alone: "Kiến Minh". */
  issuer: string;
  year: number;
  /** The month of the plan's date (1–12). */
  month: number;
  /** The superior province or city, "thành phố Hải Phòng", named in the units' reporting lines. */
  province?: string;
  /** Where the JSON Schema is, from the file written (the line an editor reads). */
  schema: string;
}

export class StarterError extends Error {
  constructor(readonly vi: string, readonly en: string) {
    super(`${vi} / ${en}`);
  }
}

const upper = (s: string) => s.toLocaleUpperCase('vi');
const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** A lower-case slug of a Vietnamese name: "Kiến Minh" → "kien-minh". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** One line of text, as a YAML double-quoted scalar (JSON's form is one). */
const q = (s: string) => JSON.stringify(s);

/** The starter campaign's text, its id and its name. */
export function starterCampaign(o: StarterOptions): { text: string; id: string; name: string } {
  const issuerText = o.issuer.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!issuerText || /[\r\n]/.test(o.issuer)) throw new StarterError('--issuer: cần tên cơ quan trên một dòng, ví dụ "Xã Kiến Minh"', '--issuer: needs a name on one line, e.g. "Xã Kiến Minh"');
  if (!Number.isInteger(o.year) || o.year < 1945 || o.year > 2100) throw new StarterError('--year: cần một năm từ 1945 đến 2100', '--year: needs a year from 1945 to 2100');
  const words = issuerWords({ level: o.level, kind: 'people-committee', words: {} } as Issuer);
  const level = words.level;
  // "Xã Kiến Minh" or "Kiến Minh": the place is what follows the level's word.
  const place = issuerText.toLocaleLowerCase('vi').startsWith(`${level} `) ? issuerText.slice(level.length + 1) : issuerText;
  const province = o.province?.normalize('NFC').trim() || BLANK;
  const { youthCommittee, groups, units } = dataFile('starter/units.yaml', UnitsFile);
  const group = GROUPS.find((g) => groups[g].includes(o.level))!;
  // "thành phố Hải Phòng" → "Thành đoàn Hải Phòng"; a province not named, or named otherwise, is a blank.
  const word = Object.keys(youthCommittee).find((w) => province.toLocaleLowerCase('vi').startsWith(`${w} `));
  const youth = word ? `${youthCommittee[word]} ${province.slice(word.length + 1)}` : BLANK;
  const names = { place, PLACE: upper(place), level, LEVEL: upper(level), province, PROVINCE: upper(province), youth, YOUTH: upper(youth) };
  // The data's strings are templates over the names; the names themselves are text, never template code.
  const fill = (s: string) => Handlebars.compile(s, { noEscape: true, strict: true })(names);
  const issuerName = `Ủy ban nhân dân ${level} ${place}`;
  const campaignName = `Đợt thi đua năm ${o.year} của ${level} ${place}`;
  const context = {
    schema: o.schema,
    year: o.year,
    month: o.month,
    level: o.level,
    id: `${slug(place)}-${o.year}`,
    ISSUER_COMMENT: upper(`${level} ${place}`),
    PLACE_COMMENT: place,
    campaignName: q(campaignName),
    ISSUER_PLACE: q(upper(`${level} ${place}`)),
    place: q(place),
    issuerName: q(issuerName),
    summary: q(`Phát động ${campaignName}`),
    opening: q(`Thực hiện ${BLANK}, ${issuerName} xây dựng Kế hoạch phát động ${campaignName} như sau:`),
    closingSubject: q(`kế hoạch phát động ${campaignName}`),
    closingRequest: q(`đề nghị ${words.bodies} ${level}, ${words.subdivisions} nghiêm túc triển khai thực hiện`),
    party: q(`Thường trực ${words.party}`),
    bodiesRecipient: q(`${capitalise(words.bodies)} ${level}`),
    issuerShort: q(`UBND ${level}`),
    units: units[group].map((u, i) => ({
      id: u.id,
      name: q(fill(u.name)),
      kind: u.kind,
      abbreviation: q(u.abbreviation),
      parent: `[${u.parent.map((l) => q(fill(l))).join(', ')}]`,
      lines: `[${u.lines.map((l) => q(fill(l))).join(', ')}]`,
      authority: u.authority && q(u.authority),
      position: q(fill(u.position)),
      reportsTo: u.reportsTo && q(fill(u.reportsTo)),
      task: `nhiem-vu-${(i % 2) + 1}`,
    })),
  };
  const template = readFileSync(join(templatesDir, 'starter', 'campaign.yaml'), 'utf8');
  return { text: Handlebars.compile(template, { noEscape: true, strict: true })(context), id: context.id, name: campaignName };
}

/** The starter results file of a starter campaign. */
export function starterResults(o: { id: string; campaignName: string; year: number; schema: string }): string {
  const template = readFileSync(join(templatesDir, 'starter', 'ket-qua.yaml'), 'utf8');
  return Handlebars.compile(template, { noEscape: true, strict: true })({
    schema: o.schema,
    id: o.id,
    year: o.year,
    CAMPAIGN_COMMENT: upper(o.campaignName.replace(/[\r\n]+/g, ' ')),
  });
}
