// An import's updates worked out at preview time: the stored profile, the proposed one and the changes between them,
// kept in the job so the commit writes exactly what the preview showed.
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import type { CadreInput } from '../../shared/roster/types';
import type { ChangeField, FieldChange } from '../../shared/roster/views';
import type { Database } from '../schema';
import { auditChanges, photoChange, profileChanges, profileInput, proposedProfile, withKept } from './import-diff';
import type { ImportItem, ImportedMatter } from './import-write';
import { readCadres } from './write';

export interface UpdatePlan {
  readonly cadreId: number;
  /** The stored version the preview compared against: a commit after another change is refused. */
  readonly version: number;
  readonly name: string;
  readonly unitName: string;
  readonly stored: CadreInput;
  readonly proposed: CadreInput;
  /** Profile changes, then the photo's. */
  readonly changes: readonly FieldChange[];
  /** The file's photo when it differs from the stored one, and the stored one (for the audit digest). */
  readonly photo: { readonly incoming: Buffer; readonly stored: Buffer | null } | null;
}

export interface PlanRequest {
  readonly cadreId: number;
  readonly incoming: CadreInput;
  /** Fields the source does not have at all: they keep the stored value. */
  readonly absent: ReadonlySet<keyof CadreInput>;
  readonly photo?: Buffer | null;
}

const CHUNK = 500;

async function storedPhotos(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, Buffer>> {
  const out = new Map<number, Buffer>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('cadre_photos')
      .select(['cadre_id', 'data'])
      .where('cadre_id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.cadre_id, Buffer.from(r.data));
  }
  return out;
}

/** One plan per request, in order. */
export async function planUpdates(
  db: Kysely<Database>,
  requests: readonly PlanRequest[],
  unitNames: ReadonlyMap<number, string>,
): Promise<UpdatePlan[]> {
  const ids = [...new Set(requests.map((r) => r.cadreId))];
  const profiles = await readCadres(db, ids, { showIdNumber: true, withPhoto: false });
  const photos = await storedPhotos(db, [...new Set(requests.filter((r) => r.photo).map((r) => r.cadreId))]);
  return requests.map((r) => {
    const profile =
      profiles.get(r.cadreId) ?? fail('NOT_FOUND', '找不到匹配的干部，可能已被删除，请重新选择文件', 'files');
    const stored = profileInput(profile);
    const proposed = proposedProfile(stored, r.incoming, r.absent);
    const storedPhoto = photos.get(r.cadreId) ?? null;
    const photo = photoChange(storedPhoto, r.photo ?? null);
    return {
      cadreId: r.cadreId,
      version: profile.version,
      name: profile.name,
      unitName: profile.unitName,
      stored,
      proposed,
      changes: [...profileChanges(stored, proposed, unitNames), ...(photo ? [photo] : [])],
      photo: photo ? { incoming: r.photo!, stored: storedPhoto } : null,
    };
  });
}

/** What a plan writes once the user's kept fields are taken out. */
export interface PlannedWrite {
  readonly input: CadreInput;
  readonly changes: readonly FieldChange[];
  readonly photo: Buffer | null;
  /** The audit entry's old → new per changed field. */
  readonly audit: Record<string, [string, string]>;
}

export function plannedWrite(
  plan: UpdatePlan,
  kept: ReadonlySet<ChangeField>,
  override?: Partial<CadreInput>,
  unitNames?: ReadonlyMap<number, string>,
): PlannedWrite {
  let input = withKept(plan.stored, plan.proposed, kept);
  let changes = plan.changes.filter((c) => !kept.has(c.field));
  if (override && unitNames) {
    // 单位 and 正职/副职 chosen in the preview (任免审批表 import): their changes are shown there, not in the plan.
    input = { ...input, ...override };
    const chosen = profileChanges(plan.stored, input, unitNames).filter((c) => c.field in override);
    changes = [...changes.filter((c) => !(c.field in override)), ...chosen];
  }
  const photo = plan.photo && !kept.has('photo') ? plan.photo : null;
  return { input, changes, photo: photo?.incoming ?? null, audit: auditChanges(changes, photo ?? undefined) };
}

/**
 * What an import writes: the new cadres, the updates with the changes their preview showed (a plan whose every change
 * was kept writes nothing and is counted as unchanged), and the audit's per-cadre old → new.
 */
export class ImportWrites {
  readonly items: ImportItem[] = [];
  readonly changed: {
    readonly cadreId: number;
    readonly name: string;
    readonly changes: Record<string, [string, string]>;
  }[] = [];
  unchanged = 0;

  /** 任免事项 of files whose profile write changes nothing: added to the cadre's history all the same. */
  readonly unchangedMatters: { readonly cadreId: number; readonly matter: ImportedMatter }[] = [];

  create(input: CadreInput, photo: Buffer | null = null, matter: ImportedMatter | null = null): void {
    this.items.push({ cadreId: null, input, photo, matter });
  }

  /** `check` sees the profile only when something is written (the 任免审批表 import validates it then). */
  update(
    plan: UpdatePlan,
    write: PlannedWrite,
    check: (input: CadreInput) => CadreInput = (input) => input,
    matter: ImportedMatter | null = null,
  ): void {
    if (write.changes.length === 0) {
      this.unchanged += 1; // the profile (and its version) stays as it is
      if (matter) this.unchangedMatters.push({ cadreId: plan.cadreId, matter });
      return;
    }
    this.items.push({
      cadreId: plan.cadreId,
      input: check(write.input),
      expectedVersion: plan.version,
      photo: write.photo,
      matter,
    });
    this.changed.push({ cadreId: plan.cadreId, name: plan.name, changes: write.audit });
  }
}
