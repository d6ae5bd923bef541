// Changing an assessment's configuration: only in 准备 or 测评中, already validated by the contract's schema.
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/ipc/types';
import type { RankingConfig } from '../../shared/scoring/types';
import type { Database } from '../schema';
import { assertState, assertVersion, bump, loadAssessment } from './access';
import { configOf } from './config-column';

/** Saves the configuration; returns the names of the top-level settings that changed (for the audit entry). */
export async function updateConfig(
  db: Kysely<Database>,
  id: number,
  version: number,
  config: RankingConfig,
  user: SessionUser,
): Promise<{ name: string; changed: string[] }> {
  const row = await loadAssessment(db, id, user);
  assertState(row, ['preparing', 'collecting'], '修改考核配置');
  assertVersion(row, version);
  const before: Record<string, unknown> = configOf(row.config);
  const after = config as unknown as Record<string, unknown>;
  const changed = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  await bump(db, row, user, { config: JSON.stringify(config) });
  return { name: row.name, changed };
}
