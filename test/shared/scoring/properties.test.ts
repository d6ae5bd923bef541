// Property tests of computeRankings over small random assessments (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRankings, defaultRankingConfig, round2 } from '../../../shared/scoring';
import type {
  Component,
  Position,
  RankingCadre,
  RankingConfig,
  RankingInput,
  RankingResult,
  RankingRow,
  StaffGrade,
} from '../../../shared/scoring';

const runs = { numRuns: 150 };
const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];

const cadresArb: fc.Arbitrary<RankingCadre[]> = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom(...ids),
    name: fc.constant('干部'),
    position: fc.constantFrom<Position>('chief', 'deputy'),
    categoryId: fc.constantFrom('C1', 'C2'),
    unitId: fc.constantFrom('U1', 'U2', 'U3'),
  }),
  { selector: (c) => c.id, maxLength: ids.length },
);

const weightArb = fc.constantFrom(0, 0.1, 0.2, 0.3, 0.5);
const componentWeightsArb = fc.record({ superior: weightArb, peer: weightArb, staff: weightArb, service: weightArb });
const configArb: fc.Arbitrary<RankingConfig> = fc
  .record({
    weights: fc.record({ chief: componentWeightsArb, deputy: componentWeightsArb }),
    minBallots: fc.record({
      superior: fc.integer({ min: 1, max: 2 }),
      peer: fc.integer({ min: 1, max: 3 }),
      staff: fc.integer({ min: 1, max: 3 }),
      service: fc.integer({ min: 1, max: 3 }),
    }),
    trim: fc.record({ superior: fc.boolean(), peer: fc.boolean(), staff: fc.boolean(), service: fc.boolean() }),
    trimMinBallots: fc.integer({ min: 1, max: 5 }),
    penaltyCap: fc.constantFrom(null, 2),
    excellentRatio: fc.constantFrom(0.2, 0.34, 0.5),
    excellentMinScore: fc.constantFrom(0, 70, 85),
    excellentQuotaScope: fc.constantFrom('absent', 'group', 'position'),
  })
  .map(({ excellentQuotaScope, ...overrides }) => {
    const config: RankingConfig = { ...defaultRankingConfig(), ...overrides };
    // Absent must mean 'group'; the generator covers all three spellings.
    if (excellentQuotaScope !== 'absent') config.excellentQuotaScope = excellentQuotaScope as 'group' | 'position';
    return config;
  });

/** Scores from a short list so that ties are common; now and then out of range. */
const scoreArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(50, 60, 70, 80, 85, 90, 100) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 101, Number.NaN) },
);

function inputArb(cadres: RankingCadre[], config: RankingConfig): fc.Arbitrary<RankingInput> {
  const known = cadres.map((c) => c.id);
  const anyId = fc.constantFrom(...known, 'x');
  const groupKey = (c: RankingCadre) => `${c.position}:${c.position === 'chief' ? c.categoryId : c.unitId}`;
  const superiorArb = fc
    .record({
      pick: fc.nat(),
      keys: fc.array(fc.double({ noNaN: true }), { minLength: ids.length, maxLength: ids.length }),
      drop: fc.boolean(),
      rater: fc.constantFrom('L1', 'L2'),
    })
    .map(({ pick, keys, drop, rater }) => {
      const first = cadres[pick % Math.max(1, cadres.length)];
      const members = first ? cadres.filter((c) => groupKey(c) === groupKey(first)) : [];
      const order = members
        .map((c, i) => ({ id: c.id, key: keys[i] ?? 0 }))
        .sort((p, q) => p.key - q.key)
        .map((p) => p.id);
      return { raterId: rater, order: drop && order.length > 1 ? order.slice(1) : order };
    });
  const peerArb = fc
    .record({
      raterId: anyId,
      targetId: anyId,
      values: fc.array(scoreArb, { minLength: 3, maxLength: 3 }),
      extra: fc.boolean(),
    })
    .map(({ raterId, targetId, values, extra }) => {
      const target = cadres.find((c) => c.id === targetId);
      const scores: Record<string, number> = {};
      config.indicators[target?.position ?? 'chief'].forEach(({ id }, i) => (scores[id] = values[i] ?? 80));
      if (extra) scores.bogus = 50;
      return { raterId, targetId, scores };
    });
  return fc
    .record({
      config: fc.constant(config),
      cadres: fc.constant(cadres),
      superiorBallots: fc.array(superiorArb, { maxLength: 4 }),
      peerBallots: fc.array(peerArb, { maxLength: 30 }),
      staffBallots: fc.array(
        fc.record({
          targetId: anyId,
          grade: fc.constantFrom<StaffGrade>('excellent', 'good', 'fair', 'poor', 'bad' as StaffGrade),
        }),
        { maxLength: 20 },
      ),
      serviceBallots: fc.array(fc.record({ targetId: anyId, score: scoreArb }), { maxLength: 20 }),
      adjustments: fc.array(
        fc.record({ targetId: anyId, points: fc.constantFrom(-3, -1.5, 1, 2.25, 4), reason: fc.constant('') }),
        { maxLength: 4 },
      ),
      vetoes: fc.array(fc.record({ targetId: anyId, reason: fc.constant('') }), { maxLength: 2 }),
      ineligible: fc.option(fc.array(fc.record({ targetId: anyId, reason: fc.constant('诫勉') }), { maxLength: 3 }), {
        nil: undefined,
      }),
    })
    .map(({ ineligible, ...rest }) => (ineligible === undefined ? rest : { ...rest, ineligible }));
}

