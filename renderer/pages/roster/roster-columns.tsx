// The roster's columns: every one sortable (units and posts in their 单位管理 and 职务排序 order, names by pinyin),
// and the ones shown by default, which fit a 1366 px window without scrolling sideways.
import type { ColumnsType } from 'antd/es/table';
import type { RosterRow } from '../../../shared/roster/views';
import { EDUCATION_LEVELS, POSITION_NAMES, RANKS } from '../../../shared/roster/types';
import { formatYearMonth } from '../../../shared/roster/dates';

export type RosterColumnKey =
  | 'name'
  | 'gender'
  | 'birthMonth'
  | 'age'
  | 'unitName'
  | 'currentPost'
  | 'position'
  | 'rank'
  | 'highestEducation'
  | 'categoryName'
  | 'status'
  | 'idNumber';

interface ColumnDef {
  readonly key: RosterColumnKey;
  readonly title: string;
  readonly width: number;
  /** Less used: hidden until the user shows it in 列设置. */
  readonly hiddenByDefault?: boolean;
}

/** In display order. The default ones add up to about 1000 px: the table's width at 1366×768 (menu and margins off). */
export const ROSTER_COLUMNS: readonly ColumnDef[] = [
  { key: 'name', title: '姓名', width: 90 },
  { key: 'gender', title: '性别', width: 64 },
  { key: 'birthMonth', title: '出生年月', width: 96 },
  { key: 'age', title: '年龄', width: 70 },
  { key: 'unitName', title: '单位', width: 170 },
  { key: 'currentPost', title: '现任职务', width: 250 },
  { key: 'position', title: '正/副', width: 76 },
  { key: 'rank', title: '职级', width: 110 },
  { key: 'highestEducation', title: '学历', width: 80 },
  { key: 'categoryName', title: '单位类别', width: 160, hiddenByDefault: true },
  { key: 'status', title: '状态', width: 76, hiddenByDefault: true },
  { key: 'idNumber', title: '身份证号', width: 180, hiddenByDefault: true },
];

/** Always shown: a row must say whose it is. */
export const ALWAYS_SHOWN: ReadonlySet<RosterColumnKey> = new Set(['name']);
export const DEFAULT_HIDDEN: readonly RosterColumnKey[] = ROSTER_COLUMNS.filter((c) => c.hiddenByDefault).map(
  (c) => c.key,
);

const collator = new Intl.Collator('zh-CN'); // pinyin order for names and texts
const byText = (a: string, b: string) => collator.compare(a, b);
/** Place in a known list (职级, 学历); values not in it after all of them. */
const byList = (list: readonly string[]) => (a: string, b: string) => {
  const place = (v: string) => (list.includes(v) ? list.indexOf(v) : list.length);
  return place(a) - place(b) || byText(a, b);
};

/**
 * The columns shown, with their sorters. `rows` come in the roster's default order (unit, then post), so a unit's or
 * category's place is where it first appears; ties keep that order (the sort is stable), so sorting by 单位 keeps
 * each 班子 in post order, and sorting by 现任职务 keeps units in order within a post.
 */
export function rosterColumns(rows: readonly RosterRow[], hidden: readonly RosterColumnKey[]): ColumnsType<RosterRow> {
  const unitPlace = new Map<number, number>();
  const categoryPlace = new Map<string, number>();
  for (const r of rows) {
    if (!unitPlace.has(r.unitId)) unitPlace.set(r.unitId, unitPlace.size);
    if (!categoryPlace.has(r.categoryCode)) categoryPlace.set(r.categoryCode, categoryPlace.size);
  }
  const sorters: Record<RosterColumnKey, (a: RosterRow, b: RosterRow) => number> = {
    name: (a, b) => byText(a.name, b.name),
    gender: (a, b) => byText(a.gender, b.gender),
    birthMonth: (a, b) => a.birthMonth.localeCompare(b.birthMonth),
    age: (a, b) => a.age - b.age,
    unitName: (a, b) => unitPlace.get(a.unitId)! - unitPlace.get(b.unitId)!,
    currentPost: (a, b) => a.postRank - b.postRank,
    position: (a, b) => (a.position === b.position ? 0 : a.position === 'chief' ? -1 : 1),
    rank: (a, b) => byList(RANKS)(a.rank, b.rank),
    highestEducation: (a, b) => byList(EDUCATION_LEVELS)(a.highestEducation, b.highestEducation),
    categoryName: (a, b) => categoryPlace.get(a.categoryCode)! - categoryPlace.get(b.categoryCode)!,
    status: (a, b) => byText(a.status, b.status),
    idNumber: (a, b) => a.idNumber.localeCompare(b.idNumber),
  };
  const renders: Partial<Record<RosterColumnKey, (_v: unknown, r: RosterRow) => React.ReactNode>> = {
    name: (_v, r) => <span data-testid="cadre-name">{r.name}</span>,
    birthMonth: (_v, r) => formatYearMonth(r.birthMonth),
    // Plain text, not a Tag: thousands of rows scroll through this cell.
    position: (_v, { position: p }) => (
      <span style={{ color: p === 'chief' ? '#b71c1c' : undefined }}>{POSITION_NAMES[p]}</span>
    ),
  };
  return ROSTER_COLUMNS.filter((c) => ALWAYS_SHOWN.has(c.key) || !hidden.includes(c.key)).map(
    (c): ColumnsType<RosterRow>[number] => ({
      key: c.key,
      title: c.title,
      dataIndex: c.key,
      width: c.width,
      ellipsis: c.key === 'unitName' || c.key === 'currentPost' || c.key === 'categoryName',
      sorter: sorters[c.key],
      sortDirections: ['ascend', 'descend'] as const,
      showSorterTooltip: false,
      ...(renders[c.key] ? { render: renders[c.key] } : {}),
    }),
  );
}

/** The sum of the shown columns' widths: the table scrolls sideways only when the user shows more than fits. */
export const columnsWidth = (hidden: readonly RosterColumnKey[]): number =>
  ROSTER_COLUMNS.filter((c) => ALWAYS_SHOWN.has(c.key) || !hidden.includes(c.key)).reduce((s, c) => s + c.width, 0);
