// The .lrmx import's review rules: which files are blocked, what the user chose per file, counts and filters.
import type { PositionCode } from '../../../../shared/catalog/types';
import { POSITION_NAMES } from '../../../../shared/roster/types';
import type { LrmxPreviewFile } from '../../../../shared/roster/views';

export type LrmxLoad =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading'; readonly count: number }
  | { readonly kind: 'error'; readonly message: string };
export type LrmxFilter = 'all' | 'unreadable' | 'nameMatch' | 'noUnit' | 'changed';

/** Per file: the unit and 正职/副职 chosen (starts from the file's suggestion or the stored cadre). */
export interface LrmxChoice {
  readonly unitId: number | null;
  readonly position: PositionCode;
}

/** A file that cannot be imported at all (unreadable, or rejected by the check). */
export const isBlocked = (f: LrmxPreviewFile) => !f.ok || f.status === 'error';

export const LRMX_SELECTION = {
  key: (f: LrmxPreviewFile) => f.index,
  blocked: isBlocked,
  needsConfirm: (f: LrmxPreviewFile) => f.status === 'nameMatch',
  headerTip: '勾选或取消全部可直接导入的文件（同名待确认的需逐个确认）',
};

export const POSITION_OPTIONS = (['chief', 'deputy'] as const).map((p) => ({ value: p, label: POSITION_NAMES[p] }));

/** A cadre already in the store keeps the unit and 正职/副职 it has unless the user changes them here. */
export const initialChoices = (files: readonly LrmxPreviewFile[]): ReadonlyMap<number, LrmxChoice> =>
  new Map(
    files.map((f) => [
      f.index,
      f.stored
        ? { unitId: f.stored.unitId, position: f.stored.position }
        : { unitId: f.suggestedUnitId, position: f.suggestedPosition },
    ]),
  );

export interface LrmxCounts {
  new: number;
  update: number;
  nameMatch: number;
  unreadable: number;
  changed: number;
}

export function countFiles(files: readonly LrmxPreviewFile[]): LrmxCounts {
  const c = { new: 0, update: 0, nameMatch: 0, unreadable: 0, changed: 0 };
  for (const f of files) {
    if (isBlocked(f)) c.unreadable++;
    else if (f.status !== 'error') c[f.status]++;
    if (!isBlocked(f) && f.changes.length > 0) c.changed++;
  }
  return c;
}

/** The files the filter shows; `noUnitFiles` are those still without a (still existing) unit. */
export function filterFiles(
  files: readonly LrmxPreviewFile[],
  filter: LrmxFilter,
  noUnitFiles: readonly LrmxPreviewFile[],
): readonly LrmxPreviewFile[] {
  if (filter === 'unreadable') return files.filter(isBlocked);
  if (filter === 'nameMatch') return files.filter((f) => !isBlocked(f) && f.status === 'nameMatch');
  if (filter === 'noUnit') return noUnitFiles;
  if (filter === 'changed') return files.filter((f) => !isBlocked(f) && f.changes.length > 0);
  return files;
}
