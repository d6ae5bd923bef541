// JSON columns are read through a schema at the edge of the store: a corrupt value is a clear error naming the
// column (never a wrong shape passed on under a cast), and the columns read this way still round-trip.
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { readDetail } from '../../db/assessment/lifecycle';
import { scoresOf, sortOrderOf } from '../../db/assessment/ballot-columns';
import { archivedResultOf, summarizedResultOf } from '../../db/assessment/result-column';
import { CorruptColumnError, parseJsonColumn } from '../../db/store/json-column';
import { codeCostOf, packageGroupNamesOf, refusedOf, storedBallotOf } from '../../db/terminal/columns';
import { createC1, enterWorkedExample, seedRoster, startCollecting } from '../helpers/assessment';
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

describe('the per-ballot columns and the stored results', () => {
  test('a 上级排名 order and a 同级互评 ballot read back; a wrong shape names its column', () => {
    expect(sortOrderOf('[3,1,2]')).toEqual([3, 1, 2]);
    expect(scoresOf('{"zz1":90,"zz2":85.5}')).toEqual({ zz1: 90, zz2: 85.5 });
    expect(() => sortOrderOf('[3,"1"]')).toThrow(
      '存储中的数据已损坏（assessment_superior_ballots.sort_order）：内容不符合预期',
    );
    expect(() => sortOrderOf('{"0":3}')).toThrow(/sort_order/);
    expect(() => scoresOf('{"zz1":"90"}')).toThrow(
      '存储中的数据已损坏（assessment_peer_ballots.scores）：内容不符合预期',
    );
    expect(() => scoresOf('[90]')).toThrow(CorruptColumnError);
    expect(() => scoresOf('{"zz1":')).toThrow('（assessment_peer_ballots.scores）：不是有效的 JSON');
  });

  test('a stored result reads back; a broken one names its column', () => {
    const result = { groups: [], unranked: [{ cadreId: '7', reason: 'noData' }], invalidBallots: [] };
    expect(summarizedResultOf(JSON.stringify(result))).toEqual(result);
    expect(summarizedResultOf(null)).toBeNull();
    expect(() => summarizedResultOf('{"groups":[{}]}')).toThrow(
      /^存储中的数据已损坏（assessments\.summarized_result）：groups\.0\./,
    );
    const archived = { result, invalidBallots: [], confirmations: [] };
    expect(archivedResultOf(JSON.stringify(archived))).toEqual(archived);
    expect(() => archivedResultOf(JSON.stringify({ result }))).toThrow(
      /（assessments\.archived_result）：invalidBallots/,
    );
  });

  test('ballots.list over a corrupt stored order fails without changing anything', async () => {
    const h = await newRosterHost();
    const r = await seedRoster(h);
    const a = await startCollecting(h, await createC1(h));
    await enterWorkedExample(h, a.id, r);
    expect((await h.ok('ballots.list', { assessmentId: a.id })).superior).toHaveLength(2);
    const db = h.host.session().db;
    await sql`UPDATE assessment_superior_ballots SET sort_order = '["x"]' WHERE rater_label = 'L1'`.execute(db);
    expect((await h.err('ballots.list', { assessmentId: a.id })).code).toBe('INTERNAL');
    const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM assessment_superior_ballots`.execute(db);
    expect(rows.rows[0]?.n).toBe(2);
  });
});

describe('the terminal tables’ JSON columns', () => {
  test('read back through their schemas; a wrong shape names its column', () => {
    expect(storedBallotOf('{"kind":"superior","order":[2,1]}', 'terminal_set_aside.ballot')).toEqual({
      kind: 'superior',
      order: [2, 1],
    });
    expect(() => storedBallotOf('{"kind":"superior","order":[]}', 'terminal_set_aside.ballot')).toThrow(
      /^存储中的数据已损坏（terminal_set_aside\.ballot）/,
    );
    expect(packageGroupNamesOf('[{"ref":"chief:C1","name":"乡镇正职"}]')).toEqual(['乡镇正职']);
    expect(() => packageGroupNamesOf('[{"ref":"chief:C1"}]')).toThrow(/（terminal_packages\.groups）/);
    expect(refusedOf('[]')).toEqual([]);
    expect(() => refusedOf('[{"why":1}]')).toThrow(/（terminal_packages\.refused）/);
    expect(codeCostOf('{"N":4096,"r":8,"p":1}')).toEqual({ N: 4096, r: 8, p: 1 });
    expect(() => codeCostOf('{"N":4096}')).toThrow(/（terminal_packages\.code_cost）/);
  });
});
