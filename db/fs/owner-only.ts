// Files the app writes (the store, its -wal/-shm, backups, exports, key slots) are readable by their owner only:
// mode 0600 on Linux and macOS; on Windows the inherited ACL (which lets Users and often Everyone read) is replaced
// by one that grants the current user alone.
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, openSync } from 'node:fs';
import { userInfo } from 'node:os';

/** The icacls arguments that drop inherited entries and grant full control to `account` alone. */
export function windowsOwnerOnlyArgs(path: string, account: string): string[] {
  return [path, '/inheritance:r', '/grant:r', `${account}:(F)`];
}

/** The account as icacls names it: DOMAIN\user when Windows says which domain, else the user name. */
export function windowsAccount(env: NodeJS.ProcessEnv = process.env, user = userInfo().username): string {
  return env.USERDOMAIN ? `${env.USERDOMAIN}\\${user}` : user;
}

/** Restricts an existing file to its owner; throws when the platform refuses. */
export function restrictToOwner(path: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') {
    execFileSync('icacls', windowsOwnerOnlyArgs(path, windowsAccount()), { stdio: 'ignore', windowsHide: true });
  } else chmodSync(path, 0o600);
}

/** As restrictToOwner, for files that may be absent or on a file system without permissions (a FAT stick). */
export function restrictToOwnerIfPossible(path: string): void {
  try {
    restrictToOwner(path);
  } catch {
    // absent, or permissions unsupported there: nothing to narrow
  }
}

/**
 * Creates an empty owner-only file for SQLite to fill (a new store, a VACUUM INTO copy): SQLite creates database
 * files with the process's default mode, and gives a database's -wal and -shm the mode of the database file.
 */
export function createOwnerOnlyFile(path: string): void {
  closeSync(openSync(path, 'wx', 0o600));
  restrictToOwner(path);
}
