// Small builders shared by the scoring tests, so each test states only what it is about.
import { defaultRankingConfig } from '../../../shared/scoring/defaults';
import type {
  Component,
  RankingCadre,
  RankingConfig,
  RankingInput,
  RankingResult,
  RankingRow,
} from '../../../shared/scoring/types';

export function chief(id: string, categoryId = 'C1', unitId = `U-${id}`): RankingCadre {
  return { id, name: id, position: 'chief', categoryId, unitId };
}

export function deputy(id: string, unitId = 'U1', categoryId = 'C1'): RankingCadre {
  return { id, name: id, position: 'deputy', categoryId, unitId };
}

export function makeInput(
  parts: Partial<Omit<RankingInput, 'config'>> & { config?: Partial<RankingConfig> },
): RankingInput {
  const { config, ...rest } = parts;
  return {
    config: { ...defaultRankingConfig(), ...config },
    cadres: [],
    superiorBallots: [],
    peerBallots: [],
    staffBallots: [],
    serviceBallots: [],
    adjustments: [],
    vetoes: [],
    ...rest,
  };
}

/** Weights on one component only, untrimmed, so a cadre's final score is simply that component's mean. */
export function onlyComponent(component: Component): Partial<RankingConfig> {
  const weights: Record<Component, number> = { superior: 0, peer: 0, staff: 0, service: 0 };
  weights[component] = 1;
  return {
    weights: { chief: weights, deputy: { ...weights } },
    trim: { superior: false, peer: false, staff: false, service: false },
  };
}

/** Service-only chiefs in one category: cadre ids and final scores in one go. */
export function serviceScored(scores: Record<string, number>, config: Partial<RankingConfig> = {}): RankingInput {
  return makeInput({
    config: { ...onlyComponent('service'), ...config },
    cadres: Object.keys(scores).map((id) => chief(id)),
    serviceBallots: Object.entries(scores).map(([targetId, score]) => ({ targetId, score })),
  });
}

export function chiefScores(zz: number): Record<string, number> {
  return { zz1: zz, zz2: zz, zz3: zz };
}

export function rowOf(result: RankingResult, cadreId: string): RankingRow {
  for (const group of result.groups) {
    const row = group.rows.find((r) => r.cadreId === cadreId);
    if (row) return row;
  }
  throw new Error(`no row for ${cadreId}`);
}
