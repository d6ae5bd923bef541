// Settling the key-slot file after a re-keying was interrupted: keep only the grants of the key the database opened with.
import { keepGrants, readKeySlots, writeKeySlots } from './keyslots';

/**
 * Called once the database has opened with `workingKeyId`. A pending re-keying either finished its file swap (the
 * pending key works: it becomes current) or did not (the current key works: the pending grants are dropped).
 * Needs no secret: grants are only removed, never made. Returns what it did.
 */
export function settleRekey(dir: string, workingKeyId: string): 'settled' | 'finished' | 'rolledBack' {
  const file = readKeySlots(dir);
  if (file.pendingKeyId === undefined) return 'settled';
  if (workingKeyId === file.pendingKeyId) {
    const { pendingKeyId: _done, ...rest } = file;
    writeKeySlots(dir, keepGrants({ ...rest, keyId: workingKeyId }, [workingKeyId]));
    return 'finished';
  }
  if (workingKeyId === file.keyId) {
    const { pendingKeyId: _dropped, ...rest } = file;
    writeKeySlots(dir, keepGrants(rest, [workingKeyId]));
    return 'rolledBack';
  }
  return 'settled';
}
