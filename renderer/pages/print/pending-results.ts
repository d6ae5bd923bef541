// The result of an assessment that is summarised but not yet archived, for the printed dossier's 考核情况: once
// archived the result is an S3.2 entry of the dossier itself, until then it is read from the rankings and marked 未归档.
import { displayRows, GRADE_LABELS, VETO_NOTE, type RankingsView } from '../../../shared/assessment';
import { call } from '../../lib/api';

export interface PendingResult {
  readonly year: number;
  readonly text: string;
}

/** Each member's line of one summarised assessment, by cadre id. */
export function pendingResultsOf(view: RankingsView, name: string, year: number): Map<number, PendingResult> {
  const out = new Map<number, PendingResult>();
  const confirmed = new Map(view.confirmations.map((c) => [String(c.cadreId), c]));
  for (const group of view.result.groups)
    for (const { row, rank } of displayRows(group)) {
      const m = view.members[row.cadreId];
      if (!m) continue;
      const scope = m.position === 'chief' ? `${m.categoryName}正职` : `${m.unitName}副职`;
      const place = rank === null ? VETO_NOTE : `在${scope}（${group.size}人）中排第 ${rank} 名`;
      const c = confirmed.get(row.cadreId);
      const grade = c ? `确定等次：${GRADE_LABELS[c.grade]}` : `建议等次：${GRADE_LABELS[row.grade]}（等次未确认）`;
      out.set(m.cadreId, {
        year,
        text: `${name}：${place}，最终得分 ${row.finalScore.toFixed(2)}，${grade}。（已汇总，未归档）`,
      });
    }
  for (const u of view.result.unranked) {
    const m = view.members[u.cadreId];
    if (m) out.set(m.cadreId, { year, text: `${name}：无有效测评数据，未参加排名。（已汇总，未归档）` });
  }
  return out;
}

/**
 * Every summarised, unarchived assessment's lines, by cadre id (read once for a whole packet). A role that may
 * not read assessments prints the dossier without them.
 */
export async function loadPendingResults(): Promise<ReadonlyMap<number, readonly PendingResult[]>> {
  const out = new Map<number, PendingResult[]>();
  let list;
  try {
    list = await call('assessments.list', {});
  } catch (e) {
    if ((e as { code?: string }).code === 'FORBIDDEN') return out;
    throw e;
  }
  for (const a of list.filter((x) => x.state === 'summarized')) {
    const view = await call('rankings.get', { assessmentId: a.id });
    for (const [cadreId, r] of pendingResultsOf(view, a.name, a.year))
      out.set(cadreId, [...(out.get(cadreId) ?? []), r]);
  }
  return out;
}
