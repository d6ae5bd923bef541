// A 评议终端's checks of one ballot against its seat, from the package alone (the same rules as db/assessment/kiosk.ts
// makes on the main PC: the whole group, each cadre once, never the rater, every indicator).
import { PANEL_KIND_LABELS, type KioskBallot } from '../../shared/assessment/panel';
import { groupRefOf } from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import type { PackageContent, PackageSeat } from './formats';

type Member = PackageContent['members'][number];

export const packageGroup = (pkg: PackageContent, ref: string): Member[] =>
  pkg.members.filter((m) => groupRefOf(m) === ref).sort((a, b) => a.cadreId - b.cadreId);

function requireEach(group: readonly Member[], ids: readonly number[], what: string): void {
  const want = new Set(group.map((m) => m.cadreId));
  const seen = new Set<number>();
  for (const id of ids) {
    if (!want.has(id)) fail('VALIDATION', `评议票中有不属于本组的干部，请重新填写`, 'ballot');
    if (seen.has(id)) fail('VALIDATION', `评议票中有干部重复出现，请重新填写`, 'ballot');
    seen.add(id);
  }
  const missing = group.filter((m) => !seen.has(m.cadreId));
  if (missing.length > 0)
    fail('VALIDATION', `请为${missing.map((m) => `“${m.name}”`).join('、')}${what}后再提交`, 'ballot');
}

/** Refuses a ballot its seat cannot cast (wrong kind, a stranger, a missing cadre, self-rating, a missing score). */
export function checkSeatBallot(pkg: PackageContent, seat: PackageSeat, ballot: KioskBallot): void {
  if (ballot.kind !== seat.kind)
    fail('VALIDATION', `该评议码用于“${PANEL_KIND_LABELS[seat.kind]}”，不能提交其他类型的评议票`, 'ballot');
  const group = packageGroup(pkg, seat.group);
  if (ballot.kind === 'superior') {
    requireEach(group, ballot.order, '排出名次');
  } else if (ballot.kind === 'peer') {
    if (ballot.ballots.some((b) => b.targetId === seat.raterCadreId)) fail('VALIDATION', '不能给本人打分', 'ballot');
    const others = group.filter((m) => m.cadreId !== seat.raterCadreId);
    requireEach(
      others,
      ballot.ballots.map((b) => b.targetId),
      '打分',
    );
    const position = group[0]?.position ?? 'chief';
    const ids = pkg.indicators[position].map((i) => i.id);
    for (const b of ballot.ballots) {
      const keys = Object.keys(b.scores);
      const target = others.find((m) => m.cadreId === b.targetId);
      if (keys.length !== ids.length || ids.some((i) => !Object.hasOwn(b.scores, i)))
        fail('VALIDATION', `请为“${target?.name ?? b.targetId}”的每项指标打分`, 'ballot');
      if (Object.values(b.scores).some((s) => !(s >= 0 && s <= 100)))
        fail('VALIDATION', `对“${target?.name ?? b.targetId}”的分数须在 0–100 之间`, 'ballot');
    }
  } else {
    requireEach(
      group,
      ballot.votes.map((v) => v.targetId),
      '选择评价等次',
    );
  }
}
