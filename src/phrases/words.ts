/**
 * The words that follow from an issuer's level and kind, a unit's kind, a
 * campaign's kind and a report's kind: read from templates/*.yaml (data, not
 * code), each overridable in the campaign's own data.
 */
import { z } from 'zod';
import { dataFile } from './data-file.js';
import { memo } from '../template-memo.js';
import { compileTemplate as compile } from './index.js';
import {
  CAMPAIGN_KINDS, ISSUER_KINDS, LEVELS, PROFILES, REPORT_KINDS, UNIT_KINDS, Text,
  type Campaign, type Issuer, type Level, type ProfileName, type ReportKind, type Unit, type UnitKind,
} from '../model/schema.js';

const WordSet = z.strictObject({
  level: Text.optional(),
  subdivisions: Text.optional(),
  bodies: Text.optional(),
  head: Text.optional(),
  party: Text.optional(),
});
const LevelsFile = z.strictObject({
  levels: z.record(z.enum(LEVELS), WordSet.required({ level: true, subdivisions: true, bodies: true, party: true })),
  kinds: z.record(z.enum(ISSUER_KINDS), WordSet),
});
const UnitKindsFile = z.record(
  z.enum(UNIT_KINDS),
  z.strictObject({
    levels: z.array(z.enum(LEVELS)).min(1),
    profile: z.enum(PROFILES).default('state'),
    underIssuer: z.boolean().default(true),
    reportsTo: z.array(Text).default([]),
    audience: Text,
    head: Text,
    field: Text,
    duty: Text,
    leading: Text.default('được giao chủ trì'),
    supporting: Text.default('được giao phối hợp'),
    assigned: Text.default('được giao'),
    archive: z.array(Text).min(1).optional(),
  }),
);
const CampaignKindsFile = z.record(z.enum(CAMPAIGN_KINDS), Text);
const ReportKindsFile = z.record(z.enum(REPORT_KINDS), z.strictObject({ summary: Text, name: Text, file: Text }));

const data = memo(() => ({
  levels: dataFile('levels.yaml', LevelsFile),
  unitKinds: dataFile('unit-kinds.yaml', UnitKindsFile),
  campaignKinds: dataFile('campaign-kinds.yaml', CampaignKindsFile),
  reportKinds: dataFile('report-kinds.yaml', ReportKindsFile),
}));

export interface IssuerWords {
  level: string;
  subdivisions: string;
  bodies: string;
  head: string;
  /** The Party committee of the issuer's level: "Đảng ủy xã", "Tỉnh ủy". */
  party: string;
}

/** The issuer's words: its own, else its kind's, else its level's; templates resolved over the others. */
export function issuerWords(issuer: Issuer): IssuerWords {
  const { levels, kinds } = data().levels;
  const merged = { head: '', ...levels[issuer.level], ...kinds[issuer.kind], ...issuer.words };
  // Words may name the others ("Chủ tịch Ủy ban nhân dân {{level}}"); the issuer's own are text as typed.
  const resolve = (key: keyof IssuerWords) =>
    issuer.words[key] ?? compile(merged[key] ?? '')({ level: merged.level, subdivisions: merged.subdivisions, bodies: merged.bodies });
  return { level: resolve('level'), subdivisions: resolve('subdivisions'), bodies: resolve('bodies'), head: resolve('head'), party: resolve('party') };
}

export interface UnitWords {
  audience: string;
  head: string;
  field: string;
  duty: string;
  /** What the unit leads and supports, and what it is to achieve: "được giao chủ trì" under the issuer, "chủ trì thực hiện" beside it. */
  leading: string;
  supporting: string;
  assigned: string;
}

/** A unit's words: its own, else its kind's over its name and its issuer's words ("Ban công tác Mặt trận các thôn"). */
export function unitWords(unit: Unit, issuer?: IssuerWords): UnitWords {
  const kind = data().unitKinds[unit.kind];
  const of = (key: keyof UnitWords) => unit[key] ?? compile(kind[key])({ ...issuer, unit: unit.name });
  return {
    audience: of('audience'), head: of('head'), field: of('field'), duty: of('duty'),
    leading: of('leading'), supporting: of('supporting'), assigned: of('assigned'),
  };
}

/**
 * Whom a unit reports to, by its kind: the Party committee and the Front for
 * an organisation not under the People's Committee ("Thường trực Đảng ủy
 * xã"), and whether it is under the issuer.
 */
export function unitReporting(unit: Unit, issuer: IssuerWords): { underIssuer: boolean; reportsTo: string[] } {
  const kind = data().unitKinds[unit.kind];
  return { underIssuer: kind.underIssuer, reportsTo: kind.reportsTo.map((t) => compile(t)({ ...issuer, unit: unit.name })) };
}

/** The archive line of a unit's plan where its kind keeps its own ("Lưu: Thôn 1": a village has no clerk's office); else none. */
export function unitKindArchive(unit: Unit): string[] | undefined {
  return data().unitKinds[unit.kind].archive?.map((t) => compile(t)({ unit: unit.name }));
}

/** The format of a unit's documents: its own, else its kind's. */
export const unitProfile = (unit: Unit): ProfileName => unit.profile ?? data().unitKinds[unit.kind].profile;

/** The levels of issuer a kind of unit belongs to. */
export const unitKindLevels = (kind: UnitKind): readonly Level[] => data().unitKinds[kind].levels;

/** "Đợt thi đua", "Phong trào thi đua": how a sentence names the campaign's kind. */
export const campaignKindName = (c: Campaign): string => c.kindName ?? data().campaignKinds[c.kind];

export interface ReportKindWords {
  summary: string;
  name: string;
  file: string;
}

export function reportKindWords(kind: ReportKind, campaign: string): ReportKindWords {
  const k = data().reportKinds[kind];
  return { summary: compile(k.summary)({ campaign }), name: k.name, file: k.file };
}
