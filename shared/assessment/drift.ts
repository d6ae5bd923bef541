// How the roster has moved away from an assessment's member snapshot (shown to the user; the snapshot never follows it).
import type { AssessmentMember, AssessmentScope } from './types';

export interface RosterNow {
  id: number;
  name: string;
  unitId: number;
  unitName: string;
  categoryCode: string;
  position: 'chief' | 'deputy';
  status: string;
}

/** One Chinese line per difference, members first (by snapshot order), then cadres who joined the scope. */
export function rosterDrift(
  members: readonly AssessmentMember[],
  roster: readonly RosterNow[],
  scope: AssessmentScope,
): string[] {
  const now = new Map(roster.map((r) => [r.id, r]));
  const out: string[] = [];
  for (const m of members) {
    const r = now.get(m.cadreId);
    if (!r) {
      out.push(`“${m.name}”已从干部名册删除`);
      continue;
    }
    if (r.status !== '在职') out.push(`“${m.name}”现为“${r.status}”`);
    if (r.name !== m.name) out.push(`“${m.name}”现名为“${r.name}”`);
    if (r.unitId !== m.unitId) out.push(`“${m.name}”已调至${r.unitName}`);
    if (r.position !== m.position) out.push(`“${m.name}”现为${r.position === 'chief' ? '正职' : '副职'}`);
  }
  const inSnapshot = new Set(members.map((m) => m.cadreId));
  for (const r of roster) {
    const inScope = scope.categoryCodes.includes(r.categoryCode) || scope.unitIds.includes(r.unitId);
    if (inScope && r.status === '在职' && !inSnapshot.has(r.id)) out.push(`“${r.name}”（${r.unitName}）新进入考核范围`);
  }
  return out;
}
