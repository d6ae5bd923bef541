// The 优秀 quota scope on a real store: saved with the configuration, used by the rankings, the grade confirmation
// and the Excel export; scoring.md's pooled worked example entered through the calls (C2's 冯建国 is its d).
import { describe, expect, test } from 'vitest';
import { defaultAssessmentConfig, poolLine, quotaSummary, smallGroupNote } from '../../../shared/assessment';
import type { RankingConfig } from '../../../shared/scoring';
import {
  assessmentTables,
  enterWorkedExample,
  seedRoster,
  startCollecting,
  type SmallRoster,
} from '../../helpers/assessment';
import { loadWorkbook } from '../../helpers/ballot-excel';
import type { TestHost } from '../../helpers/host';
import { lastAudit, newRosterHost } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';
import { join } from 'node:path';

/** Both chief categories in 测评中 with the pooled example's ballots and the given configuration. */
async function pooledExample(
  config: RankingConfig,
): Promise<{ h: TestHost; r: SmallRoster; id: number; version: number }> {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const created = await h.ok('assessments.create', {
    name: '2025年度考核',
    year: 2025,
    scope: { categoryCodes: ['C1', 'C2'], unitIds: [] },
  });
  const saved = await h.ok('assessments.updateConfig', { id: created.id, version: created.version, config });
  const a = await startCollecting(h, saved);
  await enterWorkedExample(h, a.id, r);
  await h.ok('ballots.saveSuperior', { assessmentId: a.id, raterLabel: 'L1', group: 'chief:C2', order: [r.f] });
  await h.ok('ballots.saveStaff', {
    assessmentId: a.id,
    counts: [{ targetId: r.f, excellent: 0, good: 2, fair: 0, poor: 0 }],
  });
  return { h, r, id: a.id, version: (await h.ok('assessments.get', { id: a.id })).version };
}

const configWith = (scope: 'group' | 'position' | undefined): RankingConfig => {
  const c = defaultAssessmentConfig();
  c.excellentRatio = 0.34;
  if (scope) c.excellentQuotaScope = scope;
  return c;
};

const chiefGrades = (view: {
  result: {
    groups: {
      position: string;
      groupKey: string;
      excellentQuota: number;
      rows: { cadreId: string; grade: string }[];
    }[];
  };
}) =>
  view.result.groups
    .filter((g) => g.position === 'chief')
    .map((g) => [g.groupKey, g.excellentQuota, g.rows.map((x) => [x.cadreId, x.grade])]);

