// The member snapshot has one mapping (toMember) and one group key (groupRefOf), and a ranking reads it once.
import { describe, expect, test } from 'vitest';
import { groupMembers, memberMap } from '../../../db/assessment/ballots';
import { readMembers } from '../../../db/assessment/members';
import { rankingsView } from '../../../db/assessment/rankings';
import { groupRefOf } from '../../../shared/assessment/types';
import { createC1, enterWorkedExample, seedRoster, startCollecting } from '../../helpers/assessment';
import { countSelects } from '../../helpers/query-count';
import { newRosterHost } from '../../helpers/roster';

async function ranked() {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  await enterWorkedExample(h, a.id, r);
  return { h, r, id: a.id, db: h.host.session().db };
}

describe('the member snapshot', () => {
  test('every reader maps a member the same way', async () => {
    const { r, id, db } = await ranked();
    const all = await readMembers(db, id);
    const byId = new Map(all.map((m) => [m.cadreId, m]));
    expect(all.map((m) => m.cadreId).sort()).toEqual([r.a, r.b, r.c, r.d, r.e].sort());
    expect([...(await memberMap(db, id, [r.a, r.d])).values()]).toEqual([byId.get(r.a), byId.get(r.d)]);
    expect(await groupMembers(db, id, `deputy:${r.units.wulan}`)).toEqual([byId.get(r.d), byId.get(r.e)]);
  });

  test('the rankings name and order their groups by groupRefOf, and read the members once', async () => {
    const { h, id, db } = await ranked();
    const row = await db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const reads = countSelects();
    const view = await rankingsView(db.withPlugin(reads.plugin), row);
    expect(reads.reads('assessment_members')).toBe(1);
    const refs = [...new Set(Object.values(view.members).map(groupRefOf))];
    expect(Object.keys(view.groupNames).sort()).toEqual([...refs].sort());
    expect([...(view.groupOrder ?? [])].sort()).toEqual([...refs].sort());
    expect(view.groupNames['chief:C1']).toBe('正职·' + Object.values(view.members)[0]!.categoryName);
    // The same view through the call.
    expect((await h.ok('rankings.get', { assessmentId: id })).groupNames).toEqual(view.groupNames);
  });
});
