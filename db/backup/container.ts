// The backup file: a small plaintext manifest, the key-slot file, then the encrypted database pages, then (version
// 2) an HMAC-SHA256 over all of that keyed from the store's database key, then a SHA-256 over everything before it.
// The database stays encrypted with the store's own key, and the key stays wrapped by the same passwords and
// recovery code, so a backup is exactly as protected as the store. The SHA-256 catches damage before any password
// is asked; the HMAC, checked once a password has unlocked the key, catches a forged manifest (date, author,
// store) or payload: only a holder of the store key could make it.
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { ApiError } from '../../shared/ipc/errors';

const MAGIC = Buffer.from('GANBU-BACKUP\n', 'latin1');
const CHUNK = 1024 * 1024;
const MAX_HEADER_PART = 4 * 1024 * 1024;

export const manifestSchema = z.object({
  format: z.literal('ganbu-backup'),
  // 1: before backups were authenticated (no HMAC); still restorable, shown as not authenticated.
  version: z.union([z.literal(1), z.literal(2)]),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  storeId: z.string(),
  createdBy: z.string(),
  dbBytes: z.number().int().nonnegative(),
  /** The audit log's head in this backup (entries, first 12 hex digits of the newest hash); absent in older backups. */
  auditHead: z.object({ count: z.number().int().nonnegative(), digest: z.string() }).optional(),
  /** The store's name as its users know it (发文机关) when the backup was made; version 2. */
  storeName: z.string().max(200).optional(),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export const notABackup = (why = '') =>
  new ApiError({
    code: 'NOT_A_STORE',
    message: `所选文件不是本系统的备份文件，或备份已损坏${why ? `（${why}）` : ''}。当前档案库未作任何修改。`,
  });

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

const MAC_BYTES = 32;
const HASH_BYTES = 32;

/** The backup's MAC key: HKDF from the database key under its own label, so it is no other key of the store. */
export const backupMacKey = (dbKey: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'ganbu backup mac v1', 32));

/**
 * Writes manifest + key slots + the database file's bytes to `target`, then the HMAC (under `macKey`, version 2
 * manifests) and the SHA-256, and fsyncs.
 */
export function writeContainer(
  target: string,
  manifest: BackupManifest,
  keySlotsJson: string,
  dbFile: string,
  macKey?: Buffer,
): number {
  if ((manifest.version === 2) !== (macKey !== undefined))
    throw new Error('a version-2 backup needs its MAC key, a version-1 one has none');
  const hash = createHash('sha256');
  const mac = macKey ? createHmac('sha256', macKey) : null;
  const out = openSync(target, 'w', 0o600);
  let written = 0;
  const emit = (b: Buffer) => {
    hash.update(b);
    writeSync(out, b);
    written += b.length;
  };
  const put = (b: Buffer) => {
    mac?.update(b);
    emit(b);
  };
  try {
    const m = Buffer.from(JSON.stringify(manifest), 'utf8');
    const k = Buffer.from(keySlotsJson, 'utf8');
    put(MAGIC);
    put(u32(m.length));
    put(m);
    put(u32(k.length));
    put(k);
    const src = openSync(dbFile, 'r');
    try {
      const buf = Buffer.alloc(CHUNK);
      let n: number;
      while ((n = readSync(src, buf, 0, CHUNK, null)) > 0) put(buf.subarray(0, n));
    } finally {
      closeSync(src);
    }
    if (mac) emit(mac.digest());
    const digest = hash.digest();
    writeSync(out, digest);
    fsyncSync(out);
    return written + digest.length;
  } finally {
    closeSync(out);
  }
}

export interface ContainerHeader {
  readonly manifest: BackupManifest;
  readonly keySlotsJson: string;
  /** Where the database bytes start in the file. */
  readonly dbOffset: number;
  /** The HMAC stored in the file (version 2), checked by verifyContainerMac once the key is known. */
  readonly mac: Buffer | null;
}

function readExactly(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) throw notABackup('文件不完整');
    got += n;
  }
  return buf;
}

