// Dossier entries through the real dispatcher on an encrypted store: create, read with filters, edit, verify, delete, bulk.
import { describe, expect, test } from 'vitest';
import { newHostWithStore } from '../../helpers/host';
import { loginAdmin, loginAs } from '../../helpers/roster';
import { addEntry, dossierCadre, dossierState, entryForm, newestAudit } from '../../helpers/dossier';
import { localToday } from '../../../shared/dossier/quarter';

describe('one entry', () => {
  test('is created and read back with names, quarter, section, standards, list item and who entered it', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const e = await addEntry(h, cadreId);
    expect(e).toMatchObject({
      cadreId,
      date: '2025-08-14',
      quarter: '2025Q3',
      section: { code: 'S2', name: '教育培训', retired: false },
      subItem: { code: 'S2.2' },
      channel: { code: 'CH09', name: '培训机构' },
      polarity: 'positive',
      listItem: { code: 'P3', polarity: 'positive' },
      origin: 'manual',
      enteredBy: { id: 1, name: '王管理员' },
      verifiedBy: null,
      version: 1,
      attachments: [],
    });
    expect(e.standards.map((s) => s.code)).toEqual(['D2.1', 'D4.2']);
    expect(await newestAudit(h)).toMatchObject({
      action: 'entries.create',
      target: '巴特尔（阿尔巴斯苏木）：2025年春季中青班优秀学员',
    });
    const d = await h.ok('dossier.get', { cadreId });
    expect(d.cadre).toMatchObject({ id: cadreId, name: '巴特尔', unitName: '阿尔巴斯苏木' });
    expect(d.entries).toEqual([e]);
    expect(d.total).toBe(1);
  });

  test('the dossier is in date order and filters by section, quarter, polarity and standard', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const a = await addEntry(h, cadreId, { date: '2025-08-14' });
    const b = await addEntry(h, cadreId, {
      date: '2024-02-01',
      subItemCode: 'S6.1',
      channelCode: 'CH10',
      title: '提醒谈话',
      polarity: 'negative',
      standardCodes: ['D5.1'],
      listItemCode: 'N4',
    });
    const c = await addEntry(h, cadreId, {
      date: '2025-07-01',
      subItemCode: 'S1.1',
      title: '理论学习',
      polarity: 'neutral',
      standardCodes: [],
      listItemCode: null,
    });
    const ids = async (f: object = {}) => (await h.ok('dossier.get', { cadreId, ...f })).entries.map((e) => e.id);
    expect(await ids()).toEqual([b.id, c.id, a.id]);
    expect(await ids({ sectionCode: 'S6' })).toEqual([b.id]);
    expect(await ids({ quarter: '2025Q3' })).toEqual([c.id, a.id]);
    expect(await ids({ polarity: 'negative' })).toEqual([b.id]);
    expect(await ids({ standardCode: 'D4.2' })).toEqual([a.id]);
    expect(await ids({ quarter: '2025Q3', polarity: 'neutral' })).toEqual([c.id]);
    expect((await h.ok('dossier.get', { cadreId, sectionCode: 'S6' })).total).toBe(3);
  });

  describe('bad input is refused with a clear message naming the field, and the store is unchanged', () => {
    const cases: [string, (cadreId: number) => unknown, { field: string; message: string | RegExp }][] = [
      [
        'empty title',
        (cadreId) => ({ input: { cadreId, ...entryForm({ title: '  ' }) } }),
        { field: 'input.title', message: '请填写标题' },
      ],
      [
        'title too long',
        (cadreId) => ({ input: { cadreId, ...entryForm({ title: '长'.repeat(101) }) } }),
        { field: 'input.title', message: '标题不能超过 100 个字' },
      ],
      [
        'future date',
        (cadreId) => ({ input: { cadreId, ...entryForm({ date: '2099-01-01' }) } }),
        { field: 'date', message: `日期不能晚于今天（${localToday()}）` },
      ],
      [
        'date before birth',
        (cadreId) => ({ input: { cadreId, ...entryForm({ date: '1978-02-28' }) } }),
        { field: 'date', message: '日期不能早于该干部的出生年月（1978.03）' },
      ],
      [
        'unknown standard (another catalog version)',
        (cadreId) => ({ input: { cadreId, ...entryForm({ standardCodes: ['D4.2', 'D7.3'] }) } }),
        { field: 'standardCodes', message: '评价标准“D7.3”不在当前目录中（可能来自其他版本的目录），请重新选择' },
      ],
      [
        'unknown sub-item',
        (cadreId) => ({ input: { cadreId, ...entryForm({ subItemCode: 'S9.1' }) } }),
        { field: 'subItemCode', message: /材料类别（子项）“S9.1”不在当前目录中/ },
      ],
      [
        'list item of the other polarity',
        (cadreId) => ({ input: { cadreId, ...entryForm({ listItemCode: 'N3' }) } }),
        { field: 'listItemCode', message: /属于负面清单，与材料性质“正面”不一致/ },
      ],
      [
        'unknown cadre',
        () => ({ input: { cadreId: 999, ...entryForm() } }),
        { field: 'cadreId', message: '所选干部不存在，可能已被删除，请重新选择' },
      ],
    ];
    test.each(cases)('%s', async (_name, input, expected) => {
      const h = await newHostWithStore();
      const cadreId = await dossierCadre(h);
      const before = await dossierState(h);
      const e = await h.err('entries.create', input(cadreId));
      expect(e.code).toBe('VALIDATION');
      expect(e.field).toBe(expected.field);
      if (typeof expected.message === 'string') expect(e.message).toBe(expected.message);
      else expect(e.message).toMatch(expected.message);
      expect(await dossierState(h)).toEqual(before);
    });
  });

  test('a retired standard cannot be chosen for a new entry but stays named on an old one, which can still be edited', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const old = await addEntry(h, cadreId, { standardCodes: ['D4.2'] });
    await h.host.session().db.updateTable('catalog_standards').set({ retired: 1 }).where('code', '=', 'D4.2').execute();
    const before = await dossierState(h);
    const e = await h.err('entries.create', { input: { cadreId, ...entryForm({ standardCodes: ['D4.2'] }) } });
    expect(e).toMatchObject({
      code: 'VALIDATION',
      field: 'standardCodes',
      message: '评价标准“政治领悟力”已停用，不能用于新的材料，请重新选择',
    });
    expect(await dossierState(h)).toEqual(before);
    const d = await h.ok('dossier.get', { cadreId });
    expect(d.entries[0]!.standards).toEqual([{ code: 'D4.2', name: '政治领悟力', retired: true, dimensionCode: 'D4' }]);
    // Keeping the retired standard while editing the entry is fine; adding it to another entry is not.
    const edited = await h.ok('entries.update', {
      id: old.id,
      version: 1,
      input: { cadreId, ...entryForm({ standardCodes: ['D4.2'], title: '改后' }) },
    });
    expect(edited.title).toBe('改后');
  });
});

