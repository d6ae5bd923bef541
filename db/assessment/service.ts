// The assessment's calls: each loads the assessment, checks state and role rules, changes, and records one audit entry.
import { COMPONENT_LABELS, GRADE_LABELS, STATE_LABELS } from '../../shared/assessment/types';
import { FORM_VOID_REASON_LABELS } from '../../shared/assessment/form-void-reasons';
import type { Grade } from '../../shared/scoring/types';
import type { Handlers } from '../app/context';
import { assertCollecting, assertState, loadAssessment } from './access';
import { addAdjustment, addVeto, deleteAdjustment, deleteVeto } from './adjustments';
import { archiveAssessment } from './archive';
import { dossierAdjustmentProposals, dossierVetoProposals, setProposalDismissed } from './dossier-links';
import { fail } from '../../shared/ipc/errors';
import { addComments, setVoidForms } from './forms';
import {
  addStaffBallot,
  deleteBallot,
  groupMembers,
  groupName,
  memberMap,
  saveService,
  saveStaff,
  saveSuperior,
  savePeer,
} from './ballots';
import { listBallots } from './ballot-lists';
import { updateConfig } from './config';
import { confirmGrade, confirmSuggested } from './grades';
import { addIneligible, deleteIneligible } from './ineligible';
import { dossierIneligibleProposals, setIneligibleProposalDismissed } from './ineligible-proposals';
import { createAssessment, indicatorNames, listAssessments, readDetail, refreshMembers, setState } from './lifecycle';
import { readMembers } from './members';
import { saveSheet } from './participation';
import { rankingsView, whatIf } from './rankings';

type AssessmentCalls =
  | 'assessments.list'
  | 'assessments.get'
  | 'assessments.create'
  | 'assessments.updateConfig'
  | 'assessments.setState'
  | 'assessments.refreshMembers'
  | 'assessments.archive'
  | 'ballots.list'
  | 'ballots.saveSuperior'
  | 'ballots.savePeer'
  | 'ballots.saveStaff'
  | 'ballots.addStaffBallot'
  | 'ballots.setVoidForms'
  | 'ballots.saveService'
  | 'ballots.delete'
  | 'adjustments.add'
  | 'adjustments.delete'
  | 'adjustments.proposals'
  | 'adjustments.dismissProposal'
  | 'vetoes.add'
  | 'vetoes.proposals'
  | 'vetoes.delete'
  | 'ineligible.add'
  | 'ineligible.delete'
  | 'ineligible.proposals'
  | 'ineligible.dismissProposal'
  | 'participation.saveSheet'
  | 'rankings.get'
  | 'rankings.whatIf'
  | 'grades.confirm'
  | 'grades.confirmSuggested';

