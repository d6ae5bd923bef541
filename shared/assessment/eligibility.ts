// 评优资格 (issue 21 §2): for each ranked cadre, one short line saying why they may or may not be 优秀, read from the
// ranking result (grade and flags of rule 8 of scoring.md) and the configuration; shown, exported and printed.
import { round2 } from '../scoring/round';
import type { ExcellentQuotaScope, Position, RankingGroup, RankingRow } from '../scoring/types';
import type { RankingsView } from './types';

export interface EligibilityBasis {
  readonly scope: ExcellentQuotaScope;
  readonly excellentMinScore: number;
  /** Reasons by cadre id of the 不得评为优秀 list and of the 一票否决 items. */
  readonly ineligibleReasons: Readonly<Record<string, string>>;
  readonly vetoReasons: Readonly<Record<string, string>>;
}

export interface Eligibility {
  /** Suggested 优秀 (the cadre met every condition and took a place). */
  readonly excellent: boolean;
  readonly text: string;
}

export const ELIGIBLE_TEXT = '符合评优条件';

/** Flags the 评优资格 line states with their reasons, so a flags column beside it leaves them out. */
export const ELIGIBILITY_FLAGS: ReadonlySet<string> = new Set(['ineligible', 'quotaTie']);

const POSITION_LABEL: Readonly<Record<Position, string>> = { chief: '正职', deputy: '副职' };

/** A reason as entered may end in punctuation; the line adds its own. */
const bare = (reason: string | undefined) => (reason ?? '').trim().replace(/[。；;，,、]+$/u, '');

export function eligibilityBasisOf(
  view: Pick<RankingsView, 'quotaBasis' | 'excellentMinScore' | 'ineligibleReasons' | 'vetoReasons'>,
): EligibilityBasis {
  return {
    scope: view.quotaBasis.scope,
    excellentMinScore: view.excellentMinScore,
    ineligibleReasons: view.ineligibleReasons,
    vetoReasons: view.vetoReasons,
  };
}

/**
 * Rule 8 in words. What bars a cadre from being a candidate comes first, all of it (一票否决, 不得评优, a score under
 * the line); a candidate without a place is beyond the pool's quota: none at all, a tie at the last place (the
 * committee decides), or simply beyond it.
 */
export function eligibilityOf(
  row: Pick<RankingRow, 'cadreId' | 'finalScore' | 'grade' | 'flags'>,
  group: Pick<RankingGroup, 'position' | 'excellentQuota'>,
  basis: EligibilityBasis,
): Eligibility {
  const barred: string[] = [];
  if (row.flags.includes('veto')) {
    const reason = bare(basis.vetoReasons[row.cadreId]);
    barred.push(reason ? `一票否决：${reason}` : '一票否决');
  }
  if (row.flags.includes('ineligible')) {
    const reason = bare(basis.ineligibleReasons[row.cadreId]);
    barred.push(reason ? `${reason}，不得评为优秀` : '不得评为优秀');
  }
  if (row.finalScore < basis.excellentMinScore) barred.push(`得分低于优秀分数线 ${round2(basis.excellentMinScore)}`);
  if (barred.length > 0) return { excellent: false, text: barred.join('；') };
  if (row.grade === 'excellent') return { excellent: true, text: ELIGIBLE_TEXT };
  const pooled = basis.scope === 'position';
  const pool = pooled ? `${POSITION_LABEL[group.position]}合并计算的` : '本组';
  if (group.excellentQuota === 0)
    return {
      excellent: false,
      text: pooled ? `${POSITION_LABEL[group.position]}合并计算无优秀名额` : '本组无优秀名额',
    };
  if (row.flags.includes('quotaTie'))
    return { excellent: false, text: `与他人得分并列，超出${pool}剩余优秀名额，须研究确定` };
  return { excellent: false, text: `超出${pool}优秀名额` };
}
