// Writing a batch of imported cadres in the caller's transaction, in chunks, with progress and cancellation.
import type { Kysely } from 'kysely';
import type { CadreInput } from '../../shared/roster/types';
import type { Jobs } from '../app/jobs';
import { yieldToEventLoop } from '../app/jobs';
import type { Database } from '../schema';
import { insertCadre, readCadre, setPhoto, updateCadre } from './write';

export interface ImportItem {
  /** The cadre to update, or null to create one. */
  readonly cadreId: number | null;
  readonly input: CadreInput;
  /** Fields the source cannot carry keep their stored values on update (e.g. Excel has no family members). */
  readonly keep: readonly ('family' | 'annualResults' | 'rank' | 'familiarFields' | 'traits' | 'shortcomings' | 'status')[];
  readonly photo?: Buffer | null;
}

const CHUNK = 100;

export async function writeImport(db: Kysely<Database>, jobs: Jobs, jobId: string, items: readonly ImportItem[]): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  jobs.progress(jobId, 0, items.length);
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    let input = item.input;
    let id: number;
    if (item.cadreId === null) {
      id = await insertCadre(db, input);
      created += 1;
    } else {
      if (item.keep.length > 0) {
        const stored = await readCadre(db, item.cadreId, { showIdNumber: true });
        const kept: Partial<Record<string, unknown>> = {};
        for (const k of item.keep) {
          // An imported empty list or text never wipes what staff already recorded.
          const incoming = input[k];
          if (Array.isArray(incoming) ? incoming.length === 0 : !incoming || k === 'family') kept[k] = stored[k];
        }
        input = { ...input, ...kept } as CadreInput;
      }
      await updateCadre(db, item.cadreId, input, null);
      id = item.cadreId;
      updated += 1;
    }
    if (item.photo) await setPhoto(db, id, item.photo);
    if ((i + 1) % CHUNK === 0) {
      jobs.progress(jobId, i + 1, items.length); // throws CANCELLED when asked to stop: the transaction rolls back
      await yieldToEventLoop();
    }
  }
  jobs.progress(jobId, items.length, items.length);
  return { created, updated };
}