describe('editing', () => {
  test('a stale version gets a clear conflict message and nothing is overwritten', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const e = await addEntry(h, cadreId);
    const first = await h.ok('entries.update', {
      id: e.id,
      version: 1,
      input: { cadreId, ...entryForm({ title: '甲改的标题' }) },
    });
    expect(first.version).toBe(2);
    const before = await dossierState(h);
    const err = await h.err('entries.update', {
      id: e.id,
      version: 1,
      input: { cadreId, ...entryForm({ title: '乙改的标题' }) },
    });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(
      /^材料“甲改的标题”已被其他人修改（\d{4}-\d{2}-\d{2} \d{2}:\d{2}），您的修改未保存，请刷新后重新编辑$/,
    );
    expect(await dossierState(h)).toEqual(before);
    expect((await h.ok('dossier.get', { cadreId })).entries[0]!.title).toBe('甲改的标题');
    // Deleting with a stale version is refused the same way.
    expect((await h.err('entries.delete', { id: e.id, version: 1 })).code).toBe('CONFLICT');
    expect(await dossierState(h)).toEqual(before);
  });

  test('an entry cannot be moved to another cadre', async () => {
    const h = await newHostWithStore();
    const a = await dossierCadre(h);
    const b = await dossierCadre(h, '李秀梅');
    const e = await addEntry(h, a);
    expect(
      await h.err('entries.update', { id: e.id, version: 1, input: { cadreId: b, ...entryForm() } }),
    ).toMatchObject({ field: 'cadreId' });
  });

  test('verification (核实) is by a different user; an edit clears it; delete removes the entry', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const e = await addEntry(h, cadreId);
    const before = await dossierState(h);
    expect(await h.err('entries.verify', { id: e.id, version: 1 })).toMatchObject({
      code: 'VALIDATION',
      message: '核实须由录入人以外的其他用户进行',
    });
    expect(await dossierState(h)).toEqual(before);
    await loginAs(h, 'dossierClerk');
    const v = await h.ok('entries.verify', { id: e.id, version: 1 });
    expect(v).toMatchObject({ version: 2, verifiedBy: { name: '档案管理员甲' } });
    expect(v.verifiedAt).not.toBeNull();
    expect(await h.err('entries.verify', { id: e.id, version: 2 })).toMatchObject({ message: '该材料已核实' });
    const edited = await h.ok('entries.update', {
      id: e.id,
      version: 2,
      input: { cadreId, ...entryForm({ content: '补充内容' }) },
    });
    expect(edited).toMatchObject({ version: 3, verifiedBy: null, verifiedAt: null });
    await loginAdmin(h);
    expect(await h.ok('entries.delete', { id: e.id, version: 3 })).toBeNull();
    expect((await h.ok('dossier.get', { cadreId })).entries).toEqual([]);
    expect(await newestAudit(h)).toMatchObject({ action: 'entries.delete' });
  });
});

