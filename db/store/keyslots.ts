// The key-slot file beside the database: the database key wrapped once per user password and once for the recovery code.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { ApiError } from '../../shared/ipc/errors';
import { writeFileAtomic } from '../fs/atomic';
import { readUserFile } from '../fs/user-file';
import { keyslotPath } from './files';
import { deriveKey, newKdfParams, unwrapKey, wrapKey, type KdfParams } from './kdf';

const FORMAT = 'ganbu-keyslots';

const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(2 ** 10).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().min(16),
});
const wrappedSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
const slotSchema = z.object({
  // A password slot's id is a hash of the store id and the user name, so the file names nobody.
  id: z.string().min(1),
  kind: z.enum(['password', 'recovery']),
  kdf: kdfSchema,
  wrapped: wrappedSchema.nullable(), // null: the account is disabled and can no longer open the store
});
const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  storeId: z.string().min(1),
  slots: z.array(slotSchema),
});

export type KeySlot = z.infer<typeof slotSchema>;
export type KeySlotFile = z.infer<typeof fileSchema>;

export const RECOVERY_SLOT_ID = 'recovery';

export const passwordSlotId = (storeId: string, username: string) =>
  createHash('sha256').update(`${storeId}\u0000${username.toLowerCase()}`).digest('hex');

const aad = (storeId: string, slotId: string) => `${FORMAT}|${storeId}|${slotId}`;

const notAStore = () =>
  new ApiError({ code: 'NOT_A_STORE', message: '所选位置不是本系统的档案库，或档案库的密钥文件已损坏。文件未作任何修改。' });

/** Far above any real slot file (a few KB per account). */
const MAX_KEYSLOT_BYTES = 4 * 1024 * 1024;

export function readKeySlots(dir: string): KeySlotFile {
  const path = keyslotPath(dir);
  if (!existsSync(path)) throw notAStore();
  // The store folder is the user's pick: a key-slot file that is a link or device, or absurdly large, is no store.
  let text: string;
  try {
    text = readUserFile(path, { maxBytes: MAX_KEYSLOT_BYTES, tooLarge: () => 'too large' }).toString('utf8');
  } catch {
    throw notAStore();
  }
  return parseKeySlots(text);
}

export function parseKeySlots(text: string): KeySlotFile {
  try {
    return fileSchema.parse(JSON.parse(text));
  } catch {
    throw notAStore();
  }
}

export function writeKeySlots(dir: string, file: KeySlotFile): void {
  writeFileAtomic(keyslotPath(dir), `${JSON.stringify(file, null, 2)}\n`);
}

export function newKeySlotFile(): KeySlotFile {
  return { format: FORMAT, version: 1, storeId: randomUUID(), slots: [] };
}

export async function makeSlot(
  file: KeySlotFile,
  slotId: string,
  kind: KeySlot['kind'],
  secret: string,
  dbKey: Buffer,
  cost?: { N: number; r: number; p: number },
): Promise<KeySlot> {
  const kdf: KdfParams = newKdfParams(cost);
  const kek = await deriveKey(secret, kdf);
  try {
    return { id: slotId, kind, kdf, wrapped: wrapKey(kek, dbKey, aad(file.storeId, slotId)) };
  } finally {
    kek.fill(0);
  }
}

/** Puts (or replaces) a slot in a copy of the file; the caller writes it. */
export const withSlot = (file: KeySlotFile, slot: KeySlot): KeySlotFile => ({
  ...file,
  slots: [...file.slots.filter((s) => s.id !== slot.id), slot],
});

export const findSlot = (file: KeySlotFile, slotId: string) => file.slots.find((s) => s.id === slotId);

export type UnlockResult = { ok: true; dbKey: Buffer } | { ok: false; reason: 'noSlot' | 'disabled' | 'wrongSecret' };

export async function unlockSlot(file: KeySlotFile, slotId: string, secret: string): Promise<UnlockResult> {
  const slot = findSlot(file, slotId);
  if (!slot) {
    // Spend the same time as a real try, so timing does not tell which user names exist.
    (await deriveKey(secret, newKdfParams(file.slots[0]?.kdf))).fill(0);
    return { ok: false, reason: 'noSlot' };
  }
  const kek = await deriveKey(secret, slot.kdf);
  // A disabled account's slot still costs a full derivation: its answer must not come back sooner than a wrong password's.
  if (!slot.wrapped) {
    kek.fill(0);
    return { ok: false, reason: 'disabled' };
  }
  try {
    const dbKey = unwrapKey(kek, slot.wrapped, aad(file.storeId, slot.id));
    return dbKey ? { ok: true, dbKey } : { ok: false, reason: 'wrongSecret' };
  } finally {
    kek.fill(0);
  }
}
