// The 填报表's fixed shape, shared by the writer and the reader: sheet names, rows, the identity sheet's keys, labels.
import { looseText } from '../excel/workbook';

export const INTAKE_TEMPLATE_VERSION = 1;
export const GUIDE_SHEET = '填表说明';
export const MATERIALS_SHEET = '材料';
export const CADRES_SHEET = '本单位干部';
export const LISTS_SHEET = '选项';
export const INFO_SHEET = '包信息';
/** The 材料 sheet: a title row, the header row, then data. */
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;
/** Rows the drop-downs are set on (a unit needing more copies a row down; the reader reads every row). */
export const VALIDATED_ROWS = 500;
export const MAX_INTAKE_ROWS = 5000;
export const ATTACHMENT_SEPARATOR = /[；;]/u;

/** 渠道 (migration 21): empty on a unit's package, the channel's key on a channel's list. */
export const INFO_KEYS = ['档案库标识', '单位编号', '单位名称', '季度', '模板版本', '序列号', '渠道'] as const;

export const POLARITY_TEXT = { positive: '正面', negative: '负面', neutral: '中性' } as const;

/** A code and its name as a drop-down shows it; the reader takes the code before the first space. */
export const codeLabel = (code: string, name: string) => `${code} ${name}`;
export const codeOfLabel = (label: string) => label.trim().split(/\s+/u)[0] ?? '';

export interface UnitCadre {
  readonly id: number;
  readonly name: string;
  readonly post: string;
}

/** 姓名（职务）for each cadre of a unit; two with the same name and post are told apart by their number. */
export function cadreLabels(cadres: readonly UnitCadre[]): Map<number, string> {
  const base = new Map(cadres.map((c) => [c.id, c.post ? `${c.name}（${c.post}）` : c.name]));
  const counts = new Map<string, number>();
  for (const l of base.values()) counts.set(l, (counts.get(l) ?? 0) + 1);
  return new Map(
    [...base.entries()].map(([id, l]) => [id, (counts.get(l) ?? 0) > 1 ? `${l}（编号${id}）` : l] as const),
  );
}

/** Label (or, when it is unique in the unit, the bare name) → cadre id, compared loosely. */
export function cadreLookup(cadres: readonly UnitCadre[]): Map<string, number> {
  const out = new Map<string, number>();
  const names = new Map<string, number[]>();
  for (const c of cadres) names.set(looseText(c.name), [...(names.get(looseText(c.name)) ?? []), c.id]);
  for (const [k, v] of names) if (v.length === 1) out.set(k, v[0]!);
  for (const [id, l] of cadreLabels(cadres)) out.set(looseText(l), id);
  return out;
}

export const packageFileName = (quarterText: string, unitName: string) =>
  `${quarterText}-${unitName}-政治素质材料填报表.xlsx`.replace(/[\\/:*?"<>|]/gu, '_');
