// Each account's Ed25519 audit-signing key, wrapped with a key derived from that user's password, and the chain
// head that user last saw (MACed with the same password-derived key), kept in a file of its own beside the key slots.
//
// A file of its own (audit-keys.json) rather than a field of the key slot: the slot wraps the store key and is
// rewritten by re-keying; this record wraps a key the store key must never open, so keeping it apart means no
// store-key operation can touch or copy it, and the slot format stays as it was.
import { createHmac, createPrivateKey, generateKeyPairSync, hkdfSync, sign, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';
import { readUserFile } from '../fs/user-file';
import { deriveKey, newKdfParams, unwrapKey, wrapKey, type KdfParams } from '../store/kdf';

const FORMAT = 'ganbu-audit-keys' as const;
export const SIGNING_KEY_FILE = 'audit-keys.json';
export const signingKeyPath = (dir: string) => join(dir, SIGNING_KEY_FILE);

const anchorSchema = z.object({ count: z.number().int().min(0), hash: z.string(), mac: z.string() });
const recordSchema = z.object({
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: z.string(),
  }),
  publicKey: z.string(),
  wrapped: z.object({ iv: z.string(), tag: z.string(), data: z.string() }),
  anchor: anchorSchema.nullable(),
});
const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  storeId: z.string(),
  // Keyed by the user's password-slot id (a hash of store id and user name), so the file names nobody.
  users: z.record(z.string(), recordSchema),
});

export type SigningRecord = z.infer<typeof recordSchema>;
export type ChainHead = { readonly count: number; readonly hash: string };

/** An unlocked signing key: lives in the open Store only, wiped at lock. */
export interface Signer {
  readonly privateDer: Buffer; // PKCS#8 DER
  readonly anchorKey: Buffer;
  readonly publicKey: string; // base64 SPKI DER
}

const MAX_BYTES = 4 * 1024 * 1024;

/** The file, or an empty one when missing or unreadable (the login check then finds the user's record missing). */
export function readSigningFile(dir: string, storeId: string): z.infer<typeof fileSchema> {
  const empty = { format: FORMAT, version: 1 as const, storeId, users: {} };
  const path = signingKeyPath(dir);
  if (!existsSync(path)) return empty;
  try {
    const file = fileSchema.parse(
      JSON.parse(readUserFile(path, { maxBytes: MAX_BYTES, tooLarge: () => 'too large' }).toString('utf8')),
    );
    return file.storeId === storeId ? file : empty;
  } catch {
    return empty;
  }
}

/** Puts one user's record (read fresh, so other users' records are kept). */
export function putSigningRecord(dir: string, storeId: string, slotId: string, record: SigningRecord): void {
  const file = readSigningFile(dir, storeId);
  writeFileAtomic(
    signingKeyPath(dir),
    `${JSON.stringify({ ...file, users: { ...file.users, [slotId]: record } }, null, 2)}\n`,
  );
}

const aad = (storeId: string, slotId: string) => `${FORMAT}|${storeId}|${slotId}`;

/** Two subkeys of the password-derived key: one wraps the private key, one MACs the anchor. */
function subkeys(kek: Buffer): { wrapKey: Buffer; anchorKey: Buffer } {
  const k = (info: string) => Buffer.from(hkdfSync('sha256', kek, Buffer.alloc(0), info, 32));
  return { wrapKey: k('ganbu audit signing key wrap v1'), anchorKey: k('ganbu audit anchor mac v1') };
}

const anchorMac = (anchorKey: Buffer, storeId: string, slotId: string, head: ChainHead) =>
  createHmac('sha256', anchorKey)
    .update(`${aad(storeId, slotId)}|${head.count}|${head.hash}`)
    .digest('base64');

async function wrapFor(
  password: string,
  cost: { N: number; r: number; p: number },
  storeId: string,
  slotId: string,
  privateDer: Buffer,
  publicKey: string,
): Promise<{ record: SigningRecord; signer: Signer }> {
  const kdf: KdfParams = newKdfParams(cost);
  const kek = await deriveKey(password, kdf);
  const { wrapKey: wk, anchorKey } = subkeys(kek);
  kek.fill(0);
  const wrapped = wrapKey(wk, privateDer, aad(storeId, slotId));
  wk.fill(0);
  return { record: { kdf, publicKey, wrapped, anchor: null }, signer: { privateDer, anchorKey, publicKey } };
}

/** A new key pair for a user, its private half wrapped with the user's password. */
export function newSigningKey(
  password: string,
  cost: { N: number; r: number; p: number },
  storeId: string,
  slotId: string,
) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const privateDer = privateKey.export({ format: 'der', type: 'pkcs8' });
  return wrapFor(
    password,
    cost,
    storeId,
    slotId,
    privateDer,
    publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  );
}

/** The same key wrapped with a new password (a password change keeps the key and the anchor the user saw). */
export async function rewrapSigningKey(
  signer: Signer,
  anchor: ChainHead | null,
  password: string,
  cost: { N: number; r: number; p: number },
  storeId: string,
  slotId: string,
) {
  const r = await wrapFor(password, cost, storeId, slotId, Buffer.from(signer.privateDer), signer.publicKey);
  const record = anchor
    ? { ...r.record, anchor: { ...anchor, mac: anchorMac(r.signer.anchorKey, storeId, slotId, anchor) } }
    : r.record;
  return { record, signer: r.signer };
}

/** Unwraps a user's key with their password; null when the record was wrapped with another password. */
export async function openSigningKey(
  record: SigningRecord,
  password: string,
  storeId: string,
  slotId: string,
): Promise<Signer | null> {
  const kek = await deriveKey(password, record.kdf);
  const { wrapKey: wk, anchorKey } = subkeys(kek);
  kek.fill(0);
  const privateDer = unwrapKey(wk, record.wrapped, aad(storeId, slotId));
  wk.fill(0);
  if (!privateDer) {
    anchorKey.fill(0);
    return null;
  }
  return { privateDer, anchorKey, publicKey: record.publicKey };
}

/** The anchor a user saw, if its MAC holds under that user's key; 'forged' when it was altered. */
export function readAnchor(
  record: SigningRecord,
  signer: Signer,
  storeId: string,
  slotId: string,
): ChainHead | null | 'forged' {
  const a = record.anchor;
  if (!a) return null;
  const want = Buffer.from(anchorMac(signer.anchorKey, storeId, slotId, a), 'base64');
  const got = Buffer.from(a.mac, 'base64');
  return got.length === want.length && timingSafeEqual(got, want) ? { count: a.count, hash: a.hash } : 'forged';
}

export const withAnchor = (
  record: SigningRecord,
  signer: Signer,
  storeId: string,
  slotId: string,
  head: ChainHead,
): SigningRecord => ({
  ...record,
  anchor: { ...head, mac: anchorMac(signer.anchorKey, storeId, slotId, head) },
});

/** The entry's signature: Ed25519 over the entry's chained hash. */
export const signHash = (signer: Signer, hash: string): string =>
  sign(
    null,
    Buffer.from(hash, 'hex'),
    createPrivateKey({ key: signer.privateDer, format: 'der', type: 'pkcs8' }),
  ).toString('base64');

export const wipeSigner = (s: Signer | null) => {
  s?.privateDer.fill(0);
  s?.anchorKey.fill(0);
};
