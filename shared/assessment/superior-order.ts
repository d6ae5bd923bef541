// A leader's order from the places typed in the 上级排名 form, or why it cannot be saved (missing, repeated, out of range).
import type { AssessmentMember } from './types';

/** The order the typed places give, or the problem that stops it (missing, repeated or out-of-range places). */
export function orderFromPlaces(
  rows: readonly Pick<AssessmentMember, 'cadreId' | 'name'>[],
  places: ReadonlyMap<number, number | null>,
): number[] | string {
  const missing = rows.filter((m) => places.get(m.cadreId) == null);
  if (missing.length > 0) return `名次不完整：${missing.map((m) => `“${m.name}”`).join('、')}未填写名次`;
  const bad = rows.find((m) => {
    const p = places.get(m.cadreId)!;
    return p < 1 || p > rows.length;
  });
  if (bad) return `“${bad.name}”的名次须在 1–${rows.length} 之间`;
  const seen = new Map<number, Pick<AssessmentMember, 'cadreId' | 'name'>>();
  for (const m of rows) {
    const p = places.get(m.cadreId)!;
    const other = seen.get(p);
    if (other) return `“${other.name}”和“${m.name}”的名次都是第 ${p} 名，名次不能重复`;
    seen.set(p, m);
  }
  return [...rows].sort((a, b) => places.get(a.cadreId)! - places.get(b.cadreId)!).map((m) => m.cadreId);
}

/**
 * The rows after dragging the row at `from` onto the row at `over`, dropped before it or after it (the drop
 * indicator's side). Out-of-range indices change nothing.
 */
export function reorderRows<T>(rows: readonly T[], from: number, over: number, after: boolean): T[] {
  if (from < 0 || from >= rows.length || over < 0 || over >= rows.length) return [...rows];
  const rest = rows.filter((_, i) => i !== from);
  const target = over > from ? over - 1 : over;
  const at = after ? target + 1 : target;
  return [...rest.slice(0, at), rows[from]!, ...rest.slice(at)];
}

/** The places a list order gives: first row 1, second 2 … (what dragging or the arrows leave in the 名次 inputs). */
export function placesFromRows(rows: readonly Pick<AssessmentMember, 'cadreId'>[]): Map<number, number | null> {
  return new Map(rows.map((m, i) => [m.cadreId, i + 1]));
}
