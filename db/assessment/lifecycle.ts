// An assessment's life: list, read, create with its member snapshot, state transitions, member refresh in 准备.
import type { Kysely } from 'kysely';
import { defaultAssessmentConfig } from '../../shared/assessment/config-schema';
import {
  STATE_LABELS,
  type AssessmentDetail,
  type AssessmentScope,
  type AssessmentState,
  type AssessmentSummary,
} from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import type { Database } from '../schema';
import { assertVersion, bump, loadAssessment, type AssessmentRow } from './access';
import { checkScope, readMembers, rosterInScope, scopeOf, writeMembers } from './members';
import { computeFromStore } from './rankings';
import { configOf } from './config-column';

function summaryOf(row: AssessmentRow, memberCount: number): AssessmentSummary {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    state: row.state,
    version: row.version,
    memberCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    digest: row.digest,
  };
}

export async function listAssessments(db: Kysely<Database>, user: SessionUser): Promise<AssessmentSummary[]> {
  let q = db
    .selectFrom('assessments')
    .selectAll('assessments')
    .select((eb) =>
      eb
        .selectFrom('assessment_members')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('assessment_members.assessment_id', '=', 'assessments.id')
        .as('member_count'),
    )
    .orderBy('year', 'desc')
    .orderBy('id', 'desc');
  if (user.role === 'reviewer') q = q.where('state', '=', 'archived');
  const rows = await q.execute();
  return rows.map((r) => summaryOf(r, Number(r.member_count ?? 0)));
}

export async function indicatorNames(db: Kysely<Database>): Promise<Record<string, string>> {
  const rows = await db.selectFrom('catalog_indicators').select(['code', 'name']).execute();
  return Object.fromEntries(rows.map((r) => [r.code, r.name]));
}

/** The roster's pinyin keys of the members, so every cadre picker of the assessment finds `zsf` as the roster does. */
async function memberPinyin(db: Kysely<Database>, assessmentId: number): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('assessment_members as m')
    .innerJoin('cadres as c', 'c.id', 'm.cadre_id')
    .select(['c.id', 'c.pinyin_keys'])
    .where('m.assessment_id', '=', assessmentId)
    .execute();
  return Object.fromEntries(rows.map((r) => [String(r.id), r.pinyin_keys]));
}

export async function readDetail(db: Kysely<Database>, id: number, user: SessionUser): Promise<AssessmentDetail> {
  const row = await loadAssessment(db, id, user);
  const members = await readMembers(db, id);
  return {
    ...summaryOf(row, members.length),
    config: configOf(row.config),
    scope: scopeOf(row.scope),
    members,
    indicatorNames: await indicatorNames(db),
    memberPinyin: await memberPinyin(db, id),
  };
}

export interface NewAssessment {
  name: string;
  year: number;
  scope: AssessmentScope;
}

export async function createAssessment(
  db: Kysely<Database>,
  input: NewAssessment,
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<number> {
  await checkScope(db, input.scope);
  const same = await db
    .selectFrom('assessments')
    .select('id')
    .where('name', '=', input.name)
    .where('year', '=', input.year)
    .executeTakeFirst();
  if (same) fail('VALIDATION', `${input.year} 年度已有名为“${input.name}”的考核`, 'name');
  const members = await rosterInScope(db, input.scope);
  if (members.length === 0) fail('VALIDATION', '所选范围内没有在职干部，请调整考核范围', 'scope');
  const indicators = await db
    .selectFrom('catalog_indicators')
    .select(['code', 'position', 'weight'])
    .where('retired', '=', 0)
    .orderBy('sort')
    .execute();
  const { id } = await db
    .insertInto('assessments')
    .values({
      name: input.name,
      year: input.year,
      state: 'preparing',
      config: JSON.stringify(defaultAssessmentConfig(indicators)),
      scope: JSON.stringify({
        categoryCodes: [...input.scope.categoryCodes].sort(),
        unitIds: [...input.scope.unitIds].sort((a, b) => a - b),
      }),
      created_by: user.displayName,
      created_at: now,
      updated_by: user.displayName,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeMembers(db, id, members);
  return id;
}

/** 准备 only: takes the roster as it is now (units, positions, new and departed cadres). */
export async function refreshMembers(
  db: Kysely<Database>,
  id: number,
  version: number,
  user: SessionUser,
): Promise<{ before: number; after: number }> {
  const row = await loadAssessment(db, id, user);
  assertVersion(row, version);
  if (row.state !== 'preparing')
    fail(
      'VALIDATION',
      `考核“${row.name}”当前为“${STATE_LABELS[row.state]}”状态，成员名单已冻结，只有“准备”状态才能刷新成员`,
    );
  const before = await readMembers(db, id);
  const members = await rosterInScope(db, scopeOf(row.scope));
  if (members.length === 0) fail('VALIDATION', '考核范围内已没有在职干部，成员未刷新');
  await writeMembers(db, id, members);
  await bump(db, row, user);
  return { before: before.length, after: members.length };
}

/** The transitions the lifecycle allows, from → to. */
const TRANSITIONS: Readonly<Record<AssessmentState, readonly AssessmentState[]>> = {
  preparing: ['collecting'],
  collecting: ['summarized'],
  summarized: ['collecting', 'archived'],
  archived: [],
};

export async function setState(
  db: Kysely<Database>,
  id: number,
  version: number,
  to: AssessmentState,
  user: SessionUser,
): Promise<{ row: AssessmentRow; from: AssessmentState }> {
  const row = await loadAssessment(db, id, user);
  if (row.state === 'archived') fail('VALIDATION', `考核“${row.name}”已归档，状态不能再改变`);
  assertVersion(row, version);
  if (row.state === to) fail('VALIDATION', `考核“${row.name}”已经是“${STATE_LABELS[to]}”状态`, 'state');
  if (!TRANSITIONS[row.state].includes(to)) {
    const next = TRANSITIONS[row.state].map((s) => `“${STATE_LABELS[s]}”`).join('或');
    fail(
      'VALIDATION',
      `考核“${row.name}”不能从“${STATE_LABELS[row.state]}”直接变为“${STATE_LABELS[to]}”，只能变为${next}`,
      'state',
    );
  }
  if (to === 'collecting' && row.state === 'preparing') {
    const n = await db
      .selectFrom('assessment_members')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('assessment_id', '=', id)
      .executeTakeFirst();
    if (Number(n?.n ?? 0) === 0) fail('VALIDATION', '考核没有成员，不能开始测评', 'state');
  }
  if (to === 'summarized') {
    const { result } = await computeFromStore(db, id);
    await bump(db, row, user, { state: to, summarized_result: JSON.stringify(result) });
  } else if (to === 'collecting' && row.state === 'summarized') {
    // Reopening discards the summary and the grades confirmed on it.
    await db.deleteFrom('assessment_grade_confirmations').where('assessment_id', '=', id).execute();
    await bump(db, row, user, { state: to, summarized_result: null });
  } else {
    await bump(db, row, user, { state: to });
  }
  return { row, from: row.state };
}
