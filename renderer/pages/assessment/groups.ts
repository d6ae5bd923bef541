// Ranking groups for the forms and tables (shared with the Excel template), and the score format.
export { groupsOf, type MemberGroup } from '../../../shared/assessment/groups';

/** A score as shown everywhere: two decimals. */
export const fmt2 = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(2);
