// Assessments through the dispatcher on a real store: creation with its snapshot, configuration, states, roles.
import { describe, expect, test } from 'vitest';
import { defaultAssessmentConfig } from '../../../shared/assessment';
import { assessmentTables, createC1, seedRoster, startCollecting } from '../../helpers/assessment';
import { lastAudit, loginAdmin, loginAs, minimalCadre, newRosterHost } from '../../helpers/roster';
import { wholeBallots } from '../../../shared/assessment/ballot-parts';

describe('creating an assessment', () => {
  test('snapshots the serving cadres of the scope with position, unit and category; starts in 准备 with the defaults', async () => {
    const h = await newRosterHost();
    const r = await seedRoster(h);
    // A cadre who has left is not a member.
    const gone = await h.ok('cadres.create', {
      input: minimalCadre(r.units.qipan, { name: '已调出', status: '调出' }),
    });
    const a = await createC1(h);
    expect(a).toMatchObject({
      name: '2025年度科级干部“双比双评”考核',
      year: 2025,
      state: 'preparing',
      version: 1,
      memberCount: 5,
      digest: null,
    });
    expect(a.config).toEqual(defaultAssessmentConfig());
    expect(a.scope).toEqual({ categoryCodes: ['C1'], unitIds: [] });
    expect(a.indicatorNames).toMatchObject({ zz1: '战略谋划', fz2: '配合执行成效' });
    expect(a.members.map((m) => m.name)).toEqual(['阿古拉', '巴特尔', '朝鲁', '德力格尔', '额尔敦']);
    expect(a.members.some((m) => m.cadreId === gone.id || m.cadreId === r.f)).toBe(false);
    expect(a.members[0]).toEqual({
      cadreId: r.a,
      name: '阿古拉',
      position: 'chief',
      unitId: r.units.wulan,
      unitName: '乌兰镇',
      categoryCode: 'C1',
      categoryName: '苏木镇（街道）',
    });
    expect(await lastAudit(h)).toMatchObject({
      action: 'assessments.create',
      target: a.name,
      detail: { assessmentId: a.id, members: 5 },
    });
    expect(await h.ok('assessments.list', {})).toEqual([
      expect.objectContaining({ id: a.id, memberCount: 5, state: 'preparing' }),
    ]);
  });

  test('a scope by unit takes that unit only; an empty scope, a scope without cadres and a repeated name are refused', async () => {
    const h = await newRosterHost();
    const r = await seedRoster(h);
    const byUnit = await h.ok('assessments.create', {
      name: '乌兰镇考核',
      year: 2025,
      scope: { categoryCodes: [], unitIds: [r.units.wulan] },
    });
    expect(byUnit.members.map((m) => m.name)).toEqual(['阿古拉', '德力格尔', '额尔敦']);
    const before = await assessmentTables(h);
    expect(
      await h.err('assessments.create', { name: '空', year: 2025, scope: { categoryCodes: [], unitIds: [] } }),
    ).toMatchObject({
      code: 'VALIDATION',
      message: '请至少选择一个单位类别或单位作为考核范围',
    });
    expect(
      await h.err('assessments.create', { name: '无人', year: 2025, scope: { categoryCodes: ['C5'], unitIds: [] } }),
    ).toMatchObject({
      message: '所选范围内没有在职干部，请调整考核范围',
    });
    expect(
      await h.err('assessments.create', {
        name: '乌兰镇考核',
        year: 2025,
        scope: { categoryCodes: ['C1'], unitIds: [] },
      }),
    ).toMatchObject({
      field: 'name',
      message: '2025 年度已有名为“乌兰镇考核”的考核',
    });
    expect(
      await h.err('assessments.create', { name: '未知', year: 2025, scope: { categoryCodes: ['C99'], unitIds: [] } }),
    ).toMatchObject({
      message: '单位类别“C99”不存在',
    });
    expect(await assessmentTables(h)).toEqual(before);
  });
});