describe('bulk entry', () => {
  test('one entry for many cadres with per-cadre hours and notes, in one batch and one audit entry', async () => {
    const h = await newHostWithStore();
    const ids = [await dossierCadre(h, '巴特尔'), await dossierCadre(h, '李秀梅'), await dossierCadre(h, '王建国')];
    const auditBefore = (await dossierState(h)).audit.length;
    const r = await h.ok('entries.createBulk', {
      common: entryForm({ content: '参加县委党校春季中青班' }),
      rows: [
        { cadreId: ids[0]!, hours: 40, note: '优秀学员' },
        { cadreId: ids[1]!, hours: 36.5, note: '' },
        { cadreId: ids[2]!, hours: null, note: '请假两天' },
      ],
    });
    expect(r.count).toBe(3);
    const state = await dossierState(h);
    expect(state.audit.length).toBe(auditBefore + 1);
    expect(await newestAudit(h)).toMatchObject({
      action: 'entries.createBulk',
      target: '2025年春季中青班优秀学员（3 名干部）',
    });
    const contents = await Promise.all(
      ids.map(async (cadreId) => (await h.ok('dossier.get', { cadreId })).entries.map((e) => [e.content, e.batchId])),
    );
    expect(contents).toEqual([
      [['参加县委党校春季中青班\n学时：40；优秀学员', r.batchId]],
      [['参加县委党校春季中青班\n学时：36.5', r.batchId]],
      [['参加县委党校春季中青班\n请假两天', r.batchId]],
    ]);
    expect(state.standards.length).toBe(6);
  });

  test('one cadre the date does not fit refuses the whole batch, naming the cadre; nothing is half-saved', async () => {
    const h = await newHostWithStore();
    const a = await dossierCadre(h, '巴特尔');
    const unit = (await h.ok('units.list', {}))[0]!;
    const { cadreInput } = await import('../../helpers/roster');
    const young = await h.ok('cadres.create', {
      input: cadreInput(unit.id, {
        name: '青年干部',
        idNumber: '',
        birthMonth: '1999-05',
        partyJoin: '',
        workStart: '2021-07',
        postSince: '2023-01',
      }),
    });
    const before = await dossierState(h);
    const e = await h.err('entries.createBulk', {
      common: entryForm({ date: '1999-01-10' }),
      rows: [
        { cadreId: a, hours: null, note: '' },
        { cadreId: young.id, hours: null, note: '' },
      ],
    });
    expect(e).toMatchObject({
      code: 'VALIDATION',
      field: 'date',
      message: '青年干部：日期不能早于该干部的出生年月（1999.05）',
    });
    expect(await dossierState(h)).toEqual(before);
  });
});

describe('roles', () => {
  test('the reviewer reads dossiers and attachments but changes nothing; the assessment clerk sees no dossier at all', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const e = await addEntry(h, cadreId);
    await loginAs(h, 'reviewer');
    expect((await h.ok('dossier.get', { cadreId })).entries.map((x) => x.id)).toEqual([e.id]);
    expect(await h.ok('classes.list', {})).toEqual([]);
    const before = await dossierState(h);
    for (const [name, input] of [
      ['entries.create', { input: { cadreId, ...entryForm() } }],
      ['entries.verify', { id: e.id, version: 1 }],
      ['entries.delete', { id: e.id, version: 1 }],
      ['training.previewYear', { year: 2025 }],
      ['training.commitYear', { year: 2025, token: 'x' }],
      ['training.withdrawBatch', { batchId: 'legacy:2025', reason: '误生成' }],
    ] as const) {
      expect(await h.err(name, input), name).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await dossierState(h)).toEqual(before);
    await loginAs(h, 'assessmentClerk');
    for (const [name, input] of [
      ['dossier.get', { cadreId }],
      ['attachments.read', { id: 1 }],
      ['classes.list', {}],
      ['classes.records', { classId: 1 }],
    ] as const) {
      expect(await h.err(name, input), name).toMatchObject({
        code: 'FORBIDDEN',
        message: '当前账户的角色无权进行此操作',
      });
    }
  });
});
