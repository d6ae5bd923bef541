// 1,000 generated .lrmx files: written to a temp folder, then read and mapped. Logs the time; asserts only results.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { personToCadre, suggestPosition, suggestUnit } from '../../../../db/roster/lrmx/map';
import { readLrmx } from '../../../../db/roster/lrmx/read';
import { writeLrmx } from '../../../../db/roster/lrmx/write';
import { generateDetailed, GENERATED_UNITS } from './generate';
import { TODAY } from './helpers';

describe('1,000 files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lrmx-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('write, read and map them all, with the right suggestions', () => {
    const generated = generateDetailed(1000, 2026);
    const t0 = performance.now();
    generated.forEach((g, i) =>
      writeFileSync(join(dir, `${String(i).padStart(4, '0')}-${g.person.xingMing}.lrmx`), writeLrmx(g.person)),
    );
    const t1 = performance.now();
    const files = readdirSync(dir).sort();
    const mapped = files.map((f) => {
      const r = readLrmx(readFileSync(join(dir, f)));
      if (!r.ok) throw new Error(`${f}: ${r.error}`);
      return { read: r, cadre: personToCadre(r.person, { today: TODAY }) };
    });
    const t2 = performance.now();
    console.info(
      `1,000 .lrmx files: write ${(t1 - t0).toFixed(0)} ms, read + map ${(t2 - t1).toFixed(0)} ms, total ${(t2 - t0).toFixed(0)} ms`,
    );

    expect(files).toHaveLength(1000);
    mapped.forEach(({ read, cadre }, i) => {
      const g = generated[i]!;
      expect(read.person).toEqual(g.person);
      expect(read.warnings).toEqual([]);
      expect(cadre.issues).toEqual([]);
      expect(cadre.fields.postSince).toBe(g.postSince);
      expect(cadre.fields.family.length).toBeGreaterThanOrEqual(2);
      expect(cadre.fields.annualResults).toHaveLength(3);
      expect(suggestPosition(cadre.fields.currentPost)).toBe(g.chief ? 'chief' : 'deputy');
      expect(GENERATED_UNITS.find((u) => u.id === suggestUnit(cadre.fields.currentPost, GENERATED_UNITS))?.name).toBe(
        g.unitName,
      );
    });
  });
});
