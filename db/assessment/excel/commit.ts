// Writing a previewed Excel ballot import: the plan is rebuilt and must match the preview's key; every group has its
// mode (累加/替换) and every conflict is resolved; then 替换 removes the group's earlier Excel rows only, and the file's
// ballots are written as 'excel'. Kiosk rows are never touched (and the ballot writers refuse to, as a second line).
import type { Kysely } from 'kysely';
import {
  BALLOT_SOURCE_LABELS,
  IMPORT_MODE_LABELS,
  groupEffect,
  isLeftOut,
  openConflicts,
  type BallotImportGroup,
  type BallotImportMode,
  type LeftOutRater,
} from '../../../shared/assessment/ballot-import';
import { COMPONENT_LABELS, type BallotImportSummary, type GroupRef } from '../../../shared/assessment/types';
import { fail } from '../../../shared/ipc/errors';
import type { SessionUser } from '../../../shared/ipc/types';
import type { Component } from '../../../shared/scoring/types';
import type { Database } from '../../schema';
import type { AssessmentRow } from '../access';
import { groupMembers, savePeer, saveSuperior, setStaffTally, staffTallies } from '../ballots';
import { addComments, addVoidForms, clearComments, setVoidForms } from '../forms';
import { indicatorNames } from '../lifecycle';
import { buildImportPlan } from './plan';
import type { ParsedBallotSheet } from './parse';

export interface ImportChoice {
  readonly planKey: string;
  readonly modes: readonly { group: GroupRef; mode: BallotImportMode }[];
  readonly leftOut: readonly LeftOutRater[];
}

/** One group's line in the audit entry: its mode, what was added and what earlier Excel rows it replaced. */
export interface GroupAudit {
  group: string;
  mode: string;
  added: Partial<Record<Component, number>>;
  replaced: { source: string } & Partial<Record<Component, number>>;
  /** 纸质录入 staff votes replaced because the file is their count (替换含纸质 only). */
  replacedPaper?: { source: string; staff: number };
  leftOut: string[];
}

export const STALE_PREVIEW =
  '预览之后本考核的测评票已有变化（例如评议终端又提交了测评票，或他人录入、导入了测评票），请重新选择文件预览后再导入；本次未导入任何测评票';

function chosenModes(groups: readonly BallotImportGroup[], choice: ImportChoice): Map<GroupRef, BallotImportMode> {
  const modes = new Map(choice.modes.map((m) => [m.group, m.mode]));
  const known = new Set(groups.map((g) => g.group));
  for (const m of choice.modes)
    if (!known.has(m.group)) fail('VALIDATION', '导入方式中有文件以外的分组，请重新选择文件预览后再导入', 'modes');
  for (const g of groups)
    if (!modes.has(g.group)) fail('VALIDATION', `请为“${g.groupName}”选择“累加”或“替换”后再导入`, 'modes');
  return modes;
}

function checkLeftOut(
  groups: readonly BallotImportGroup[],
  sheets: ReadonlyMap<GroupRef, ParsedBallotSheet>,
  leftOut: readonly LeftOutRater[],
): void {
  for (const l of leftOut) {
    const s = sheets.get(l.group);
    const inFile =
      s &&
      (l.kind === 'peer'
        ? s.ballots.peer.some((b) => String(b.raterId) === l.rater)
        : s.ballots.superior.some((b) => b.raterLabel === l.rater));
    if (!inFile || !groups.some((g) => g.group === l.group))
      fail('VALIDATION', '不导入的评价人不在文件中，请重新选择文件预览后再导入', 'leftOut');
  }
}

function refuseOpenConflicts(
  groups: readonly BallotImportGroup[],
  modes: ReadonlyMap<GroupRef, BallotImportMode>,
  leftOut: readonly LeftOutRater[],
): void {
  const open = groups.flatMap((g) => openConflicts(g, modes.get(g.group)!, leftOut).map((c) => ({ g, c })));
  if (open.length === 0) return;
  const said = open.slice(0, 3).map(({ g, c }) => {
    const where = Object.entries(c.existing)
      .map(([s, n]) => `${BALLOT_SOURCE_LABELS[s as keyof typeof BALLOT_SOURCE_LABELS]} ${n} 张`)
      .join('、');
    return c.kind === 'peer'
      ? `“${g.groupName}”的评价人“${c.raterName}”已有同级互评票（${where}）`
      : `“${g.groupName}”的上级领导“${c.raterName}”已有排名票（${where}）`;
  });
  fail(
    'VALIDATION',
    `${said.join('；')}${open.length > 3 ? `等 ${open.length} 处` : ''}：同一人不能评议两次，请选择不导入其票后再导入；本次未导入任何测评票`,
    'leftOut',
  );
}

