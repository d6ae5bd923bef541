// Loading one assessment for a call: existence, who may see it, the state a call needs, optimistic concurrency.
import type { Kysely, Selectable } from 'kysely';
import { STATE_LABELS, type AssessmentState } from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import type { AssessmentsTable, Database } from '../schema';

export type AssessmentRow = Selectable<AssessmentsTable>;

/** The assessment, or NOT_FOUND; a reviewer sees archived assessments only. */
export async function loadAssessment(db: Kysely<Database>, id: number, user: SessionUser): Promise<AssessmentRow> {
  const row = await db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return fail('NOT_FOUND', '找不到该考核，可能已被删除', 'id');
  if (user.role === 'reviewer' && row.state !== 'archived') fail('FORBIDDEN', '查阅人只能查看已归档的考核');
  return row;
}

/** Refuses a change an assessment's state does not allow, saying what the state is and what it would need. */
export function assertState(row: AssessmentRow, allowed: readonly AssessmentState[], what: string): void {
  if (allowed.includes(row.state)) return;
  if (row.state === 'archived') fail('VALIDATION', `考核“${row.name}”已归档，不能${what}`);
  const need = allowed.map((s) => `“${STATE_LABELS[s]}”`).join('或');
  fail('VALIDATION', `考核“${row.name}”当前为“${STATE_LABELS[row.state]}”状态，只有${need}状态才能${what}`);
}

/** Entry of ballots, adjustments and vetoes happens only while 测评中. */
export const assertCollecting = (row: AssessmentRow, what: string) => assertState(row, ['collecting'], what);

export function assertVersion(row: AssessmentRow, version: number): void {
  if (row.version !== version) {
    fail(
      'CONFLICT',
      `考核“${row.name}”已被其他人修改（${row.updated_at.slice(0, 16).replace('T', ' ')}，${row.updated_by}），请刷新后重试，您的修改未保存`,
    );
  }
}

/** Marks a change of the assessment itself: a new version, who and when. */
export async function bump(
  db: Kysely<Database>,
  row: AssessmentRow,
  user: SessionUser,
  set: Partial<AssessmentRow> = {},
  now = new Date().toISOString(),
) {
  await db
    .updateTable('assessments')
    .set({ ...set, version: row.version + 1, updated_by: user.displayName, updated_at: now })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .execute();
}
