// 季度采集's calls: “本季度无此类材料（经核查）” for cadres' gaps in a section, taking it back, and the sections a
// quarter requires. Each is one audited change.
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import type { Handlers } from '../app/context';
import type { Database } from '../schema';

type CollectionCalls = 'collection.attestNone' | 'collection.withdrawAttestation' | 'collection.setRequiredSections';

async function liveSection(db: Kysely<Database>, code: string): Promise<string> {
  const s = await db
    .selectFrom('catalog_sections')
    .select('name')
    .where('code', '=', code)
    .where('retired', '=', 0)
    .executeTakeFirst();
  return s?.name ?? fail('VALIDATION', `板块“${code}”不存在或已停用`, 'sectionCode');
}

export const collectionHandlers: Handlers<CollectionCalls> = {
  async 'collection.attestNone'({ db, rec, store }, { quarter, sectionCode, cadreIds, note }) {
    const section = await liveSection(db, sectionCode);
    const ids = [...new Set(cadreIds)];
    const cadres = await db.selectFrom('cadres').select(['id', 'name', 'status']).where('id', 'in', ids).execute();
    if (cadres.length < ids.length) fail('NOT_FOUND', '所选干部中有人已被删除，请刷新后重试', 'cadreIds');
    const notServing = cadres.find((c) => c.status !== '在职');
    if (notServing) fail('VALIDATION', `“${notServing.name}”不是在职干部，不在季度采集范围内`, 'cadreIds');
    // A cadre who has material of the section, or is already marked, needs nothing: skipped, and counted as such.
    const [withEntry, marked] = await Promise.all([
      db
        .selectFrom('dossier_entries')
        .select('cadre_id')
        .distinct()
        .where('quarter', '=', quarter)
        .where('section_code', '=', sectionCode)
        .where('cadre_id', 'in', ids)
        .execute(),
      db
        .selectFrom('quarter_attestations')
        .select('cadre_id')
        .where('quarter', '=', quarter)
        .where('section_code', '=', sectionCode)
        .where('cadre_id', 'in', ids)
        .execute(),
    ]);
    const skip = new Set([...withEntry, ...marked].map((r) => r.cadre_id));
    const added = cadres.filter((c) => !skip.has(c.id));
    const at = new Date().toISOString();
    for (let i = 0; i < added.length; i += 500) {
      await db
        .insertInto('quarter_attestations')
        .values(
          added.slice(i, i + 500).map((c) => ({
            quarter,
            section_code: sectionCode,
            cadre_id: c.id,
            note,
            attested_by: store.user.displayName,
            attested_at: at,
          })),
        )
        .execute();
    }
    const names = added.map((c) => c.name);
    rec.record(`${quarter} ${sectionCode} ${section}：本季度无此类材料（经核查）`, {
      quarter,
      section: sectionCode,
      note,
      cadreIds: added.map((c) => c.id),
      ...(names.length <= 20 ? { names } : {}),
      added: added.length,
      skipped: ids.length - added.length,
    });
    return { added: added.length, skipped: ids.length - added.length };
  },

  async 'collection.withdrawAttestation'({ db, rec }, { quarter, sectionCode, cadreId }) {
    const row = await db
      .selectFrom('quarter_attestations')
      .innerJoin('cadres', 'cadres.id', 'quarter_attestations.cadre_id')
      .select(['quarter_attestations.id', 'quarter_attestations.note', 'cadres.name'])
      .where('quarter', '=', quarter)
      .where('section_code', '=', sectionCode)
      .where('cadre_id', '=', cadreId)
      .executeTakeFirst();
    if (!row) fail('NOT_FOUND', '该核查记录已不存在，可能已被撤销', 'cadreId');
    await db.deleteFrom('quarter_attestations').where('id', '=', row!.id).execute();
    rec.record(`${row!.name} ${quarter} ${sectionCode}：撤销“本季度无此类材料”`, {
      cadreId,
      quarter,
      section: sectionCode,
      note: row!.note,
    });
    return null;
  },

  async 'collection.setRequiredSections'({ db, rec }, { quarter, sectionCodes }) {
    const codes = [...new Set(sectionCodes)];
    for (const code of codes) await liveSection(db, code);
    const before = (
      await db.selectFrom('quarter_required_sections').select('section_code').where('quarter', '=', quarter).execute()
    ).map((r) => r.section_code);
    await db.deleteFrom('quarter_required_sections').where('quarter', '=', quarter).execute();
    await db
      .insertInto('quarter_required_sections')
      .values(codes.map((c) => ({ quarter, section_code: c })))
      .execute();
    rec.record(`${quarter} 必填板块`, {
      quarter,
      from: before.length > 0 ? before.join('、') : '全部板块',
      to: codes.join('、'),
    });
    return null;
  },
};
