// computeRankings at the scale of issue 5: 10,000 cadres and 200,000 ballots.
import { expect, test } from 'vitest';
import { computeRankings } from '../shared/scoring';
import { generateAssessment } from '../test/shared/scoring/generate';
import { percentile, record } from './figures';

test('computeRankings on 10,000 cadres and 200,000 ballots', () => {
  // Through JSON, as the input arrives from the store: fresh objects and strings, nothing pre-warmed.
  const json = JSON.stringify(generateAssessment(10_000, 200_000, 42));
  const first = JSON.parse(json);
  const t0 = performance.now();
  const result = computeRankings(first);
  record('computeRankings, first call in the process', performance.now() - t0, 'ms', 300);
  expect(result.groups.length).toBeGreaterThan(0);
  const times: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    const input = JSON.parse(json);
    const t = performance.now();
    computeRankings(input);
    times.push(performance.now() - t);
  }
  record('computeRankings, median of 7 further calls', percentile(times, 50), 'ms', 300);
});
