// Matches valid import rows against the cadres already in the store: by 身份证号, else by 姓名 + 出生年月.
import type { CadreInput } from '../../../shared/roster/types';
import type { ValidatedRow } from './validate';
import { personMatcher, type PersonMatch } from '../match-people';

export interface ExistingCadre {
  readonly id: number;
  /** '' when unknown. */
  readonly idNumber: string;
  readonly name: string;
  /** 'YYYY-MM'. */
  readonly birthMonth: string;
}

/** new / update (same 身份证号) / nameMatch (same 姓名 + 出生年月, to be confirmed by the user). */
export type RowMatch = PersonMatch;

export interface MatchedRow {
  readonly rowNumber: number;
  readonly input: CadreInput;
  readonly match: RowMatch;
}

/** One entry per valid row (rows with issues are left out), in row order. */
export function matchExisting(rows: readonly ValidatedRow[], existing: readonly ExistingCadre[]): MatchedRow[] {
  const match = personMatcher(existing);
  return rows.flatMap((row) =>
    row.input ? [{ rowNumber: row.rowNumber, input: row.input, match: match(row.input) }] : [],
  );
}
