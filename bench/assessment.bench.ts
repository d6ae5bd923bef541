// The assessment at the scale of issue 5 in a real encrypted store: 10,000 members and 200,000 ballots.
// Rankings from the store (load + compute) target < 1 s; saving one ballot (with its audit entry) < 20 ms at p95;
// a kiosk ballot and a matching second paper entry < 20 ms too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';
import { createStore } from '../db';
import { computeFromStore, whatIf } from '../db/assessment/rankings';
import { assessmentHandlers } from '../db/assessment/service';
import { panelHandlers } from '../db/assessment/panel-service';
import { KioskMode } from '../db/app/kiosk';
import type { PanelCodeSheet } from '../shared/assessment/panel';
import type { CallContext } from '../db/app/context';
import { defaultAssessmentConfig } from '../shared/assessment/config-schema';
import type { CallName, CallParsedInput } from '../shared/ipc/contract';
import { listBallots } from '../db/assessment/ballot-lists';
import { BALLOT_PARTS, type BallotLists, type BallotPart } from '../shared/assessment/ballot-parts';
import { countSelects } from '../test/helpers/query-count';
import { percentile, record, timed } from './figures';
import { CATEGORIES, seedBigAssessment, UNITS } from './assessment-data';

/** A tiny deterministic generator, so every run stores the same data. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('an assessment of 10,000 cadres and 200,000 ballots in the store', async () => {
  const root = mkdtempSync(join(tmpdir(), 'bench-assessment-'));
  const { store } = await createStore(
    join(root, 'store'),
    { username: 'admin', displayName: '管理员', password: 'Bench@2025' },
    { kdfCost: { N: 2 ** 10, r: 8, p: 1 } },
  );
  try {
    const rnd = lcg(7);
    const score = () => Math.round(60 + rnd() * 40);
    const { id, deputies, ballots } = seedBigAssessment(store.raw, rnd);
    expect(ballots).toBeGreaterThanOrEqual(200_000);
    record(`ballots in the store (10,000 members)`, ballots, 'ballots');

    const first = await timed(() => computeFromStore(store.db, id));
    expect(first.value.result.groups.length).toBe(CATEGORIES + UNITS);
    expect(first.value.result.invalidBallots).toEqual([]);
    record('rankings from the store: load + computeRankings, first call', first.ms, 'ms', 1000);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push((await timed(() => computeFromStore(store.db, id))).ms);
    record('rankings from the store: load + computeRankings, median of 5', percentile(times, 50), 'ms', 1000);

    const weights = defaultAssessmentConfig().weights;
    const whatIfTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      weights.chief.superior = 0.3 + i / 10;
      whatIfTimes.push((await timed(() => whatIf(store.db, id, weights))).ms);
    }
    record(
      'what-if with other weights (load + compute in the store), median of 5',
      percentile(whatIfTimes, 50),
      'ms',
      300,
    );

    // Saving one ballot as the dispatcher does: one transaction with its audit entry.
    const save = <N extends CallName & keyof typeof assessmentHandlers>(name: N, input: CallParsedInput<N>) =>
      store.change(name, (db, rec) => {
        const ctx = { store, db, rec, io: undefined, jobs: undefined } as unknown as CallContext;
        return (assessmentHandlers[name] as (c: CallContext, i: CallParsedInput<N>) => Promise<unknown>)(ctx, input);
      });
    const saves: number[] = [];
    for (let i = 0; i < 60; i++) {
      const g = deputies[(i * 37) % deputies.length]!;
      const kind = i % 3;
      const { ms } = await timed(() =>
        kind === 0
          ? save('ballots.saveService', { assessmentId: id, targetId: g[0]!, scores: [score(), score(), score()] })
          : kind === 1
            ? save('ballots.savePeer', {
                assessmentId: id,
                raterId: g[0]!,
                ballots: g.slice(1).map((t) => ({ targetId: t, scores: { fz1: score(), fz2: score() } })),
                paperNo: undefined,
              })
            : save('ballots.saveSuperior', {
                assessmentId: id,
                raterLabel: '领导1',
                group: `deputy:${((i * 37) % deputies.length) + 1}`,
                order: [...g].reverse(),
                paperNo: undefined,
              }),
      );
      saves.push(ms);
    }
    record('save one ballot (service / peer / superior, with audit entry), p95 of 60', percentile(saves, 95), 'ms', 20);
    record('save one ballot, median of 60', percentile(saves, 50), 'ms', 20);

    // The ballot list the assessment page reloads after each save (issue 19 §4): every ballot, with names.
    const readCtx = { store, db: store.db, rec: undefined, io: undefined, jobs: undefined } as unknown as CallContext;
    const list = assessmentHandlers['ballots.list'] as (
      c: CallContext,
      i: { assessmentId: number },
    ) => Promise<unknown>;
    const listTimes: number[] = [];
    let listBytes = 0;
    for (let i = 0; i < 5; i++) {
      const { ms, value } = await timed(() => list(readCtx, { assessmentId: id }));
      listTimes.push(ms);
      listBytes = JSON.stringify(value).length;
    }
    record('ballots.list at 200,000 ballots (the reload after a save), median of 5', percentile(listTimes, 50), 'ms');
    record('ballots.list at 200,000 ballots: JSON sent to the window', listBytes / 1024 / 1024, 'MB');
  } finally {
    await store.close();
    rmSync(root, { recursive: true, force: true });
  }
}, 300_000);

// Issue 19 §4: the reload a 上级排名 save causes on the assessment page, the whole list (before) against its own list
// (after), and each list alone: time, JSON sent to the window, heap allocated, and the tables it reads. Own
// store, so it runs alone: `vitest run --project bench bench/assessment.bench.ts -t parts`.
test('ballots.list by parts at 200,000 ballots (the reload after a save)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'bench-ballot-parts-'));
  const { store } = await createStore(
    join(root, 'store'),
    { username: 'admin', displayName: '管理员', password: 'Bench@2025' },
    { kdfCost: { N: 2 ** 10, r: 8, p: 1 } },
  );
  try {
    const { id, deputies } = seedBigAssessment(store.raw, lcg(7));
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const readCtx = { store, db: store.db, rec: undefined, io: undefined, jobs: undefined } as unknown as CallContext;
    const list = assessmentHandlers['ballots.list'] as (
      c: CallContext,
      i: { assessmentId: number; parts?: BallotPart[] },
    ) => Promise<BallotLists>;
    const saveSuperior = (i: number) =>
      store.change('ballots.saveSuperior', (db, rec) =>
        assessmentHandlers['ballots.saveSuperior']({ store, db, rec } as unknown as CallContext, {
          assessmentId: id,
          raterLabel: '领导1',
          group: `deputy:${((i * 37) % deputies.length) + 1}`,
          order: [...deputies[(i * 37) % deputies.length]!].reverse(),
          paperNo: undefined,
        }),
      );
    /**
     * Median over `runs` reads (each after a 上级排名 save when `saving`): time, heap allocated by the read (no GC in
     * between: what the collector has to clear per save), and the answer's JSON.
     */
    const measure = async (parts: BallotPart[] | undefined, runs: number, saving: boolean) => {
      const times: number[] = [];
      const allocated: number[] = [];
      let answer: BallotLists | null = null;
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        gc();
        const start = process.memoryUsage().heapUsed;
        const { ms } = await timed(async () => {
          if (saving) await saveSuperior(i);
          answer = await list(readCtx, parts === undefined ? { assessmentId: id } : { assessmentId: id, parts });
        });
        allocated.push(process.memoryUsage().heapUsed - start);
        times.push(ms);
        bytes = JSON.stringify(answer).length;
      }
      const mb = (xs: number[]) => percentile(xs, 50) / 1024 / 1024;
      return { ms: percentile(times, 50), allocated: mb(allocated), json: bytes / 1024 / 1024 };
    };
    const before = await measure(undefined, 5, true);
    const after = await measure(['superior'], 5, true);
    record('上级排名 save + reload, before (whole ballots.list), median of 5', before.ms, 'ms');
    record('上级排名 save + reload, after (parts: 上级排名), median of 5', after.ms, 'ms');
    record('  heap allocated by save + reload, before', before.allocated, 'MB');
    record('  heap allocated by save + reload, after', after.allocated, 'MB');
    record('  JSON sent to the window, before', before.json, 'MB');
    record('  JSON sent to the window, after', after.json, 'MB');

    const own: Record<BallotPart, string[]> = {
      superior: ['assessment_superior_ballots'],
      peer: ['assessment_peer_ballots'],
      staff: ['assessment_staff_counts'],
      service: ['assessment_service_ballots'],
      adjustments: ['assessment_adjustments'],
      vetoes: ['assessment_vetoes'],
      ineligible: ['assessment_ineligible'],
      // The forms each commented cadre received decide whether its comments show: counted in SQL.
      comments: ['assessment_comments', 'assessment_staff_counts', 'assessment_service_ballots'],
      voidForms: ['assessment_void_forms'],
    };
    const tables = [...new Set(Object.values(own).flat())];
    for (const p of BALLOT_PARTS) {
      const reads = countSelects();
      await listBallots(store.db.withPlugin(reads.plugin), id, [p]);
      expect(tables.filter((t) => reads.reads(t) > 0).sort(), p).toEqual([...own[p]].sort());
      const alone = await measure([p], 3, false);
      record(`ballots.list parts: ${p} alone, median of 3 (JSON ${alone.json.toFixed(1)} MB)`, alone.ms, 'ms');
    }
  } finally {
    await store.close();
    rmSync(root, { recursive: true, force: true });
  }
}, 600_000);

