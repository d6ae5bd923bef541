// JSON columns are read through a schema at the edge of the store: a corrupt value is a clear error naming the
// column (never a wrong shape passed on under a cast), and the columns read this way still round-trip.
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { readDetail } from '../../db/assessment/lifecycle';
import { CorruptColumnError, parseJsonColumn } from '../../db/store/json-column';
import { createC1, seedRoster } from '../helpers/assessment';
import { newRosterHost } from '../helpers/roster';

describe('parseJsonColumn', () => {
  const ids = z.array(z.number().int());
  test('returns the parsed value when it fits the schema', () => {
    expect(parseJsonColumn(ids, '[1,2,3]', 't.c')).toEqual([1, 2, 3]);
  });
  test('names the column and what is wrong: not JSON, or not the shape', () => {
    expect(() => parseJsonColumn(ids, '[1,', 't.c')).toThrow('存储中的数据已损坏（t.c）：不是有效的 JSON');
    expect(() => parseJsonColumn(ids, '[1,"x"]', 't.c')).toThrow(/^存储中的数据已损坏（t\.c）：1：/);
    expect(() => parseJsonColumn(ids, '{}', 't.c')).toThrow(CorruptColumnError);
  });
});

describe('a stored assessment scope', () => {
  test('reads back through its schema, and a corrupt one is refused naming assessments.scope', async () => {
    const h = await newRosterHost();
    await seedRoster(h);
    const a = await createC1(h);
    expect((await h.ok('assessments.get', { id: a.id })).scope).toEqual({ categoryCodes: ['C1'], unitIds: [] });
    await sql`UPDATE assessments SET scope = '{"categoryCodes":"C1"}' WHERE id = ${a.id}`.execute(h.host.session().db);
    const session = h.host.session();
    await expect(readDetail(session.db, a.id, session.user)).rejects.toThrow(/已损坏（assessments\.scope）/);
  });
});

describe('a stored assessment configuration', () => {
  test('a row written under older rules still reads: missing later settings, a retired key, weights off 1', async () => {
    const h = await newRosterHost();
    await seedRoster(h);
    const a = await createC1(h);
    const old: Record<string, unknown> = { ...a.config, retiredSetting: true };
    delete old.excellentQuotaScope;
    delete old.staffExcellentCap;
    delete old.participationMinShare;
    // The form refuses indicator weights that do not sum to 1; a row stored before that rule must still open.
    old.indicators = { ...a.config.indicators, chief: [{ id: 'zz1', weight: 0.5 }] };
    const text = JSON.stringify(old);
    await sql`UPDATE assessments SET config = ${text} WHERE id = ${a.id}`.execute(h.host.session().db);
    const read = (await h.ok('assessments.get', { id: a.id })).config;
    expect(read.indicators.chief).toEqual([{ id: 'zz1', weight: 0.5 }]);
    expect(read.excellentQuotaScope).toBeUndefined();
    expect(read).not.toHaveProperty('retiredSetting');
    expect(read.weights).toEqual(a.config.weights);
  });

  test('a corrupt configuration is refused naming assessments.config', async () => {
    const h = await newRosterHost();
    await seedRoster(h);
    const a = await createC1(h);
    const broken = JSON.stringify({ ...a.config, weights: { chief: a.config.weights.chief } });
    await sql`UPDATE assessments SET config = ${broken} WHERE id = ${a.id}`.execute(h.host.session().db);
    const session = h.host.session();
    await expect(readDetail(session.db, a.id, session.user)).rejects.toThrow(
      /^存储中的数据已损坏（assessments\.config）：weights\.deputy：/,
    );
    await sql`UPDATE assessments SET config = '{' WHERE id = ${a.id}`.execute(session.db);
    await expect(readDetail(session.db, a.id, session.user)).rejects.toThrow('（assessments.config）：不是有效的 JSON');
  });
});
