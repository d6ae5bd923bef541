// Ranking groups of an assessment's members: 正职 by category across units, 副职 inside each unit.
import { groupRefOf, type AssessmentMember, type GroupRef } from './types';

export interface MemberGroup {
  ref: GroupRef;
  name: string;
  position: 'chief' | 'deputy';
  members: AssessmentMember[];
}

/** Groups in display order: chiefs' categories first, then deputies' units (each as the members come). */
export function groupsOf(members: readonly AssessmentMember[]): MemberGroup[] {
  const byRef = new Map<GroupRef, MemberGroup>();
  for (const m of members) {
    const ref = groupRefOf(m);
    let g = byRef.get(ref);
    if (!g) {
      g = {
        ref,
        position: m.position,
        name: m.position === 'chief' ? `正职·${m.categoryName}` : `副职·${m.unitName}`,
        members: [],
      };
      byRef.set(ref, g);
    }
    g.members.push(m);
  }
  const all = [...byRef.values()];
  return [...all.filter((g) => g.position === 'chief'), ...all.filter((g) => g.position === 'deputy')];
}