/**
 * Removes the group's earlier Excel rows (替换): superior ballots of the group, and peer/staff/service rows of its cadres;
 * with `paperStaff` (the file is the paper count) the 纸质录入 staff tallies too. Never a kiosk row.
 */
async function removeEarlier(
  db: Kysely<Database>,
  row: AssessmentRow,
  ref: GroupRef,
  ids: readonly number[],
  paperStaff: boolean,
): Promise<void> {
  await db
    .deleteFrom('assessment_superior_ballots')
    .where('assessment_id', '=', row.id)
    .where('group_ref', '=', ref)
    .where('source', '=', 'excel')
    .execute();
  if (ids.length === 0) return;
  await db
    .deleteFrom('assessment_peer_ballots')
    .where('assessment_id', '=', row.id)
    .where('target_cadre_id', 'in', ids)
    .where('source', '=', 'excel')
    .execute();
  await db
    .deleteFrom('assessment_staff_counts')
    .where('assessment_id', '=', row.id)
    .where('target_cadre_id', 'in', ids)
    .where('source', 'in', paperStaff ? ['excel', 'paper'] : ['excel'])
    .execute();
  await db
    .deleteFrom('assessment_service_ballots')
    .where('assessment_id', '=', row.id)
    .where('target_cadre_id', 'in', ids)
    .where('source', '=', 'excel')
    .execute();
}

export type Step = () => Promise<unknown>;

/**
 * Checks the choice against a freshly rebuilt plan and returns the writes as steps (run by the caller with progress)
 * plus the audit lines; nothing is written before every check has passed.
 */
