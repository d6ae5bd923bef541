// Turns a real roster's cells into the template's: splits 单位及职务 by the store's units, folds 政治面貌 into
// 入党时间, reads 是否正职 and 民族 without 族, strips the age from 出生年月(52), and suggests 正职/副职 from 现任职务
// when the file has no such column (the suggestion is only shown; the user confirms it at commit).
import type { PositionCode } from '../../../shared/catalog/types';
import { dateWithoutNote } from '../../../shared/roster/dates';
import { POSITION_NAMES } from '../../../shared/roster/types';
import { namesOf, suggestPosition } from '../lrmx/suggest';
import type { FieldKey } from './headers';
import type { RawRow } from './parse';

export interface UnitPostSplit {
  /** The store's unit name found at the start of the text; '' when none. */
  readonly unit: string;
  readonly post: string;
}

export interface NormalizedRows {
  readonly rows: RawRow[];
  /** Per row with a 单位及职务 cell: how it was split. */
  readonly splits: ReadonlyMap<number, UnitPostSplit>;
  /** Per row, when the file has no 正职/副职 column: the suggestion from 现任职务. */
  readonly suggestions: ReadonlyMap<number, PositionCode>;
}

// Separators between a unit's name and the post in one cell: 县财政局 局长, 县财政局、局长, 县财政局（局长）.
const LEADING_SEPARATORS = /^[\s、，,：:；;·\-—（(]+/u;

/**
 * Splits 所在单位及职务 at the longest unit name (or its short form without 中共/人民政府/委员会 …) the text starts with.
 * The short form must be followed by more text, so “乌兰镇” alone is not read as a unit with no post.
 */
export function splitUnitPost(text: string, units: readonly { readonly name: string }[]): UnitPostSplit {
  const t = text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  // 乌兰镇 is the short form of both 中共乌兰镇委员会 and 乌兰镇人民政府: a 党委 post goes to the party unit.
  const partyPost = (rest: string) => /^(党委|党工委|党组|党总支|党支部|纪委)/u.test(rest);
  const partyUnit = (name: string) => /^中共|委员会$/u.test(name);
  let best: { unit: string; length: number; fits: boolean } | undefined;
  for (const u of units) {
    for (const form of namesOf(u.name.normalize('NFKC'))) {
      if (!t.startsWith(form) || t.length <= form.length) continue;
      const fits = partyPost(t.slice(form.length)) === partyUnit(u.name);
      if (!best || form.length > best.length || (form.length === best.length && fits && !best.fits))
        best = { unit: u.name, length: form.length, fits };
    }
  }
  if (!best) return { unit: '', post: t };
  return {
    unit: best.unit,
    post: t
      .slice(best.length)
      .replace(LEADING_SEPARATORS, '')
      .replace(/[）)]$/u, '')
      .trim(),
  };
}

const YES = new Set(['是', 'Y', 'y', '√', '正', POSITION_NAMES.chief]);
const NO = new Set(['否', 'N', 'n', '×', '副', POSITION_NAMES.deputy]);

/** 是/否 of 是否正职 (and 正/副) as the template's 正职/副职; anything else is left for validation to name. */
export function positionText(raw: string): string {
  const t = raw.trim();
  if (YES.has(t)) return POSITION_NAMES.chief;
  if (NO.has(t)) return POSITION_NAMES.deputy;
  return t;
}

/** 汉 → 汉族, 蒙古 → 蒙古族; texts already ending in 族 or naming no nation (其他, 外国血统) stay as written. */
export function ethnicityText(raw: string): string {
  const t = raw.trim();
  if (!t || t.endsWith('族') || /其他|血统|入籍|未识别/u.test(t) || !/^\p{Script=Han}{1,4}$/u.test(t)) return t;
  return `${t}族`;
}

const COMMUNIST = /^(中共|中共党员|中国共产党|中国共产党党员|党员|中共预备党员|预备党员)$/u;
const NO_PARTY = /^(群众|无|无党派|无党派人士|共青团员|团员|—|-)$/u;

/**
 * What a 政治面貌 cell adds to 入党时间: nothing for 中共党员 (the date is in its own column) or 群众; a 民主党派's name
 * (九三学社, 民盟 …) when 入党时间 is empty, since the store keeps a 民主党派's name there.
 */
export function partyFromStatus(status: string, partyJoin: string): string {
  const s = status.normalize('NFKC').trim();
  if (!s || partyJoin.trim() || COMMUNIST.test(s) || NO_PARTY.test(s)) return partyJoin;
  return s;
}

/** Applies the real roster's conventions to every row (see the module header); `fields` are those the file has. */
export function normalizeRows(
  rows: readonly RawRow[],
  fields: readonly FieldKey[],
  units: readonly { readonly name: string }[],
): NormalizedRows {
  const has = new Set(fields);
  const splits = new Map<number, UnitPostSplit>();
  const suggestions = new Map<number, PositionCode>();
  const out = rows.map((row): RawRow => {
    const cells = { ...row.cells };
    const combined = row.extra?.unitAndPost;
    if (combined && (!has.has('unit') || !has.has('currentPost'))) {
      const split = splitUnitPost(combined, units);
      splits.set(row.rowNumber, split);
      // Without a unit found the whole text goes to 单位, so the issue names what the user wrote.
      if (!has.has('unit')) cells.unit = split.unit || combined;
      if (!has.has('currentPost')) cells.currentPost = split.post;
    }
    if (row.extra?.politicalStatus) cells.partyJoin = partyFromStatus(row.extra.politicalStatus, cells.partyJoin);
    for (const key of ['birthMonth', 'partyJoin', 'workStart', 'postSince'] as const) {
      if (/^\d/u.test(cells[key])) cells[key] = dateWithoutNote(cells[key]);
    }
    cells.ethnicity = ethnicityText(cells.ethnicity);
    if (has.has('position')) cells.position = positionText(cells.position);
    else if (cells.currentPost) {
      const suggested = suggestPosition(cells.currentPost);
      suggestions.set(row.rowNumber, suggested);
      // Validation needs a value; the commit replaces it with the user's confirmed choice.
      cells.position = POSITION_NAMES[suggested];
    }
    return { ...row, cells };
  });
  return { rows: out, splits, suggestions };
}
