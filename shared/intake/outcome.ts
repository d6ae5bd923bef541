// What a commit does with a previewed row once the user's pick is known: a channel row imported before with one
// cadre and now picked for another is a change (替换), not 已导入过 (issue 17 §3). The store's commit follows the same rule.
import type { IntakePreviewRow, IntakeStoredCadre } from './types';

export type PickedOutcome = IntakePreviewRow['outcome'];

/** The outcome of `row` when it comes in for `cadreId` (its matched cadre or the user's pick). */
export function pickedOutcome(
  row: Pick<IntakePreviewRow, 'outcome' | 'stored'>,
  cadreId: number | undefined,
): PickedOutcome {
  const s = row.stored;
  if (row.outcome !== 'same' || !s || cadreId === undefined || cadreId === s.cadreId) return row.outcome;
  // An accepted row stays in the dossier it was accepted into: a re-import never moves accepted material.
  return s.status === 'accepted' ? 'decided' : 'replace';
}

/** “张三（乌兰镇）→ 张三（棋盘井镇）” when the row now comes in for another cadre than the stored one, else null. */
export function movedCadre(
  stored: IntakeStoredCadre | null,
  picked: { readonly name: string; readonly unitName: string } | undefined,
  pickedId: number | undefined,
): string | null {
  if (!stored || !picked || pickedId === undefined || pickedId === stored.cadreId) return null;
  return `${stored.cadre} → ${picked.name}（${picked.unitName}）`;
}