describe('优秀 quota scope', () => {
  test('saved with the configuration and audited by name; the rankings pool the chiefs: 冯建国 优秀, 巴特尔 称职', async () => {
    const { h, r, id } = await pooledExample(configWith('position'));
    expect((await h.ok('assessments.get', { id })).config.excellentQuotaScope).toBe('position');
    const view = await h.ok('rankings.get', { assessmentId: id });
    expect(view.quotaBasis).toEqual({ scope: 'position', ratio: 0.34 });
    expect(chiefGrades(view)).toEqual([
      [
        'C1',
        1,
        [
          [String(r.b), 'competent'],
          [String(r.a), 'competent'],
          [String(r.c), 'competent'],
        ],
      ],
      ['C2', 1, [[String(r.f), 'excellent']]],
    ]);
    expect(poolLine(view, 'chief')).toBe(
      '正职优秀名额合并计算：全部正职参与排名 4 人，按 34% 共 1 名，按得分从高到低跨组评定',
    );
    expect(quotaSummary(view, view.result.groups[0]!)).toBe('优秀名额 1 名（正职合并计算）');
    expect(view.result.groups.map((g) => smallGroupNote(view, g))).toEqual([null, null, null]);
  });

  test('the audit entry of a scope change names the setting', async () => {
    const { h, id, version } = await pooledExample(configWith(undefined));
    await h.ok('assessments.updateConfig', { id, version, config: configWith('position') });
    expect(await lastAudit(h)).toMatchObject({
      action: 'assessments.updateConfig',
      detail: { changed: ['excellentQuotaScope'] },
    });
  });

  test('by group (as before the setting existed): 巴特尔 takes C1’s one place, C2 says it is too small', async () => {
    const { h, r, id } = await pooledExample(configWith(undefined));
    const view = await h.ok('rankings.get', { assessmentId: id });
    expect(view.quotaBasis).toEqual({ scope: 'group', ratio: 0.34 });
    expect(chiefGrades(view)).toEqual([
      [
        'C1',
        1,
        [
          [String(r.b), 'excellent'],
          [String(r.a), 'competent'],
          [String(r.c), 'competent'],
        ],
      ],
      ['C2', 0, [[String(r.f), 'competent']]],
    ]);
    const c2 = view.result.groups.find((g) => g.groupKey === 'C2')!;
    expect(smallGroupNote(view, c2)).toBe('本组 1 人，按 34% 计算无优秀名额；可在考核配置中改为合并计算');
    expect(poolLine(view, 'chief')).toBeNull();
    expect(quotaSummary(view, c2)).toBe('优秀名额 0 名');
  });

  test('an unknown scope is refused naming the field; nothing is saved', async () => {
    const { h, id, version } = await pooledExample(configWith(undefined));
    const before = await assessmentTables(h);
    const config = { ...configWith(undefined), excellentQuotaScope: 'unit' } as unknown as RankingConfig;
    expect(await h.err('assessments.updateConfig', { id, version, config })).toEqual({
      code: 'VALIDATION',
      field: 'config.excellentQuotaScope',
      message: '优秀名额计算范围必须是“按组计算”或“正职、副职分别合并计算”',
    });
    expect(await assessmentTables(h)).toEqual(before);
  });

  test('confirming 优秀 counts the quota over the pooled chiefs, not the group', async () => {
    const { h, r, id, version } = await pooledExample(configWith('position'));
    await h.ok('assessments.setState', { id, version, state: 'summarized' });
    const before = await assessmentTables(h);
    // C1 has no 优秀 of its own, but the one pooled place is 冯建国's (C2).
    expect(
      await h.err('grades.confirm', { assessmentId: id, cadreId: r.b, grade: 'excellent', reason: '表现突出' }),
    ).toEqual({
      code: 'VALIDATION',
      field: 'grade',
      message: '全部正职（合并计算）的优秀名额为 1 名，评定“巴特尔”为优秀后将有 2 名，超出名额，未保存',
    });
    expect(await assessmentTables(h)).toEqual(before);
    await h.ok('grades.confirm', { assessmentId: id, cadreId: r.f, grade: 'competent', reason: '部务会研究' });
    const view = await h.ok('grades.confirm', {
      assessmentId: id,
      cadreId: r.b,
      grade: 'excellent',
      reason: '部务会研究',
    });
    expect(view.confirmations.map((c) => [c.cadreId, c.grade])).toEqual([
      [r.b, 'excellent'],
      [r.f, 'competent'],
    ]);
  });

  test('the Excel export states the pool, or the small group’s note, under each sheet', async () => {
    for (const [scope, sheet, line] of [
      [
        'position',
        '正职·苏木镇（街道）',
        '正职优秀名额合并计算：全部正职参与排名 4 人，按 34% 共 1 名，按得分从高到低跨组评定',
      ],
      ['group', '正职·党群部门', '本组 1 人，按 34% 计算无优秀名额；可在考核配置中改为合并计算'],
    ] as const) {
      const { h, id } = await pooledExample(configWith(scope));
      const path = join(tempDir(), `排名-${scope}.xlsx`);
      await h.ok('rankings.exportExcel', { assessmentId: id, token: await h.pickSave('rankingsExcel', path) });
      const wb = await loadWorkbook(path);
      const ws = wb.getWorksheet(sheet);
      expect(ws, wb.worksheets.map((w) => w.name).join(',')).toBeDefined();
      expect(ws!.getColumn(1).values.map(String)).toContain(line);
    }
  });
});

describe('the small-group note once summarized', () => {
  test('no longer points at the configuration, which is locked', async () => {
    const { h, id, version } = await pooledExample(configWith(undefined));
    await h.ok('assessments.setState', { id, version, state: 'summarized' });
    const view = await h.ok('rankings.get', { assessmentId: id });
    const c2 = view.result.groups.find((g) => g.groupKey === 'C2')!;
    expect(smallGroupNote(view, c2)).toBe('本组 1 人，按 34% 计算无优秀名额');
  });
});
