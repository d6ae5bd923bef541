// Atomic file replacement: write a temp file, fsync it, rename over the target, fsync the folder.
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { restrictToOwner } from './owner-only';

const tempName = (target: string, stamp: string) => `.${target}.${stamp}.tmp`;

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  removeStaleTemps(path);
  const tmp = join(dirname(path), tempName(basename(path), randomBytes(6).toString('hex')));
  const fd = openSync(tmp, 'w', 0o600);
  try {
    // Created 0600 on Linux; on Windows the folder's inherited ACL is replaced before any byte is written.
    if (process.platform === 'win32') restrictToOwner(tmp);
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDir(dirname(path));
}

/**
 * A process killed between writing its temp file and the rename leaves the temp behind (with a key-slot file's
 * wrapped keys, say); the next write of the same file removes it. The write is synchronous and the app runs once,
 * so no other write of this file can be under way.
 */
function removeStaleTemps(path: string): void {
  const dir = dirname(path);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no folder yet: nothing stale, and the write itself reports the problem
  }
  const prefix = `.${basename(path)}.`;
  for (const name of names) {
    if (name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length)))
      rmSync(join(dir, name), { force: true });
  }
}

export function fsyncDir(dir: string): void {
  // Windows cannot open a folder for fsync; the rename is already durable enough there.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
