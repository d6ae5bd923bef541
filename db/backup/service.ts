// The backup calls: back up to a chosen file, list the automatic backups, inspect and unlock a backup to restore.
import { basename } from 'node:path';
import type { Handlers } from '../app/context';
import { regularFileStats } from '../fs/user-file';
import { listAutoBackups } from './auto';
import { createBackup } from './create';
import { readSettings } from '../settings';
import { inspectBackup, stageRestore, type StagedRestore } from './restore';

export const RESTORE_JOB = 'restore';

type BackupCalls = 'backup.create' | 'backup.listAuto' | 'backup.inspect' | 'backup.unlock' | 'backup.discard';

export const backupHandlers: Handlers<BackupCalls> = {
  async 'backup.create'({ store, db, rec, io }, { token }) {
    const path = io.savePath(token);
    const { bytes } = await createBackup(store, path, db);
    rec.record(basename(path), { bytes });
    return { fileName: basename(path), bytes };
  },

  'backup.listAuto': async ({ store }) => listAutoBackups(store.dir),

  async 'backup.inspect'({ io }, { token }) {
    const path = io.openedPath(token);
    // A link or device as the picked backup (/dev/zero, a FIFO) is refused before it is opened.
    regularFileStats(path, 'token');
    return { fileName: basename(path), ...inspectBackup(path) };
  },

  async 'backup.unlock'({ store, db, io, jobs }, input) {
    const path = io.openedPath(input.token);
    regularFileStats(path, 'token');
    const current = { storeId: store.storeId, storeName: (await readSettings(db)).issuingOrgan };
    const staged = await stageRestore(
      path,
      store.dir,
      'recoveryCode' in input ? { recoveryCode: input.recoveryCode } : input,
      current,
    );
    const jobId = jobs.create(RESTORE_JOB, { staged, fileName: basename(path) });
    // Date and author are shown again from the authenticated manifest: a replayed old backup says how old it is.
    return {
      jobId,
      createdAt: staged.manifest.createdAt,
      createdBy: staged.manifest.createdBy,
      appVersion: staged.manifest.appVersion,
      counts: staged.counts,
      authenticated: staged.authenticated,
      otherStore: staged.otherStore,
    };
  },

  async 'backup.discard'({ jobs }, { jobId }) {
    const { staged } = jobs.payload<{ staged: StagedRestore }>(jobId, RESTORE_JOB);
    staged.discard();
    jobs.forget(jobId);
    return null;
  },
};
