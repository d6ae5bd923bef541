// Revocation: re-keying the store (更换密钥), on its own or after disabling an account or resetting a password, and
// a new recovery code; each runs after its change (and audit entry) has committed, with progress through jobs.
import type { Handlers } from '../app/context';
import type { Jobs } from '../app/jobs';
import { RECOVERY_SLOT_ID, makeSlot, readKeySlots } from '../store/keyslots';
import { newRecoveryCode } from '../store/recovery-code';
import { assertRekeyable, rekeyStore } from '../store/rekey';
import type { Store } from '../store/store';

const JOB_KIND = 'rekey';

/**
 * Re-keys the store, reporting each step to the job `progressId` names (if any). A re-keying cannot be cancelled
 * half-way: a cancel request is ignored until it ends.
 */
export async function rekeyWithProgress(store: Store, jobs: Jobs, progressId: string | undefined): Promise<void> {
  const jobId = progressId === undefined ? undefined : jobs.create(JOB_KIND, null, progressId);
  try {
    await rekeyStore(store, (done, total) => {
      if (jobId === undefined) return;
      try {
        jobs.progress(jobId, done, total);
      } catch {
        // CANCELLED: not honoured mid-way (see rekey.ts); the status keeps its last step.
      }
    });
    if (jobId !== undefined) jobs.finish(jobId, 'done');
  } catch (e) {
    if (jobId !== undefined) jobs.finish(jobId, 'failed');
    throw e;
  }
}

export const rekeyHandlers: Handlers<'keys.rekey' | 'keys.newRecoveryCode'> = {
  async 'keys.rekey'({ store, db, jobs, rec }, { progressId }) {
    await assertRekeyable(store, db);
    rec.record('档案库密钥');
    rec.afterCommit(() => rekeyWithProgress(store, jobs, progressId));
    return { rekeyedAt: new Date().toISOString() };
  },

  async 'keys.newRecoveryCode'({ store, db, jobs, rec }, { progressId }) {
    await assertRekeyable(store, db, [RECOVERY_SLOT_ID]);
    const recoveryCode = newRecoveryCode();
    const file = readKeySlots(store.dir);
    const slot = await store.withStoreKeys((keys) =>
      makeSlot(file, RECOVERY_SLOT_ID, 'recovery', recoveryCode, keys, store.kdfCost),
    );
    rec.record('恢复码');
    // The new slot replaces the old one, then the store is re-keyed: the old code, even with a saved copy of
    // keyslots.json, unwraps only a key the live store no longer uses.
    rec.afterCommit(async () => {
      store.putSlot(slot);
      await rekeyWithProgress(store, jobs, progressId);
    });
    return { recoveryCode };
  },
};