export const assessmentHandlers: Handlers<AssessmentCalls> = {
  'assessments.list': ({ store, db }) => listAssessments(db, store.user),
  'assessments.get': ({ store, db }, { id }) => readDetail(db, id, store.user),

  async 'assessments.create'({ store, db, rec }, input) {
    const id = await createAssessment(db, input, store.user);
    const detail = await readDetail(db, id, store.user);
    rec.record(input.name, { assessmentId: id, year: input.year, members: detail.memberCount, scope: input.scope });
    return detail;
  },

  async 'assessments.updateConfig'({ store, db, rec }, { id, version, config }) {
    const { name, changed } = await updateConfig(db, id, version, config, store.user);
    rec.record(name, { assessmentId: id, changed });
    return readDetail(db, id, store.user);
  },

  async 'assessments.setState'({ store, db, rec }, { id, version, state }) {
    if (state === 'archived') {
      const { name, digest } = await archiveAssessment(db, id, version, store.user);
      rec.record(name, { assessmentId: id, from: STATE_LABELS.summarized, to: STATE_LABELS.archived, digest });
    } else {
      const { row, from } = await setState(db, id, version, state, store.user);
      rec.record(row.name, { assessmentId: id, from: STATE_LABELS[from], to: STATE_LABELS[state] });
    }
    return readDetail(db, id, store.user);
  },

  async 'assessments.refreshMembers'({ store, db, rec }, { id, version }) {
    const counts = await refreshMembers(db, id, version, store.user);
    const detail = await readDetail(db, id, store.user);
    rec.record(detail.name, { assessmentId: id, membersBefore: counts.before, membersAfter: counts.after });
    return detail;
  },

  async 'assessments.archive'({ store, db, rec }, { id, version }) {
    const { name, digest } = await archiveAssessment(db, id, version, store.user);
    rec.record(name, { assessmentId: id, digest });
    return readDetail(db, id, store.user);
  },

  async 'ballots.list'({ store, db }, { assessmentId, parts }) {
    await loadAssessment(db, assessmentId, store.user);
    return listBallots(db, assessmentId, parts);
  },

  async 'ballots.saveSuperior'({ store, db, rec }, input) {
    const row = await loadAssessment(db, input.assessmentId, store.user);
    assertCollecting(row, '录入测评票');
    const group = await saveSuperior(db, row, input, store.user);
    rec.record(row.name, {
      assessmentId: row.id,
      kind: COMPONENT_LABELS.superior,
      rater: input.raterLabel,
      group,
      places: input.order.length,
    });
    return { changed: 1 };
  },

  async 'ballots.savePeer'({ store, db, rec }, input) {
    const row = await loadAssessment(db, input.assessmentId, store.user);
    assertCollecting(row, '录入测评票');
    const { rater, count } = await savePeer(db, row, input, store.user, await indicatorNames(db));
    rec.record(row.name, { assessmentId: row.id, kind: COMPONENT_LABELS.peer, rater: rater.name, targets: count });
    return { changed: count };
  },

  async 'ballots.saveStaff'({ store, db, rec }, { assessmentId, counts, kioskExcluded }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '录入测评票');
    const saved = await saveStaff(db, row, counts, store.user, kioskExcluded === true);
    rec.record(row.name, {
      assessmentId: row.id,
      kind: COMPONENT_LABELS.staff,
      cadres: saved.changed,
      ...(saved.kioskExcluded.length > 0 ? { kioskExcluded: saved.kioskExcluded } : {}),
    });
    return { changed: saved.changed };
  },

  async 'ballots.addStaffBallot'({ store, db, rec }, input) {
    const row = await loadAssessment(db, input.assessmentId, store.user);
    assertCollecting(row, '录入测评票');
    const { groupName, count, voided, comments } = await addStaffBallot(db, row, input, store.user);
    rec.record(row.name, {
      assessmentId: row.id,
      kind: COMPONENT_LABELS.staff,
      group: groupName,
      ballots: 1,
      cadres: count,
      ...(voided ? { voidedFor: FORM_VOID_REASON_LABELS.excellentCapExceeded } : {}),
      ...(comments > 0 ? { comments } : {}),
    });
    return voided ? { changed: 0, voided: 'excellentCapExceeded' } : { changed: count };
  },

  async 'ballots.setVoidForms'({ store, db, rec }, { assessmentId, group, reason, count }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '登记无效票');
    const members = await groupMembers(db, row.id, group);
    if (members.length === 0) fail('VALIDATION', '测评分组不是本次考核的分组', 'group');
    await setVoidForms(db, row.id, group, reason, 'manual', count);
    rec.record(row.name, {
      assessmentId: row.id,
      kind: COMPONENT_LABELS.staff,
      group: groupName(members, group),
      voidedFor: FORM_VOID_REASON_LABELS[reason],
      voidForms: count,
    });
    return { changed: count };
  },

  async 'ballots.saveService'({ store, db, rec }, { assessmentId, targetId, scores, comments }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '录入测评票');
    const target = await saveService(db, row, targetId, scores, store.user);
    const added = await addComments(
      db,
      row.id,
      (comments ?? []).map((comment) => ({ targetId, comment })),
      'paper',
    );
    rec.record(row.name, {
      assessmentId: row.id,
      kind: COMPONENT_LABELS.service,
      target: target.name,
      scores: scores.length,
      ...(added > 0 ? { comments: added } : {}),
    });
    return { changed: scores.length };
  },

  async 'ballots.delete'({ store, db, rec }, { assessmentId, kind, id }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '删除测评票');
    await deleteBallot(db, row, kind, id);
    rec.record(row.name, { assessmentId: row.id, kind: COMPONENT_LABELS[kind], id });
    return { changed: 1 };
  },

  async 'adjustments.add'({ store, db, rec }, input) {
    const row = await loadAssessment(db, input.assessmentId, store.user);
    assertCollecting(row, '录入加减分');
    const target = await addAdjustment(db, row, input, store.user);
    rec.record(row.name, { assessmentId: row.id, target: target.name, points: input.points, reason: input.reason });
    return { changed: 1 };
  },

  async 'adjustments.delete'({ store, db, rec }, { assessmentId, id }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '删除加减分');
    const removed = await deleteAdjustment(db, row, id);
    rec.record(row.name, { assessmentId: row.id, ...removed });
    return { changed: 1 };
  },

  async 'adjustments.proposals'({ store, db }, { assessmentId }) {
    return dossierAdjustmentProposals(db, await loadAssessment(db, assessmentId, store.user));
  },

  async 'adjustments.dismissProposal'({ store, db, rec }, { assessmentId, dossierEntryId, dismissed }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, dismissed ? '忽略加减分提示' : '恢复加减分提示');
    const p = await setProposalDismissed(db, row, dossierEntryId, dismissed, store.user);
    const target = (await memberMap(db, row.id, [p.targetId])).get(p.targetId);
    rec.record(row.name, {
      assessmentId: row.id,
      target: target?.name ?? p.targetId,
      dossierEntryId,
      entry: p.title,
      item: p.listItemCode,
      dismissed,
    });
    return { changed: 1 };
  },

  async 'vetoes.add'({ store, db, rec }, { assessmentId, targetId, reason, dossierEntryId }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '录入一票否决');
    const target = await addVeto(db, row, { targetId, reason, dossierEntryId }, store.user);
    rec.record(row.name, {
      assessmentId: row.id,
      target: target.name,
      reason,
      ...(dossierEntryId === undefined ? {} : { dossierEntryId }),
    });
    return { changed: 1 };
  },

  async 'vetoes.proposals'({ store, db }, { assessmentId }) {
    return dossierVetoProposals(db, await loadAssessment(db, assessmentId, store.user));
  },

  async 'vetoes.delete'({ store, db, rec }, { assessmentId, id }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '删除一票否决');
    const removed = await deleteVeto(db, row, id);
    rec.record(row.name, { assessmentId: row.id, ...removed });
    return { changed: 1 };
  },

  async 'ineligible.add'({ store, db, rec }, { assessmentId, targetId, reason, dossierEntryId }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    // Known before the ballots (诫勉, 处分影响期), so it may be entered while preparing too.
    assertState(row, ['preparing', 'collecting'], '录入不得评优');
    const target = await addIneligible(db, row, { targetId, reason, dossierEntryId }, store.user);
    rec.record(row.name, {
      assessmentId: row.id,
      target: target.name,
      reason,
      ...(dossierEntryId === undefined ? {} : { dossierEntryId }),
    });
    return { changed: 1 };
  },

  async 'ineligible.proposals'({ store, db }, { assessmentId }) {
    return dossierIneligibleProposals(db, await loadAssessment(db, assessmentId, store.user));
  },

  async 'ineligible.dismissProposal'({ store, db, rec }, { assessmentId, dossierEntryId, dismissed }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertState(row, ['preparing', 'collecting'], dismissed ? '忽略不得评优提示' : '恢复不得评优提示');
    const p = await setIneligibleProposalDismissed(db, row, dossierEntryId, dismissed, store.user);
    const target = (await memberMap(db, row.id, [p.targetId])).get(p.targetId);
    rec.record(row.name, {
      assessmentId: row.id,
      target: target?.name ?? p.targetId,
      dossierEntryId,
      title: p.title,
      reason: p.reason,
      dismissed,
    });
    return { changed: 1 };
  },

  async 'ineligible.delete'({ store, db, rec }, { assessmentId, id }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertState(row, ['preparing', 'collecting'], '撤销不得评优');
    const removed = await deleteIneligible(db, row, id);
    rec.record(row.name, { assessmentId: row.id, ...removed });
    return { changed: 1 };
  },

  async 'participation.saveSheet'({ store, db, rec }, { assessmentId, ...sheet }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    const { groupName, cleared } = await saveSheet(db, row, await readMembers(db, row.id), sheet, store.user);
    const { expected, received, invalid, abstained } = sheet;
    const kind = COMPONENT_LABELS[sheet.kind];
    rec.record(
      row.name,
      cleared
        ? { assessmentId: row.id, group: groupName, kind, cleared: true }
        : { assessmentId: row.id, group: groupName, kind, expected, received, invalid, abstained },
    );
    return { changed: 1 };
  },

  async 'rankings.get'({ store, db }, { assessmentId }) {
    return rankingsView(db, await loadAssessment(db, assessmentId, store.user));
  },

  async 'rankings.whatIf'({ store, db }, { assessmentId, weights }) {
    await loadAssessment(db, assessmentId, store.user);
    return whatIf(db, assessmentId, weights);
  },

  async 'grades.confirm'({ store, db, rec }, input) {
    const row = await loadAssessment(db, input.assessmentId, store.user);
    const { member, suggested, overridden } = await confirmGrade(db, row, input, store.user);
    rec.record(row.name, {
      assessmentId: row.id,
      cadre: member.name,
      grade: GRADE_LABELS[input.grade],
      suggested: GRADE_LABELS[suggested],
      ...(overridden ? { reason: input.reason?.trim() } : {}),
    });
    return rankingsView(db, await loadAssessment(db, input.assessmentId, store.user));
  },

  async 'grades.confirmSuggested'({ store, db, rec }, { assessmentId, group, cadreIds }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    const { scope, confirmed, skipped } = await confirmSuggested(db, row, { group, cadreIds }, store.user);
    const byGrade: Record<Grade, number> = { excellent: 0, competent: 0, basicallyCompetent: 0, incompetent: 0 };
    for (const c of confirmed) byGrade[c.grade] += 1;
    rec.record(row.name, {
      assessmentId: row.id,
      scope,
      confirmed: confirmed.length,
      // Per grade in Chinese, and every cadre by name: the log alone says who got which grade by this step.
      grades: Object.fromEntries(
        (Object.keys(byGrade) as Grade[])
          .filter((g) => byGrade[g] > 0)
          .map((g) => [GRADE_LABELS[g], confirmed.filter((c) => c.grade === g).map((c) => c.member.name)]),
      ),
      ...(skipped.length > 0 ? { skipped: skipped.map((s) => s.name) } : {}),
    });
    const view = await rankingsView(db, await loadAssessment(db, assessmentId, store.user));
    return { view, confirmed: confirmed.length, byGrade, skipped };
  },
};
