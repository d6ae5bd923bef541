// Writing a cadre profile (with its yearly results and family) and reading one back as the window sees it.
import type { Kysely, Selectable } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import type { CadreInput } from '../../shared/roster/types';
import type { CadreProfile } from '../../shared/roster/views';
import { ageAt } from '../../shared/roster/dates';
import { maskIdNumber } from '../../shared/roster/idcard';
import { photoMimeOf } from '../fs/magic';
import type { CadresTable, Database } from '../schema';
import { highestEducation, pinyinKeys, searchText } from './derive';

function columns(c: CadreInput, unitName: string) {
  return {
    name: c.name,
    gender: c.gender,
    ethnicity: c.ethnicity,
    birth_month: c.birthMonth,
    native_place: c.nativePlace,
    birth_place: c.birthPlace,
    party_join: c.partyJoin,
    work_start: c.workStart,
    health: c.health,
    tech_title: c.techTitle,
    expertise: c.expertise,
    fulltime_education: c.fulltimeEducation,
    fulltime_degree: c.fulltimeDegree,
    fulltime_school: c.fulltimeSchool,
    parttime_education: c.parttimeEducation,
    parttime_degree: c.parttimeDegree,
    parttime_school: c.parttimeSchool,
    current_post: c.currentPost,
    post_since: c.postSince,
    rank: c.rank,
    unit_id: c.unitId,
    position: c.position,
    resume: c.resume,
    rewards: c.rewards,
    id_number: c.idNumber,
    familiar_fields: c.familiarFields,
    traits: c.traits,
    shortcomings: c.shortcomings,
    status: c.status,
    annual_results_note: c.annualResultsNote,
    highest_education: highestEducation(c),
    search_text: searchText(c, unitName),
    pinyin_keys: pinyinKeys(c.name),
  };
}

async function unitName(db: Kysely<Database>, unitId: number): Promise<string> {
  const u = await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst();
  return u?.name ?? fail('VALIDATION', '所选单位不存在，可能已被删除，请重新选择', 'unitId');
}

async function assertIdNumberFree(db: Kysely<Database>, idNumber: string, exceptId: number | null): Promise<void> {
  if (!idNumber) return;
  let q = db.selectFrom('cadres').select(['id', 'name']).where('id_number', '=', idNumber);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  const other = await q.executeTakeFirst();
  if (other) fail('VALIDATION', `身份证号与已有干部“${other.name}”重复`, 'idNumber');
}

/** Yearly results and family members of freshly inserted cadres, in one statement each. */
async function insertChildren(db: Kysely<Database>, cadres: readonly (readonly [number, CadreInput])[]): Promise<void> {
  const results = cadres.flatMap(([id, c]) =>
    c.annualResults.map((r) => ({ cadre_id: id, year: r.year, result: r.result })),
  );
  const family = cadres.flatMap(([id, c]) =>
    c.family.map((f, i) => ({
      cadre_id: id,
      sort: i,
      relation: f.relation,
      name: f.name,
      birth_month: f.birthMonth,
      political_status: f.politicalStatus,
      work_unit_post: f.workUnitPost,
    })),
  );
  if (results.length > 0) await db.insertInto('cadre_annual_results').values(results).execute();
  if (family.length > 0) await db.insertInto('cadre_family').values(family).execute();
}

async function replaceChildren(db: Kysely<Database>, cadreId: number, c: CadreInput): Promise<void> {
  await db.deleteFrom('cadre_annual_results').where('cadre_id', '=', cadreId).execute();
  await db.deleteFrom('cadre_family').where('cadre_id', '=', cadreId).execute();
  await insertChildren(db, [[cadreId, c]]);
}

/**
 * Inserts many cadres with a few statements (imports write thousands). The caller has checked units and
 * 身份证号; the unique index still refuses a duplicate. Returns the new ids in input order.
 */
