// App settings kept in the store: the idle-lock time, how many daily automatic backups to keep, yearly training hours,
// the issuing organ printed on documents.
import type { Kysely } from 'kysely';
import type { AppSettings } from '../../shared/ipc/types';
import { DEFAULT_REQUIRED_TRAINING_HOURS } from '../../shared/dossier/types';
import type { Handlers } from '../app/context';
import type { Database } from '../schema';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../store/lifecycle';

export const DEFAULT_AUTO_BACKUP_KEEP = 7;

const DEFAULTS: AppSettings = {
  idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
  autoBackupKeep: DEFAULT_AUTO_BACKUP_KEEP,
  trainingRequiredHours: DEFAULT_REQUIRED_TRAINING_HOURS,
  issuingOrgan: '',
};
const LABELS: Readonly<Record<keyof AppSettings, string>> = {
  idleLockMinutes: '自动锁定时间',
  autoBackupKeep: '自动备份保留份数',
  trainingRequiredHours: '年度应修学时',
  issuingOrgan: '发文机关',
};
type NumericSetting = Exclude<keyof AppSettings, 'issuingOrgan'>;

export async function readSettings(db: Kysely<Database>): Promise<AppSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = new Map(rows.map((r) => [r.key, Number(r.value)]));
  const read = (key: NumericSetting) => {
    const v = stored.get(key);
    return v !== undefined && Number.isInteger(v) && v >= 0 ? v : DEFAULTS[key];
  };
  return {
    idleLockMinutes: read('idleLockMinutes') || DEFAULT_IDLE_LOCK_MINUTES,
    autoBackupKeep: read('autoBackupKeep'),
    trainingRequiredHours: read('trainingRequiredHours') || DEFAULT_REQUIRED_TRAINING_HOURS,
    issuingOrgan: rows.find((r) => r.key === 'issuingOrgan')?.value ?? DEFAULTS.issuingOrgan,
  };
}

export const settingsHandlers: Handlers<'settings.get' | 'settings.update'> = {
  'settings.get': ({ db }) => readSettings(db),
  async 'settings.update'({ db, rec }, input) {
    const before = await readSettings(db);
    const changed = (Object.keys(LABELS) as (keyof AppSettings)[]).filter((k) => input[k] !== undefined && input[k] !== before[k]);
    for (const key of changed) {
      const value = String(input[key]);
      await db
        .insertInto('settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    }
    const keys = changed.length > 0 ? changed : (Object.keys(input) as (keyof AppSettings)[]);
    rec.record(keys.map((k) => LABELS[k]).join('、'), Object.fromEntries(keys.map((k) => [k, [before[k], input[k] ?? before[k]]])));
    return readSettings(db);
  },
};
