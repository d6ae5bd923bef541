// The 评议终端 (kiosk): start it for an assessment, open the one ballot form a code allows, store the ballot and use the
// code up in one transaction, and leave only with the staff member's password.
//
// What an anonymous ballot keeps, and why (scoring.md, rule 2):
// - 同级互评: no rater at all (rater_cadre_id NULL). Rule 2 uses a peer rater for `unknownCadre`, `peer.self`,
//   `peer.otherGroup` and `duplicate` only, and nothing else reads it. The first three are made here, at submit, on
//   the seat's cadre, before anything is stored; `duplicate` cannot arise (one seat per cadre, its code used once,
//   every target at most once per ballot, and a rater is either at the kiosk or on paper/Excel, refused both ways).
//   Rankings give each kiosk ballot a computed stand-in rater that passes the same checks (rankings.ts peerRaters).
//   Not a keyed pseudonym: any key the app could use (derived from the store key or kept in the store) is one the
//   attacker below holds too, who could then compute every cadre's pseudonym; and a per-rater pseudonym groups a
//   rater's ballots, which names the rater anyway (a peer ballot scores everyone in the group but its rater).
// - 上级排名: a random label (`匿名评议-xxxxxxxx`). Scoring only needs leaders' labels to differ within a group
//   (`duplicate`); the label says nothing of the seat or the code. Clerks can neither pick nor reuse such a label.
// - 职工测评: nothing. Each vote adds one to the cadre's tallies; no single staff ballot exists. A form over the 优秀
//   cap (excellent-cap.ts) is refused before anything is stored. Its 意见建议 add to the cadre's comments by text in
//   a WITHOUT ROWID table ordered by text (migration 17): no id, no time, no code; shown only from 3 forms on.
// - Every kiosk ballot row gets a random id (ballots.ts ANONYMOUS_ID_FLOOR), so ids and storage order say nothing of
//   which came first; its time, the kiosk's staff tallies' time and this call's audit entry carry the day only.
// - No link from a code to its ballot: a code row keeps its seat and state (unused/used/revoked) but no time of use
//   and no ballot id. The one transaction that holds both (the ballot and the code marked used) leaves no image
//   behind: after it commits, Store.forgetHistory checkpoints the -wal into the database and empties it, then clears
//   the -shm's index (which names the pages a transaction wrote) with a write of the file header alone; secure_delete
//   zeroes what is deleted or overwritten. Cost: bench/assessment.bench.ts (kiosk).
// - Small groups (issue 21 §5; shared/assessment/anonymity.ts, ANONYMITY_MIN_BALLOTS = 3): where a cadre's component
//   rests on fewer than 3 ballots of an anonymous kind (职工测评 and 服务对象 always, 上级排名 when any ballot of the
//   group came from the kiosk), every view, export and print (rankings.get, the 排名表, the Excel
//   exports) shows the component score but neither its ballot count nor a grade distribution or ballot list. The
//   configuration warns when `minBallots` of such a kind is below 3: the score of one or two ballots can still
//   give a vote away, which only enough ballots prevent.
//
// What an attacker still learns who holds the store key (any account's password unwraps it) and a copy of every file
// in the store folder taken at any moment after kiosk.submit returns, and why it cannot be helped:
// - Who voted at the kiosk, by seat: a peer seat is its cadre, and its state is `used`. Staff must know which codes
//   are spent; seats are also handed out by name.
// - Each group's kiosk ballots as a set, and how many there are per day: the ballots must count, and the audit log
//   records one day-only entry per ballot (kind and group).
// - Anything the ballots themselves give away. A group where one cadre voted at the kiosk has all its kiosk peer
//   ballots from that cadre; a leaders' group with one used seat, likewise. With k kiosk raters in a group, a
//   ballot is one of k, no better than chance. Scores a rater is known to give (say all 100) are no secret either.
// - Within a kiosk session, the order of the day-only audit entries (kind, group): the order in which kinds and
//   groups were voted, to be lined up only with an outside record of who stood at the kiosk, never with a ballot.
// - Nothing from before this build is rewritten where it cannot be: audit entries of earlier kiosk submits keep
//   their times (sealed in the chain), and free pages left by earlier versions are not zeroed (migration 11).
import { randomBytes } from 'node:crypto';
import { PANEL_KIND_LABELS, seatLabel, type KioskBallot, type KioskBallotForm } from '../../shared/assessment/panel';
import { STATE_LABELS, type AssessmentMember } from '../../shared/assessment/types';
import { excellentCapBreach, excellentCapMessage } from '../../shared/assessment/excellent-cap';
import { fail } from '../../shared/ipc/errors';
import type { KioskStatus } from '../../shared/ipc/types';
import type { CallContext } from '../app/context';
import { assertCollecting, loadAssessment, type AssessmentRow } from './access';
import { addStaffVotes, groupMembers, groupName, KIOSK_ENTERED_BY, savePeer, saveSuperior } from './ballots';
import { indicatorNames } from './lifecycle';
import { addComments } from './forms';
import { codeHasher, seatForCode } from './panel-codes';
import { configOf } from './config-column';

