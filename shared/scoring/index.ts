// The 双比双评 ranking: a pure function from an assessment's cadres and ballots to ranked groups (docs/scoring.md).
import { cadreComponentScore, type ComponentRule } from './components';
import { excellentQuota, gradeOf, QuotaMark, walkQuota } from './grades';
import { compareStrings, indexCadres, type CadreGroup, type CadreIndex } from './groups';
import { rankInPlace } from './ranking';
import { round2 } from './round';
import type {
  Component,
  ComponentResult,
  Ineligible,
  Position,
  RankingGroup,
  RankingInput,
  RankingResult,
  RankingConfig,
  RankingRow,
  ScoreAdjustment,
  UnrankedCadre,
  Veto,
} from './types';
import { collectBallots, type BallotValues } from './validate';

export type * from './types';
export { defaultRankingConfig } from './defaults';
export { round2 } from './round';

/** Output order of the keys of `components`, and the order the base score sums in. */
const componentOrder: readonly Component[] = ['superior', 'peer', 'staff', 'service'];

interface ScoredCadre {
  cadreId: string;
  finalScore: number;
  base: number;
  bonus: number;
  penalty: number;
  superior: number | undefined;
  peer: number | undefined;
  components: Partial<Record<Component, ComponentResult>>;
  missing: readonly Component[];
  vetoed: boolean;
  ineligible: boolean;
  /** Set by the quota walk over the cadre's pool. */
  mark: QuotaMark;
}

/** The flag of each missing component, made once rather than per row. */
const missingFlag: Record<Component, string> = {
  superior: 'missing:superior',
  peer: 'missing:peer',
  staff: 'missing:staff',
  service: 'missing:service',
};

/** Shared by every cadre with nothing missing (nearly all of them), rather than an empty array each. */
const noneMissing: readonly Component[] = [];

export function computeRankings(input: RankingInput): RankingResult {
  const { config } = input;
  const index = indexCadres(input.cadres);
  const { values, invalid } = collectBallots(input, index);
  const adjustments = sumAdjustments(input, index);
  const vetoed = listedFlags(input.vetoes, index);
  const ineligible = listedFlags(input.ineligible, index);
  const rules: Record<Component, ComponentRule> = {
    superior: ruleOf(config, 'superior'),
    peer: ruleOf(config, 'peer'),
    staff: ruleOf(config, 'staff'),
    service: ruleOf(config, 'service'),
  };
  const scoredByGroup: ScoredCadre[][] = new Array<ScoredCadre[]>(index.groups.length);
  for (let g = 0; g < scoredByGroup.length; g++) scoredByGroup[g] = [];
  const unranked: UnrankedCadre[] = [];
  scoreCadres(config, index, values, rules, { vetoed, ineligible }, adjustments, scoredByGroup, unranked);

  const ranksByGroup: number[][] = scoredByGroup.map((scored) => rankInPlace(scored));
  const quotas =
    config.excellentQuotaScope === 'position'
      ? walkPositionPools(index, scoredByGroup, config)
      : walkGroupPools(scoredByGroup, ranksByGroup, config);
  const groups: RankingGroup[] = new Array<RankingGroup>(index.groups.length);
  for (let g = 0; g < groups.length; g++) {
    groups[g] = groupResult(
      index.groups[g] as CadreGroup,
      scoredByGroup[g] ?? [],
      ranksByGroup[g] ?? [],
      quotas[g] ?? 0,
      config,
    );
  }
  unranked.sort((a, b) => compareStrings(a.cadreId, b.cadreId));
  return { groups, unranked, invalidBallots: invalid };
}

// Each loop below sits in a function of its own: on the first call V8 optimizes a hot loop mid-run, and a
// function holding several loops would fall back to the interpreter at the next one, which has no type feedback.

function ruleOf(config: RankingConfig, component: Component): ComponentRule {
  return {
    minBallots: config.minBallots[component],
    trim: config.trim[component],
    trimMinBallots: config.trimMinBallots,
  };
}

interface AdjustmentSums {
  bonus: Float64Array;
  penalty: Float64Array;
}

/**
 * Adjustments for ids outside `cadres` have no one to apply to and are ignored; so are non-finite points, which
 * would otherwise turn every number of the row into NaN.
 */
function sumAdjustments(input: RankingInput, index: CadreIndex): AdjustmentSums {
  const cadreCount = index.cadres.length;
  const bonus = new Float64Array(cadreCount);
  const penalty = new Float64Array(cadreCount);
  const list = input.adjustments;
  for (let i = 0; i < list.length; i++) {
    const { targetId, points } = list[i] as ScoreAdjustment;
    const cadre = index.numberById.get(targetId);
    if (cadre === undefined || typeof points !== 'number' || !Number.isFinite(points)) continue;
    if (points > 0) bonus[cadre] = (bonus[cadre] ?? 0) + points;
    else if (points < 0) penalty[cadre] = (penalty[cadre] ?? 0) - points;
  }
  return { bonus, penalty };
}

/**
 * 1 for each cadre number a list (vetoes, ineligible) names; entries for ids outside `cadres` are ignored, and so
 * is an absent list (`ineligible` is optional).
 */
function listedFlags(list: readonly (Veto | Ineligible)[] | undefined, index: CadreIndex): Uint8Array {
  const listed = new Uint8Array(index.cadres.length);
  if (!Array.isArray(list)) return listed;
  for (let i = 0; i < list.length; i++) {
    const cadre = index.numberById.get((list[i] as Veto | undefined)?.targetId as string);
    if (cadre !== undefined) listed[cadre] = 1;
  }
  return listed;
}

interface ListedFlags {
  vetoed: Uint8Array;
  ineligible: Uint8Array;
}

