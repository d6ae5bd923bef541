// Confirming final grades on the summarized result: an override needs a reason, 优秀 never beyond the quota of the
// group's pool (the group, or every group of the position when the quota is pooled), never for 一票否决 or 不得评优.
import type { Kysely } from 'kysely';
import { GRADE_LABELS, type AssessmentMember } from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import { quotaBasisOf } from '../../shared/assessment/quota-note';
import type { Grade, RankingConfig, RankingResult } from '../../shared/scoring/types';
import type { Database } from '../schema';
import { assertState, type AssessmentRow } from './access';
import { memberMap } from './ballots';
import { readConfirmations } from './rankings';

export interface ConfirmInput {
  cadreId: number;
  grade: Grade;
  reason?: string | undefined;
}

export async function confirmGrade(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: ConfirmInput,
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<{ member: AssessmentMember; suggested: Grade; overridden: boolean }> {
  assertState(row, ['summarized'], '确认等次');
  const members = await memberMap(db, row.id, [input.cadreId]);
  const member = members.get(input.cadreId) ?? fail('VALIDATION', '所选干部不是本次考核的成员', 'cadreId');
  const result = JSON.parse(row.summarized_result ?? 'null') as RankingResult | null;
  if (!result) return fail('VALIDATION', '考核尚未汇总，不能确认等次');
  const group = result.groups.find((g) => g.rows.some((r) => r.cadreId === String(input.cadreId)));
  const rowOf = group?.rows.find((r) => r.cadreId === String(input.cadreId));
  if (!group || !rowOf) return fail('VALIDATION', `“${member.name}”没有有效测评数据，未参与排名，不能确认等次`, 'cadreId');
  const reason = input.reason?.trim() ?? '';
  const overridden = input.grade !== rowOf.grade;
  if (overridden && reason === '') {
    fail('VALIDATION', `“${member.name}”的建议等次为“${GRADE_LABELS[rowOf.grade]}”，改为“${GRADE_LABELS[input.grade]}”须填写调整理由`, 'reason');
  }
  if (input.grade === 'excellent') {
    if (rowOf.flags.includes('veto')) fail('VALIDATION', `“${member.name}”已被一票否决，不能评为优秀`, 'grade');
    if (rowOf.flags.includes('ineligible')) fail('VALIDATION', `“${member.name}”在本次考核中不得评为优秀，不能评为优秀`, 'grade');
    const confirmed = new Map((await readConfirmations(db, row.id)).map((c) => [String(c.cadreId), c.grade]));
    confirmed.set(String(input.cadreId), input.grade);
    const pooled = quotaBasisOf(JSON.parse(row.config) as RankingConfig).scope === 'position';
    const pool = pooled ? result.groups.filter((g) => g.position === group.position) : [group];
    const excellent = pool.reduce((n, g) => n + g.rows.filter((r) => (confirmed.get(r.cadreId) ?? r.grade) === 'excellent').length, 0);
    if (excellent > group.excellentQuota) {
      const position = member.position === 'chief' ? '正职' : '副职';
      const name = pooled ? `全部${position}（合并计算）` : `“${position}·${member.position === 'chief' ? member.categoryName : member.unitName}”组`;
      fail('VALIDATION', `${name}的优秀名额为 ${group.excellentQuota} 名，评定“${member.name}”为优秀后将有 ${excellent} 名，超出名额，未保存`, 'grade');
    }
  }
  await db
    .insertInto('assessment_grade_confirmations')
    .values({ assessment_id: row.id, target_cadre_id: input.cadreId, grade: input.grade, reason, entered_by: user.displayName, entered_at: now })
    .onConflict((oc) => oc.columns(['assessment_id', 'target_cadre_id']).doUpdateSet({ grade: input.grade, reason, entered_by: user.displayName, entered_at: now }))
    .execute();
  return { member, suggested: rowOf.grade, overridden };
}