export async function importSteps(
  db: Kysely<Database>,
  row: AssessmentRow,
  sheets: readonly ParsedBallotSheet[],
  choice: ImportChoice,
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<{ steps: Step[]; summary: BallotImportSummary; groups: GroupAudit[] }> {
  const plan = await buildImportPlan(db, row, sheets);
  if (plan.planKey !== choice.planKey) fail('VALIDATION', STALE_PREVIEW, 'planKey');
  const modes = chosenModes(plan.groups, choice);
  const bySheet = new Map(sheets.map((s) => [s.ref, s]));
  checkLeftOut(plan.groups, bySheet, choice.leftOut);
  refuseOpenConflicts(plan.groups, modes, choice.leftOut);

  const names = await indicatorNames(db);
  const steps: Step[] = [];
  const summary: BallotImportSummary = { superior: 0, peer: 0, staff: 0, service: 0 };
  const audit: GroupAudit[] = [];
  for (const g of plan.groups) {
    const s = bySheet.get(g.group)!;
    const mode = modes.get(g.group)!;
    const out = (l: LeftOutRater) => isLeftOut(choice.leftOut, g.group, l.kind, l.rater);
    const ids = (await groupMembers(db, row.id, g.group)).map((m) => m.cadreId);
    if (mode !== 'add') steps.push(() => removeEarlier(db, row, g.group, ids, mode === 'replacePaper'));
    const superior = s.ballots.superior.filter((b) => !out({ group: g.group, kind: 'superior', rater: b.raterLabel }));
    for (const b of superior) steps.push(() => saveSuperior(db, row, b, user, now, { source: 'excel' }));
    const byRater = new Map<number, { targetId: number; scores: Record<string, number> }[]>();
    for (const b of s.ballots.peer) {
      if (out({ group: g.group, kind: 'peer', rater: String(b.raterId) })) continue;
      byRater.set(b.raterId, [...(byRater.get(b.raterId) ?? []), { targetId: b.targetId, scores: b.scores }]);
    }
    for (const [raterId, ballots] of byRater)
      steps.push(() => savePeer(db, row, { raterId, ballots }, user, names, now, { source: 'excel' }));
    if (s.ballots.staff.length > 0) {
      steps.push(async () => {
        // 累加 adds to the Excel tally; 替换 has just removed it. Other sources' tallies are separate rows, untouched.
        const excel = new Map(
          (
            await staffTallies(
              db,
              row.id,
              s.ballots.staff.map((c) => c.targetId),
            )
          )
            .filter((t) => t.source === 'excel')
            .map((t) => [t.target_cadre_id, t]),
        );
        for (const c of s.ballots.staff) {
          const e = excel.get(c.targetId);
          const sum = e
            ? {
                targetId: c.targetId,
                excellent: e.excellent + c.excellent,
                good: e.good + c.good,
                fair: e.fair + c.fair,
                poor: e.poor + c.poor,
              }
            : c;
          await setStaffTally(db, row, sum, 'excel', user, now);
        }
      });
    }
    const service = s.ballots.service.filter((b) => b.scores.length > 0);
    if (service.length > 0) {
      steps.push(() =>
        db
          .insertInto('assessment_service_ballots')
          .values(
            service.flatMap((b) =>
              b.scores.map((score) => ({
                assessment_id: row.id,
                target_cadre_id: b.targetId,
                score,
                paper_no: null,
                source: 'excel' as const,
                entered_by: user.displayName,
                entered_at: now,
              })),
            ),
          )
          .execute(),
      );
    }
    const { staffVoided, comments } = s.ballots;
    // 替换 sets the group's Excel count of voided forms and its cadres' Excel comments; 累加 adds to them.
    if (mode !== 'add' || staffVoided > 0)
      steps.push(() =>
        mode === 'add'
          ? addVoidForms(db, row.id, g.group, 'excellentCapExceeded', 'excel', staffVoided)
          : setVoidForms(db, row.id, g.group, 'excellentCapExceeded', 'excel', staffVoided),
      );
    if (mode !== 'add') steps.push(() => clearComments(db, row.id, ids, 'excel'));
    if (comments.length > 0) steps.push(() => addComments(db, row.id, comments, 'excel'));
    if (staffVoided > 0) summary.voidForms = (summary.voidForms ?? 0) + staffVoided;
    if (comments.length > 0) summary.comments = (summary.comments ?? 0) + comments.length;
    const peerCount = [...byRater.values()].reduce((n, b) => n + b.length, 0);
    const serviceCount = service.reduce((n, b) => n + b.scores.length, 0);
    summary.superior += superior.length;
    summary.peer += peerCount;
    summary.staff += s.ballots.staff.length;
    summary.service += serviceCount;
    audit.push(groupAudit(g, mode, choice.leftOut));
  }
  return { steps, summary, groups: audit };
}

/** The audit line of one group, from the same effect the preview showed. */
function groupAudit(g: BallotImportGroup, mode: BallotImportMode, leftOut: readonly LeftOutRater[]): GroupAudit {
  const e = groupEffect(g, mode, leftOut);
  const sum = (k: 'peer' | 'staff' | 'service', f: 'adds' | 'replaces' | 'replacesPaper') =>
    e.cadres.reduce((n, c) => n + c.effect[k][f], 0);
  const nonZero = (x: Partial<Record<Component, number>>) =>
    Object.fromEntries(Object.entries(x).filter(([, n]) => (n ?? 0) > 0));
  const left = leftOut.filter((l) => l.group === g.group);
  return {
    group: g.groupName,
    mode: IMPORT_MODE_LABELS[mode],
    added: nonZero({
      superior: e.superior.adds,
      peer: sum('peer', 'adds'),
      staff: sum('staff', 'adds'),
      service: sum('service', 'adds'),
    }),
    replaced: {
      source: BALLOT_SOURCE_LABELS.excel,
      ...nonZero({
        superior: e.superior.replaces,
        peer: sum('peer', 'replaces'),
        staff: sum('staff', 'replaces'),
        service: sum('service', 'replaces'),
      }),
    },
    ...(mode === 'replacePaper'
      ? { replacedPaper: { source: BALLOT_SOURCE_LABELS.paper, staff: sum('staff', 'replacesPaper') } }
      : {}),
    leftOut: left.map((l) => {
      const name = l.kind === 'peer' ? (g.cadres.find((c) => String(c.cadreId) === l.rater)?.name ?? l.rater) : l.rater;
      return l.kind === 'peer'
        ? `评价人“${name}”的${COMPONENT_LABELS.peer}票`
        : `上级领导“${name}”的${COMPONENT_LABELS.superior}票`;
    }),
  };
}
