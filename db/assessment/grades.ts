// Confirming final grades on the summarized result: an override needs a reason, 优秀 never beyond the quota of the
// group's pool (the group, or every group of the position when the quota is pooled), never for 一票否决 or 不得评优.
import type { Kysely } from 'kysely';
import { suggestedPlan } from '../../shared/assessment/suggested-grades';
import {
  GRADE_LABELS,
  type AssessmentMember,
  type GroupRef,
  type SkippedConfirmation,
} from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import { quotaBasisOf } from '../../shared/assessment/quota-note';
import type { Grade } from '../../shared/scoring/types';
import type { Database } from '../schema';
import { assertState, type AssessmentRow } from './access';
import { groupName, memberMap } from './ballots';
import { readConfirmations } from './rankings';
import { configOf } from './config-column';
import { summarizedResultOf } from './result-column';

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
  const result = summarizedResultOf(row.summarized_result);
  if (!result) return fail('VALIDATION', '考核尚未汇总，不能确认等次');
  const group = result.groups.find((g) => g.rows.some((r) => r.cadreId === String(input.cadreId)));
  const rowOf = group?.rows.find((r) => r.cadreId === String(input.cadreId));
  if (!group || !rowOf)
    return fail('VALIDATION', `“${member.name}”没有有效测评数据，未参与排名，不能确认等次`, 'cadreId');
  const reason = input.reason?.trim() ?? '';
  const overridden = input.grade !== rowOf.grade;
  if (overridden && reason === '') {
    fail(
      'VALIDATION',
      `“${member.name}”的建议等次为“${GRADE_LABELS[rowOf.grade]}”，改为“${GRADE_LABELS[input.grade]}”须填写调整理由`,
      'reason',
    );
  }
  if (input.grade === 'excellent') {
    if (rowOf.flags.includes('veto')) fail('VALIDATION', `“${member.name}”已被一票否决，不能评为优秀`, 'grade');
    if (rowOf.flags.includes('ineligible'))
      fail('VALIDATION', `“${member.name}”在本次考核中不得评为优秀，不能评为优秀`, 'grade');
    const confirmed = new Map((await readConfirmations(db, row.id)).map((c) => [String(c.cadreId), c.grade]));
    confirmed.set(String(input.cadreId), input.grade);
    const pooled = quotaBasisOf(configOf(row.config)).scope === 'position';
    const pool = pooled ? result.groups.filter((g) => g.position === group.position) : [group];
    const excellent = pool.reduce(
      (n, g) => n + g.rows.filter((r) => (confirmed.get(r.cadreId) ?? r.grade) === 'excellent').length,
      0,
    );
    if (excellent > group.excellentQuota) {
      const position = member.position === 'chief' ? '正职' : '副职';
      const name = pooled
        ? `全部${position}（合并计算）`
        : `“${position}·${member.position === 'chief' ? member.categoryName : member.unitName}”组`;
      fail(
        'VALIDATION',
        `${name}的优秀名额为 ${group.excellentQuota} 名，评定“${member.name}”为优秀后将有 ${excellent} 名，超出名额，未保存`,
        'grade',
      );
    }
  }
  await db
    .insertInto('assessment_grade_confirmations')
    .values({
      assessment_id: row.id,
      target_cadre_id: input.cadreId,
      grade: input.grade,
      reason,
      entered_by: user.displayName,
      entered_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['assessment_id', 'target_cadre_id'])
        .doUpdateSet({ grade: input.grade, reason, entered_by: user.displayName, entered_at: now }),
    )
    .execute();
  return { member, suggested: rowOf.grade, overridden };
}

export interface ConfirmSuggestedInput {
  /** One group (`chief:C1`, `deputy:12`); without it, every group. */
  group?: GroupRef | undefined;
  /** The cadres the confirmation dialog said it would confirm: anything else means the grades changed meanwhile. */
  cadreIds: readonly number[];
}

/**
 * 按建议等次批量确认: every unconfirmed cadre in scope takes the suggested grade, in one transaction (the dispatcher's).
 * Cadres confirmed with another grade, ties at the 优秀 quota and 优秀 beyond it are left for one-by-one confirmation.
 */
export async function confirmSuggested(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: ConfirmSuggestedInput,
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<{ scope: string; confirmed: { member: AssessmentMember; grade: Grade }[]; skipped: SkippedConfirmation[] }> {
  assertState(row, ['summarized'], '确认等次');
  const result = summarizedResultOf(row.summarized_result);
  if (!result) return fail('VALIDATION', '考核尚未汇总，不能确认等次');
  if (input.group !== undefined && !result.groups.some((g) => `${g.position}:${g.groupKey}` === input.group)) {
    fail('VALIDATION', '所选分组不是本次考核参与排名的分组', 'group');
  }
  const quotaBasis = quotaBasisOf(configOf(row.config));
  const plan = suggestedPlan({ result, confirmations: await readConfirmations(db, row.id), quotaBasis }, input.group);
  const seen = new Set(input.cadreIds);
  if (plan.confirm.length !== seen.size || plan.confirm.some((c) => !seen.has(c.cadreId))) {
    fail('CONFLICT', '确认期间等次已有变化（其他人确认或调整了等次），请刷新后重新确认，本次未保存');
  }
  if (plan.confirm.length === 0) fail('VALIDATION', '没有需要按建议等次确认的干部', 'cadreIds');
  const members = await memberMap(db, row.id);
  const memberOf = (id: number) => members.get(id) ?? fail('VALIDATION', '所选干部不是本次考核的成员', 'cadreIds');
  const confirmed = plan.confirm.map((c) => ({ member: memberOf(c.cadreId), grade: c.grade }));
  for (let i = 0; i < confirmed.length; i += 300) {
    await db
      .insertInto('assessment_grade_confirmations')
      .values(
        confirmed.slice(i, i + 300).map((c) => ({
          assessment_id: row.id,
          target_cadre_id: c.member.cadreId,
          grade: c.grade,
          reason: '',
          entered_by: user.displayName,
          entered_at: now,
        })),
      )
      .execute();
  }
  const skipped = plan.skipped.map((s) => ({ ...s, name: members.get(s.cadreId)?.name ?? String(s.cadreId) }));
  return {
    scope: input.group === undefined ? '全部分组' : groupName(members.values(), input.group),
    confirmed,
    skipped,
  };
}
