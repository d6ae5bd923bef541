// App settings kept in the store: the idle-lock time, how many daily automatic backups to keep, yearly training hours,
// the issuing organ printed on documents, the 职务 order of the roster.
import type { Kysely } from 'kysely';
import type { AppSettings } from '../../shared/ipc/types';
import { DEFAULT_REQUIRED_TRAINING_HOURS } from '../../shared/dossier/types';
import { DEFAULT_POST_ORDER, postOrderSchema } from '../../shared/roster/post-order';
import type { Handlers } from '../app/context';
import type { Database } from '../schema';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../store/lifecycle';

export const DEFAULT_AUTO_BACKUP_KEEP = 7;

const DEFAULTS: AppSettings = {
  idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
  autoBackupKeep: DEFAULT_AUTO_BACKUP_KEEP,
  trainingRequiredHours: DEFAULT_REQUIRED_TRAINING_HOURS,
  issuingOrgan: '',
  postOrder: DEFAULT_POST_ORDER,
};
const LABELS: Readonly<Record<keyof AppSettings, string>> = {
  idleLockMinutes: '自动锁定时间',
  autoBackupKeep: '自动备份保留份数',
  trainingRequiredHours: '年度应修学时',
  issuingOrgan: '发文机关',
  postOrder: '职务排序',
};
type NumericSetting = Exclude<keyof AppSettings, 'issuingOrgan' | 'postOrder'>;
/** Lists are stored as JSON text; the rest as their plain text. */
const stored = (v: AppSettings[keyof AppSettings]): string => (typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The stored 职务排序, or the default when none was saved (or what was saved cannot be read). */
function readPostOrder(value: string | undefined): readonly string[] {
  if (value === undefined) return DEFAULT_POST_ORDER;
  try {
    const parsed = postOrderSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : DEFAULT_POST_ORDER;
  } catch {
    return DEFAULT_POST_ORDER;
  }
}

export async function readSettings(db: Kysely<Database>): Promise<AppSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const numbers = new Map(rows.map((r) => [r.key, Number(r.value)]));
  const read = (key: NumericSetting) => {
    const v = numbers.get(key);
    return v !== undefined && Number.isInteger(v) && v >= 0 ? v : DEFAULTS[key];
  };
  return {
    idleLockMinutes: read('idleLockMinutes') || DEFAULT_IDLE_LOCK_MINUTES,
    autoBackupKeep: read('autoBackupKeep'),
    trainingRequiredHours: read('trainingRequiredHours') || DEFAULT_REQUIRED_TRAINING_HOURS,
    issuingOrgan: rows.find((r) => r.key === 'issuingOrgan')?.value ?? DEFAULTS.issuingOrgan,
    postOrder: readPostOrder(rows.find((r) => r.key === 'postOrder')?.value),
  };
}

export const settingsHandlers: Handlers<'settings.get' | 'settings.update'> = {
  'settings.get': ({ db }) => readSettings(db),
  async 'settings.update'({ db, rec }, input) {
    const before = await readSettings(db);
    const changed = (Object.keys(LABELS) as (keyof AppSettings)[]).filter(
      (k) => input[k] !== undefined && stored(input[k]) !== stored(before[k]),
    );
    for (const key of changed) {
      const value = stored(input[key]!);
      await db
        .insertInto('settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    }
    const keys = changed.length > 0 ? changed : (Object.keys(input) as (keyof AppSettings)[]);
    rec.record(
      keys.map((k) => LABELS[k]).join('、'),
      Object.fromEntries(keys.map((k) => [k, [before[k], input[k] ?? before[k]]])),
    );
    return readSettings(db);
  },
};
