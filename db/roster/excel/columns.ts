// The roster workbook's columns (template, import and export share them), and how a header cell is recognised.
import { CADRE_FIELD_LABELS } from '../../../shared/roster/schema';

export type ColumnKey =
  | 'name'
  | 'gender'
  | 'ethnicity'
  | 'birthMonth'
  | 'nativePlace'
  | 'birthPlace'
  | 'partyJoin'
  | 'workStart'
  | 'health'
  | 'techTitle'
  | 'expertise'
  | 'fulltimeEducation'
  | 'fulltimeDegree'
  | 'fulltimeSchool'
  | 'parttimeEducation'
  | 'parttimeDegree'
  | 'parttimeSchool'
  | 'currentPost'
  | 'postSince'
  | 'rank'
  | 'unit'
  | 'position'
  | 'idNumber'
  | 'familiarFields'
  | 'traits'
  | 'shortcomings'
  | 'status'
  | 'annualResults'
  | 'resume'
  | 'rewards';

export interface RosterColumn {
  readonly key: ColumnKey;
  /** The Chinese header without the required marker; issues name columns by it. */
  readonly label: string;
  readonly required: boolean;
  /** A year-month column ('YYYY-MM' in the store, 1975.03 in the sheet). */
  readonly date: boolean;
  /** Stored as text in the sheet (cell format '@'), so Excel keeps 身份证号 and 1975.10 as typed. */
  readonly text: boolean;
  /** Column width in characters. */
  readonly width: number;
  /** Other headers users' own sheets use for the same column. */
  readonly aliases?: readonly string[];
}

const L = CADRE_FIELD_LABELS;

const col = (
  key: ColumnKey,
  label: string,
  width: number,
  opts: { required?: boolean; date?: boolean; text?: boolean; aliases?: readonly string[] } = {},
): RosterColumn => ({
  key,
  label,
  width,
  required: opts.required ?? false,
  date: opts.date ?? false,
  text: opts.text ?? opts.date ?? false,
  ...(opts.aliases ? { aliases: opts.aliases } : {}),
});

/** The template's columns, in order. Family members (家庭主要成员) are not part of the Excel format. */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  col('name', L.name, 10, { required: true }),
  col('gender', L.gender, 6, { required: true }),
  col('ethnicity', L.ethnicity, 8),
  col('birthMonth', L.birthMonth, 10, { required: true, date: true, aliases: ['出生日期', '出生年月日'] }),
  col('nativePlace', L.nativePlace, 12),
  col('birthPlace', L.birthPlace, 12),
  col('partyJoin', L.partyJoin, 12, { date: true, aliases: ['入党时间（党派）', '入党（派）时间'] }),
  col('workStart', L.workStart, 12, { date: true }),
  col('health', L.health, 10),
  col('techTitle', L.techTitle, 14),
  col('expertise', L.expertise, 18),
  col('fulltimeEducation', L.fulltimeEducation, 10),
  col('fulltimeDegree', L.fulltimeDegree, 10),
  col('fulltimeSchool', L.fulltimeSchool, 24),
  col('parttimeEducation', L.parttimeEducation, 10),
  col('parttimeDegree', L.parttimeDegree, 10),
  col('parttimeSchool', L.parttimeSchool, 24),
  col('currentPost', L.currentPost, 24, { required: true }),
  col('postSince', L.postSince, 10, { date: true, aliases: ['任现职时间', '任现职务时间'] }),
  col('rank', L.rank, 14),
  col('unit', L.unitId, 24, { required: true, aliases: ['单位名称', '所在单位', '工作单位'] }),
  col('position', L.position, 10, { required: true, aliases: ['正副职', '正职副职', '正职或副职'] }),
  col('idNumber', L.idNumber, 21, { text: true, aliases: ['身份证号码', '公民身份号码', '身份证'] }),
  col('familiarFields', L.familiarFields, 18),
  col('traits', L.traits, 24),
  col('shortcomings', L.shortcomings, 24),
  col('status', L.status, 8),
  col('annualResults', L.annualResults, 30, { aliases: ['年度考核情况', '近三年年度考核结果'] }),
  col('resume', L.resume, 40),
  col('rewards', L.rewards, 24),
];

export const COLUMN_BY_KEY: Readonly<Record<ColumnKey, RosterColumn>> = Object.fromEntries(
  ROSTER_COLUMNS.map((c) => [c.key, c]),
) as Record<ColumnKey, RosterColumn>;

export const REQUIRED_MARK = '*';

/** The header the template writes: 姓名* for required columns. */
export const headerText = (c: RosterColumn): string => (c.required ? `${c.label}${REQUIRED_MARK}` : c.label);

/** Header text compared loosely: full-width forms folded (NFKC), spaces and required markers (* ＊ ※) dropped. */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s*※]/gu, '')
    .replace(/[（(]必填[）)]/gu, '')
    .replace(/\\/gu, '/');
}

const HEADER_INDEX: ReadonlyMap<string, ColumnKey> = new Map(
  ROSTER_COLUMNS.flatMap((c) => [c.label, ...(c.aliases ?? [])].map((h) => [normalizeHeader(h), c.key] as const)),
);

/** The column a header cell names, or undefined for an unknown header (ignored by the parser, e.g. 年龄, 序号). */
export const columnOfHeader = (raw: string): ColumnKey | undefined => HEADER_INDEX.get(normalizeHeader(raw));

/** Marks the template's example row: rows whose 姓名 starts with it are skipped on import. */
export const EXAMPLE_MARK = '示例';

/** The export's extra, read-only columns (ignored on import). */
export const EXPORT_EXTRA_HEADERS = ['年龄', '单位类别'] as const;

export const ROSTER_SHEET = '干部名册';
export const UNITS_SHEET = '单位列表';
export const GUIDE_SHEET = '填写说明';
