// 按建议等次批量确认: which cadres of a group (or of all groups) take their suggested grade in one step, and which are
// left to be confirmed one by one. Shared so the dialog's counts are exactly what the store then does.
import type { Grade, RankingGroup } from '../scoring/types';
import { GRADE_LABELS, type RankingsView } from './types';

export interface SuggestedPlan {
  /** Unconfirmed cadres that take their suggested grade, in display order of the result. */
  confirm: { cadreId: number; grade: Grade }[];
  /** Cadres left alone, with the reason the dialog and the result name. */
  skipped: { cadreId: number; reason: string }[];
  /** Already confirmed with the suggested grade: nothing to do. */
  already: number;
}

/** `groupRef` (`chief:C1`, `deputy:12`) limits the plan to one group; without it every ranked cadre is considered. */
export function suggestedPlan(
  view: Pick<RankingsView, 'result' | 'confirmations'> & Partial<Pick<RankingsView, 'quotaBasis'>>,
  groupRef?: string,
): SuggestedPlan {
  const confirmed = new Map(view.confirmations.map((c) => [String(c.cadreId), c.grade]));
  const plan: SuggestedPlan = { confirm: [], skipped: [], already: 0 };
  const pooled = view.quotaBasis?.scope === 'position';
  // 优秀 never beyond the quota of the group's pool (the group, or all groups of its position when pooled), counting
  // what is confirmed as confirmed and the rest as suggested; shared by the groups of a pool as the walk goes on.
  const excellentIn = new Map<string, number>();
  const poolKey = (g: RankingGroup) => (pooled ? g.position : `${g.position}:${g.groupKey}`);
  for (const g of view.result.groups) {
    const n = g.rows.filter((r) => (confirmed.get(r.cadreId) ?? r.grade) === 'excellent').length;
    excellentIn.set(poolKey(g), (excellentIn.get(poolKey(g)) ?? 0) + n);
  }
  for (const g of view.result.groups) {
    if (groupRef !== undefined && `${g.position}:${g.groupKey}` !== groupRef) continue;
    const key = poolKey(g);
    const poolName = pooled ? `${g.position === 'chief' ? '正职' : '副职'}合并计算的` : '本组';
    for (const r of g.rows) {
      const cadreId = Number(r.cadreId);
      const done = confirmed.get(r.cadreId);
      if (done === r.grade) plan.already += 1;
      else if (done !== undefined)
        plan.skipped.push({
          cadreId,
          reason: `已确认为“${GRADE_LABELS[done]}”（建议等次“${GRADE_LABELS[r.grade]}”），保持不变`,
        });
      // A tie at the last 优秀 place is the committee's decision, never a default.
      else if (r.flags.includes('quotaTie'))
        plan.skipped.push({ cadreId, reason: '与他人并列优秀名额的最后一名，须逐人确认' });
      else if (r.grade === 'excellent' && excellentIn.get(key)! > g.excellentQuota) {
        excellentIn.set(key, excellentIn.get(key)! - 1);
        plan.skipped.push({ cadreId, reason: `${poolName}优秀名额为 ${g.excellentQuota} 名，已用完，须逐人确认` });
      } else plan.confirm.push({ cadreId, grade: r.grade });
    }
  }
  return plan;
}