describe('configuration', () => {
  test('saved in 准备 and 测评中 with a new version; the audit entry names the changed settings', async () => {
    const h = await newRosterHost();
    await seedRoster(h);
    const a = await createC1(h);
    const config = defaultAssessmentConfig();
    config.weights.chief.service = 0.1;
    config.bonusCap = 3;
    const saved = await h.ok('assessments.updateConfig', { id: a.id, version: a.version, config });
    expect(saved).toMatchObject({ version: 2, config });
    expect(await lastAudit(h)).toMatchObject({
      action: 'assessments.updateConfig',
      detail: { changed: ['weights', 'bonusCap'] },
    });
    const collecting = await startCollecting(h, saved);
    expect(
      await h.ok('assessments.updateConfig', {
        id: a.id,
        version: collecting.version,
        config: defaultAssessmentConfig(),
      }),
    ).toMatchObject({ version: 4 });
  });

  test.each([
    [
      'a negative weight',
      (c: ReturnType<typeof defaultAssessmentConfig>) => (c.weights.chief.staff = -0.3),
      'config.weights.chief.staff',
      '正职职工测评权重不能为负数',
    ],
    [
      'all-zero weights',
      (c: ReturnType<typeof defaultAssessmentConfig>) =>
        (c.weights.chief = { superior: 0, peer: 0, staff: 0, service: 0 }),
      'config.weights.chief',
      '正职四项权重不能全为 0',
    ],
    [
      'indicator weights not summing to 1',
      (c: ReturnType<typeof defaultAssessmentConfig>) => (c.indicators.deputy[1]!.weight = 0.5),
      'config.indicators.deputy',
      '副职互评指标权重之和必须为 1（当前为 1.1）',
    ],
    [
      'thresholds out of order',
      (c: ReturnType<typeof defaultAssessmentConfig>) => (c.competentMinScore = 90),
      'config.competentMinScore',
      '称职最低分不能高于优秀最低分',
    ],
  ])('%s is refused with a message naming the field; nothing is saved', async (_name, change, field, message) => {
    const h = await newRosterHost();
    await seedRoster(h);
    const a = await createC1(h);
    const before = await assessmentTables(h);
    const config = defaultAssessmentConfig();
    change(config);
    expect(await h.err('assessments.updateConfig', { id: a.id, version: a.version, config })).toEqual({
      code: 'VALIDATION',
      field,
      message,
    });
    expect(await assessmentTables(h)).toEqual(before);
  });

  test('a stale version is a CONFLICT naming who changed it; in 已汇总 the configuration is locked', async () => {
    const h = await newRosterHost();
    await seedRoster(h);
    const a = await createC1(h);
    await h.ok('assessments.updateConfig', { id: a.id, version: 1, config: defaultAssessmentConfig() });
    const before = await assessmentTables(h);
    const e = await h.err('assessments.updateConfig', { id: a.id, version: 1, config: defaultAssessmentConfig() });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(
      /^考核“2025年度科级干部“双比双评”考核”已被其他人修改（.+，王管理员），请刷新后重试，您的修改未保存$/,
    );
    expect(await h.err('assessments.setState', { id: a.id, version: 1, state: 'collecting' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await assessmentTables(h)).toEqual(before);
    const c = await h.ok('assessments.setState', { id: a.id, version: 2, state: 'collecting' });
    const s = await h.ok('assessments.setState', { id: a.id, version: c.version, state: 'summarized' });
    expect(
      await h.err('assessments.updateConfig', { id: a.id, version: s.version, config: defaultAssessmentConfig() }),
    ).toEqual({
      code: 'VALIDATION',
      message: '考核“2025年度科级干部“双比双评”考核”当前为“已汇总”状态，只有“准备”或“测评中”状态才能修改考核配置',
    });
  });
});

describe('states', () => {
  test('准备 → 测评中 → 已汇总 → 测评中 (reopen) → 已汇总 → 已归档; other transitions are refused with clear messages', async () => {
    const h = await newRosterHost();
    await seedRoster(h);
    let a = await createC1(h);
    const name = a.name;
    expect(await h.err('assessments.setState', { id: a.id, version: a.version, state: 'summarized' })).toEqual({
      code: 'VALIDATION',
      field: 'state',
      message: `考核“${name}”不能从“准备”直接变为“已汇总”，只能变为“测评中”`,
    });
    expect(await h.err('assessments.setState', { id: a.id, version: a.version, state: 'preparing' })).toMatchObject({
      message: `考核“${name}”已经是“准备”状态`,
    });
    a = await h.ok('assessments.setState', { id: a.id, version: a.version, state: 'collecting' });
    expect(a.state).toBe('collecting');
    expect(await lastAudit(h)).toMatchObject({
      action: 'assessments.setState',
      detail: { from: '准备', to: '测评中' },
    });
    expect(await h.err('assessments.setState', { id: a.id, version: a.version, state: 'preparing' })).toMatchObject({
      message: `考核“${name}”不能从“测评中”直接变为“准备”，只能变为“已汇总”`,
    });
    expect(await h.err('assessments.archive', { id: a.id, version: a.version })).toMatchObject({
      message: `考核“${name}”须先汇总（已汇总状态）才能归档`,
    });
    a = await h.ok('assessments.setState', { id: a.id, version: a.version, state: 'summarized' });
    a = await h.ok('assessments.setState', { id: a.id, version: a.version, state: 'collecting' });
    a = await h.ok('assessments.setState', { id: a.id, version: a.version, state: 'summarized' });
    a = await h.ok('assessments.setState', { id: a.id, version: a.version, state: 'archived' });
    expect(a).toMatchObject({
      state: 'archived',
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      archivedAt: expect.any(String),
    });
    expect(await h.err('assessments.setState', { id: a.id, version: a.version, state: 'collecting' })).toEqual({
      code: 'VALIDATION',
      message: `考核“${name}”已归档，状态不能再改变`,
    });
  });
});

describe('the member snapshot', () => {
  test('is frozen from 测评中 on: roster edits change nothing, refreshing is refused', async () => {
    const h = await newRosterHost();
    const r = await seedRoster(h);
    const a = await startCollecting(h, await createC1(h));
    const profile = await h.ok('cadres.get', { id: r.a });
    const {
      id: _i,
      version,
      age: _a,
      unitName: _u,
      categoryName: _c,
      photo: _p,
      idNumberMasked: _m,
      updatedAt: _t,
      ...input
    } = profile;
    // Renamed, moved to another unit and made a deputy; a new cadre joins the category.
    await h.ok('cadres.update', {
      id: r.a,
      version,
      input: { ...input, name: '阿古拉改', unitId: r.units.qipan, position: 'deputy' },
    });
    await h.ok('cadres.create', { input: minimalCadre(r.units.qipan, { name: '新来者', position: 'chief' }) });
    const after = await h.ok('assessments.get', { id: a.id });
    expect(after.members).toEqual(a.members);
    expect(await h.err('assessments.refreshMembers', { id: a.id, version: a.version })).toEqual({
      code: 'VALIDATION',
      message: `考核“${a.name}”当前为“测评中”状态，成员名单已冻结，只有“准备”状态才能刷新成员`,
    });
  });

  test('in 准备, refreshing takes the roster as it is now', async () => {
    const h = await newRosterHost();
    const r = await seedRoster(h);
    const a = await createC1(h);
    await h.ok('cadres.create', { input: minimalCadre(r.units.qipan, { name: '新来者', position: 'deputy' }) });
    const refreshed = await h.ok('assessments.refreshMembers', { id: a.id, version: a.version });
    expect(refreshed.members.map((m) => m.name)).toContain('新来者');
    expect(refreshed).toMatchObject({ memberCount: 6, version: 2 });
    expect(await lastAudit(h)).toMatchObject({
      action: 'assessments.refreshMembers',
      detail: { membersBefore: 5, membersAfter: 6 },
    });
  });
});

describe('roles', () => {
  test(
    'the reviewer sees archived assessments only; the assessment clerk enters but does not manage; the dossier ' +
      'clerk reads',
    async () => {
      const h = await newRosterHost();
      const r = await seedRoster(h);
      const open = await startCollecting(h, await createC1(h, '进行中的考核'));
      let done = await startCollecting(h, await createC1(h, '已结束的考核'));
      done = await h.ok('assessments.setState', { id: done.id, version: done.version, state: 'summarized' });
      done = await h.ok('assessments.archive', { id: done.id, version: done.version });

      await loginAs(h, 'reviewer');
      expect((await h.ok('assessments.list', {})).map((x) => x.name)).toEqual(['已结束的考核']);
      expect(await h.err('assessments.get', { id: open.id })).toEqual({
        code: 'FORBIDDEN',
        message: '查阅人只能查看已归档的考核',
      });
      expect(await h.err('rankings.get', { assessmentId: open.id })).toMatchObject({ code: 'FORBIDDEN' });
      expect((await h.ok('rankings.get', { assessmentId: done.id })).state).toBe('archived');
      expect(await h.err('ballots.list', { assessmentId: done.id })).toMatchObject({ code: 'FORBIDDEN' });

      await loginAs(h, 'assessmentClerk');
      expect(
        await h.err('assessments.create', { name: '越权', year: 2025, scope: { categoryCodes: ['C1'], unitIds: [] } }),
      ).toMatchObject({ code: 'FORBIDDEN' });
      await h.ok('ballots.saveService', { assessmentId: open.id, targetId: r.a, scores: [90, 95] });
      await h.ok('adjustments.add', {
        assessmentId: open.id,
        targetId: r.a,
        points: -2,
        date: '2025-03-01',
        reason: '迟报材料',
      });
      expect(await h.err('vetoes.add', { assessmentId: open.id, targetId: r.a, reason: '违纪' })).toMatchObject({
        code: 'FORBIDDEN',
      });

      await loginAs(h, 'dossierClerk');
      expect(wholeBallots(await h.ok('ballots.list', { assessmentId: open.id })).service.map((s) => s.score)).toEqual([
        90, 95,
      ]);
      expect(await h.err('ballots.saveService', { assessmentId: open.id, targetId: r.a, scores: [1] })).toMatchObject({
        code: 'FORBIDDEN',
      });
      await loginAdmin(h);
    },
  );
});
