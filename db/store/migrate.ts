// The migration runner: PRAGMA user_version, one transaction per migration, refusal of newer stores.
import { ApiError } from '../../shared/ipc/errors';
import { MIGRATIONS } from '../migrations';
import type { Migration } from '../migrations/types';
import { forgetHistory, type RawDb } from './connection';

export const schemaVersion = (db: RawDb): number => db.pragma('user_version', { simple: true }) as number;

export function assertNotTooNew(db: RawDb, migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new ApiError({
      code: 'STORE_TOO_NEW',
      message: `此档案库由更新版本的软件创建（数据版本 ${current}，本软件支持到 ${latest}），请升级软件后再打开。档案库未作任何修改。`,
    });
  }
}

/** Applies every migration above the store's version; each one and its version bump commit together. */
export function migrate(db: RawDb, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertNotTooNew(db, migrations);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      m.up(db);
      // user_version lives in the file header and is part of the same transaction.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    })();
    applied.push(m.version);
  }
  // A migration may rewrite what must not survive in old page images (migration 11: kiosk ballots' raters).
  if (applied.length > 0) forgetHistory(db);
  return applied;
}
