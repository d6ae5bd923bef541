// Archiving: the SHA-256 digest of the canonical RankingInput (configuration included), the result kept for ever.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../shared/assessment/canonical';
import type { ArchivedResult } from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import type { RankingInput } from '../../shared/scoring/types';
import type { Database } from '../schema';
import { assertVersion, bump, loadAssessment } from './access';
import { writeResultsToDossier } from './dossier-links';
import { invalidViews, loadRankingInput, readConfirmations } from './rankings';
import { summarizedResultOf } from './result-column';

export const inputDigest = (input: RankingInput): string =>
  createHash('sha256').update(canonicalJson(input), 'utf8').digest('hex');

/** The digest of what the store holds now for an assessment (the same inputs always give the same digest). */
export async function currentDigest(db: Kysely<Database>, assessmentId: number): Promise<string> {
  return inputDigest((await loadRankingInput(db, assessmentId)).input);
}

/** 已汇总 → 已归档: stores the summarized result, the confirmations and the digest; the triggers then freeze it all. */
export async function archiveAssessment(
  db: Kysely<Database>,
  id: number,
  version: number,
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<{ name: string; digest: string }> {
  const row = await loadAssessment(db, id, user);
  if (row.state === 'archived') fail('VALIDATION', `考核“${row.name}”已归档，不能再次归档`);
  assertVersion(row, version);
  if (row.state !== 'summarized' || !row.summarized_result)
    fail('VALIDATION', `考核“${row.name}”须先汇总（已汇总状态）才能归档`, 'state');
  const loaded = await loadRankingInput(db, id);
  const result =
    summarizedResultOf(row.summarized_result) ??
    fail('VALIDATION', `考核“${row.name}”须先汇总（已汇总状态）才能归档`, 'state');
  const digest = inputDigest(loaded.input);
  const archived: ArchivedResult = {
    result,
    invalidBallots: invalidViews(result, loaded.describe),
    confirmations: await readConfirmations(db, id),
  };
  // Before the state change: once archived, the assessment's rows are frozen by the triggers.
  await writeResultsToDossier(db, row, archived, user.id);
  await bump(
    db,
    row,
    user,
    { state: 'archived', archived_at: now, digest, archived_result: JSON.stringify(archived) },
    now,
  );
  return { name: row.name, digest };
}