const assessmentArb: fc.Arbitrary<RankingInput> = fc
  .tuple(cadresArb, configArb)
  .chain(([cadres, config]) => inputArb(cadres, config))
  // fast-check builds null-prototype records; plain objects are what JSON input looks like.
  .map((input) => structuredClone(input));

/** An independent statement of "strictly better" from rule 7, to check the ranks against. */
function better(a: RankingRow, b: RankingRow): boolean {
  if (a.finalScore !== b.finalScore) return a.finalScore > b.finalScore;
  for (const c of ['superior', 'peer'] as Component[]) {
    const x = a.components[c]?.score;
    const y = b.components[c]?.score;
    if (x !== y) return y === undefined || (x !== undefined && x > y);
  }
  return false;
}

function allRows(result: RankingResult): RankingRow[] {
  return result.groups.flatMap((g) => g.rows);
}

/** The groups of each 优秀 pool: one per group, or one per position under the 'position' scope. */
function poolsOf(result: RankingResult, input: RankingInput): RankingResult['groups'][] {
  if (input.config.excellentQuotaScope !== 'position') return result.groups.map((g) => [g]);
  return (['chief', 'deputy'] as Position[])
    .map((p) => result.groups.filter((g) => g.position === p))
    .filter((pool) => pool.length > 0);
}

