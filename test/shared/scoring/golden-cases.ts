// Seeded inputs for the golden test: every rule the optimizations could disturb, at small and bench-like sizes.
import { defaultRankingConfig } from '../../../shared/scoring/defaults';
import type { RankingConfig, RankingInput } from '../../../shared/scoring/types';
import { generateAssessment } from './generate';

/** Adds invalid ballots of every reason, a few exact ties and odd adjustments, deterministically. */
function roughen(input: RankingInput): RankingInput {
  const ids = input.cadres.map((c) => c.id);
  const first = ids[0] ?? 'x';
  const second = ids[1] ?? 'y';
  const sup = input.superiorBallots;
  const peer = input.peerBallots;
  const some = sup[0];
  if (some !== undefined) {
    sup.push({ raterId: 'leader-9', order: [...some.order, 'nobody'] }); // unknownCadre
    sup.push({ raterId: 'leader-9', order: some.order.slice(1) }); // notWholeGroup (short)
    sup.push({ raterId: 'leader-9', order: [] }); // notWholeGroup (empty)
    sup.push({ raterId: 'leader-8', order: [...some.order].reverse() }); // duplicate of the next one
    sup.push({ raterId: 'leader-8', order: some.order }); // counts
    sup.push({ raterId: 'leader-7', order: 'oops' as unknown as string[] }); // not an array
  }
  const aPeer = peer.find((p) => p.raterId !== p.targetId && ids.includes(p.targetId));
  if (aPeer !== undefined) {
    const scores = aPeer.scores;
    peer.push({ ...aPeer, targetId: aPeer.raterId }); // self
    peer.push({ ...aPeer, raterId: 'stranger' }); // unknownCadre
    peer.push({ ...aPeer, scores: { ...scores, extra: 1 } }); // indicators
    peer.push({ ...aPeer, scores: {} }); // indicators
    peer.push({ ...aPeer, scores: null as unknown as Record<string, number> }); // indicators
    const keys = Object.keys(scores);
    const k0 = keys[0] ?? 'zz1';
    peer.push({ ...aPeer, scores: { ...scores, [k0]: 101 } }); // outOfRange
    peer.push({ ...aPeer, scores: { ...scores, [k0]: Number.NaN } }); // outOfRange
    peer.push({ ...aPeer, scores: { ...scores, [k0]: '80' as unknown as number } }); // outOfRange
    peer.push({ ...aPeer, scores: { ...scores } }); // duplicate: the earlier one no longer counts
  }
  const chiefId = input.cadres.find((c) => c.position === 'chief')?.id;
  const deputyId = input.cadres.find((c) => c.position === 'deputy')?.id;
  if (chiefId !== undefined && deputyId !== undefined) peer.push({ raterId: chiefId, targetId: deputyId, scores: {} }); // otherGroup
  input.staffBallots.push({ targetId: 'nobody', grade: 'good' }, { targetId: first, grade: 'great' as never });
  input.serviceBallots.push(
    { targetId: 'nobody', score: 80 },
    { targetId: second, score: -1 },
    { targetId: second, score: Infinity },
  );
  input.adjustments.push(
    { targetId: first, points: 9, reason: 'cap' },
    { targetId: first, points: Number.NaN, reason: 'nan' },
    { targetId: 'nobody', points: 3, reason: 'none' },
    { targetId: second, points: -7.5, reason: 'penalty' },
  );
  input.vetoes.push({ targetId: second, reason: 'v' }, { targetId: 'nobody', reason: 'v' });
  // A repeated cadre id keeps its first entry.
  const dup = input.cadres[2];
  if (dup !== undefined) input.cadres.push({ ...dup, name: 'again', position: 'chief' });
  return input;
}

/** Everyone in a group gets the same values: ties on score, superior and peer, broken by id and by quota. */
function tiedGroup(): RankingInput {
  const config = {
    ...defaultRankingConfig(),
    weights: {
      chief: { superior: 0, peer: 0, staff: 1, service: 1 },
      deputy: { superior: 0, peer: 0, staff: 1, service: 1 },
    },
  };
  const cadres = Array.from({ length: 12 }, (_, i) => ({
    id: `t-${String(11 - i)}`,
    name: 'x',
    position: 'deputy' as const,
    categoryId: 'c',
    unitId: i < 7 ? 'u1' : 'u2',
  }));
  const staffBallots = cadres.flatMap((c, i) => [
    { targetId: c.id, grade: i % 3 === 0 ? ('good' as const) : ('excellent' as const) },
  ]);
  const serviceBallots = cadres.map((c, i) => ({ targetId: c.id, score: i % 3 === 0 ? 85 : 100 }));
  return {
    config,
    cadres,
    superiorBallots: [],
    peerBallots: [],
    staffBallots,
    serviceBallots,
    adjustments: [],
    vetoes: [{ targetId: 't-5', reason: 'v' }],
  };
}

function withConfig(input: RankingInput, patch: Partial<RankingConfig>): RankingInput {
  return { ...input, config: { ...input.config, ...patch } };
}

export interface GoldenCase {
  name: string;
  make: () => RankingInput;
}

export const goldenCases: GoldenCase[] = [
  { name: 'tiny default', make: () => generateAssessment(30, 400, 1) },
  { name: 'tiny roughened', make: () => roughen(generateAssessment(40, 600, 2)) },
  { name: 'ties and quota straddle', make: () => tiedGroup() },
  {
    name: 'missing components (high minBallots), trimming everywhere',
    make: () =>
      withConfig(roughen(generateAssessment(300, 3_000, 3)), {
        minBallots: { superior: 4, peer: 6, staff: 3, service: 5 },
        trim: { superior: true, peer: true, staff: true, service: true },
        trimMinBallots: 3,
        penaltyCap: 2,
      }),
  },
  {
    name: 'no trimming, zero and negative weights, odd quota',
    make: () =>
      withConfig(roughen(generateAssessment(500, 8_000, 4)), {
        weights: {
          chief: { superior: 0.5, peer: 0, staff: -1, service: 0.5 },
          deputy: { superior: 0, peer: 1, staff: 0, service: 0 },
        },
        trim: { superior: false, peer: false, staff: false, service: false },
        excellentRatio: 0.33,
        excellentMinScore: 70,
        vetoGrade: 'incompetent',
      }),
  },
  {
    name: 'repeated indicator id, all weights zero for deputies (noData)',
    make: () => {
      const input = generateAssessment(200, 2_000, 5);
      const indicators = {
        chief: [...input.config.indicators.chief, { id: 'zz1', weight: 0 }],
        deputy: input.config.indicators.deputy,
      };
      return withConfig(input, {
        indicators,
        weights: { chief: input.config.weights.chief, deputy: { superior: 0, peer: 0, staff: 0, service: 0 } },
      });
    },
  },
  { name: 'medium roughened', make: () => roughen(generateAssessment(2_000, 40_000, 6)) },
  { name: 'bench input', make: () => generateAssessment(10_000, 200_000, 42) },
];
