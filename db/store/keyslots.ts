// The key-slot file beside the database. Version 2: per account (and for the recovery code) an X25519 key pair whose
// private key is wrapped under the password (scrypt + AES-256-GCM), and grants: the store's keys sealed to the public
// key, one per store key the account may use. Version 1 (older files and backups): the database key itself wrapped
// under each password; such "legacy" slots still open the key they were made with, and nothing newer.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { ApiError } from '../../shared/ipc/errors';
import { writeFileAtomic } from '../fs/atomic';
import { readUserFile } from '../fs/user-file';
import { keyslotPath } from './files';
import { newAccountKeyPair, openGrant, sealGrant, type Grant, type StoreKeys } from './grants';
import { deriveKey, newKdfParams, unwrapKey, wrapKey, type KdfParams } from './kdf';

const FORMAT = 'ganbu-keyslots';

const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 10)
    .max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().min(16),
});
const wrappedSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
const grantSchema = z.object({
  keyId: z.string().min(1),
  epk: z.string(),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});
const slotSchema = z.object({
  // A password slot's id is a hash of the store id and the user name, so the file names nobody.
  id: z.string().min(1),
  kind: z.enum(['password', 'recovery']),
  kdf: kdfSchema,
  // The account's private key (legacy slot without publicKey: the database key). null: the account is disabled.
  wrapped: wrappedSchema.nullable(),
  publicKey: z.string().optional(),
  grants: z.array(grantSchema).optional(),
});
const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  storeId: z.string().min(1),
  /** The key the database is encrypted with; absent in version 1. */
  keyId: z.string().min(1).optional(),
  /** A re-keying under way: the new key is granted beside the current one until the database is swapped. */
  pendingKeyId: z.string().min(1).optional(),
  slots: z.array(slotSchema),
});

export type KeySlot = z.infer<typeof slotSchema>;
export type KeySlotFile = z.infer<typeof fileSchema>;

export const RECOVERY_SLOT_ID = 'recovery';
/** The key id a version-1 file's keys go by. */
export const LEGACY_KEY_ID = 'legacy';

export const newKeyId = () => randomBytes(8).toString('hex');

/** Fresh store keys for a new store or a re-keying (a re-keying keeps the root key: pass it). */
export const newStoreKeys = (rootKey: Buffer = randomBytes(32)): StoreKeys => ({
  keyId: newKeyId(),
  dbKey: randomBytes(32),
  rootKey: Buffer.from(rootKey),
});

export const isLegacySlot = (slot: KeySlot) => slot.publicKey === undefined;

export const passwordSlotId = (storeId: string, username: string) =>
  createHash('sha256').update(`${storeId}\u0000${username.toLowerCase()}`).digest('hex');

const aad = (storeId: string, slotId: string) => `${FORMAT}|${storeId}|${slotId}`;
const privateKeyAad = (storeId: string, slotId: string) => `${FORMAT}|v2|${storeId}|${slotId}`;

const notAStore = () =>
  new ApiError({
    code: 'NOT_A_STORE',
    message: '所选位置不是本系统的档案库，或档案库的密钥文件已损坏。文件未作任何修改。',
  });

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

export function newKeySlotFile(keyId: string = newKeyId()): KeySlotFile {
  return { format: FORMAT, version: 2, storeId: randomUUID(), keyId, slots: [] };
}

/**
 * A new slot: a fresh key pair (so a leaked old password unwraps nothing that a later grant is sealed to), its
 * private key wrapped under the secret, and a grant of each of `keys`.
 */
export async function makeSlot(
  file: KeySlotFile,
  slotId: string,
  kind: KeySlot['kind'],
  secret: string,
  keys: StoreKeys | readonly StoreKeys[],
  cost?: { N: number; r: number; p: number },
): Promise<KeySlot> {
  const kdf: KdfParams = newKdfParams(cost);
  const kek = await deriveKey(secret, kdf);
  const pair = newAccountKeyPair();
  try {
    const wrapped = wrapKey(kek, pair.privateKey, privateKeyAad(file.storeId, slotId));
    const grants = ([] as StoreKeys[]).concat(keys).map((k) => sealGrant(pair.publicKey, k, file.storeId, slotId));
    return { id: slotId, kind, kdf, wrapped, publicKey: pair.publicKey, grants };
  } finally {
    kek.fill(0);
    pair.privateKey.fill(0);
  }
}

/** The slot with a grant of `keys` added (replacing any earlier grant of the same key id). */
export function grantTo(file: KeySlotFile, slot: KeySlot, keys: StoreKeys): KeySlot {
  if (!slot.publicKey || !slot.wrapped) throw new Error('only an enabled version-2 slot can receive a grant');
  const grant = sealGrant(slot.publicKey, keys, file.storeId, slot.id);
  return { ...slot, grants: [...(slot.grants ?? []).filter((g) => g.keyId !== keys.keyId), grant] };
}

/** Keeps only the grants of the given key ids, in every slot. */
export const keepGrants = (file: KeySlotFile, keyIds: readonly string[]): KeySlotFile => ({
  ...file,
  slots: file.slots.map((s) => (s.grants ? { ...s, grants: s.grants.filter((g) => keyIds.includes(g.keyId)) } : s)),
});

/** Puts (or replaces) a slot in a copy of the file; the caller writes it. */
export const withSlot = (file: KeySlotFile, slot: KeySlot): KeySlotFile => ({
  ...file,
  // A version-1 file gains its first key-pair slot: it becomes version 2, its one key known as the legacy key.
  version: 2,
  keyId: file.keyId ?? LEGACY_KEY_ID,
  slots: [...file.slots.filter((s) => s.id !== slot.id), slot],
});

export const findSlot = (file: KeySlotFile, slotId: string) => file.slots.find((s) => s.id === slotId);

export type UnlockResult =
  | {
      ok: true;
      /** The first candidate's database key. */ dbKey: Buffer;
      /** The current key first, then a pending one. */ keys: StoreKeys[];
    }
  | { ok: false; reason: 'noSlot' | 'disabled' | 'wrongSecret' };

/** The store keys a slot's secret unlocks, the file's current key first. */
function keysOfSlot(file: KeySlotFile, slot: KeySlot, secretKey: Buffer): StoreKeys[] {
  if (isLegacySlot(slot))
    return [{ keyId: file.keyId ?? LEGACY_KEY_ID, dbKey: secretKey, rootKey: Buffer.from(secretKey) }];
  const order = [file.keyId, file.pendingKeyId];
  const grants = [...(slot.grants ?? [])].sort((a, b) => rank(order, a.keyId) - rank(order, b.keyId));
  const keys = grants
    .map((g: Grant) => openGrant(secretKey, slot.publicKey!, g, file.storeId, slot.id))
    .filter((k): k is StoreKeys => k !== null);
  secretKey.fill(0);
  return keys;
}
const rank = (order: readonly (string | undefined)[], keyId: string) => {
  const i = order.indexOf(keyId);
  return i < 0 ? order.length : i;
};

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
    const secretKey = unwrapKey(
      kek,
      slot.wrapped,
      isLegacySlot(slot) ? aad(file.storeId, slot.id) : privateKeyAad(file.storeId, slot.id),
    );
    if (!secretKey) return { ok: false, reason: 'wrongSecret' };
    const keys = keysOfSlot(file, slot, secretKey);
    return keys.length > 0 ? { ok: true, dbKey: keys[0]!.dbKey, keys } : { ok: false, reason: 'disabled' };
  } finally {
    kek.fill(0);
  }
}
