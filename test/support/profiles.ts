/**
 * What each organisation's format prints (FORMATS.md, with the source of
 * each rule), as the format tests check it: written here, not read from
 * templates/profiles.yaml, so that a wrong profile fails them.
 */
import type { ProfileName } from '../../src/model/schema.js';

export interface ProfileExpectation {
  /** Top right, bold. */
  heading: RegExp;
  /** A motto under it (the national name's), or none. */
  motto: boolean;
  /** Under the issuer: a rule (null) or this mark. */
  mark: string | null;
  /** The number and symbol line, numbered or left blank. */
  number: RegExp;
  /** The archive entry, the last recipient line. */
  archive: RegExp;
  /** How "on behalf of" is written. */
  onBehalf: string;
}

const NATIONAL = /^CỘNG H(ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$/;
const NUMBER = '( {6}|\\s(0[1-9]|[1-9]\\d+|0\\d{2,}))';
const SYMBOL_PART = '[A-Za-zĐđ0-9]+';

export const PROFILE_EXPECTATIONS: Record<ProfileName, ProfileExpectation> = {
  state: {
    heading: NATIONAL,
    motto: true,
    mark: null,
    number: new RegExp(`^Số:${NUMBER}/[A-Za-zĐ]+-${SYMBOL_PART}(-${SYMBOL_PART})*$`),
    // "- Lưu: VT, KT."; a village, with no clerk's office, keeps its own ("- Lưu: Thôn 1.").
    archive: /^- Lưu: [^,;]+(, [^,;]+)*\.$/,
    onBehalf: 'TM.',
  },
  party: {
    heading: /^ĐẢNG CỘNG SẢN VIỆT NAM$/,
    motto: false,
    mark: '*',
    number: new RegExp(`^Số${NUMBER}-[A-Za-zĐ]+/${SYMBOL_PART}$`),
    archive: /^- Lưu [^,;]+(, [^,;]+)*\.$/,
    onBehalf: 'T/M',
  },
  'youth-union': {
    heading: /^ĐOÀN TNCS HỒ CHÍ MINH$/,
    motto: false,
    mark: '***',
    number: new RegExp(`^Số:${NUMBER}-[A-Za-zĐ]+/${SYMBOL_PART}$`),
    archive: /^- Lưu [^,;]+(, [^,;]+)*\.$/,
    onBehalf: 'TM.',
  },
  'farmers-union': {
    heading: NATIONAL,
    motto: true,
    mark: '*',
    number: new RegExp(`^Số${NUMBER}-[A-Za-zĐ]+/${SYMBOL_PART}$`),
    archive: /^- Lưu: VT(, [^,;]+)*\.$/,
    onBehalf: 'TM.',
  },
};
