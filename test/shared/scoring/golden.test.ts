// Golden outputs of computeRankings, recorded before the issue-5 speed work: any change to a result shows here.
// Regenerate only for an intended rule change: GOLDEN_UPDATE=1 npx vitest run --project unit test/shared/scoring/golden.test.ts
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { computeRankings } from '../../../shared/scoring';
import { goldenCases } from './golden-cases';

const fixture = join(__dirname, 'fixtures', 'golden-sha256.json');

/** Through JSON, as the store hands it over; the hash is of the exact serialized result, key order included. */
function digest(make: () => unknown): string {
  const input = JSON.parse(JSON.stringify(make()));
  return createHash('sha256')
    .update(JSON.stringify(computeRankings(input)))
    .digest('hex');
}

describe('computeRankings golden outputs', () => {
  const expected = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, string>;
  const actual: Record<string, string> = {};
  for (const { name, make } of goldenCases) {
    test(name, () => {
      actual[name] = digest(make);
      if (process.env.GOLDEN_UPDATE !== '1') expect(actual[name]).toBe(expected[name]);
    });
  }
  test.runIf(process.env.GOLDEN_UPDATE === '1')('write the fixture', () => {
    writeFileSync(fixture, `${JSON.stringify(actual, null, 2)}\n`);
  });
});