export async function insertCadres(
  db: Kysely<Database>,
  inputs: readonly CadreInput[],
  unitNames: ReadonlyMap<number, string>,
  now = new Date().toISOString(),
): Promise<number[]> {
  if (inputs.length === 0) return [];
  const rows = await db
    .insertInto('cadres')
    .values(inputs.map((c) => ({ ...columns(c, unitNames.get(c.unitId) ?? ''), created_at: now, updated_at: now })))
    .returning('id')
    .execute();
  // New rowids are assigned in ascending order as the VALUES rows are processed; RETURNING's order is not promised.
  const ids = rows.map((r) => r.id).sort((a, b) => a - b);
  await insertChildren(
    db,
    ids.map((id, i) => [id, inputs[i]!] as const),
  );
  return ids;
}

/**
 * Updates many profiles with a few statements (an import rewrites thousands): one UPDATE per cadre, the children of
 * all of them replaced at once. The caller has checked units and the versions the user saw; a 身份证号 another cadre
 * holds is refused here.
 */
export async function updateCadres(
  db: Kysely<Database>,
  updates: readonly { readonly id: number; readonly input: CadreInput }[],
  unitNames: ReadonlyMap<number, string>,
  now = new Date().toISOString(),
): Promise<void> {
  if (updates.length === 0) return;
  const ids = updates.map((u) => u.id);
  const numbers = updates.map((u) => u.input.idNumber).filter((n) => n !== '');
  if (numbers.length > 0) {
    const other = await db
      .selectFrom('cadres')
      .select(['name'])
      .where('id_number', 'in', numbers)
      .where('id', 'not in', ids)
      .executeTakeFirst();
    if (other) fail('VALIDATION', `身份证号与已有干部“${other.name}”重复`, 'idNumber');
  }
  for (const u of updates) {
    await db
      .updateTable('cadres')
      .set((eb) => ({
        ...columns(u.input, unitNames.get(u.input.unitId) ?? ''),
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', u.id)
      .execute();
  }
  await db.deleteFrom('cadre_annual_results').where('cadre_id', 'in', ids).execute();
  await db.deleteFrom('cadre_family').where('cadre_id', 'in', ids).execute();
  await insertChildren(
    db,
    updates.map((u) => [u.id, u.input] as const),
  );
}

export async function insertCadre(
  db: Kysely<Database>,
  c: CadreInput,
  now = new Date().toISOString(),
): Promise<number> {
  const unit = await unitName(db, c.unitId);
  await assertIdNumberFree(db, c.idNumber, null);
  const [id] = await insertCadres(db, [c], new Map([[c.unitId, unit]]), now);
  return id!;
}

/** Updates a profile; `expectedVersion` makes a concurrent edit a clear conflict instead of a silent overwrite. */
export async function updateCadre(
  db: Kysely<Database>,
  id: number,
  c: CadreInput,
  expectedVersion: number | null,
  now = new Date().toISOString(),
): Promise<Selectable<CadresTable>> {
  const before = await db.selectFrom('cadres').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) fail('NOT_FOUND', '找不到该干部，可能已被删除', 'id');
  if (expectedVersion !== null && before!.version !== expectedVersion) {
    fail(
      'CONFLICT',
      `“${before!.name}”的信息已被其他人修改（${before!.updated_at.slice(0, 16).replace('T', ' ')}），请关闭后重新打开再编辑，您的修改未保存`,
    );
  }
  const unit = await unitName(db, c.unitId);
  await assertIdNumberFree(db, c.idNumber, id);
  await db
    .updateTable('cadres')
    .set({ ...columns(c, unit), updated_at: now, version: before!.version + 1 })
    .where('id', '=', id)
    .execute();
  await replaceChildren(db, id, c);
  return before!;
}

export interface ReadOptions {
  readonly showIdNumber: boolean;
  readonly today?: Date;
  /** Photos are large: an export of the whole roster leaves them out. */
  readonly withPhoto?: boolean;
}

const ID_CHUNK = 500;

/** Profiles of many cadres with a handful of queries (an export reads thousands), keyed by id. */
export async function readCadres(
  db: Kysely<Database>,
  ids: readonly number[],
  opts: ReadOptions,
): Promise<Map<number, CadreProfile>> {
  const out = new Map<number, CadreProfile>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const chunk = ids.slice(i, i + ID_CHUNK);
    const [rows, results, family, photos] = await Promise.all([
      db
        .selectFrom('cadres')
        .innerJoin('units', 'units.id', 'cadres.unit_id')
        .innerJoin('catalog_categories', 'catalog_categories.code', 'units.category_code')
        .selectAll('cadres')
        .select(['units.name as unit_name', 'catalog_categories.name as category_name'])
        .where('cadres.id', 'in', chunk)
        .execute(),
      db
        .selectFrom('cadre_annual_results')
        .selectAll()
        .where('cadre_id', 'in', chunk)
        .orderBy('cadre_id')
        .orderBy('year')
        .execute(),
      db
        .selectFrom('cadre_family')
        .selectAll()
        .where('cadre_id', 'in', chunk)
        .orderBy('cadre_id')
        .orderBy('sort')
        .execute(),
      opts.withPhoto === false
        ? Promise.resolve([])
        : db.selectFrom('cadre_photos').selectAll().where('cadre_id', 'in', chunk).execute(),
    ]);
    const group = <T extends { cadre_id: number }>(xs: readonly T[]) => {
      const m = new Map<number, T[]>();
      for (const x of xs) m.set(x.cadre_id, [...(m.get(x.cadre_id) ?? []), x]);
      return m;
    };
    const resultsOf = group(results);
    const familyOf = group(family);
    const photoOf = new Map(photos.map((p) => [p.cadre_id, p]));
    for (const r of rows) {
      const photo = photoOf.get(r.id);
      out.set(r.id, {
        id: r.id,
        version: r.version,
        age: ageAt(r.birth_month, opts.today),
        unitName: r.unit_name,
        categoryName: r.category_name,
        photo: photo ? `data:${photo.mime};base64,${Buffer.from(photo.data).toString('base64')}` : null,
        idNumberMasked: !opts.showIdNumber && r.id_number !== '',
        updatedAt: r.updated_at,
        name: r.name,
        gender: r.gender,
        ethnicity: r.ethnicity,
        birthMonth: r.birth_month,
        nativePlace: r.native_place,
        birthPlace: r.birth_place,
        partyJoin: r.party_join,
        workStart: r.work_start,
        health: r.health,
        techTitle: r.tech_title,
        expertise: r.expertise,
        fulltimeEducation: r.fulltime_education,
        fulltimeDegree: r.fulltime_degree,
        fulltimeSchool: r.fulltime_school,
        parttimeEducation: r.parttime_education,
        parttimeDegree: r.parttime_degree,
        parttimeSchool: r.parttime_school,
        currentPost: r.current_post,
        postSince: r.post_since,
        rank: r.rank,
        unitId: r.unit_id,
        position: r.position,
        resume: r.resume,
        rewards: r.rewards,
        idNumber: opts.showIdNumber ? r.id_number : maskIdNumber(r.id_number),
        familiarFields: r.familiar_fields,
        traits: r.traits,
        shortcomings: r.shortcomings,
        status: r.status as CadreProfile['status'],
        annualResults: (resultsOf.get(r.id) ?? []).map((x) => ({ year: x.year, result: x.result })),
        annualResultsNote: r.annual_results_note,
        family: (familyOf.get(r.id) ?? []).map((f) => ({
          relation: f.relation,
          name: f.name,
          birthMonth: f.birth_month,
          politicalStatus: f.political_status,
          workUnitPost: f.work_unit_post,
        })),
      });
    }
  }
  return out;
}

export async function readCadre(db: Kysely<Database>, id: number, opts: ReadOptions): Promise<CadreProfile> {
  return (await readCadres(db, [id], opts)).get(id) ?? fail('NOT_FOUND', '找不到该干部，可能已被删除', 'id');
}

/** Photos: JPEG or PNG by their first bytes (photoMimeOf), at most 2 MB. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export async function setPhoto(db: Kysely<Database>, cadreId: number, bytes: Buffer): Promise<void> {
  const mime = photoMimeOf(bytes);
  if (!mime) fail('VALIDATION', '照片应为 JPG 或 PNG 图片', 'photo');
  if (bytes.length > MAX_PHOTO_BYTES) fail('VALIDATION', '照片不能超过 2 MB', 'photo');
  await db
    .insertInto('cadre_photos')
    .values({ cadre_id: cadreId, mime: mime!, data: bytes })
    .onConflict((oc) => oc.column('cadre_id').doUpdateSet({ mime: mime!, data: bytes }))
    .execute();
}