// Kiosk ballots and paper double entry among 10,000 members and 10,000 issued codes (their cost does not grow with the
// ballots already stored: a code is found by its unique hash, a group by its index). Own store, so it runs alone:
// `vitest run --project bench bench/assessment.bench.ts -t kiosk`.
test('kiosk ballots and double entry among 10,000 members and 10,000 codes', async () => {
  const root = mkdtempSync(join(tmpdir(), 'bench-kiosk-'));
  const { store } = await createStore(
    join(root, 'store'),
    { username: 'admin', displayName: '管理员', password: 'Bench@2025' },
    { kdfCost: { N: 2 ** 10, r: 8, p: 1 } },
  );
  try {
    const raw = store.raw;
    const now = new Date().toISOString();
    const id = Number(
      raw
        .prepare(
          `INSERT INTO assessments (name, year, state, config, scope, created_by, created_at, updated_by, updated_at) ` +
            `VALUES ('压测考核', 2025, 'preparing', ?, '{"categoryCodes":[],"unitIds":[]}', 'bench', ?, 'bench', ?)`,
        )
        .run(JSON.stringify(defaultAssessmentConfig()), now, now).lastInsertRowid,
    );
    const groups: number[][] = [];
    raw.transaction(() => {
      const member = raw.prepare(
        `INSERT INTO assessment_members (assessment_id, cadre_id, name, position, unit_id, unit_name, category_code, ` +
          `category_name) VALUES (?, ?, ?, 'deputy', ?, ?, 'C1', '类别1')`,
      );
      let cadre = 1;
      for (let u = 1; u <= 2_500; u++) {
        const g: number[] = [];
        for (let i = 0; i < 4; i++) {
          member.run(id, cadre, `副职${cadre}`, u, `单位${u}`);
          g.push(cadre++);
        }
        groups.push(g);
      }
      raw.prepare(`UPDATE assessments SET state = 'collecting' WHERE id = ?`).run(id);
    })();
    const kiosk = new KioskMode();
    const ctxOf = (db: CallContext['db'], rec: CallContext['rec']) =>
      ({ store, db, rec, io: undefined, jobs: undefined, kiosk }) as unknown as CallContext;
    const call = <N extends CallName & keyof typeof panelHandlers>(name: N, input: CallParsedInput<N>) =>
      store.change(name, (db, rec) =>
        (panelHandlers[name] as (c: CallContext, i: CallParsedInput<N>) => Promise<unknown>)(ctxOf(db, rec), input),
      );
    // 10,000 codes: one per cadre, generated through the call (one group at a time).
    const sheets: { group: number[]; codes: string[] }[] = [];
    const gen = await timed(async () => {
      for (const [u, g] of groups.entries()) {
        const sheet = (await call('codes.generate', {
          assessmentId: id,
          kind: 'peer',
          group: `deputy:${u + 1}`,
        })) as PanelCodeSheet;
        sheets.push({ group: g, codes: sheet.slips.map((s) => s.code) });
      }
    });
    record('generate 10,000 peer codes (2,500 groups, one call each)', gen.ms, 'ms');
    kiosk.start({ assessmentId: id, assessmentName: '压测考核', year: 2025, startedBy: '管理员' });

    const kioskSaves: number[] = [];
    for (let i = 0; i < 60; i++) {
      const { group, codes } = sheets[(i * 41) % sheets.length]!;
      const seat = i % 4;
      const ballots = group
        .filter((_, k) => k !== seat)
        .map((t) => ({ targetId: t, scores: { fz1: 80 + (i % 20), fz2: 75 } }));
      kioskSaves.push(
        (await timed(() => call('kiosk.submit', { code: codes[seat]!, ballot: { kind: 'peer', ballots } }))).ms,
      );
    }
    record(
      'save one kiosk ballot (code check, ballot, code used, audit, history forgotten), p95 of 60',
      percentile(kioskSaves, 95),
      'ms',
      20,
    );
    record('save one kiosk ballot, median of 60', percentile(kioskSaves, 50), 'ms', 20);
    // The anonymity measure of issue 16 (WAL and -shm dropped after each kiosk ballot), alone, and the same submits without it.
    const forget: number[] = [];
    for (let i = 0; i < 60; i++) {
      raw.prepare(`UPDATE store_meta SET value = value WHERE key = 'store_id'`).run(); // a write, so the WAL has frames
      forget.push((await timed(() => store.forgetHistory())).ms);
    }
    record(
      'forget the WAL/-shm history after a write (the kiosk anonymity measure alone), p95 of 60',
      percentile(forget, 95),
      'ms',
    );
    const measured = store.forgetHistory.bind(store);
    store.forgetHistory = () => undefined;
    const baseline: number[] = [];
    for (let i = 60; i < 120; i++) {
      const { group, codes } = sheets[(i * 41) % sheets.length]!;
      const seat = i % 4;
      const ballots = group
        .filter((_, k) => k !== seat)
        .map((t) => ({ targetId: t, scores: { fz1: 80 + (i % 20), fz2: 75 } }));
      baseline.push(
        (await timed(() => call('kiosk.submit', { code: codes[seat]!, ballot: { kind: 'peer', ballots } }))).ms,
      );
    }
    store.forgetHistory = measured;
    record('save one kiosk ballot without the measure (comparison only), p95 of 60', percentile(baseline, 95), 'ms');

    const users = [store.user, { ...store.user, id: store.user.id + 1, displayName: '录入员乙' }];
    const papers: number[] = [];
    for (let i = 0; i < 60; i++) {
      const g = groups[(i * 53) % groups.length]!;
      const ballot = {
        kind: 'superior' as const,
        group: `deputy:${((i * 53) % groups.length) + 1}`,
        order: [...g].reverse(),
      };
      store.user = users[0]!;
      await call('paper.enter', { assessmentId: id, paperNo: `SJ-${i}`, ballot });
      store.user = users[1]!;
      papers.push((await timed(() => call('paper.enter', { assessmentId: id, paperNo: `SJ-${i}`, ballot }))).ms);
    }
    store.user = users[0]!;
    record('double entry: second entry that matches and counts, p95 of 60', percentile(papers, 95), 'ms', 20);
  } finally {
    await store.close();
    rmSync(root, { recursive: true, force: true });
  }
}, 300_000);
