// Cadre profiles through the dispatcher: create and read back, field-level refusals, computed age, concurrent
// edits, 身份证号 masking by role, photos.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCadre } from '../../../db/roster/write';
import { queryRoster } from '../../../db/roster/query';
import type { ApiErrorData } from '../../../shared/ipc/errors';
import { newHost, type TestHost } from '../../helpers/host';
import {
  addUnit,
  type CadreForm,
  cadreInput,
  expectedAge,
  formOf,
  lastAudit,
  loginAdmin,
  loginAs,
  makeId,
  minimalCadre,
  newRosterHost,
  rosterState,
  sampleJpeg,
  tinyPng,
  withWrongCheckDigit,
} from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';

const BATEER_ID = '150624197803153018';

async function hostWithUnit() {
  const h = await newRosterHost();
  const unit = await addUnit(h, '阿尔巴斯苏木', 'C1', 1);
  return { h, unit };
}

/**
 * Schema errors name the field inside the call's `input` (input.idNumber); the services name it bare (unitId). The
 * form strips `input.`.
 */
const fieldOf = (e: ApiErrorData) => e.field?.replace(/^input\./, '');

describe('create and read back', () => {
  test('every field comes back as saved; annual results in year order, family in the order given', async () => {
    const { h, unit } = await hostWithUnit();
    const input = cadreInput(unit.id);
    const created = await h.ok('cadres.create', { input });
    const read = await h.ok('cadres.get', { id: created.id });
    expect(read).toEqual(created);
    const { annualResults: _annualResults, family, ...texts } = input;
    expect(read).toEqual({
      ...texts,
      id: created.id,
      version: 1,
      age: expectedAge('1978-03'),
      unitName: '阿尔巴斯苏木',
      categoryName: '苏木镇（街道）',
      photo: null,
      idNumberMasked: false,
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      annualResults: [
        { year: 2021, result: '称职' },
        { year: 2022, result: '称职' },
        { year: 2023, result: '优秀' },
      ],
      family: family,
    });
    expect(read.family.map((f) => f.relation)).toEqual(['妻子', '儿子', '女儿']);
    expect(await lastAudit(h)).toMatchObject({
      action: 'cadres.create',
      target: '巴特尔（阿尔巴斯苏木）',
      detail: { cadreId: created.id },
    });
  });

  test('texts are trimmed, a lower-case x in the 身份证号 is stored upper-case', async () => {
    const { h, unit } = await hostWithUnit();
    const withX = Array.from({ length: 200 }, (_, i) => makeId('19801120', '女', i)).find((x) => x.endsWith('X'))!;
    expect(withX).toBeDefined();
    const p = await h.ok('cadres.create', {
      input: minimalCadre(unit.id, {
        name: '  李秀梅 ',
        gender: '女',
        birthMonth: '1980-11',
        idNumber: withX.toLowerCase(),
        currentPost: ' 副局长 ',
      }),
    });
    expect(p).toMatchObject({ name: '李秀梅', currentPost: '副局长', idNumber: withX });
  });

  test('the smallest profile (only the required fields) is accepted', async () => {
    const { h, unit } = await hostWithUnit();
    const p = await h.ok('cadres.create', { input: minimalCadre(unit.id) });
    expect(p).toMatchObject({
      name: '张伟',
      idNumber: '',
      idNumberMasked: false,
      annualResults: [],
      family: [],
      photo: null,
    });
  });

  test('an update replaces the annual results and family, bumps the version and names the changed fields in the audit log', async () => {
    const { h, unit } = await hostWithUnit();
    const created = await h.ok('cadres.create', { input: cadreInput(unit.id) });
    const updated = await h.ok('cadres.update', {
      id: created.id,
      version: created.version,
      input: cadreInput(unit.id, {
        rank: '一级主任科员',
        annualResults: [{ year: 2024, result: '优秀' }],
        family: [{ relation: '妻子', name: '王丽', birthMonth: '', politicalStatus: '', workUnitPost: '' }],
      }),
    });
    expect(updated).toMatchObject({
      version: 2,
      rank: '一级主任科员',
      annualResults: [{ year: 2024, result: '优秀' }],
    });
    expect(updated.family).toHaveLength(1);
    expect(await lastAudit(h)).toMatchObject({
      action: 'cadres.update',
      detail: { cadreId: created.id, changed: ['职级', '年度考核结果', '家庭主要成员'] },
    });
    const db = h.host.session().db;
    expect(await db.selectFrom('cadre_family').select('name').where('cadre_id', '=', created.id).execute()).toEqual([
      { name: '王丽' },
    ]);
  });

  test('updating an unknown cadre is NOT_FOUND', async () => {
    const { h, unit } = await hostWithUnit();
    expect(await h.err('cadres.update', { id: 42, version: 1, input: cadreInput(unit.id) })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });
    expect(await h.err('cadres.get', { id: 42 })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('validation: a Chinese message naming the field, and nothing written', () => {
  const BAD_CHECK = withWrongCheckDigit(BATEER_ID);
  const cases: [string, (unitId: number) => CadreForm, string, string | RegExp][] = [
    [
      'a wrong check digit',
      (u) => cadreInput(u, { idNumber: BAD_CHECK }),
      'idNumber',
      '身份证号校验位错误（最后一位应为 8）',
    ],
    [
      'a 身份证号 of 17 digits',
      (u) => cadreInput(u, { idNumber: BATEER_ID.slice(0, 17) }),
      'idNumber',
      '身份证号应为 18 位，实际为 17 位',
    ],
    [
      'a 身份证号 born in another month than 出生年月',
      (u) => cadreInput(u, { birthMonth: '1978-04' }),
      'idNumber',
      '身份证号中的出生日期（1978-03）与出生年月（1978-04）不一致',
    ],
    [
      'a 身份证号 of the other gender',
      (u) => cadreInput(u, { gender: '女' }),
      'idNumber',
      '身份证号显示性别为“男”，与所填性别不一致',
    ],
    [
      '出生年月 1975-13',
      (u) => cadreInput(u, { birthMonth: '1975-13', idNumber: '' }),
      'birthMonth',
      '出生年月应为“年-月”，例如 1975-03',
    ],
    [
      '出生年月 as 1975.03',
      (u) => cadreInput(u, { birthMonth: '1975.03', idNumber: '' }),
      'birthMonth',
      '出生年月应为“年-月”，例如 1975-03',
    ],
    ['an empty 姓名', (u) => cadreInput(u, { name: '   ' }), 'name', '请填写姓名'],
    ['an empty 现任职务', (u) => cadreInput(u, { currentPost: '' }), 'currentPost', '请填写现任职务'],
    ['a 性别 that is neither', (u) => cadreInput(u, { gender: '男性' as never }), 'gender', '性别应为“男”或“女”'],
    [
      'an unknown status',
      (u) => cadreInput(u, { status: '挂职' as never }),
      'status',
      '状态应为在职、调出、退休、免职、辞职、去世之一',
    ],
    [
      '参加工作 before birth',
      (u) => cadreInput(u, { workStart: '1970-01' }),
      'workStart',
      '参加工作时间不能早于出生年月',
    ],
    [
      'a year twice in the annual results',
      (u) =>
        cadreInput(u, {
          annualResults: [
            { year: 2022, result: '称职' },
            { year: 2022, result: '优秀' },
          ],
        }),
      'annualResults.1.year',
      '2022 年度的考核结果重复',
    ],
    [
      'a family member without a name',
      (u) =>
        cadreInput(u, {
          family: [{ relation: '妻子', name: '', birthMonth: '', politicalStatus: '', workUnitPost: '' }],
        }),
      'family.0.name',
      '请填写家庭成员姓名',
    ],
    ['an unknown unit', () => cadreInput(9999), 'unitId', '所选单位不存在，可能已被删除，请重新选择'],
  ];

  test.each(cases)('%s', async (_label, make, field, message) => {
    const { h, unit } = await hostWithUnit();
    const before = await rosterState(h);
    const e = await h.err('cadres.create', { input: make(unit.id) });
    expect(e.code).toBe('VALIDATION');
    expect(fieldOf(e)).toBe(field);
    expect(e.message).toEqual(message);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await rosterState(h)).toEqual(before);
  });

  test('a 身份证号 another cadre has is refused on create and on update, naming that cadre', async () => {
    const { h, unit } = await hostWithUnit();
    await h.ok('cadres.create', { input: cadreInput(unit.id) });
    const other = await h.ok('cadres.create', {
      input: minimalCadre(unit.id, { name: '王五', birthMonth: '1978-03' }),
    });
    const before = await rosterState(h);
    const expected = { code: 'VALIDATION', field: 'idNumber', message: '身份证号与已有干部“巴特尔”重复' };
    expect(await h.err('cadres.create', { input: cadreInput(unit.id, { name: '巴特尔二' }) })).toEqual(expected);
    expect(
      await h.err('cadres.update', {
        id: other.id,
        version: 1,
        input: minimalCadre(unit.id, { name: '王五', birthMonth: '1978-03', idNumber: BATEER_ID }),
      }),
    ).toEqual(expected);
    expect(await rosterState(h)).toEqual(before);
    // Keeping one's own 身份证号 on update is not a clash.
    const bateer = (await h.ok('roster.query', { text: '巴特尔' }))[0]!;
    expect(
      await h.ok('cadres.update', { id: bateer.id, version: 1, input: cadreInput(unit.id, { rank: '副科级' }) }),
    ).toMatchObject({ version: 2 });
  });

  test('an update with an invalid field writes nothing either', async () => {
    const { h, unit } = await hostWithUnit();
    const p = await h.ok('cadres.create', { input: cadreInput(unit.id) });
    const before = await rosterState(h);
    const e = await h.err('cadres.update', {
      id: p.id,
      version: p.version,
      input: { ...formOf(p), idNumber: withWrongCheckDigit(BATEER_ID) },
    });
    expect(e).toMatchObject({ code: 'VALIDATION', message: '身份证号校验位错误（最后一位应为 8）' });
    expect(fieldOf(e)).toBe('idNumber');
    expect(await rosterState(h)).toEqual(before);
  });
});

describe('age', () => {
  test('is computed from 出生年月, never stored: there is no age column, and another day gives another age', async () => {
    const { h, unit } = await hostWithUnit();
    const p = await h.ok('cadres.create', { input: cadreInput(unit.id) }); // born 1978-03
    const db = h.host.session().db;
    const columns = (await db.introspection.getTables()).find((t) => t.name === 'cadres')!.columns.map((c) => c.name);
    expect(columns).toContain('birth_month');
    expect(columns.filter((c) => /age/i.test(c))).toEqual([]);

    expect(p.age).toBe(expectedAge('1978-03'));
    const read = (today: Date) => readCadre(db, p.id, { showIdNumber: true, today });
    expect((await read(new Date(2020, 1, 28))).age).toBe(41); // the month of birth not yet begun
    expect((await read(new Date(2020, 2, 1))).age).toBe(42); // the month counts as begun
    expect((await read(new Date(2030, 5, 1))).age).toBe(52);
    const roster = (today: Date) => queryRoster(db, {}, { showIdNumber: true, today });
    expect((await roster(new Date(2020, 1, 28)))[0]!.age).toBe(41);
    expect((await roster(new Date(2030, 5, 1)))[0]!.age).toBe(52);
    expect((await h.ok('roster.query', {}))[0]!.age).toBe(expectedAge('1978-03'));
  });
});

describe('concurrent edits', () => {
  test('two updates from the same version: the second is a CONFLICT in Chinese and the first one’s values stay', async () => {
    const { h, unit } = await hostWithUnit();
    const opened = await h.ok('cadres.create', { input: cadreInput(unit.id) });
    // Two people opened the same profile at version 1.
    const first = await h.ok('cadres.update', {
      id: opened.id,
      version: opened.version,
      input: { ...formOf(opened), rank: '一级主任科员' },
    });
    expect(first).toMatchObject({ version: 2, rank: '一级主任科员' });
    const before = await rosterState(h);
    const e = await h.err('cadres.update', {
      id: opened.id,
      version: opened.version,
      input: { ...formOf(opened), traits: '另一人的修改' },
    });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(
      /^“巴特尔”的信息已被其他人修改（\d{4}-\d{2}-\d{2} \d{2}:\d{2}），请关闭后重新打开再编辑，您的修改未保存$/,
    );
    expect(await rosterState(h)).toEqual(before);
    expect(await h.ok('cadres.get', { id: opened.id })).toMatchObject({
      version: 2,
      rank: '一级主任科员',
      traits: opened.traits,
    });
    // Reopened at version 2, the second person's edit goes through.
    expect(
      await h.ok('cadres.update', { id: opened.id, version: 2, input: { ...formOf(first), traits: '另一人的修改' } }),
    ).toMatchObject({
      version: 3,
      rank: '一级主任科员',
      traits: '另一人的修改',
    });
  });

  test('two sessions on one store: the later save of the same version is refused', async () => {
    const { h: a, unit } = await hostWithUnit();
    const opened = await a.ok('cadres.create', { input: cadreInput(unit.id) });
    await loginAs(a, 'dossierClerk');
    await loginAdmin(a);
    const b = newHost({ autoBackup: false });
    await b.ok('setup.useExistingStore', { dir: a.dir });
    await b.ok('session.login', { username: 'dossierclerk1', password: 'Dossier@2025' });
    const seenByB = await b.ok('cadres.get', { id: opened.id });
    await a.ok('cadres.update', {
      id: opened.id,
      version: opened.version,
      input: { ...formOf(opened), rank: '副科级' },
    });
    const e = await b.err('cadres.update', {
      id: opened.id,
      version: seenByB.version,
      input: { ...formOf(seenByB), shortcomings: '乙的意见' },
    });
    expect(e.code).toBe('CONFLICT');
    expect(await b.ok('cadres.get', { id: opened.id })).toMatchObject({
      rank: '副科级',
      shortcomings: opened.shortcomings,
      version: 2,
    });
  });
});

describe('身份证号 by role', () => {
  async function storeWithCadre() {
    const { h, unit } = await hostWithUnit();
    const p = await h.ok('cadres.create', { input: cadreInput(unit.id) });
    await h.ok('cadres.create', { input: minimalCadre(unit.id, { name: '无证号' }) });
    return { h, id: p.id };
  }

  test.each(['admin', 'dossierClerk'] as const)('%s sees it in full, in the profile and the roster', async (role) => {
    const { h, id } = await storeWithCadre();
    if (role !== 'admin') await loginAs(h, role);
    expect(await h.ok('cadres.get', { id })).toMatchObject({ idNumber: BATEER_ID, idNumberMasked: false });
    expect((await h.ok('roster.query', { text: '巴特尔' }))[0]!.idNumber).toBe(BATEER_ID);
  });

  test('a reviewer sees it masked (region and last four), in the profile and the roster', async () => {
    const { h, id } = await storeWithCadre();
    await loginAs(h, 'reviewer');
    const p = await h.ok('cadres.get', { id });
    expect(p).toMatchObject({
      idNumber: '150624********3018',
      idNumberMasked: true,
      name: '巴特尔',
      birthMonth: '1978-03',
    });
    const rows = await h.ok('roster.query', {});
    expect(rows.find((r) => r.id === id)!.idNumber).toBe('150624********3018');
    // An empty 身份证号 stays empty and is not flagged as masked.
    const none = rows.find((r) => r.name === '无证号')!;
    expect(none.idNumber).toBe('');
    expect(await h.ok('cadres.get', { id: none.id })).toMatchObject({ idNumber: '', idNumberMasked: false });
    // Nor can the reviewer edit it.
    expect(await h.err('cadres.update', { id, version: 1, input: formOf(p) })).toMatchObject({ code: 'FORBIDDEN' });
  });

  test('an assessment clerk may query the roster (masked) but not open a profile', async () => {
    const { h, id } = await storeWithCadre();
    await loginAs(h, 'assessmentClerk');
    const rows = await h.ok('roster.query', {});
    expect(rows.map((r) => r.name).sort()).toEqual(['巴特尔', '无证号'].sort());
    expect(rows.find((r) => r.id === id)!.idNumber).toBe('150624********3018');
    expect(await h.err('cadres.get', { id })).toEqual({ code: 'FORBIDDEN', message: '当前账户的角色无权进行此操作' });
  });

  test('a role that sees it masked cannot find it by the hidden digits of the 身份证号 either', async () => {
    const { h } = await storeWithCadre();
    expect(await h.ok('roster.query', { text: '19780315' })).toHaveLength(1);
    for (const role of ['reviewer', 'assessmentClerk'] as const) {
      await loginAs(h, role);
      // The birth date hidden by the mask must not be guessable by searching for it …
      expect(await h.ok('roster.query', { text: '19780315' }), role).toEqual([]);
      expect(await h.ok('roster.query', { text: BATEER_ID }), role).toEqual([]);
      // … while the name and other texts are still found.
      expect(
        (await h.ok('roster.query', { text: '巴特尔' })).map((r) => r.name),
        role,
      ).toEqual(['巴特尔']);
    }
  });
});

describe('photos', () => {
  async function withCadre() {
    const { h, unit } = await hostWithUnit();
    const p = await h.ok('cadres.create', { input: cadreInput(unit.id) });
    return { h, id: p.id, dir: tempDir('ganbu-photo-') };
  }
  async function pick(h: TestHost, dir: string, name: string, bytes: Buffer) {
    writeFileSync(join(dir, name), bytes);
    const [picked] = await h.pickOpen('photo', join(dir, name));
    expect(picked).toMatchObject({ name, size: bytes.length });
    return picked!.token;
  }

  test('a JPEG is stored and shown as a data URL; a PNG replaces it; removePhoto takes it away', async () => {
    const { h, id, dir } = await withCadre();
    const jpeg = sampleJpeg();
    const withJpeg = await h.ok('cadres.setPhoto', { id, token: await pick(h, dir, '巴特尔.jpg', jpeg) });
    expect(withJpeg.photo).toBe(`data:image/jpeg;base64,${jpeg.toString('base64')}`);
    expect((await h.ok('cadres.get', { id })).photo).toBe(withJpeg.photo);
    expect(await lastAudit(h)).toMatchObject({ action: 'cadres.setPhoto', detail: { cadreId: id, photo: '更换' } });
    // The photo dialog offers pictures only.
    expect(h.dialogs.requests.at(-1)).toMatchObject({
      kind: 'open',
      filters: [{ extensions: ['jpg', 'jpeg', 'png'] }],
      multiple: false,
    });

    const png = tinyPng();
    const withPng = await h.ok('cadres.setPhoto', { id, token: await pick(h, dir, '巴特尔.png', png) });
    expect(withPng.photo).toBe(`data:image/png;base64,${png.toString('base64')}`);
    const db = h.host.session().db;
    expect(await db.selectFrom('cadre_photos').select(['cadre_id', 'mime']).execute()).toEqual([
      { cadre_id: id, mime: 'image/png' },
    ]);

    expect((await h.ok('cadres.removePhoto', { id })).photo).toBeNull();
    expect(await db.selectFrom('cadre_photos').selectAll().execute()).toEqual([]);
    expect(await lastAudit(h)).toMatchObject({ action: 'cadres.removePhoto', detail: { cadreId: id, photo: '删除' } });
  });

  test('a text file named .jpg is refused on the photo field; the stored photo stays', async () => {
    const { h, id, dir } = await withCadre();
    await h.ok('cadres.setPhoto', { id, token: await pick(h, dir, 'a.jpg', sampleJpeg()) });
    const before = await rosterState(h);
    const e = await h.err('cadres.setPhoto', {
      id,
      token: await pick(h, dir, '照片.jpg', Buffer.from('这不是图片，只是改了扩展名的文字', 'utf8')),
    });
    expect(e).toEqual({ code: 'VALIDATION', field: 'photo', message: '照片应为 JPG 或 PNG 图片' });
    expect(
      await h.err('cadres.setPhoto', { id, token: await pick(h, dir, 'empty.jpg', Buffer.alloc(0)) }),
    ).toMatchObject({ field: 'photo' });
    expect(await rosterState(h)).toEqual(before);
  });

  test('a picture over 2 MB is refused on the photo field; exactly 2 MB is fine', async () => {
    const { h, id, dir } = await withCadre();
    const jpeg = sampleJpeg();
    const padded = (size: number) => Buffer.concat([jpeg, Buffer.alloc(size - jpeg.length)]);
    const before = await rosterState(h);
    const e = await h.err('cadres.setPhoto', { id, token: await pick(h, dir, 'big.jpg', padded(2 * 1024 * 1024 + 1)) });
    expect(e).toEqual({ code: 'VALIDATION', field: 'photo', message: '照片不能超过 2 MB' });
    expect(await rosterState(h)).toEqual(before);
    expect(
      (await h.ok('cadres.setPhoto', { id, token: await pick(h, dir, 'max.jpg', padded(2 * 1024 * 1024)) })).photo,
    ).toMatch(/^data:image\/jpeg;base64,/);
  });

  test('a token that was never handed out is refused; a photo for an unknown cadre is NOT_FOUND', async () => {
    const { h, id, dir } = await withCadre();
    expect(await h.err('cadres.setPhoto', { id, token: '0b6f2c5e-8a4d-4f0e-9c3b-2d7e5a1f6c90' })).toEqual({
      code: 'VALIDATION',
      field: 'token',
      message: '所选文件已失效，请重新选择',
    });
    expect(await h.err('cadres.setPhoto', { id: 999, token: await pick(h, dir, 'a.jpg', sampleJpeg()) })).toMatchObject(
      { code: 'NOT_FOUND' },
    );
    expect(await h.err('cadres.removePhoto', { id: 999 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  test('picked files are forgotten when the session is locked', async () => {
    const { h, id, dir } = await withCadre();
    const token = await pick(h, dir, 'a.jpg', sampleJpeg());
    await h.ok('session.lock', {});
    await loginAdmin(h);
    expect(await h.err('cadres.setPhoto', { id, token })).toMatchObject({ code: 'VALIDATION', field: 'token' });
  });
});
