// Writing a batch of imported cadres in the caller's transaction, in chunks, with progress and cancellation.
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import type { CadreInput } from '../../shared/roster/types';
import type { Jobs } from '../app/jobs';
import { yieldToEventLoop } from '../app/jobs';
import type { Database } from '../schema';
import { insertCadres, setPhoto, updateCadres } from './write';
import type { AppointmentMatterInput } from '../../shared/renmian/matter';
import { insertMatter } from '../renmian';

export interface ImportItem {
  /** The cadre to update, or null to create one. */
  readonly cadreId: number | null;
  /** The whole profile to write: for an update, the stored one with the changes the preview showed (import-plan.ts). */
  readonly input: CadreInput;
  /** For an update: the version the preview compared against. */
  readonly expectedVersion?: number;
  readonly photo?: Buffer | null;
  /** A 任免事项 the file carried (拟任/拟免 …), added to the cadre's history once written. */
  readonly matter?: ImportedMatter | null;
}

export type ImportedMatter = Omit<AppointmentMatterInput, 'cadreId'>;

const CHUNK = 100;

/** The preview compared against these versions: anything written since (a hand edit, another import) is refused. */
async function assertUnchanged(db: Kysely<Database>, items: readonly ImportItem[]): Promise<void> {
  const expected = new Map(
    items.flatMap((i) =>
      i.cadreId !== null && i.expectedVersion !== undefined ? [[i.cadreId, i.expectedVersion] as const] : [],
    ),
  );
  if (expected.size === 0) return;
  const rows = await db
    .selectFrom('cadres')
    .select(['id', 'name', 'version'])
    .where('id', 'in', [...expected.keys()])
    .execute();
  if (rows.length < expected.size)
    fail('NOT_FOUND', '要更新的干部已被删除，请重新选择文件检查一遍，本次导入未写入任何内容', 'files');
  const changed = rows.find((r) => r.version !== expected.get(r.id));
  if (changed)
    fail('CONFLICT', `“${changed.name}”的档案在检查之后已被修改，请重新选择文件检查一遍，本次导入未写入任何内容`);
}

export async function writeImport(
  db: Kysely<Database>,
  jobs: Jobs,
  jobId: string,
  items: readonly ImportItem[],
  by = '',
): Promise<{ created: number; updated: number }> {
  const addMatter = async (cadreId: number, matter: ImportedMatter | null | undefined) => {
    if (matter) await insertMatter(db, { ...matter, cadreId }, { displayName: by, at: now, skipSame: true });
  };
  const unitNames = new Map((await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]));
  // Checked here, not left to the foreign key, so a unit deleted since the preview gets a clear message.
  const orphan = items.find((i) => !unitNames.has(i.input.unitId));
  if (orphan) fail('VALIDATION', `“${orphan.input.name}”的单位不存在，可能已被删除，请重新选择单位`, 'unitId');
  const targets = new Set<number>();
  for (const i of items) {
    if (i.cadreId === null) continue;
    if (targets.has(i.cadreId))
      fail('VALIDATION', `本次导入有两处都将更新“${i.input.name}”的档案，请只保留其中一处`, 'files');
    targets.add(i.cadreId);
  }
  const now = new Date().toISOString();
  let created = 0;
  let updated = 0;
  jobs.progress(jobId, 0, items.length);
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    const fresh = chunk.filter((i) => i.cadreId === null);
    const ids = await insertCadres(
      db,
      fresh.map((i) => i.input),
      unitNames,
      now,
    );
    created += ids.length;
    for (const [n, item] of fresh.entries()) {
      if (item.photo) await setPhoto(db, ids[n]!, item.photo);
      await addMatter(ids[n]!, item.matter);
    }
    const changed = chunk.filter((i): i is ImportItem & { cadreId: number } => i.cadreId !== null);
    await assertUnchanged(db, changed);
    await updateCadres(
      db,
      changed.map((i) => ({ id: i.cadreId, input: i.input })),
      unitNames,
      now,
    );
    for (const item of changed) {
      if (item.photo) await setPhoto(db, item.cadreId, item.photo);
      await addMatter(item.cadreId, item.matter);
    }
    updated += changed.length;
    jobs.progress(jobId, start + chunk.length, items.length); // throws CANCELLED when asked: the transaction rolls back
    await yieldToEventLoop();
  }
  return { created, updated };
}
