// Writing a batch of imported cadres in the caller's transaction, in chunks, with progress and cancellation.
import type { Kysely } from 'kysely';
import type { CadreInput } from '../../shared/roster/types';
import type { Jobs } from '../app/jobs';
import { yieldToEventLoop } from '../app/jobs';
import type { Database } from '../schema';
import { insertCadres, readCadre, setPhoto, updateCadre } from './write';

type KeptField = 'family' | 'annualResults' | 'rank' | 'familiarFields' | 'traits' | 'shortcomings' | 'status';

export interface ImportItem {
  /** The cadre to update, or null to create one. */
  readonly cadreId: number | null;
  readonly input: CadreInput;
  /** Fields the source cannot carry keep their stored values on update (e.g. Excel has no family members). */
  readonly keep: readonly KeptField[];
  readonly photo?: Buffer | null;
}

const CHUNK = 100;

/** On update, what the source left empty (or cannot carry at all, like Excel's family) keeps the stored value. */
async function withKeptFields(db: Kysely<Database>, item: ImportItem & { cadreId: number }): Promise<CadreInput> {
  if (item.keep.length === 0) return item.input;
  const stored = await readCadre(db, item.cadreId, { showIdNumber: true });
  const kept: Partial<Record<KeptField, unknown>> = {};
  for (const k of item.keep) {
    const incoming = item.input[k];
    if (k === 'family' || (Array.isArray(incoming) ? incoming.length === 0 : !incoming)) kept[k] = stored[k];
  }
  return { ...item.input, ...kept } as CadreInput;
}

export async function writeImport(
  db: Kysely<Database>,
  jobs: Jobs,
  jobId: string,
  items: readonly ImportItem[],
): Promise<{ created: number; updated: number }> {
  const unitNames = new Map((await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]));
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
