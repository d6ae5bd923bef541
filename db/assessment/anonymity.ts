// Which groups' 上级排名 ballots include the kiosk's (anonymous): the store's part of the small-group rule.
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export async function anonymousSuperiorGroups(db: Kysely<Database>, assessmentId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('assessment_superior_ballots')
    .select('group_ref')
    .distinct()
    .where('assessment_id', '=', assessmentId)
    .where((eb) => eb.or([eb('source', '=', 'kiosk'), eb('anonymous', '=', 1)]))
    .execute();
  return new Set(rows.map((r) => r.group_ref));
}