export async function startKiosk(ctx: CallContext, assessmentId: number): Promise<KioskStatus> {
  const row = await loadAssessment(ctx.db, assessmentId, ctx.store.user);
  assertCollecting(row, '进入评议终端');
  const status: KioskStatus = {
    assessmentId: row.id,
    assessmentName: row.name,
    year: row.year,
    startedBy: ctx.store.user.displayName,
  };
  ctx.rec.afterCommit(() => ctx.kiosk.start(status));
  ctx.rec.record(row.name, { assessmentId: row.id });
  return status;
}

/** The kiosk's assessment, still 测评中 (the kiosk stops taking ballots the moment it is not). */
async function kioskAssessment(ctx: CallContext): Promise<AssessmentRow> {
  const status = ctx.kiosk.status ?? fail('FORBIDDEN', '只有在评议终端模式下才能进行此操作');
  const row = await loadAssessment(ctx.db, status.assessmentId, ctx.store.user);
  if (row.state !== 'collecting')
    fail('VALIDATION', `考核“${row.name}”当前为“${STATE_LABELS[row.state]}”状态，评议已结束`);
  return row;
}

/** The seat a code opens; wrong codes count towards the throttle, used and revoked ones are named as such. */
async function openSeat(ctx: CallContext, row: AssessmentRow, code: string) {
  ctx.kiosk.codeThrottle.check();
  const { seat, refusal, wrong } = await seatForCode(ctx.db, codeHasher(ctx.store), row.id, code);
  if (wrong) ctx.kiosk.codeThrottle.failed();
  if (!seat) return fail('VALIDATION', refusal!, 'code');
  ctx.kiosk.codeThrottle.succeeded();
  return seat;
}

export async function openKioskForm(ctx: CallContext, code: string): Promise<KioskBallotForm> {
  const row = await kioskAssessment(ctx);
  const seat = await openSeat(ctx, row, code);
  const group = await groupMembers(ctx.db, row.id, seat.group_ref);
  const rater = group.find((m) => m.cadreId === seat.rater_cadre_id);
  const position = group[0]?.position ?? 'chief';
  const config = configOf(row.config);
  const names = seat.kind === 'peer' ? await indicatorNames(ctx.db) : {};
  return {
    kind: seat.kind,
    kindLabel: PANEL_KIND_LABELS[seat.kind],
    groupName: groupName(group, seat.group_ref),
    seatLabel: seatLabel(seat.kind, seat.seat_no, rater?.name),
    position,
    // Self-rating is impossible: the rater is not among the targets, and the submit refuses any ballot naming them.
    targets: group
      .filter((m) => m.cadreId !== seat.rater_cadre_id)
      .map((m) => ({ cadreId: m.cadreId, name: m.name, unitName: m.unitName })),
    indicators:
      seat.kind === 'peer'
        ? config.indicators[position].map((i) => ({ id: i.id, name: names[i.id] ?? i.id, weight: i.weight }))
        : [],
    ...(seat.kind === 'staff' && config.staffExcellentCap !== undefined
      ? { staffExcellentCap: config.staffExcellentCap }
      : {}),
  };
}

