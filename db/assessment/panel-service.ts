// The calls of anonymous panels (评议码, 评议终端) and paper double entry: load, check state, change, one audit entry.
import { PANEL_KIND_LABELS, SEAT_STATE_LABELS } from '../../shared/assessment/panel';
import { COMPONENT_LABELS } from '../../shared/assessment/types';
import type { Handlers } from '../app/context';
import { assertCollecting, loadAssessment } from './access';
import { exitKiosk, openKioskForm, startKiosk, submitKioskBallot } from './kiosk';
import { indicatorNames } from './lifecycle';
import { codeHasher, generateCodes, listSeats, regenerateCode, revokeCode, voidPanel } from './panel-codes';
import { discardEntry, enterPaper, listPapers, resolvePaper } from './paper';

type PanelCalls =
  | 'codes.list'
  | 'codes.generate'
  | 'codes.regenerate'
  | 'codes.revoke'
  | 'codes.voidPanel'
  | 'kiosk.start'
  | 'kiosk.open'
  | 'kiosk.submit'
  | 'kiosk.exit'
  | 'paper.list'
  | 'paper.enter'
  | 'paper.resolve'
  | 'paper.discard';

export const panelHandlers: Handlers<PanelCalls> = {
  async 'codes.list'({ store, db }, { assessmentId }) {
    await loadAssessment(db, assessmentId, store.user);
    return listSeats(db, assessmentId);
  },

  async 'codes.generate'({ store, db, rec }, input) {
    const row = await loadAssessment(db, input.assessmentId, store.user);
    assertCollecting(row, '生成评议码');
    const sheet = await generateCodes(db, codeHasher(store), row, input, store.user);
    // The audit entry counts the codes; it never holds one.
    rec.record(row.name, {
      assessmentId: row.id,
      kind: PANEL_KIND_LABELS[input.kind],
      group: sheet.groupName,
      codes: sheet.slips.length,
    });
    return sheet;
  },

  async 'codes.regenerate'({ store, db, rec }, { assessmentId, id }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '补发评议码');
    const sheet = await regenerateCode(db, codeHasher(store), row, id, store.user);
    rec.record(row.name, {
      assessmentId: row.id,
      kind: sheet.kindLabel,
      group: sheet.groupName,
      seat: sheet.slips[0]!.seatLabel,
    });
    return sheet;
  },

  async 'codes.revoke'({ store, db, rec }, { assessmentId, id }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '作废评议码');
    const seat = await revokeCode(db, row, id);
    rec.record(row.name, {
      assessmentId: row.id,
      kind: PANEL_KIND_LABELS[seat.kind],
      seatNo: seat.seat_no,
      from: SEAT_STATE_LABELS.unused,
      to: SEAT_STATE_LABELS.revoked,
    });
    return { changed: 1 };
  },

  async 'codes.voidPanel'({ store, db, rec }, { assessmentId, kind, group }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '作废本组匿名评议');
    const r = await voidPanel(db, row, kind, group);
    // Counts only: what the removed ballots said is gone with them.
    rec.record(row.name, {
      assessmentId: row.id,
      kind: PANEL_KIND_LABELS[kind],
      group: r.groupName,
      usedSeats: r.usedSeats,
      removedBallots: r.removed,
      revokedCodes: r.revoked,
    });
    return { changed: r.removed };
  },

  'kiosk.start': (ctx, { assessmentId }) => startKiosk(ctx, assessmentId),

  'kiosk.open': (ctx, { code }) => openKioskForm(ctx, code),

  async 'kiosk.submit'(ctx, { code, ballot }) {
    const { row, groupName, changed } = await submitKioskBallot(ctx, code, ballot);
    // Kind and group only: no seat, no code, no scores; and the day only, no time (see kiosk.ts).
    ctx.rec.record(row.name, { assessmentId: row.id, kind: PANEL_KIND_LABELS[ballot.kind], group: groupName });
    ctx.rec.dayOnly();
    return { changed };
  },

  async 'kiosk.exit'(ctx, { password, close }) {
    await exitKiosk(ctx, password, close === true);
    return null;
  },

  async 'paper.list'({ store, db }, { assessmentId }) {
    await loadAssessment(db, assessmentId, store.user);
    return listPapers(db, assessmentId);
  },

  async 'paper.enter'({ store, db, rec }, { assessmentId, paperNo, ballot }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '录入纸质票');
    const r = await enterPaper(db, row, paperNo, ballot, store.user, await indicatorNames(db));
    rec.record(row.name, {
      assessmentId: row.id,
      kind: COMPONENT_LABELS[ballot.kind],
      paperNo,
      entry: r.entryNo,
      state: r.state,
    });
    return r;
  },

  async 'paper.resolve'({ store, db, rec }, { assessmentId, paperNo, entryNo }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '核对纸质票');
    const r = await resolvePaper(db, row, paperNo, entryNo, store.user, await indicatorNames(db));
    rec.record(row.name, { assessmentId: row.id, paperNo, chosen: entryNo });
    return r;
  },

  async 'paper.discard'({ store, db, rec }, { assessmentId, paperNo, entryNo }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '作废纸质票录入');
    await discardEntry(db, row, paperNo, entryNo);
    rec.record(row.name, { assessmentId: row.id, paperNo, entry: entryNo });
    return { changed: 1 };
  },
};