describe('computeRankings properties', () => {
  it('does not depend on the order of the cadre list', () => {
    fc.assert(
      fc.property(
        assessmentArb.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray(input.cadres, { minLength: input.cadres.length, maxLength: input.cadres.length }),
          ),
        ),
        ([input, shuffled]) => {
          expect(JSON.stringify(computeRankings({ ...input, cadres: shuffled }))).toBe(
            JSON.stringify(computeRankings(input)),
          );
        },
      ),
      runs,
    );
  });

  it('puts every cadre exactly once in the groups or in unranked', () => {
    fc.assert(
      fc.property(assessmentArb, (input) => {
        const result = computeRankings(input);
        const seen = [...allRows(result).map((r) => r.cadreId), ...result.unranked.map((u) => u.cadreId)];
        expect([...seen].sort()).toStrictEqual(input.cadres.map((c) => c.id).sort());
        const sizes = result.groups.reduce((sum, g) => sum + g.size, 0);
        expect(sizes).toBe(input.cadres.length);
      }),
      runs,
    );
  });

  it('never gives more 优秀 than the quota of the pool', () => {
    fc.assert(
      fc.property(assessmentArb, (input) => {
        const result = computeRankings(input);
        for (const pool of poolsOf(result, input)) {
          const rows = pool.flatMap((g) => g.rows);
          const quota = Math.floor(rows.length * input.config.excellentRatio + 1e-9);
          for (const group of pool) expect(group.excellentQuota).toBe(quota);
          expect(rows.filter((r) => r.grade === 'excellent').length).toBeLessThanOrEqual(quota);
        }
      }),
      runs,
    );
  });

  it('gives a position pool at least the sum of its group quotas', () => {
    fc.assert(
      fc.property(assessmentArb, (input) => {
        const grouped = computeRankings({ ...input, config: { ...input.config, excellentQuotaScope: 'group' } });
        const pooled = computeRankings({ ...input, config: { ...input.config, excellentQuotaScope: 'position' } });
        for (const position of ['chief', 'deputy'] as Position[]) {
          const sum = grouped.groups.filter((g) => g.position === position).reduce((s, g) => s + g.excellentQuota, 0);
          const pool = pooled.groups.find((g) => g.position === position)?.excellentQuota ?? 0;
          expect(pool).toBeGreaterThanOrEqual(sum);
        }
      }),
      runs,
    );
  });

  it('never makes an ineligible cadre 优秀, and flags every ranked one listed', () => {
    fc.assert(
      fc.property(assessmentArb, (input) => {
        const listed = new Set((input.ineligible ?? []).map((i) => i.targetId));
        for (const row of allRows(computeRankings(input))) {
          expect(row.flags.includes('ineligible')).toBe(listed.has(row.cadreId));
          if (listed.has(row.cadreId)) expect(row.grade).not.toBe('excellent');
        }
      }),
      runs,
    );
  });

  it('gives 优秀 from the top of each pool: no candidate better than an 优秀 cadre is left without it', () => {
    fc.assert(
      fc.property(assessmentArb, (input) => {
        const result = computeRankings(input);
        const barred = new Set([...input.vetoes, ...(input.ineligible ?? [])].map((v) => v.targetId));
        for (const pool of poolsOf(result, input)) {
          const rows = pool.flatMap((g) => g.rows);
          const candidates = rows.filter(
            (r) => !barred.has(r.cadreId) && r.finalScore >= input.config.excellentMinScore,
          );
          for (const winner of rows.filter((r) => r.grade === 'excellent')) {
            for (const other of candidates) if (better(other, winner)) expect(other.grade).toBe('excellent');
          }
        }
      }),
      runs,
    );
  });

  it('treats an absent ineligible list as an empty one', () => {
    fc.assert(
      fc.property(assessmentArb, (input) => {
        const { ineligible: _ignored, ...without } = input;
        expect(JSON.stringify(computeRankings({ ...without, ineligible: [] }))).toBe(
          JSON.stringify(computeRankings(without)),
        );
      }),
      runs,
    );
  });

  it('ranks each row 1 + the number of rows strictly better, ties by id', () => {
    fc.assert(
      fc.property(assessmentArb, (input) => {
        for (const { rows } of computeRankings(input).groups) {
          rows.forEach((row, i) => {
            expect(row.rank).toBe(1 + rows.filter((other) => better(other, row)).length);
            const previous = rows[i - 1];
            if (previous) {
              expect(previous.rank).toBeLessThanOrEqual(row.rank);
              if (previous.rank === row.rank) expect(previous.cadreId < row.cadreId).toBe(true);
            }
          });
        }
      }),
      runs,
    );
  });

  it('outputs rounded numbers, sorted flags and sorted reports, and survives a JSON round trip', () => {
    fc.assert(
      fc.property(assessmentArb, (input) => {
        const result = computeRankings(input);
        expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
        for (const row of allRows(result)) {
          for (const n of [
            row.finalScore,
            row.base,
            row.bonus,
            row.penalty,
            ...Object.values(row.components).map((c) => c.score),
          ]) {
            expect(round2(n)).toBe(n);
          }
          expect([...row.flags].sort()).toStrictEqual(row.flags);
        }
        const keys = result.invalidBallots.map((b) => [b.kind, b.index] as const);
        const sorted = [...keys].sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : p[1] - q[1]));
        expect(keys).toStrictEqual(sorted);
      }),
      runs,
    );
  });

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(assessmentArb, (input) => {
        const before = structuredClone(input);
        computeRankings(input);
        expect(input).toStrictEqual(before);
      }),
      runs,
    );
  });
});