/** Rules 4 to 6 per cadre: each lands in its group's list, in input order, or among the unranked. */
function scoreCadres(
  config: RankingConfig,
  index: CadreIndex,
  values: BallotValues,
  rules: Record<Component, ComponentRule>,
  listed: ListedFlags,
  adjustments: AdjustmentSums,
  scoredByGroup: ScoredCadre[][],
  unranked: UnrankedCadre[],
): void {
  const cadreCount = index.cadres.length;
  for (let number = 0; number < cadreCount; number++) {
    const cadre = index.cadres[number] as (typeof index.cadres)[number];
    const weights = config.weights[cadre.position];
    const components: Partial<Record<Component, ComponentResult>> = {};
    let missing: Component[] | undefined;
    let weighted = 0;
    let weightSum = 0;
    for (let c = 0; c < componentOrder.length; c++) {
      const component = componentOrder[c] as Component;
      const score = cadreComponentScore(values[component], number, rules[component]);
      const weight = weights[component];
      if (score === undefined) {
        // Only a component that would have counted is worth flagging.
        if (weight > 0) (missing ??= []).push(component);
        continue;
      }
      // The fresh result object becomes the output entry (same keys, same order) once its score is rounded:
      // one object per component instead of two. The sums below use the unrounded score.
      const unrounded = score.score;
      score.score = round2(unrounded);
      components[component] = score;
      // Non-positive weights are left out of both sums, like the contract's weight 0.
      if (weight > 0) {
        weighted += weight * unrounded;
        weightSum += weight;
      }
    }
    if (weightSum === 0) {
      unranked.push({ cadreId: cadre.id, reason: 'noData' });
      continue;
    }
    const base = weighted / weightSum;
    const bonus = Math.min(adjustments.bonus[number] ?? 0, config.bonusCap);
    const penaltyTotal = adjustments.penalty[number] ?? 0;
    const penalty = config.penaltyCap === null ? penaltyTotal : Math.min(penaltyTotal, config.penaltyCap);
    scoredByGroup[index.groupOf[number] ?? -1]?.push({
      cadreId: cadre.id,
      finalScore: round2(base + bonus - penalty),
      base: round2(base),
      bonus: round2(bonus),
      penalty: round2(penalty),
      superior: components.superior?.score,
      peer: components.peer?.score,
      components,
      missing: missing ?? noneMissing,
      vetoed: listed.vetoed[number] === 1,
      ineligible: listed.ineligible[number] === 1,
      mark: QuotaMark.none,
    });
  }
}

/** Rule 8 with a pool per group: the blocks are the group's shared ranks. Returns each group's quota. */
function walkGroupPools(scoredByGroup: ScoredCadre[][], ranksByGroup: number[][], config: RankingConfig): number[] {
  const quotas: number[] = new Array<number>(scoredByGroup.length);
  for (let g = 0; g < scoredByGroup.length; g++) {
    const pool = scoredByGroup[g] ?? [];
    const quota = excellentQuota(pool.length, config.excellentRatio);
    const marks = walkQuota(pool, ranksByGroup[g] ?? [], quota, config.excellentMinScore);
    for (let i = 0; i < pool.length; i++) (pool[i] as ScoredCadre).mark = marks[i] ?? QuotaMark.none;
    quotas[g] = quota;
  }
  return quotas;
}

/**
 * Rule 8 with a pool per position: every group of the position together, ordered by the rule-7 key with ids
 * ascending inside equal keys; ranking that order gives equal numbers exactly to blocks of equal key.
 * Returns each group's quota, which is its pool's.
 */
function walkPositionPools(index: CadreIndex, scoredByGroup: ScoredCadre[][], config: RankingConfig): number[] {
  const quotas: number[] = new Array<number>(scoredByGroup.length).fill(0);
  const positions: readonly Position[] = ['chief', 'deputy'];
  for (const position of positions) {
    const pool: ScoredCadre[] = [];
    const members: number[] = [];
    for (let g = 0; g < index.groups.length; g++) {
      if (index.groups[g]?.position !== position) continue;
      members.push(g);
      for (const row of scoredByGroup[g] ?? []) pool.push(row);
    }
    const quota = excellentQuota(pool.length, config.excellentRatio);
    const blocks = rankInPlace(pool);
    const marks = walkQuota(pool, blocks, quota, config.excellentMinScore);
    for (let i = 0; i < pool.length; i++) (pool[i] as ScoredCadre).mark = marks[i] ?? QuotaMark.none;
    for (const g of members) quotas[g] = quota;
  }
  return quotas;
}

/** One group of the output: rows in rank order with grades and flags. */
function groupResult(
  group: CadreGroup,
  scored: ScoredCadre[],
  ranks: number[],
  quota: number,
  config: RankingConfig,
): RankingGroup {
  const rows: RankingRow[] = new Array<RankingRow>(scored.length);
  for (let i = 0; i < scored.length; i++) {
    const row = scored[i] as ScoredCadre;
    const outcome = gradeOf(row, row.mark, config);
    const flags: string[] = [];
    if (row.ineligible) flags.push('ineligible');
    for (let m = 0; m < row.missing.length; m++) flags.push(missingFlag[row.missing[m] as Component]);
    if (outcome.quotaTie) flags.push('quotaTie');
    if (outcome.veto) flags.push('veto');
    // Most rows have no flag or one: nothing to order.
    if (flags.length > 1) flags.sort(compareStrings);
    rows[i] = {
      cadreId: row.cadreId,
      rank: ranks[i] ?? 0,
      finalScore: row.finalScore,
      base: row.base,
      components: row.components,
      bonus: row.bonus,
      penalty: row.penalty,
      grade: outcome.grade,
      flags,
    };
  }
  return {
    position: group.position,
    groupKey: group.groupKey,
    size: group.members.length,
    excellentQuota: quota,
    rows,
  };
}
