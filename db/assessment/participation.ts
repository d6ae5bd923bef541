// Participation accounts from the store (issue 21 §3): one pass of aggregate queries over codes, ballots and the
// clerk's paper counts, fed to shared/assessment/participation.ts; and saving the clerk's count of one group and kind.
import { sql, type Kysely } from 'kysely';
import {
  participationAccounts,
  type ParticipationCounts,
  type ParticipationInvalid,
  type ParticipationReport,
  type ParticipationSheet,
} from '../../shared/assessment/participation';
import { groupRefOf, type AssessmentMember, type GroupRef } from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import type { Component, RankingInput, RankingResult } from '../../shared/scoring/types';
import type { Database } from '../schema';
import { assertCollecting, type AssessmentRow } from './access';
import { groupName } from './ballots';
import { configOf } from './config-column';

/** What the accounts need besides the counts: the scoring result's invalid ballots, mapped to groups and forms. */
export interface ScoredBallots {
  input: RankingInput;
  result: Pick<RankingResult, 'invalidBallots'>;
}

/**
 * Invalid ballots as forms per group, kind and reason. A 上级排名 ballot is one form (its group: the first place's);
 * a 同级互评 form is one rater's ballots in a group (counted once, under its first reason); a staff vote or a service
 * score is one form (tallies keep no forms).
 */
export function invalidForms(scored: ScoredBallots, members: readonly AssessmentMember[]): ParticipationInvalid[] {
  const byId = new Map(members.map((m) => [String(m.cadreId), groupRefOf(m)]));
  const out = new Map<string, ParticipationInvalid>();
  const seenPeerForm = new Set<string>();
  const add = (group: GroupRef | undefined, kind: Component, reason: string) => {
    if (group === undefined) return; // names nobody of the assessment: no group to account it under
    const k = `${group}|${kind}|${reason}`;
    const line = out.get(k) ?? { group, kind, reason, forms: 0 };
    line.forms++;
    out.set(k, line);
  };
  const { input } = scored;
  for (const b of scored.result.invalidBallots) {
    if (b.kind === 'superior') add(byId.get(input.superiorBallots[b.index]?.order[0] ?? ''), 'superior', b.reason);
    else if (b.kind === 'peer') {
      const ballot = input.peerBallots[b.index];
      const group = byId.get(ballot?.targetId ?? '');
      const form = `${group}|${ballot?.raterId}`;
      if (seenPeerForm.has(form)) continue;
      seenPeerForm.add(form);
      add(group, 'peer', b.reason);
    } else if (b.kind === 'staff') add(byId.get(input.staffBallots[b.index]?.targetId ?? ''), 'staff', b.reason);
    else add(byId.get(input.serviceBallots[b.index]?.targetId ?? ''), 'service', b.reason);
  }
  return [...out.values()];
}

