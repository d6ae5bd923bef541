// The default ranking configuration, from the "Assessment indicators" section of domain/catalog.md.
import type { RankingConfig } from './types';

/** A fresh object on every call, so callers may edit it freely. */
export function defaultRankingConfig(): RankingConfig {
  return {
    weights: {
      chief: { superior: 0.3, peer: 0.2, staff: 0.3, service: 0.2 },
      deputy: { superior: 0.4, peer: 0.2, staff: 0.25, service: 0.15 },
    },
    indicators: {
      chief: [
        { id: 'zz1', weight: 0.35 }, // 战略谋划
        { id: 'zz2', weight: 0.35 }, // 团队引领
        { id: 'zz3', weight: 0.3 }, // 攻坚克难
      ],
      deputy: [
        { id: 'fz1', weight: 0.6 }, // 分管领域工作实绩
        { id: 'fz2', weight: 0.4 }, // 配合执行成效
      ],
    },
    superiorFloor: 60,
    staffPoints: { excellent: 100, good: 85, fair: 70, poor: 50 },
    minBallots: { superior: 1, peer: 1, staff: 1, service: 1 },
    trim: { superior: false, peer: true, staff: false, service: true },
    trimMinBallots: 5,
    bonusCap: 5,
    penaltyCap: null,
    excellentRatio: 0.2,
    excellentMinScore: 85,
    competentMinScore: 60,
    basicMinScore: 50,
    vetoGrade: 'basicallyCompetent',
  };
}
