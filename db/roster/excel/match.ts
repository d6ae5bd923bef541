// Matches valid import rows against the cadres already in the store: by 身份证号, else by 姓名 + 出生年月.
import type { CadreInput } from '../../../shared/roster/types';
import type { ValidatedRow } from './validate';

export interface ExistingCadre {
  readonly id: number;
  /** '' when unknown. */
  readonly idNumber: string;
  readonly name: string;
  /** 'YYYY-MM'. */
  readonly birthMonth: string;
}

export type RowMatch =
  /** No existing cadre is this person: create one. */
  | { readonly kind: 'new' }
  /** An existing cadre has the same 身份证号: update it. (The Excel format has no family members — keep the stored ones.) */
  | { readonly kind: 'update'; readonly cadreId: number }
  /**
   * No 身份证号 match, but an existing cadre has the same 姓名 and 出生年月 (and one of the two has no 身份证号):
   * the user must confirm it is the same person (then update) or a different one (then new).
   * cadreId is the first candidate; candidateIds lists all of them (people can share a name and birth month).
   */
  | { readonly kind: 'nameMatch'; readonly cadreId: number; readonly candidateIds: readonly number[] };

export interface MatchedRow {
  readonly rowNumber: number;
  readonly input: CadreInput;
  readonly match: RowMatch;
}

const normId = (s: string) => s.trim().toUpperCase();
const personKey = (name: string, birthMonth: string) => `${name.trim()}\u0000${birthMonth}`;

/** One entry per valid row (rows with issues are left out), in row order. */
export function matchExisting(rows: readonly ValidatedRow[], existing: readonly ExistingCadre[]): MatchedRow[] {
  const byId = new Map<string, number>();
  const byPerson = new Map<string, ExistingCadre[]>();
  for (const e of [...existing].sort((a, b) => a.id - b.id)) {
    const id = normId(e.idNumber);
    if (id && !byId.has(id)) byId.set(id, e.id);
    const key = personKey(e.name, e.birthMonth);
    byPerson.set(key, [...(byPerson.get(key) ?? []), e]);
  }

  const out: MatchedRow[] = [];
  for (const row of rows) {
    if (!row.input) continue;
    const input = row.input;
    const id = normId(input.idNumber);
    const sameId = id ? byId.get(id) : undefined;
    let match: RowMatch;
    if (sameId !== undefined) {
      match = { kind: 'update', cadreId: sameId };
    } else {
      // A candidate with another 身份证号 is a different person who shares the name and birth month.
      const candidates = (byPerson.get(personKey(input.name, input.birthMonth)) ?? []).filter((e) => !id || !normId(e.idNumber));
      match =
        candidates.length > 0
          ? { kind: 'nameMatch', cadreId: candidates[0]!.id, candidateIds: candidates.map((e) => e.id) }
          : { kind: 'new' };
    }
    out.push({ rowNumber: row.rowNumber, input, match });
  }
  return out;
}
