// Ranking groups of an assessment's members for the forms and tables: 正职 by category, 副职 by unit.
import { groupRefOf, type AssessmentMember, type GroupRef } from '../../../shared/assessment/types';

export interface MemberGroup {
  ref: GroupRef;
  name: string;
  position: 'chief' | 'deputy';
  members: AssessmentMember[];
}

/** Groups in display order: chiefs' categories first (by code), then deputies' units (as the members come). */
export function groupsOf(members: readonly AssessmentMember[]): MemberGroup[] {
  const byRef = new Map<GroupRef, MemberGroup>();
  for (const m of members) {
    const ref = groupRefOf(m);
    let g = byRef.get(ref);
    if (!g) {
      g = { ref, position: m.position, name: m.position === 'chief' ? `正职·${m.categoryName}` : `副职·${m.unitName}`, members: [] };
      byRef.set(ref, g);
    }
    g.members.push(m);
  }
  const all = [...byRef.values()];
  return [...all.filter((g) => g.position === 'chief'), ...all.filter((g) => g.position === 'deputy')];
}

/** A score as shown everywhere: two decimals. */
export const fmt2 = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(2));
