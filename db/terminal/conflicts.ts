// The 冲突 list of terminal returns and the panel chair's choice: 采用 one side (named by terminal only, never by rater
// or seat) or void them all; and the per-terminal summary the assessment shows.
import type { Kysely } from 'kysely';
import { PANEL_KIND_LABELS } from '../../shared/assessment/panel';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import { type AssessmentRow, groupMembers, groupName, indicatorNames } from '../assessment';
import type { TerminalConflictView, TerminalPackageView } from '../../shared/assessment/terminals';
import type { Database } from '../schema';
import { mergeBallot } from './merge';
import { packageGroupNamesOf, refusedOf, storedBallotOf } from './columns';

export async function listConflicts(db: Kysely<Database>, row: AssessmentRow): Promise<TerminalConflictView[]> {
  const rows = await db
    .selectFrom('terminal_conflicts')
    .selectAll()
    .where('assessment_id', '=', row.id)
    .orderBy('id')
    .execute();
  const sides = await db
    .selectFrom('terminal_conflict_sides as s')
    .innerJoin('terminal_packages as p', 'p.id', 's.package_id')
    .select(['s.conflict_id', 'p.terminal_no'])
    .where('p.assessment_id', '=', row.id)
    .execute();
  const out: TerminalConflictView[] = [];
  for (const c of rows)
    out.push({
      id: c.id,
      kind: c.kind,
      kindLabel: PANEL_KIND_LABELS[c.kind],
      groupName: groupName(await groupMembers(db, row.id, c.group_ref), c.group_ref),
      terminals: sides
        .filter((s) => s.conflict_id === c.id)
        .map((s) => s.terminal_no)
        .sort((a, b) => a - b),
      mainKiosk: c.main_kiosk === 1,
      state: c.state,
      outcome: c.outcome,
      resolvedBy: c.resolved_by,
      resolvedOn: c.resolved_on,
    });
  return out;
}

/** `adopt`: a terminal number, or 'main' (the main kiosk's ballot stays, the terminals' are dropped); `void`: all go. */
export type ConflictChoice = { adopt: number | 'main' } | { void: true };

export async function resolveConflict(
  db: Kysely<Database>,
  row: AssessmentRow,
  id: number,
  choice: ConflictChoice,
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<{ view: TerminalConflictView; outcome: string }> {
  const c = await db
    .selectFrom('terminal_conflicts')
    .selectAll()
    .where('assessment_id', '=', row.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!c) return fail('NOT_FOUND', '找不到该冲突，可能已被处理', 'id');
  if (c.state !== 'open' || c.code_id === null) fail('VALIDATION', '该冲突已处理，不能再次处理', 'id');
  const sides = await db
    .selectFrom('terminal_set_aside as a')
    .innerJoin('terminal_packages as p', 'p.id', 'a.package_id')
    .select(['a.id', 'a.package_id', 'a.group_ref', 'a.ballot', 'p.terminal_no'])
    .where('a.code_id', '=', c.code_id!)
    .execute();
  let outcome: string;
  if ('void' in choice) {
    if (c.main_kiosk === 1)
      fail(
        'VALIDATION',
        '主机评议终端的票不记录评议码，无法单独作废：请选择“采用主机的票”，或在“评议码”中作废该组的整个评议',
        'choice',
      );
    outcome = '两方均作废';
  } else if (choice.adopt === 'main') {
    if (c.main_kiosk !== 1) fail('VALIDATION', '该冲突不涉及主机评议终端', 'choice');
    outcome = '采用主机评议终端的票';
  } else {
    const side = sides.find((s) => s.terminal_no === choice.adopt);
    if (!side) return fail('VALIDATION', `终端 ${choice.adopt} 不是该冲突的一方`, 'choice');
    if (c.main_kiosk === 1) fail('VALIDATION', '主机评议终端的票已计入且无法撤回，只能采用主机的票', 'choice');
    await mergeBallot(
      db,
      row,
      side.group_ref,
      storedBallotOf(side.ballot, 'terminal_set_aside.ballot'),
      user,
      await indicatorNames(db),
      now,
    );
    await db
      .updateTable('terminal_packages')
      .set((eb) => ({ merged: eb('merged', '+', 1) }))
      .where('id', '=', side.package_id)
      .execute();
    outcome = `采用终端 ${side.terminal_no} 的票`;
  }
  await db.deleteFrom('terminal_set_aside').where('code_id', '=', c.code_id!).execute();
  // The conflict keeps its outcome, not its code: nothing left pairs a seat with a ballot.
  await db
    .updateTable('terminal_conflicts')
    .set({
      code_id: null,
      state: 'void' in choice ? 'voided' : 'adopted',
      outcome,
      resolved_by: user.displayName,
      resolved_on: now.slice(0, 10),
    })
    .where('id', '=', id)
    .execute();
  const view = (await listConflicts(db, row)).find((v) => v.id === id)!;
  return { view, outcome };
}

/** Per terminal: package exported, returned, ballots merged, held, conflicts still open, refused. */
export async function listPackages(db: Kysely<Database>, row: AssessmentRow): Promise<TerminalPackageView[]> {
  const pkgs = await db
    .selectFrom('terminal_packages')
    .selectAll()
    .where('assessment_id', '=', row.id)
    .orderBy('terminal_no')
    .execute();
  // Held = waiting for another package; a ballot in a 冲突 is counted there, not here.
  const held = await db
    .selectFrom('terminal_set_aside as a')
    .select(['a.package_id', db.fn.countAll<number>().as('n')])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('terminal_conflicts as c').select('c.id').whereRef('c.code_id', '=', 'a.code_id'))),
    )
    .groupBy('a.package_id')
    .execute();
  const open = await db
    .selectFrom('terminal_conflict_sides as s')
    .innerJoin('terminal_conflicts as c', 'c.id', 's.conflict_id')
    .select(['s.package_id', db.fn.countAll<number>().as('n')])
    .where('c.state', '=', 'open')
    .groupBy('s.package_id')
    .execute();
  return pkgs.map((p) => ({
    terminalNo: p.terminal_no,
    groups: packageGroupNamesOf(p.groups),
    seats: p.seats,
    digest: p.digest,
    exportedBy: p.exported_by,
    exportedOn: p.exported_on,
    returnedOn: p.returned_on,
    ballotsReturned: p.ballots_returned,
    merged: p.merged,
    held: Number(held.find((h) => h.package_id === p.id)?.n ?? 0),
    openConflicts: Number(open.find((o) => o.package_id === p.id)?.n ?? 0),
    refused: refusedOf(p.refused),
    cancelled:
      p.cancelled_on === null ? null : { on: p.cancelled_on, by: p.cancelled_by ?? '', reason: p.cancel_reason ?? '' },
  }));
}
