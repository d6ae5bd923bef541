// App settings kept in the store (the idle-lock time).
import type { Kysely } from 'kysely';
import type { AppSettings } from '../../shared/ipc/types';
import type { Handlers } from '../app/context';
import type { Database } from '../schema';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../store/lifecycle';

export async function readSettings(db: Kysely<Database>): Promise<AppSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'idleLockMinutes').executeTakeFirst();
  const minutes = Number(row?.value);
  return { idleLockMinutes: Number.isInteger(minutes) && minutes > 0 ? minutes : DEFAULT_IDLE_LOCK_MINUTES };
}

export const settingsHandlers: Handlers<'settings.get' | 'settings.update'> = {
  'settings.get': ({ db }) => readSettings(db),
  async 'settings.update'({ db, rec }, input) {
    const before = await readSettings(db);
    await db
      .insertInto('settings')
      .values({ key: 'idleLockMinutes', value: String(input.idleLockMinutes) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(input.idleLockMinutes) }))
      .execute();
    rec.record('自动锁定时间', { from: before.idleLockMinutes, to: input.idleLockMinutes });
    return { idleLockMinutes: input.idleLockMinutes };
  },
};
