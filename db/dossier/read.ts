// Reading dossier entries back as the window sees them: names of catalog items and users, standards, attachment metadata.
import type { Kysely } from 'kysely';
import { INTAKE_CHANNEL_SPECS } from '../../shared/intake/channels';
import { fail } from '../../shared/ipc/errors';
import type { AttachmentMeta, Dossier, DossierEntry, NamedCode, UserRef } from '../../shared/dossier/types';
import type { DossierFilter } from '../../shared/dossier/schema';
import { isHoursKey } from '../../shared/dossier/hours-check';
import type { Database } from '../schema';
import { readDossierCatalog, type DossierCatalog } from './catalog';

const ID_CHUNK = 500;

const named = (map: ReadonlyMap<string, { name: string; retired: boolean }>, code: string): NamedCode => {
  const row = map.get(code);
  return { code, name: row?.name ?? code, retired: row?.retired ?? true };
};

async function userNames(db: Kysely<Database>): Promise<Map<number, string>> {
  const rows = await db.selectFrom('users').select(['id', 'display_name']).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The batch of entries accepted from a 填报表: `intake:<package serial>`. */
export const INTAKE_BATCH = 'intake:';

/** “某某镇 2025Q3 填报” by batch id, for entries accepted from a 填报表 (their batch is `intake:<serial>`). */
async function intakeSources(
  db: Kysely<Database>,
  rows: readonly { batch_id: string | null }[],
): Promise<Map<string, string>> {
  const serials = [
    ...new Set(
      rows.flatMap((r) => (r.batch_id?.startsWith(INTAKE_BATCH) ? [r.batch_id.slice(INTAKE_BATCH.length)] : [])),
    ),
  ];
  const out = new Map<string, string>();
  for (let i = 0; i < serials.length; i += ID_CHUNK) {
    const found = await db
      .selectFrom('intake_packages')
      .leftJoin('units', 'units.id', 'intake_packages.unit_id')
      .select(['intake_packages.serial', 'intake_packages.quarter', 'intake_packages.channel', 'units.name'])
      .where('serial', 'in', serials.slice(i, i + ID_CHUNK))
      .execute();
    // A channel's list (migration 21) is named by its channel: “纪检监察 2025Q3 填报”.
    for (const p of found) {
      const owner = p.channel ? INTAKE_CHANNEL_SPECS[p.channel].label : (p.name ?? '');
      out.set(`${INTAKE_BATCH}${p.serial}`, `${owner} ${p.quarter} 填报`);
    }
  }
  return out;
}

/** Entries by id (any cadres), in date order, with everything the window shows. */
export async function readEntries(
  db: Kysely<Database>,
  where: { readonly ids?: readonly number[]; readonly filter?: DossierFilter },
  cat?: DossierCatalog,
): Promise<DossierEntry[]> {
  let q = db.selectFrom('dossier_entries').selectAll();
  const f = where.filter;
  if (where.ids) {
    if (where.ids.length === 0) return [];
    q = q.where('id', 'in', where.ids);
  }
  if (f) {
    q = q.where('cadre_id', '=', f.cadreId);
    if (f.sectionCode) q = q.where('section_code', '=', f.sectionCode);
    if (f.quarter) q = q.where('quarter', '=', f.quarter);
    if (f.polarity) q = q.where('polarity', '=', f.polarity);
    if (f.standardCode) {
      const code = f.standardCode;
      q = q.where('id', 'in', (sub) =>
        sub.selectFrom('dossier_entry_standards').select('entry_id').where('standard_code', '=', code),
      );
    }
  }
  const rows = await q.orderBy('date').orderBy('id').execute();
  if (rows.length === 0) return [];
  const [catalog, users] = await Promise.all([cat ?? readDossierCatalog(db), userNames(db)]);
  const ids = rows.map((r) => r.id);
  const standards = new Map<number, string[]>();
  const sources = new Map<number, number[]>();
  const attachments = new Map<number, AttachmentMeta[]>();
  const user = (id: number): UserRef => ({ id, name: users.get(id) ?? `用户${id}` });
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const chunk = ids.slice(i, i + ID_CHUNK);
    const [st, src, att] = await Promise.all([
      db.selectFrom('dossier_entry_standards').selectAll().where('entry_id', 'in', chunk).execute(),
      db.selectFrom('dossier_entry_sources').selectAll().where('entry_id', 'in', chunk).execute(),
      db
        .selectFrom('dossier_attachments')
        .select(['id', 'entry_id', 'file_name', 'mime', 'size', 'sha256', 'added_by', 'added_at'])
        .where('entry_id', 'in', chunk)
        .orderBy('id')
        .execute(),
    ]);
    for (const s of st) standards.set(s.entry_id, [...(standards.get(s.entry_id) ?? []), s.standard_code]);
    for (const s of src) sources.set(s.entry_id, [...(sources.get(s.entry_id) ?? []), s.record_id]);
    for (const a of att) {
      const meta: AttachmentMeta = {
        id: a.id,
        entryId: a.entry_id,
        fileName: a.file_name,
        mime: a.mime,
        size: a.size,
        sha256: a.sha256,
        addedBy: user(a.added_by),
        addedAt: a.added_at,
      };
      attachments.set(a.entry_id, [...(attachments.get(a.entry_id) ?? []), meta]);
    }
  }
  const intake = await intakeSources(db, rows);
  const standardOrder = [...catalog.standards.keys()];
  return rows.map((r) => {
    const listItem = r.list_item_code === null ? null : catalog.listItems.get(r.list_item_code);
    return {
      id: r.id,
      cadreId: r.cadre_id,
      date: r.date,
      quarter: r.quarter,
      section: named(catalog.sections, r.section_code),
      subItem: named(catalog.subItems, r.sub_item_code),
      channel: named(catalog.channels, r.channel_code),
      title: r.title,
      content: r.content,
      polarity: r.polarity,
      listItem:
        r.list_item_code === null
          ? null
          : {
              ...named(catalog.listItems, r.list_item_code),
              polarity: listItem?.polarity ?? (r.polarity === 'negative' ? 'negative' : 'positive'),
            },
      standards: (standards.get(r.id) ?? [])
        .sort((a, b) => standardOrder.indexOf(a) - standardOrder.indexOf(b))
        .map((code) => ({
          ...named(catalog.standards, code),
          dimensionCode: catalog.standards.get(code)?.dimensionCode ?? '',
        })),
      origin: r.origin,
      editable: r.origin === 'manual' || isHoursKey(r.auto_key),
      sourceRecordIds: (sources.get(r.id) ?? []).sort((a, b) => a - b),
      batchId: r.batch_id,
      intakeSource: (r.batch_id && intake.get(r.batch_id)) ?? null,
      enteredBy: user(r.entered_by),
      enteredAt: r.entered_at,
      verifiedBy: r.verified_by === null ? null : user(r.verified_by),
      verifiedAt: r.verified_at,
      version: r.version,
      updatedAt: r.updated_at,
      attachments: attachments.get(r.id) ?? [],
    };
  });
}