/** Reads and checks the whole file (magic, sizes, SHA-256) without touching anything else. */
export function readContainerHeader(path: string): ContainerHeader {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw notABackup('无法打开文件');
  }
  try {
    const size = fstatSync(fd).size;
    if (size < MAGIC.length + 8 + 32) throw notABackup(size === 0 ? '文件为空' : '文件不完整');
    if (!readExactly(fd, MAGIC.length, 0).equals(MAGIC)) throw notABackup();
    let pos = MAGIC.length;
    const part = () => {
      const len = readExactly(fd, 4, pos).readUInt32LE();
      if (len > MAX_HEADER_PART || pos + 4 + len > size) throw notABackup('文件不完整');
      const text = readExactly(fd, len, pos + 4).toString('utf8');
      pos += 4 + len;
      return text;
    };
    let manifest: BackupManifest;
    try {
      manifest = manifestSchema.parse(JSON.parse(part()));
    } catch (e) {
      throw e instanceof ApiError ? e : notABackup('说明信息无法读取');
    }
    const keySlotsJson = part();
    const macBytes = manifest.version === 2 ? MAC_BYTES : 0;
    if (pos + manifest.dbBytes + macBytes + HASH_BYTES !== size) throw notABackup('文件不完整');
    // Verify the checksum over everything before it: a truncated or altered file is refused here.
    const hash = createHash('sha256');
    const buf = Buffer.alloc(CHUNK);
    for (let at = 0; at < size - 32;) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK, size - 32 - at), at);
      hash.update(buf.subarray(0, n));
      at += n;
    }
    if (!hash.digest().equals(readExactly(fd, 32, size - 32))) throw notABackup('校验值不符');
    const mac = macBytes > 0 ? readExactly(fd, MAC_BYTES, pos + manifest.dbBytes) : null;
    return { manifest, keySlotsJson, dbOffset: pos, mac };
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks the HMAC over manifest, key slots and database with the key a password unlocked from this very backup:
 * a rewritten date, author or store, or altered data, is refused. A version-1 backup has none (returns false).
 */
export function verifyContainerMac(path: string, header: ContainerHeader, dbKey: Buffer): boolean {
  if (header.manifest.version === 1) return false;
  const key = backupMacKey(dbKey);
  const mac = createHmac('sha256', key);
  key.fill(0);
  const fd = openSync(path, 'r');
  try {
    const end = header.dbOffset + header.manifest.dbBytes;
    const buf = Buffer.alloc(CHUNK);
    for (let at = 0; at < end;) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK, end - at), at);
      if (n === 0) throw notABackup('文件不完整');
      mac.update(buf.subarray(0, n));
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  const expected = mac.digest();
  if (!header.mac || !timingSafeEqual(expected, header.mac)) {
    throw new ApiError({
      code: 'NOT_A_STORE',
      message:
        '备份未通过认证：备份的说明信息（时间、备份人、所属档案库）或数据在备份后被改动过，不能恢复。当前档案库未作任何修改。',
    });
  }
  return true;
}

/** Copies the database bytes out of a checked container into `dbFile`. */
export function extractDatabase(path: string, header: ContainerHeader, dbFile: string): void {
  const src = openSync(path, 'r');
  const out = openSync(dbFile, 'w', 0o600);
  try {
    const buf = Buffer.alloc(CHUNK);
    let left = header.manifest.dbBytes;
    let at = header.dbOffset;
    while (left > 0) {
      const n = readSync(src, buf, 0, Math.min(CHUNK, left), at);
      if (n === 0) throw notABackup('文件不完整');
      writeSync(out, buf.subarray(0, n));
      at += n;
      left -= n;
    }
    fsyncSync(out);
  } finally {
    closeSync(src);
    closeSync(out);
  }
}
