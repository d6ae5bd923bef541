// Writing a batch of imported cadres in the caller's transaction, in chunks, with progress and cancellation.
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import type { CadreInput } from '../../shared/roster/types';
import type { Jobs } from '../app/jobs';
import { yieldToEventLoop } from '../app/jobs';
import type { Database } from '../schema';
import { insertCadres, readCadre, setPhoto, updateCadre } from './write';

/** A profile field an update may keep as stored. */
export type KeptField = keyof CadreInput;

export interface ImportItem {
  /** The cadre to update, or null to create one. */
  readonly cadreId: number | null;
  readonly input: CadreInput;
  /**
   * Fields the source does not carry at all keep their stored values on update: Excel has no family members, a
   * .lrmx no 职级, status or staff's own evaluations, a user's sheet may lack optional columns.
   */
  readonly keep: readonly KeptField[];
  readonly photo?: Buffer | null;
}

const CHUNK = 100;

/**
 * On update: the `keep` fields stay as stored; a 身份证号 the source leaves empty is kept (a confirmed name match
 * must not erase it); annual results are merged by year, the source's years replacing the stored ones, so a file
 * listing only recent years (近三年) does not erase the older ones.
 */
async function withKeptFields(db: Kysely<Database>, item: ImportItem & { cadreId: number }): Promise<CadreInput> {
  const stored = await readCadre(db, item.cadreId, { showIdNumber: true });
  const kept: Partial<Record<KeptField, unknown>> = {};
  for (const k of item.keep) kept[k] = stored[k];
  const years = new Set(item.input.annualResults.map((r) => r.year));
  const annualResults = [...stored.annualResults.filter((r) => !years.has(r.year)), ...item.input.annualResults].sort((a, b) => a.year - b.year);
  return { ...item.input, idNumber: item.input.idNumber || stored.idNumber, annualResults, ...kept } as CadreInput;
}

export async function writeImport(
  db: Kysely<Database>,
  jobs: Jobs,
  jobId: string,
  items: readonly ImportItem[],
): Promise<{ created: number; updated: number }> {
  const unitNames = new Map((await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]));
  // Checked here, not left to the foreign key, so a unit deleted since the preview gets a clear message.
  const orphan = items.find((i) => !unitNames.has(i.input.unitId));
  if (orphan) fail('VALIDATION', `“${orphan.input.name}”的单位不存在，可能已被删除，请重新选择单位`, 'unitId');
  const now = new Date().toISOString();
  let created = 0;
  let updated = 0;
  jobs.progress(jobId, 0, items.length);
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    const fresh = chunk.filter((i) => i.cadreId === null);
    const ids = await insertCadres(db, fresh.map((i) => i.input), unitNames, now);
    created += ids.length;
    for (const [n, item] of fresh.entries()) if (item.photo) await setPhoto(db, ids[n]!, item.photo);
    for (const item of chunk) {
      if (item.cadreId === null) continue;
      const withId = item as ImportItem & { cadreId: number };
      await updateCadre(db, withId.cadreId, await withKeptFields(db, withId), null, now);
      if (item.photo) await setPhoto(db, withId.cadreId, item.photo);
      updated += 1;
    }
    jobs.progress(jobId, start + chunk.length, items.length); // throws CANCELLED when asked: the transaction rolls back
    await yieldToEventLoop();
  }
  return { created, updated };
}