export async function readEntry(db: Kysely<Database>, id: number): Promise<DossierEntry> {
  const [entry] = await readEntries(db, { ids: [id] });
  return entry ?? fail('NOT_FOUND', '找不到该材料，可能已被删除', 'id');
}

/** The cadre a dossier belongs to, as its header shows it. */
export async function readDossierCadre(db: Kysely<Database>, cadreId: number) {
  const c = await db
    .selectFrom('cadres')
    .innerJoin('units', 'units.id', 'cadres.unit_id')
    .select(['cadres.id', 'cadres.name', 'cadres.current_post', 'cadres.birth_month', 'units.name as unit_name'])
    .where('cadres.id', '=', cadreId)
    .executeTakeFirst();
  if (!c) return fail('NOT_FOUND', '找不到该干部，可能已被删除', 'cadreId');
  return { id: c.id, name: c.name, unitName: c.unit_name, currentPost: c.current_post, birthMonth: c.birth_month };
}

export async function readDossier(db: Kysely<Database>, filter: DossierFilter): Promise<Dossier> {
  const cadre = await readDossierCadre(db, filter.cadreId);
  const [entries, total] = await Promise.all([
    readEntries(db, { filter }),
    db
      .selectFrom('dossier_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cadre_id', '=', filter.cadreId)
      .executeTakeFirstOrThrow(),
  ]);
  return { cadre, entries, total: Number(total.n) };
}
