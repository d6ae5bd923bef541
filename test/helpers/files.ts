// Byte-level snapshots of a store folder, to prove a refused open left every file untouched.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

export const sha256File = (path: string): string => sha256(readFileSync(path));

/** Every regular file in the folder (not recursive) by name, with its SHA-256; also shows files that appeared. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = sha256File(path);
  }
  return out;
}
