// Daily automatic backups into the store's own folder, keeping the newest N.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/store';
import { createBackup } from './create';

export const AUTO_BACKUP_DIR = '自动备份';
export const BACKUP_EXT = '.gbak';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface AutoBackupFile {
  readonly fileName: string;
  readonly createdAt: string;
  readonly bytes: number;
}

export function listAutoBackups(storeDir: string): AutoBackupFile[] {
  const dir = join(storeDir, AUTO_BACKUP_DIR);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(BACKUP_EXT));
  } catch {
    return [];
  }
  return names
    .map((fileName) => {
      const st = statSync(join(dir, fileName));
      // The name carries the time it was made (the file's mtime changes when it is copied).
      const m = /(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(fileName);
      const createdAt = m
        ? new Date(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!).toISOString()
        : st.mtime.toISOString();
      return { fileName, createdAt, bytes: st.size };
    })
    .sort((a, b) => (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0));
}

const two = (n: number) => String(n).padStart(2, '0');
/** Local time, as the user reads it in the folder: 自动备份-20260301-090000.gbak. */
const fileStamp = (d: Date) =>
  `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;

/** Makes today's backup when the newest is a day old (or there is none), then keeps only the newest `keep`. */
export async function autoBackupIfDue(store: Store, keep: number, now = new Date()): Promise<string | null> {
  if (keep <= 0) return null;
  const existing = listAutoBackups(store.dir);
  const newest = existing[0];
  if (newest && now.getTime() - new Date(newest.createdAt).getTime() < DAY_MS) return null;
  const dir = join(store.dir, AUTO_BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  const fileName = `自动备份-${fileStamp(now)}${BACKUP_EXT}`;
  await createBackup(store, join(dir, fileName));
  for (const old of listAutoBackups(store.dir).slice(keep)) rmSync(join(dir, old.fileName), { force: true });
  return fileName;
}

const SCRATCH = /^\.(backup|backup-check|restore|rekey)-[0-9a-f]{12}\.db$/;

/**
 * Scratch copies a killed backup or restore left in the store folder (each an encrypted full copy), and partial
 * automatic backups. Safe at login: a single app instance owns the folder, so none is in use.
 */
export function removeScratchFiles(storeDir: string): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, match: (name: string) => boolean) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.filter(match)) {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    }
  };
  sweep(storeDir, (n) => SCRATCH.test(n));
  sweep(join(storeDir, AUTO_BACKUP_DIR), (n) => n.endsWith('.partial'));
  return removed;
}
