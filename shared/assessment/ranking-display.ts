// How a ranking is shown and printed (presentation only; computeRankings and scoring.md are untouched): groups in
// the order 单位管理 lists them, and a vetoed cadre (一票否决) after the others of its group, without a 名次.
import type { Position, RankingGroup, RankingRow } from '../scoring/types';
import { groupRefOf, type AssessmentMember, type RankingsView } from './types';

export const VETO_NOTE = '一票否决，不参加排名';

export interface GroupSortKeys {
  /** Category code → its sort (catalog_categories.sort). */
  readonly categorySort: ReadonlyMap<string, number>;
  /** Unit id → its 排序号 and name. */
  readonly units: ReadonlyMap<number, { readonly sort: number; readonly name: string }>;
}

/**
 * Group refs (`chief:C1`, `deputy:12`) in display order: 正职 by category, then 副职 by their unit's category,
 * 排序号 and name, as 单位管理 lists them (never ids or codes compared as text: 'C10' is not between 'C1' and 'C2').
 */
export function groupOrder(members: readonly AssessmentMember[], keys: GroupSortKeys): string[] {
  const refs = new Map<string, (string | number)[]>();
  for (const m of members) {
    const cat = keys.categorySort.get(m.categoryCode) ?? Number.MAX_SAFE_INTEGER;
    if (m.position === 'chief') refs.set(groupRefOf(m), [0, cat, m.categoryCode, 0, '', 0]);
    else {
      const u = keys.units.get(m.unitId);
      refs.set(groupRefOf(m), [
        1,
        cat,
        m.categoryCode,
        u?.sort ?? Number.MAX_SAFE_INTEGER,
        u?.name ?? m.unitName,
        m.unitId,
      ]);
    }
  }
  const cmp = (a: (string | number)[], b: (string | number)[]) => {
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x === y) continue;
      return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    }
    return 0;
  };
  return [...refs.entries()].sort((a, b) => cmp(a[1], b[1])).map(([ref]) => ref);
}

/** The groups of one position in display order (a view stored before groupOrder existed keeps the result's order). */
export function orderedGroups(view: Pick<RankingsView, 'result' | 'groupOrder'>, position: Position): RankingGroup[] {
  const at = new Map((view.groupOrder ?? []).map((ref, i) => [ref, i]));
  const rank = (g: RankingGroup) => at.get(`${g.position}:${g.groupKey}`) ?? Number.MAX_SAFE_INTEGER;
  return view.result.groups.filter((g) => g.position === position).sort((a, b) => rank(a) - rank(b));
}

export interface DisplayRow {
  readonly row: RankingRow;
  /** The 名次 shown: among the cadres not vetoed (ties kept); null for a vetoed one, listed last. */
  readonly rank: number | null;
  readonly vetoed: boolean;
}

/**
 * A group's rows as shown: vetoed cadres take no part in the ranking, so they come last without a 名次 and the
 * others' 名次 count only the cadres not vetoed ahead of them (a shared 名次 stays shared).
 */
export function displayRows(group: Pick<RankingGroup, 'rows'>): DisplayRow[] {
  const vetoed = (r: RankingRow) => r.flags.includes('veto');
  const ranked = group.rows.filter((r) => !vetoed(r));
  const out: DisplayRow[] = ranked.map((row) => ({
    row,
    rank: 1 + ranked.filter((o) => o.rank < row.rank).length,
    vetoed: false,
  }));
  for (const row of group.rows) if (vetoed(row)) out.push({ row, rank: null, vetoed: true });
  return out;
}
