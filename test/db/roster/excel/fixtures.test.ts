// The committed fixtures match their definitions in fixtures.ts (and are rewritten with WRITE_FIXTURES=1).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRosterWorkbook } from '../../../../db/roster/excel/parse';
import { buildErrorsFixture, buildValidFixture } from './fixtures';
import { FIXTURES, fixture } from './helpers';

const builders = { 'roster-valid.xlsx': buildValidFixture, 'roster-errors.xlsx': buildErrorsFixture } as const;

describe('committed fixtures', () => {
  for (const [name, build] of Object.entries(builders)) {
    it(`${name} holds what fixtures.ts defines`, async () => {
      const fresh = await build();
      if (process.env.WRITE_FIXTURES) writeFileSync(join(FIXTURES, name), fresh);
      expect(await parseRosterWorkbook(fixture(name))).toStrictEqual(await parseRosterWorkbook(fresh));
    });
  }
});
