// The 优秀 cap per staff form (干部职工测评票): a form giving 优秀 to more than a set share of the cadres on it is 无效.
// One rule for the kiosk, paper entry, the Excel import and the configuration's wording.
import type { StaffGrade } from '../scoring/types';

/**
 * How many 优秀 one form may give when it lists `cadres` cadres and the cap is `ratio` (e.g. 0.3): the share rounded
 * down, but at least 1, so a form of a small group (3 cadres at 30 % is 0.9) may still name one 优秀. The small
 * epsilon keeps 10 × 0.3 = 3.0000000000000004 and 100 × 0.29 = 28.999999999999996 at the whole number they mean.
 * `ratio` absent or null: no cap (every cadre may be 优秀).
 */
export function excellentAllowed(cadres: number, ratio: number | null | undefined): number {
  if (ratio === null || ratio === undefined) return cadres;
  if (ratio <= 0) return 0;
  return Math.min(cadres, Math.max(1, Math.floor(cadres * ratio + 1e-9)));
}

/** How a cap is written on screen and in the template, e.g. “30%（按本票干部人数乘以比例向下取整，不足 1 人按 1 人计）”. */
export const EXCELLENT_CAP_ROUNDING = '按本票干部人数乘以比例向下取整，不足 1 人按 1 人计';

export const percentText = (ratio: number) => `${Math.round(ratio * 10000) / 100}%`;

/** What breaks the cap on one form, or null when the form keeps to it. */
export interface ExcellentCapBreach {
  excellent: number;
  allowed: number;
  cadres: number;
}

export function excellentCapBreach(
  grades: readonly StaffGrade[],
  ratio: number | null | undefined,
): ExcellentCapBreach | null {
  const excellent = grades.filter((g) => g === 'excellent').length;
  const allowed = excellentAllowed(grades.length, ratio);
  return excellent > allowed ? { excellent, allowed, cadres: grades.length } : null;
}

/** The Chinese message for a breach: how many 优秀 this form gives and how many it may give. */
export const excellentCapMessage = (b: ExcellentCapBreach) =>
  `本票评了 ${b.excellent} 个“优秀”，超过本票允许的 ${b.allowed} 个（共 ${b.cadres} 人）；` + `超过的测评票为无效票`;