/** The counts per group and kind: codes, and forms entered other than at the kiosk. */
async function readCounts(
  db: Kysely<Database>,
  assessmentId: number,
  members: readonly AssessmentMember[],
): Promise<ParticipationCounts[]> {
  const groupOf = new Map(members.map((m) => [m.cadreId, groupRefOf(m)]));
  const [codes, superior, peerRaters, staff, service] = await Promise.all([
    db
      .selectFrom('assessment_panel_codes')
      .select(['kind', 'group_ref', 'state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('assessment_id', '=', assessmentId)
      .where('state', '!=', 'revoked')
      .groupBy(['kind', 'group_ref', 'state'])
      .execute(),
    db
      .selectFrom('assessment_superior_ballots')
      .select(['group_ref', (eb) => eb.fn.countAll<number>().as('n')])
      .where('assessment_id', '=', assessmentId)
      .where('source', '!=', 'kiosk')
      .groupBy('group_ref')
      .execute(),
    // A clerk's peer form is one rater's ballots; kiosk forms keep no rater and are counted by their used codes.
    db
      .selectFrom('assessment_peer_ballots')
      .select('rater_cadre_id')
      .distinct()
      .where('assessment_id', '=', assessmentId)
      .where('rater_cadre_id', 'is not', null)
      .execute(),
    // Tallies keep no forms: a group's forms are the most votes any of its cadres got (each form rates them all).
    db
      .selectFrom('assessment_staff_counts')
      .select(['target_cadre_id', sql<number>`sum(excellent + good + fair + poor)`.as('n')])
      .where('assessment_id', '=', assessmentId)
      .where('source', '!=', 'kiosk')
      .groupBy('target_cadre_id')
      .execute(),
    db
      .selectFrom('assessment_service_ballots')
      .select(['target_cadre_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('assessment_id', '=', assessmentId)
      .groupBy('target_cadre_id')
      .execute(),
  ]);
  const out = new Map<string, ParticipationCounts>();
  const line = (group: GroupRef, kind: Component) => {
    const k = `${group}|${kind}`;
    let c = out.get(k);
    if (!c) {
      c = { group, kind, codesIssued: 0, codesUsed: 0, formsEntered: 0 };
      out.set(k, c);
    }
    return c;
  };
  for (const c of codes) {
    const l = line(c.group_ref, c.kind);
    l.codesIssued += Number(c.n);
    if (c.state === 'used') l.codesUsed += Number(c.n);
  }
  for (const s of superior) line(s.group_ref, 'superior').formsEntered += Number(s.n);
  for (const p of peerRaters) {
    const g = p.rater_cadre_id === null ? undefined : groupOf.get(p.rater_cadre_id);
    if (g !== undefined) line(g, 'peer').formsEntered++;
  }
  const most = (rows: readonly { target_cadre_id: number; n: number }[], kind: Component) => {
    for (const r of rows) {
      const g = groupOf.get(r.target_cadre_id);
      if (g === undefined) continue;
      const l = line(g, kind);
      l.formsEntered = Math.max(l.formsEntered, Number(r.n));
    }
  };
  most(staff, 'staff');
  most(service, 'service');
  return [...out.values()];
}

export async function readSheets(db: Kysely<Database>, assessmentId: number): Promise<ParticipationSheet[]> {
  const rows = await db
    .selectFrom('assessment_participation_sheets')
    .select(['group_ref', 'kind', 'expected', 'received', 'invalid', 'abstained'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('group_ref')
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({
    group: r.group_ref,
    kind: r.kind,
    expected: r.expected,
    received: r.received,
    invalid: r.invalid,
    abstained: r.abstained,
  }));
}

/** The share of 应到 the configuration asks for (absent: the default). */
export function minShareOf(config: string): number | undefined {
  return configOf(config).participationMinShare;
}

/** The accounts of an assessment, groups in `groupOrder` (the order the rankings list them). */
export async function participationReport(
  db: Kysely<Database>,
  row: Pick<AssessmentRow, 'id' | 'config'>,
  members: readonly AssessmentMember[],
  groupOrder: readonly GroupRef[],
  invalid: readonly ParticipationInvalid[],
): Promise<ParticipationReport> {
  const [counts, sheets] = await Promise.all([readCounts(db, row.id, members), readSheets(db, row.id)]);
  const sizes = new Map<GroupRef, number>();
  for (const m of members) {
    const g = groupRefOf(m);
    sizes.set(g, (sizes.get(g) ?? 0) + 1);
  }
  const listed = new Set(groupOrder);
  const order = [...groupOrder.filter((g) => sizes.has(g)), ...[...sizes.keys()].filter((g) => !listed.has(g))];
  return participationAccounts({
    groups: order.map((group) => ({ group, size: sizes.get(group) ?? 0 })),
    counts,
    invalid,
    sheets,
    minShare: minShareOf(row.config),
  });
}

/** Saves (or, all null, clears) the clerk's count of paper forms for one group and kind; only while 测评中. */
export async function saveSheet(
  db: Kysely<Database>,
  row: AssessmentRow,
  members: readonly AssessmentMember[],
  sheet: ParticipationSheet,
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<{ groupName: string; cleared: boolean }> {
  assertCollecting(row, '录入纸质票清点数');
  if (!members.some((m) => groupRefOf(m) === sheet.group))
    fail('NOT_FOUND', '该考核没有这个测评分组，请刷新后重新选择', 'group');
  const values = [sheet.expected, sheet.received, sheet.invalid, sheet.abstained];
  if (sheet.kind === 'peer' && sheet.expected !== null)
    fail('VALIDATION', '同级互评的应到人数即本组人数，不能另行填写', 'expected');
  if (sheet.received !== null && (sheet.invalid ?? 0) + (sheet.abstained ?? 0) > sheet.received)
    fail('VALIDATION', '无效票数与弃权票数之和不能多于收回票数', 'received');
  if (sheet.expected !== null && sheet.received !== null && sheet.received > sheet.expected)
    fail('VALIDATION', '收回票数不能多于发出票数', 'received');
  const where = db
    .deleteFrom('assessment_participation_sheets')
    .where('assessment_id', '=', row.id)
    .where('group_ref', '=', sheet.group)
    .where('kind', '=', sheet.kind);
  await where.execute();
  const cleared = values.every((v) => v === null);
  if (!cleared)
    await db
      .insertInto('assessment_participation_sheets')
      .values({
        assessment_id: row.id,
        group_ref: sheet.group,
        kind: sheet.kind,
        expected: sheet.expected,
        received: sheet.received,
        invalid: sheet.invalid,
        abstained: sheet.abstained,
        entered_by: user.displayName,
        entered_at: now,
      })
      .execute();
  return { groupName: groupName(members, sheet.group), cleared };
}
