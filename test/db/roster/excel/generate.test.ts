// The roster generator (deterministic, valid) and the import benchmark: 10,000 rows across 400 units.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { parseRosterWorkbook } from '../../../../db/roster/excel/parse';
import { validateRosterRows } from '../../../../db/roster/excel/validate';
import { generateRosterRows, generateRosterWorkbook, generateUnits } from './generate';
import { TODAY } from './helpers';

describe('generateRosterWorkbook', () => {
  it('is deterministic per seed and makes distinct units', () => {
    const units = generateUnits(400, 1);
    expect(new Set(units.map((u) => u.name)).size).toBe(400);
    expect(JSON.stringify(generateRosterRows(200, units, 7))).toBe(JSON.stringify(generateRosterRows(200, units, 7)));
    expect(JSON.stringify(generateRosterRows(200, units, 8))).not.toBe(
      JSON.stringify(generateRosterRows(200, units, 7)),
    );
  });

  it('writes a workbook whose rows all validate (mixed date styles, valid 身份证号)', async () => {
    const units = generateUnits(30, 2);
    const parsed = await parseRosterWorkbook(await generateRosterWorkbook(500, units, 3));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.rows).toHaveLength(500);
    const result = validateRosterRows(parsed.rows, { units, today: TODAY });
    expect(result.rows.filter((r) => r.issues.length > 0).slice(0, 3)).toStrictEqual([]);
    expect(new Set(result.rows.map((r) => r.input!.birthMonth.length))).toStrictEqual(new Set([7]));
  });

  // About 8 s with the generation, so only on demand: ROSTER_BENCH=1 npx vitest run --project unit test/db/roster/excel/generate
  it.runIf(process.env.ROSTER_BENCH)(
    'benchmark: parse + validate 10,000 rows across 400 units (timed, not asserted)',
    async () => {
      const units = generateUnits(400, 1);
      const bytes = await generateRosterWorkbook(10_000, units, 42);
      const t0 = performance.now();
      const parsed = await parseRosterWorkbook(bytes);
      const t1 = performance.now();
      if (!parsed.ok) throw new Error(parsed.error);
      const result = validateRosterRows(parsed.rows, { units, today: TODAY });
      const t2 = performance.now();
      console.log(
        `roster import benchmark: ${(bytes.length / 1024).toFixed(0)} KB, 10000 rows / 400 units — ` +
          `parse ${(t1 - t0).toFixed(0)} ms, validate ${(t2 - t1).toFixed(0)} ms, total ${(t2 - t0).toFixed(0)} ms`,
      );
      expect(result.validCount).toBe(10_000);
    },
  );
});
