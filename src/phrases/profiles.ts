/**
 * The formats of documents by kind of organisation (templates/profiles.yaml,
 * FORMATS.md): what heads them top right, the mark under the issuer, the
 * form of the number and symbol, the signer's authority prefixes and the
 * archive entry's label.
 */
import { z } from 'zod';
import { AUTHORITY_PREFIXES, CapsLine, PROFILES, Text, type Campaign, type ProfileName } from '../model/schema.js';
import type { NumberFormat } from '../format/numbering.js';
import { documentSymbol, type DocumentTypeCode } from '../format/labels.js';
import { dataFile } from './data-file.js';
import { memo } from '../template-memo.js';

const ProfileData = z.strictObject({
  name: Text,
  heading: z.union([z.literal('national'), CapsLine]),
  mark: z.union([z.literal('rule'), z.string().regex(/^\*+$/)]),
  number: z.strictObject({ label: z.enum(['Số:', 'Số']), form: z.enum(['slash', 'hyphen']) }),
  authorities: z.strictObject(Object.fromEntries(AUTHORITY_PREFIXES.map((p) => [p, Text])) as Record<(typeof AUTHORITY_PREFIXES)[number], typeof Text>),
  archive: z.enum(['Lưu:', 'Lưu']),
});
const ProfilesFile = z.strictObject(Object.fromEntries(PROFILES.map((p) => [p, ProfileData])) as Record<ProfileName, typeof ProfileData>);

export type Profile = z.infer<typeof ProfileData> & { number: NumberFormat };

const profiles = memo((): Record<ProfileName, Profile> => dataFile('profiles.yaml', ProfilesFile));

export const profile = (name: ProfileName): Profile => profiles()[name];

/** The issuer's format (Decree 30's unless it names another). */
export const issuerProfile = (c: Campaign): Profile => profile(c.issuer.profile);

/** The issuer's symbol of a document type, in its format: "KH-UBND", "KH/ĐU". */
export const issuerSymbol = (c: Campaign, type: DocumentTypeCode): string => documentSymbol(type, c.issuer.abbreviation, issuerProfile(c).number.form);
