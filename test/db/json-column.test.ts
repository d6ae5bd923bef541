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
