// What a clerk should know before printing: grades not yet confirmed in a ranking, no 发文机关 set.
import type { RankingsView } from '../../../shared/assessment';

export const NO_ORGAN_WARNING = '尚未在“系统设置 → 公文署名”中填写发文机关，本次打印的封面和排名表不署发文机关。';

/** A ranking's unconfirmed grades, named (the first few), or why every grade is still open. */
export function unconfirmedWarning(view: RankingsView, name: string): string | null {
  if (view.state !== 'summarized' && view.state !== 'archived')
    return `“${name}”尚未汇总：排名为按当前测评票计算的预览，等次均未确认。`;
  const confirmed = new Set(view.confirmations.map((c) => String(c.cadreId)));
  const open = view.result.groups.flatMap((g) => g.rows).filter((r) => !confirmed.has(r.cadreId));
  if (open.length === 0) return null;
  const names = open.slice(0, 5).map((r) => view.members[r.cadreId]?.name ?? r.cadreId);
  return `“${name}”有 ${open.length} 名干部的等次尚未确认（${names.join('、')}${open.length > 5 ? ' 等' : ''}），打印件将标注“未确认”。`;
}
