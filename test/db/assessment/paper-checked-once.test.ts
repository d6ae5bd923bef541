// A paper entry is checked once, when it is entered (or resolved): the matching second entry is counted without the
// ballot checks running again, and a wrong or different second entry is still refused or held back.
import { describe, expect, test } from 'vitest';
import { loadAssessment } from '../../../db/assessment/access';
import { indicatorNames } from '../../../db/assessment/lifecycle';
import { enterPaper } from '../../../db/assessment/paper';
import type { PaperBallot } from '../../../shared/assessment/paper';
import { assessmentTables, createC1, seedRoster, startCollecting } from '../../helpers/assessment';
import { countSelects } from '../../helpers/query-count';
import { addUser, loginAs, newRosterHost } from '../../helpers/roster';
import { wholeBallots } from '../../../shared/assessment/ballot-parts';

const CLERK2 = { username: 'clerk2', password: 'Clerk2@2025' } as const;
const same = (x: number) => ({ zz1: x, zz2: x, zz3: x });

async function firstEntered(paperNo: string, ballot: (r: Awaited<ReturnType<typeof seedRoster>>) => PaperBallot) {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  await addUser(h, { ...CLERK2, displayName: '考核录入员乙', role: 'assessmentClerk' });
  await loginAs(h, 'assessmentClerk');
  await h.ok('paper.enter', { assessmentId: a.id, paperNo, ballot: ballot(r) });
  await h.ok('session.login', CLERK2);
  return { h, r, id: a.id };
}

/** The second entry, entered straight through enterPaper on a connection that counts its reads. */
async function secondEntry(h: Awaited<ReturnType<typeof firstEntered>>['h'], id: number, no: string, b: PaperBallot) {
  const session = h.host.session();
  const counter = countSelects();
  const db = session.db.withPlugin(counter.plugin);
  const row = await loadAssessment(db, id, session.user);
  const result = await enterPaper(db, row, no, b, session.user, await indicatorNames(db));
  return { result, counter };
}

describe('a matching paper entry', () => {
  test('上级排名: counted with the group read once (the entry check), not checked again by the save', async () => {
    const ballot = (r: { a: number; b: number; c: number }): PaperBallot => ({
      kind: 'superior',
      group: 'chief:C1',
      order: [r.b, r.a, r.c],
    });
    const { h, r, id } = await firstEntered('SJ-1', ballot);
    const { result, counter } = await secondEntry(h, id, 'SJ-1', ballot(r));
    expect(result).toEqual({ paperNo: 'SJ-1', entryNo: 2, state: 'matched' });
    expect(counter.reads('assessment_members')).toBe(1);
    expect(wholeBallots(await h.ok('ballots.list', { assessmentId: id })).superior).toEqual([
      expect.objectContaining({ raterLabel: '纸质票 SJ-1', order: [r.b, r.a, r.c], paperNo: 'SJ-1' }),
    ]);
  });

  test('同级互评: counted with the members and the kiosk seats read once each', async () => {
    const ballot = (r: { a: number; b: number; c: number }): PaperBallot => ({
      kind: 'peer',
      raterId: r.a,
      ballots: [
        { targetId: r.b, scores: same(85) },
        { targetId: r.c, scores: same(70) },
      ],
    });
    const { h, r, id } = await firstEntered('HP-1', ballot);
    const { result, counter } = await secondEntry(h, id, 'HP-1', ballot(r));
    expect(result.state).toBe('matched');
    expect(counter.reads('assessment_members')).toBe(1);
    expect(counter.reads('assessment_panel_codes')).toBe(1);
    expect(wholeBallots(await h.ok('ballots.list', { assessmentId: id })).peer.map((b) => b.scores)).toEqual([
      same(85),
      same(70),
    ]);
  });

  test('a second entry that is not a valid ballot is still refused, and one that differs is not counted', async () => {
    const ballot = (r: { a: number; b: number; c: number }): PaperBallot => ({
      kind: 'superior',
      group: 'chief:C1',
      order: [r.b, r.a, r.c],
    });
    const { h, r, id } = await firstEntered('SJ-2', ballot);
    const before = await assessmentTables(h);
    const incomplete: PaperBallot = { kind: 'superior', group: 'chief:C1', order: [r.b, r.a] };
    expect(await h.err('paper.enter', { assessmentId: id, paperNo: 'SJ-2', ballot: incomplete })).toMatchObject({
      code: 'VALIDATION',
      field: 'order',
      message: expect.stringContaining('排名不完整'),
    });
    expect(await assessmentTables(h)).toEqual(before);
    const other: PaperBallot = { kind: 'superior', group: 'chief:C1', order: [r.a, r.b, r.c] };
    expect(await h.ok('paper.enter', { assessmentId: id, paperNo: 'SJ-2', ballot: other })).toMatchObject({
      state: 'mismatch',
    });
    expect(wholeBallots(await h.ok('ballots.list', { assessmentId: id })).superior).toEqual([]);
  });
});
