// The backup file: a small plaintext manifest, the key-slot file, then the encrypted database pages, then a
// SHA-256 over everything before it. The database stays encrypted with the store's own key, and the key stays
// wrapped by the same passwords and recovery code, so a backup is exactly as protected as the store.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { ApiError } from '../../shared/ipc/errors';

const MAGIC = Buffer.from('GANBU-BACKUP\n', 'latin1');
const CHUNK = 1024 * 1024;
const MAX_HEADER_PART = 4 * 1024 * 1024;

export const manifestSchema = z.object({
  format: z.literal('ganbu-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  storeId: z.string(),
  createdBy: z.string(),
  dbBytes: z.number().int().nonnegative(),
  /** The audit log's head in this backup (entries, first 12 hex digits of the newest hash); absent in older backups. */
  auditHead: z.object({ count: z.number().int().nonnegative(), digest: z.string() }).optional(),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export const notABackup = (why = '') =>
  new ApiError({ code: 'NOT_A_STORE', message: `所选文件不是本系统的备份文件，或备份已损坏${why ? `（${why}）` : ''}。当前档案库未作任何修改。` });

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

/** Writes manifest + key slots + the database file's bytes to `target` (already open for writing), and fsyncs. */
export function writeContainer(target: string, manifest: BackupManifest, keySlotsJson: string, dbFile: string): number {
  const hash = createHash('sha256');
  const out = openSync(target, 'w', 0o600);
  let written = 0;
  const put = (b: Buffer) => {
    hash.update(b);
    writeSync(out, b);
    written += b.length;
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
    if (pos + manifest.dbBytes + 32 !== size) throw notABackup('文件不完整');
    // Verify the checksum over everything before it: a truncated or altered file is refused here.
    const hash = createHash('sha256');
    const buf = Buffer.alloc(CHUNK);
    for (let at = 0; at < size - 32; ) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK, size - 32 - at), at);
      hash.update(buf.subarray(0, n));
      at += n;
    }
    if (!hash.digest().equals(readExactly(fd, 32, size - 32))) throw notABackup('校验值不符');
    return { manifest, keySlotsJson, dbOffset: pos };
  } finally {
    closeSync(fd);
  }
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
