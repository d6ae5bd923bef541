// The main PC's calls for 评议终端包: export, preview and import a return, resolve a 冲突, list per terminal.
import { basename } from 'node:path';
import type { Handlers } from '../app/context';
import { assertCollecting, loadAssessment, codeHashKey } from '../assessment';
import { writeFileAtomic } from '../fs/atomic';
import { readUserFile } from '../fs/user-file';
import { readKeySlots } from '../store/keyslots';
import { cancelPackage, previewCancel } from './cancel';
import { listConflicts, listPackages, resolveConflict } from './conflicts';
import { exportPackage } from './export';
import { importReturn, previewReturn } from './returns';

type TerminalCalls =
  | 'terminals.list'
  | 'terminals.export'
  | 'terminals.previewReturn'
  | 'terminals.importReturn'
  | 'terminals.resolveConflict'
  | 'terminals.previewCancel'
  | 'terminals.cancel';

/** A return holds at most 100,000 ballots of a few hundred bytes each. */
const MAX_RETURN_BYTES = 64 * 1024 * 1024;

const readReturn = (path: string) =>
  readUserFile(path, {
    maxBytes: MAX_RETURN_BYTES,
    tooLarge: (n) => `所选文件过大（${Math.round(n / 1048576)} MB），不是评议终端回收文件`,
    field: 'token',
  });

export const terminalHandlers: Handlers<TerminalCalls> = {
  async 'terminals.list'({ store, db }, { assessmentId }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    return { packages: await listPackages(db, row), conflicts: await listConflicts(db, row) };
  },

  async 'terminals.export'({ store, db, rec, io }, { assessmentId, terminalNo, groups, token }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '导出评议终端包');
    const path = io.savePath(token);
    const out = await exportPackage(
      db,
      row,
      { terminalNo, groups },
      {
        codeKey: codeHashKey(store),
        storeId: readKeySlots(store.dir).storeId,
        user: store.user,
        kdfCost: store.kdfCost,
      },
    );
    // Written before the commit: a failed write rolls the package's rows back (no package listed that was never saved).
    writeFileAtomic(path, out.bytes);
    rec.record(row.name, {
      assessmentId: row.id,
      terminalNo,
      groups: out.groups.map((g) => g.name).join('、'),
      seats: out.seats,
      digest: out.digest.slice(0, 16),
    });
    const { bytes: _bytes, ...view } = out;
    return { ...view, groups: [...out.groups], fileName: basename(path) };
  },

  async 'terminals.previewReturn'({ store, db, io }, { assessmentId, token }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '导入评议终端回收');
    return previewReturn(db, row, readReturn(io.openedPath(token)), readKeySlots(store.dir).storeId);
  },

  async 'terminals.importReturn'({ store, db, rec, io }, { assessmentId, token }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '导入评议终端回收');
    const bytes = readReturn(io.openedPath(token));
    const out = await importReturn(db, row, bytes, readKeySlots(store.dir).storeId, store.user);
    // Held and conflicting ballots sat beside their codes in this transaction: no -wal or -shm may keep it.
    rec.afterCommit(() => store.forgetHistory());
    rec.dayOnly();
    rec.record(row.name, {
      assessmentId: row.id,
      terminalNo: out.terminalNo,
      ballots: out.ballots,
      merged: out.merged,
      held: out.groups.reduce((n, g) => n + g.held, 0),
      conflicts: out.groups.reduce((n, g) => n + g.conflict, 0),
      refused: out.refused.length,
      alreadyImported: out.alreadyImported,
    });
    return out;
  },

  async 'terminals.resolveConflict'({ store, db, rec }, { assessmentId, id, choice }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '处理评议终端冲突');
    const { view, outcome } = await resolveConflict(
      db,
      row,
      id,
      choice === 'void' ? { void: true } : { adopt: choice },
      store.user,
    );
    rec.afterCommit(() => store.forgetHistory());
    rec.record(row.name, {
      assessmentId: row.id,
      kind: view.kindLabel,
      group: view.groupName,
      outcome,
    });
    return view;
  },

  async 'terminals.previewCancel'({ store, db }, { assessmentId, terminalNo }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '作废评议终端包');
    return previewCancel(db, row, terminalNo);
  },

  async 'terminals.cancel'({ store, db, rec }, { assessmentId, terminalNo, reason, shown }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '作废评议终端包');
    const out = await cancelPackage(db, row, { terminalNo, reason, shown }, store.user);
    // Held ballots merged now sat beside their codes: no -wal or -shm may keep them.
    rec.afterCommit(() => store.forgetHistory());
    rec.record(row.name, { assessmentId: row.id, terminalNo, reason, released: out.released });
    return out;
  },
};
