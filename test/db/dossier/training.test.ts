// Training classes and records, and the automatic evidence: 优秀学员 → P3, 重修学员 → N3 (the yearly hours check: hours-check.test.ts).
import { describe, expect, test } from 'vitest';
import { newHostWithStore, type TestHost } from '../../helpers/host';
import { dossierCadre, dossierState, newestAudit } from '../../helpers/dossier';
import type { TrainingResult } from '../../../shared/dossier/types';

const CLASS = {
  name: '2025年春季中青班',
  startDate: '2025-03-01',
  endDate: '2025-03-20',
  hours: 40,
  organizer: '县委党校',
};

async function setup() {
  const h = await newHostWithStore();
  const a = await dossierCadre(h, '巴特尔');
  const b = await dossierCadre(h, '李秀梅');
  const c = await dossierCadre(h, '王建国');
  const cls = await h.ok('classes.save', CLASS);
  return { h, a, b, c, cls };
}

const records = (h: TestHost, classId: number, rows: [number, number, TrainingResult][]) =>
  h.ok('classes.saveRecords', { classId, rows: rows.map(([cadreId, hours, result]) => ({ cadreId, hours, result })) });

const autoEntries = async (h: TestHost, cadreId: number) =>
  (await h.ok('dossier.get', { cadreId })).entries.filter((e) => e.origin === 'training');

describe('training classes and records', () => {
  test('a class is saved and listed with its trainee count; records come back with names and units', async () => {
    const { h, a, b, cls } = await setup();
    expect(cls).toMatchObject({ ...CLASS, recordCount: 0 });
    const saved = await records(h, cls.id, [
      [a, 40, 'qualified'],
      [b, 32, 'qualified'],
    ]);
    expect(saved.map((r) => [r.cadreName, r.unitName, r.hours, r.result])).toEqual([
      ['巴特尔', '阿尔巴斯苏木', 40, 'qualified'],
      ['李秀梅', '阿尔巴斯苏木', 32, 'qualified'],
    ]);
    expect(await newestAudit(h)).toMatchObject({
      action: 'classes.saveRecords',
      target: CLASS.name,
      detail: { trainees: 2, added: 2 },
    });
    expect((await h.ok('classes.list', {}))[0]).toMatchObject({ id: cls.id, recordCount: 2 });
    const edited = await h.ok('classes.save', { ...CLASS, id: cls.id, hours: 48 });
    expect(edited).toMatchObject({ hours: 48, recordCount: 2 });
    expect(await h.ok('classes.list', {})).toHaveLength(1);
  });

  test('bad class and record input is refused with Chinese messages naming the field', async () => {
    const { h, cls } = await setup();
    expect(await h.err('classes.save', { ...CLASS, name: '' })).toMatchObject({
      field: 'name',
      message: '请填写班次名称',
    });
    expect(await h.err('classes.save', { ...CLASS, endDate: '2025-02-01' })).toMatchObject({
      field: 'endDate',
      message: '结业日期不能早于开班日期',
    });
    expect(await h.err('classes.save', { ...CLASS, hours: 0 })).toMatchObject({
      field: 'hours',
      message: '学时必须大于 0',
    });
    const before = await dossierState(h);
    expect(
      await h.err('classes.saveRecords', { classId: cls.id, rows: [{ cadreId: 999, hours: 40, result: 'qualified' }] }),
    ).toMatchObject({
      field: 'rows',
      message: '学员名单中有不存在的干部，可能已被删除，请重新选择',
    });
    expect(
      await h.err('classes.saveRecords', { classId: cls.id, rows: [{ cadreId: 1, hours: 40, result: '优秀' }] }),
    ).toMatchObject({
      message: '结业评价必须是优秀学员、合格学员或重修学员',
    });
    expect(await h.err('classes.records', { classId: 999 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await dossierState(h)).toEqual(before);
  });
});

describe('automatic evidence from results', () => {
  test('优秀学员 gives a positive P3 entry and 重修学员 a negative N3 entry, each linked to its record', async () => {
    const { h, a, b, c, cls } = await setup();
    const saved = await records(h, cls.id, [
      [a, 40, 'excellent'],
      [b, 40, 'qualified'],
      [c, 20, 'retake'],
    ]);
    const [ea] = await autoEntries(h, a);
    expect(ea).toMatchObject({
      date: '2025-03-20',
      quarter: '2025Q1',
      subItem: { code: 'S2.2' },
      channel: { code: 'CH09' },
      title: '2025年春季中青班：优秀学员',
      polarity: 'positive',
      listItem: { code: 'P3' },
      origin: 'training',
      sourceRecordIds: [saved.find((r) => r.cadreId === a)!.id],
    });
    expect(await autoEntries(h, b)).toEqual([]);
    const [ec] = await autoEntries(h, c);
    expect(ec).toMatchObject({ polarity: 'negative', listItem: { code: 'N3' }, title: '2025年春季中青班：重修学员' });
  });

  test(
    'saving the same records again duplicates nothing; a changed result replaces or removes the entry; a removed ' +
      'trainee loses it',
    async () => {
      const { h, a, b, cls } = await setup();
      await records(h, cls.id, [
        [a, 40, 'excellent'],
        [b, 40, 'excellent'],
      ]);
      const first = await dossierState(h);
      await records(h, cls.id, [
        [a, 40, 'excellent'],
        [b, 40, 'excellent'],
      ]);
      const second = await dossierState(h);
      expect(second.entries).toEqual(first.entries);
      expect(second.sources).toEqual(first.sources);
      // 巴特尔 becomes 重修: the same entry now says so (negative, N3); 李秀梅 leaves the class: her entry goes.
      await records(h, cls.id, [[a, 20, 'retake']]);
      const [ea] = await autoEntries(h, a);
      expect(ea).toMatchObject({ polarity: 'negative', listItem: { code: 'N3' }, version: 2 });
      expect(await autoEntries(h, b)).toEqual([]);
      await records(h, cls.id, [[a, 40, 'qualified']]);
      expect(await autoEntries(h, a)).toEqual([]);
    },
  );

  test('editing the class moves its evidence to the new dates and name', async () => {
    const { h, a, cls } = await setup();
    await records(h, cls.id, [[a, 40, 'excellent']]);
    await h.ok('classes.save', {
      ...CLASS,
      id: cls.id,
      name: '2025年秋季中青班',
      startDate: '2025-09-01',
      endDate: '2025-09-20',
    });
    const [e] = await autoEntries(h, a);
    expect(e).toMatchObject({ date: '2025-09-20', quarter: '2025Q3', title: '2025年秋季中青班：优秀学员' });
  });

  test('automatic entries cannot be edited or deleted directly', async () => {
    const { h, a, cls } = await setup();
    await records(h, cls.id, [[a, 40, 'excellent']]);
    const [e] = await autoEntries(h, a);
    const before = await dossierState(h);
    expect(await h.err('entries.delete', { id: e!.id, version: e!.version })).toMatchObject({
      code: 'VALIDATION',
      message: '这是根据培训记录自动生成的材料，不能直接删除，请修改对应的培训记录',
    });
    expect(await dossierState(h)).toEqual(before);
  });
});