function requireEach(group: readonly AssessmentMember[], ids: readonly number[], what: string): void {
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

/** Stores the seat's ballot (anonymously) and uses its code up; refused as a whole on any fault. */
export async function submitKioskBallot(
  ctx: CallContext,
  code: string,
  ballot: KioskBallot,
): Promise<{ row: AssessmentRow; groupName: string; changed: number }> {
  const row = await kioskAssessment(ctx);
  const seat = await openSeat(ctx, row, code);
  if (ballot.kind !== seat.kind)
    fail('VALIDATION', `该评议码用于“${PANEL_KIND_LABELS[seat.kind]}”，不能提交其他类型的评议票`, 'ballot');
  const group = await groupMembers(ctx.db, row.id, seat.group_ref);
  const now = new Date().toISOString();
  let changed: number;
  if (ballot.kind === 'superior') {
    // A random label: two leaders' ballots stay apart for scoring, and nothing ties one to a seat or a code.
    const raterLabel = `匿名评议-${randomBytes(4).toString('hex')}`;
    await saveSuperior(ctx.db, row, { raterLabel, group: seat.group_ref, order: ballot.order }, ctx.store.user, now, {
      anonymous: true,
    });
    changed = 1;
  } else if (ballot.kind === 'peer') {
    const others = group.filter((m) => m.cadreId !== seat.rater_cadre_id);
    if (ballot.ballots.some((b) => b.targetId === seat.rater_cadre_id)) fail('VALIDATION', '不能给本人打分', 'ballot');
    requireEach(
      others,
      ballot.ballots.map((b) => b.targetId),
      '打分',
    );
    const r = await savePeer(
      ctx.db,
      row,
      { raterId: seat.rater_cadre_id!, ballots: ballot.ballots },
      ctx.store.user,
      await indicatorNames(ctx.db),
      now,
      { anonymous: true },
    );
    changed = r.count;
  } else {
    requireEach(
      group,
      ballot.votes.map((v) => v.targetId),
      '选择评价等次',
    );
    // Refused, not voided: the panel member is still at the kiosk and can correct the form (the code stays unused).
    const breach = excellentCapBreach(
      ballot.votes.map((v) => v.grade),
      configOf(row.config).staffExcellentCap,
    );
    if (breach) fail('VALIDATION', `${excellentCapMessage(breach)}，请修改后再提交`, 'ballot');
    // Staff votes only add to the tallies: no single staff ballot is kept at all; 意见建议 only add to a cadre's
    // comments by text (forms.ts), unlinked from the code, the form and the time.
    await addStaffVotes(ctx.db, row, ballot.votes, KIOSK_ENTERED_BY, now.slice(0, 10), 'kiosk');
    await addComments(ctx.db, row.id, ballot.votes, 'kiosk');
    changed = ballot.votes.length;
  }
  const used = await ctx.db
    .updateTable('assessment_panel_codes')
    .set({ state: 'used' })
    .where('id', '=', seat.id)
    .where('state', '=', 'unused')
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) fail('VALIDATION', '该评议码已使用，每个评议码只能评议一次', 'code');
  // This transaction holds the ballot and the used code side by side: once committed, no -wal or -shm may keep it.
  ctx.rec.afterCommit(() => ctx.store.forgetHistory());
  return { row, groupName: groupName(group, seat.group_ref), changed };
}

/** `close`: the clerk is closing the app from the kiosk (the window's close button): it quits once this commits. */
export async function exitKiosk(ctx: CallContext, password: string, close = false): Promise<string> {
  const status = ctx.kiosk.status ?? fail('FORBIDDEN', '只有在评议终端模式下才能进行此操作');
  // The clerk's login password, typed at a window panel members use: throttled and audited like a login to that account.
  const account = ctx.logins.account(ctx.store.dir, ctx.store.user.username);
  ctx.logins.check(account);
  if (!(await ctx.store.checkPassword(ctx.store.user.username, password))) {
    ctx.logins.failed(account, 'kioskExit');
    fail('VALIDATION', `密码不正确：须由进入评议终端的${status.startedBy}输入本人的登录密码`, 'password');
  }
  ctx.logins.succeeded(account);
  ctx.rec.afterCommit(() => ctx.kiosk.stop(close ? 'close' : 'exit'));
  ctx.rec.record(
    status.assessmentName,
    close ? { assessmentId: status.assessmentId, closesApp: true } : { assessmentId: status.assessmentId },
  );
  return status.assessmentName;
}
