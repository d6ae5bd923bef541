// The portrait model's configuration, kept as 'portrait.*' keys of the settings table; defaults when absent.
import type { Kysely } from 'kysely';
import { DEFAULT_PORTRAIT_CONFIG, portraitConfigSchema } from '../../shared/portrait/config';
import type { PortraitConfig } from '../../shared/portrait/types';
import type { Handlers } from '../app/context';
import type { Database } from '../schema';

const KEYS = Object.keys(DEFAULT_PORTRAIT_CONFIG) as (keyof PortraitConfig)[];
const settingKey = (k: keyof PortraitConfig) => `portrait.${k}`;

export async function readPortraitConfig(db: Kysely<Database>): Promise<PortraitConfig> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'like', 'portrait.%').execute();
  const stored = new Map(rows.map((r) => [r.key, Number(r.value)]));
  const merged = Object.fromEntries(
    KEYS.map((k) => {
      const v = stored.get(settingKey(k));
      return [k, v !== undefined && Number.isFinite(v) ? v : DEFAULT_PORTRAIT_CONFIG[k]];
    }),
  );
  // A store edited behind the app's back must not break the portrait: fall back to the defaults as a whole.
  const parsed = portraitConfigSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_PORTRAIT_CONFIG;
}

export const portraitConfigHandlers: Handlers<'portrait.getConfig' | 'portrait.saveConfig'> = {
  'portrait.getConfig': ({ db }) => readPortraitConfig(db),
  async 'portrait.saveConfig'({ db, rec }, input) {
    const before = await readPortraitConfig(db);
    const changed = KEYS.filter((k) => input[k] !== before[k]);
    for (const k of changed) {
      const value = String(input[k]);
      await db
        .insertInto('settings')
        .values({ key: settingKey(k), value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    }
    rec.record('评价模型参数', Object.fromEntries(changed.map((k) => [k, [before[k], input[k]]])));
    return readPortraitConfig(db);
  },
};
