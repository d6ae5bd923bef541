// Shared pieces of the assessment tests: a small roster (3 正职 in category C1, 2 副职 in one unit, 1 正职 in C2),
// an assessment over it, the scoring.md worked example entered through the calls, and a digest of the assessment tables.
import { createHash } from 'node:crypto';
import { ASSESSMENT_CHILD_TABLES } from '../../db/migrations/0004-assessment';
import { PANEL_TABLES } from '../../db/migrations/0006-panels';
import type { AssessmentDetail } from '../../shared/assessment/types';
import type { TestHost } from './host';
import { addUnit, minimalCadre } from './roster';

export interface SmallRoster {
  units: { wulan: number; qipan: number; aerbas: number; org: number };
  /** 正职 of C1 (a, b, c as in scoring.md), 副职 of 乌兰镇 (d, e), 正职 of C2 (f). */
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export async function seedRoster(h: TestHost): Promise<SmallRoster> {
  const wulan = (await addUnit(h, '乌兰镇', 'C1', 1)).id;
  const qipan = (await addUnit(h, '棋盘井镇', 'C1', 2)).id;
  const aerbas = (await addUnit(h, '阿尔巴斯苏木', 'C1', 3)).id;
  const org = (await addUnit(h, '旗委组织部', 'C2', 1)).id;
  const add = async (unitId: number, name: string, position: 'chief' | 'deputy') =>
    (await h.ok('cadres.create', { input: minimalCadre(unitId, { name, position }) })).id;
  return {
    units: { wulan, qipan, aerbas, org },
    a: await add(wulan, '阿古拉', 'chief'),
    b: await add(qipan, '巴特尔', 'chief'),
    c: await add(aerbas, '朝鲁', 'chief'),
    d: await add(wulan, '德力格尔', 'deputy'),
    e: await add(wulan, '额尔敦', 'deputy'),
    f: await add(org, '冯建国', 'chief'),
  };
}

/** An assessment over category C1 (a, b, c, d, e), in 准备. */
export const createC1 = (h: TestHost, name = '2025年度科级干部“双比双评”考核'): Promise<AssessmentDetail> =>
  h.ok('assessments.create', { name, year: 2025, scope: { categoryCodes: ['C1'], unitIds: [] } });

export async function startCollecting(h: TestHost, a: AssessmentDetail): Promise<AssessmentDetail> {
  return h.ok('assessments.setState', { id: a.id, version: a.version, state: 'collecting' });
}

const same = (x: number) => ({ zz1: x, zz2: x, zz3: x });

/** The worked example of docs/scoring.md, entered through the calls (the assessment must be 测评中). */
export async function enterWorkedExample(h: TestHost, id: number, r: SmallRoster): Promise<void> {
  await h.ok('ballots.saveSuperior', { assessmentId: id, raterLabel: 'L1', group: 'chief:C1', order: [r.a, r.b, r.c] });
  await h.ok('ballots.saveSuperior', { assessmentId: id, raterLabel: 'L2', group: 'chief:C1', order: [r.b, r.a, r.c] });
  await h.ok('ballots.savePeer', {
    assessmentId: id,
    raterId: r.b,
    ballots: [
      { targetId: r.a, scores: same(90) },
      { targetId: r.c, scores: same(70) },
    ],
  });
  await h.ok('ballots.savePeer', {
    assessmentId: id,
    raterId: r.c,
    ballots: [
      { targetId: r.a, scores: same(80) },
      { targetId: r.b, scores: same(95) },
    ],
  });
  await h.ok('ballots.savePeer', {
    assessmentId: id,
    raterId: r.a,
    ballots: [
      { targetId: r.b, scores: same(85) },
      { targetId: r.c, scores: same(70) },
    ],
  });
  await h.ok('ballots.saveStaff', {
    assessmentId: id,
    counts: [
      { targetId: r.a, excellent: 1, good: 1, fair: 0, poor: 0 },
      { targetId: r.b, excellent: 0, good: 2, fair: 0, poor: 0 },
      { targetId: r.c, excellent: 0, good: 0, fair: 1, poor: 0 },
    ],
  });
  await h.ok('ballots.saveService', { assessmentId: id, targetId: r.a, scores: [90] });
  await h.ok('ballots.saveService', { assessmentId: id, targetId: r.b, scores: [88] });
  await h.ok('adjustments.add', {
    assessmentId: id,
    targetId: r.b,
    points: 3,
    date: '2025-06-01',
    reason: '承办全旗现场会',
  });
}

const sha = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

/** Every row of every assessment table (and the audit log's length): equal before and after means nothing changed. */
export async function assessmentTables(h: TestHost) {
  const db = h.host.session().db;
  const tables = [
    'assessments',
    ...ASSESSMENT_CHILD_TABLES,
    'assessment_ineligible',
    'assessment_void_forms',
    'assessment_comments',
    ...PANEL_TABLES,
    'assessment_dismissed_proposals',
    'assessment_dismissed_ineligible',
    'assessment_participation_sheets',
  ] as const;
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = await db.selectFrom(t).selectAll().execute();
  const audit = await db.selectFrom('audit_log').select('id').execute();
  return { digest: sha(out), audit: audit.length };
}
