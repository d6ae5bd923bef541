// 任免审批表 (.lrmx) import and export through the dispatcher, with scripted file dialogs and real files: per-file
// preview, suggestions, commit with photo/简历/family/annual results, re-import as update, export round trip.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeLrmx } from '../../../db/roster/lrmx/write';
import type { CadreProfile, LrmxPreview } from '../../../shared/roster/views';
import type { TestHost } from '../../helpers/host';
import {
  addUnit,
  cadreInput,
  fixturePath,
  formOf,
  lastAudit,
  minimalCadre,
  newRosterHost,
  rosterState,
  sampleJpeg,
} from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';
import { generateDetailed, GENERATED_UNITS } from './lrmx/generate';

const BATEER = fixturePath('lrmx/巴特尔.lrmx');
const LIXIUMEI = fixturePath('lrmx/李秀梅.lrmx');
const BATEER_ID = '150624197803153018';
const LIXIUMEI_ID = '150624198511202628';

async function hostWithUnits() {
  const h = await newRosterHost();
  const sumu = await addUnit(h, '阿尔巴斯苏木', 'C1', 1);
  const wulan = await addUnit(h, '乌兰镇', 'C1', 2);
  const finance = await addUnit(h, '鄂托克旗财政局', 'C4', 1);
  return { h, sumu: sumu.id, wulan: wulan.id, finance: finance.id };
}

async function preview(h: TestHost, ...paths: string[]): Promise<LrmxPreview> {
  const files = await h.pickOpen('lrmx', ...paths);
  return h.ok('roster.previewLrmx', { tokens: files.map((f) => f.token) });
}

type Choice = { index: number; unitId: number; position: 'chief' | 'deputy'; confirmMatch?: boolean };
const commit = (h: TestHost, jobId: string, files: Choice[]) =>
  h.ok('roster.commitLrmx', { jobId, files: files.map((f) => ({ confirmMatch: false, ...f })) });

function tempFile(name: string, bytes: Buffer | string): string {
  const path = join(tempDir('ganbu-lrmx-'), name);
  writeFileSync(path, bytes);
  return path;
}

/** 10 KB of junk that is not XML, under an .lrmx name. */
const junk = () => Buffer.from(Array.from({ length: 10_240 }, (_, i) => (i * 31 + 7) & 0xff));

const idByName = async (h: TestHost, name: string) =>
  (await h.ok('roster.query', { text: name })).find((r) => r.name === name)!.id;

/** The profile without what changes on every save. */
const stable = (p: CadreProfile) => {
  const { version: _v, updatedAt: _u, ...rest } = p;
  return rest;
};

describe('preview', () => {
  test(
    'the two samples and broken files: a status per file, unreadable ones do not block the others; suggestions ' +
      'from the post',
    async () => {
      const { h, sumu, finance } = await hostWithUnits();
      const before = await rosterState(h);
      const p = await preview(
        h,
        BATEER,
        LIXIUMEI,
        tempFile('损坏.lrmx', junk()),
        tempFile('空白.lrmx', ''),
        fixturePath('lrmx/variant-truncated.lrmx'),
      );
      expect(p.files.map((f) => [f.index, f.fileName, f.ok, f.status])).toEqual([
        [0, '巴特尔.lrmx', true, 'new'],
        [1, '李秀梅.lrmx', true, 'new'],
        [2, '损坏.lrmx', false, 'error'],
        [3, '空白.lrmx', false, 'error'],
        [4, 'variant-truncated.lrmx', false, 'error'],
      ]);
      expect(p.files[0]).toEqual({
        index: 0,
        fileName: '巴特尔.lrmx',
        ok: true,
        error: null,
        name: '巴特尔',
        idNumber: '150624********3018',
        birthMonth: '1978-03',
        currentPost: '阿尔巴斯苏木党委书记',
        issues: [],
        status: 'new',
        existing: null,
        suggestedUnitId: sumu,
        suggestedPosition: 'chief',
        hasPhoto: true,
        changes: [],
        stored: null,
      });
      expect(p.files[1]).toMatchObject({
        name: '李秀梅',
        currentPost: '鄂托克旗财政局副局长',
        suggestedUnitId: finance,
        suggestedPosition: 'deputy',
        hasPhoto: true,
      });
      expect(p.files[2]).toMatchObject({
        error: '不是有效的任免审批表文件（.lrmx）',
        name: '',
        hasPhoto: false,
        suggestedUnitId: null,
      });
      expect(p.files[3]).toMatchObject({ error: '文件为空' });
      expect(p.files[4]!.error).toMatch(/^不是有效的任免审批表文件（\.lrmx）：XML 格式错误/);
      expect(await rosterState(h)).toEqual(before);

      // The readable files import although the others could not be read.
      expect(
        await commit(h, p.jobId, [
          { index: 0, unitId: sumu, position: 'chief' },
          { index: 1, unitId: finance, position: 'deputy' },
        ]),
      ).toEqual({
        created: 2,
        updated: 0,
        skipped: 3,
        unchanged: 0,
      });
    },
  );

  test('no suggestion when no unit name appears in the post', async () => {
    const h = await newRosterHost();
    await addUnit(h, '棋盘井镇');
    const p = await preview(h, BATEER);
    expect(p.files[0]).toMatchObject({ ok: true, suggestedUnitId: null, suggestedPosition: 'chief' });
  });

  test('a file with problems in its content previews with its issues; one without 姓名 cannot be imported', async () => {
    const { h } = await hostWithUnits();
    const p = await preview(
      h,
      fixturePath('lrmx/variant-invalid-id.lrmx'),
      fixturePath('lrmx/variant-missing-name.lrmx'),
      fixturePath('lrmx/variant-gb18030.lrmx'),
    );
    expect(p.files[0]).toMatchObject({ ok: true, status: 'new', idNumber: '' });
    expect(p.files[0]!.issues.join()).toMatch(/身份证号/);
    expect(p.files[1]).toMatchObject({ ok: false, status: 'error' });
    expect(p.files[1]!.error).toMatch(/姓名/);
    expect(p.files[2]).toMatchObject({ ok: true, name: '巴特尔' });
  });

  test('the open dialog asks for .lrmx/.lrm files, several at once; a folder is searched for them', async () => {
    const { h } = await hostWithUnits();
    const dir = tempDir('ganbu-folder-');
    mkdirSync(join(dir, '财政局'));
    copyFileSync(BATEER, join(dir, '巴特尔.lrmx'));
    copyFileSync(LIXIUMEI, join(dir, '财政局', '李秀梅.LRMX'));
    writeFileSync(join(dir, '说明.txt'), '不是审批表');
    await h.pickOpen('lrmx', BATEER);
    expect(h.dialogs.requests.at(-1)).toMatchObject({
      kind: 'open',
      multiple: true,
      folder: false,
      filters: [{ extensions: ['lrmx', 'lrm'] }],
    });
    const picked = await h.pickOpen('lrmxFolder', dir);
    expect(h.dialogs.requests.at(-1)).toMatchObject({ kind: 'open', folder: true });
    expect(picked.map((f) => f.name)).toEqual(['巴特尔.lrmx', '李秀梅.LRMX']);
    const p = await h.ok('roster.previewLrmx', { tokens: picked.map((f) => f.token) });
    expect(p.files.map((f) => [f.name, f.status])).toEqual([
      ['巴特尔', 'new'],
      ['李秀梅', 'new'],
    ]);
  });
});

describe('commit', () => {
  test('imports photo, 简历, family members and per-year annual results, in one audit entry naming the files', async () => {
    const { h, sumu, finance } = await hostWithUnits();
    const p = await preview(h, BATEER, LIXIUMEI);
    expect(
      await commit(h, p.jobId, [
        { index: 0, unitId: sumu, position: 'chief' },
        { index: 1, unitId: finance, position: 'deputy' },
      ]),
    ).toEqual({
      created: 2,
      updated: 0,
      skipped: 0,
      unchanged: 0,
    });
    expect(await lastAudit(h)).toMatchObject({
      action: 'roster.commitLrmx',
      target: '2 个任免审批表文件',
      detail: { created: 2, updated: 0, files: ['巴特尔.lrmx', '李秀梅.lrmx'] },
    });
    const b = await h.ok('cadres.get', { id: await idByName(h, '巴特尔') });
    expect(b).toMatchObject({
      name: '巴特尔',
      gender: '男',
      ethnicity: '蒙古族',
      birthMonth: '1978-03',
      nativePlace: '内蒙古鄂托克旗',
      partyJoin: '2001-06',
      workStart: '1999-07',
      health: '健康',
      expertise: '熟悉基层党建和农牧业工作',
      fulltimeEducation: '大学',
      fulltimeDegree: '农学学士',
      fulltimeSchool: '内蒙古农业大学草原管理专业',
      parttimeEducation: '研究生',
      parttimeSchool: '内蒙古党校经济管理专业',
      currentPost: '阿尔巴斯苏木党委书记',
      postSince: '2019-05',
      rank: '',
      unitId: sumu,
      unitName: '阿尔巴斯苏木',
      position: 'chief',
      rewards: '2021年被评为全旗优秀党务工作者。',
      idNumber: BATEER_ID,
      status: '在职',
      annualResults: [
        { year: 2022, result: '称职' },
        { year: 2023, result: '优秀' },
        { year: 2024, result: '称职' },
      ],
      family: [
        {
          relation: '妻子',
          name: '王丽',
          birthMonth: '1980-04',
          politicalStatus: '中共党员',
          workUnitPost: '鄂托克旗第一中学教师',
        },
        {
          relation: '儿子',
          name: '巴音',
          birthMonth: '2005-09',
          politicalStatus: '共青团员',
          workUnitPost: '内蒙古大学学生',
        },
      ],
    });
    expect(b.resume).toBe(
      [
        '1995.09--1999.07  内蒙古农业大学草原管理专业学习',
        '1999.07--2006.03  鄂托克旗草原站干部',
        '2006.03--2013.11  鄂托克旗乌兰镇副镇长',
        '2013.11--2019.05  鄂托克旗农牧局副局长',
        '2019.05--         阿尔巴斯苏木党委书记',
      ].join('\n'),
    );
    expect(b.photo).toBe(`data:image/jpeg;base64,${sampleJpeg().toString('base64')}`);
    const l = await h.ok('cadres.get', { id: await idByName(h, '李秀梅') });
    expect(l).toMatchObject({
      idNumber: LIXIUMEI_ID,
      position: 'deputy',
      unitName: '鄂托克旗财政局',
      postSince: '2021-03',
      family: [{ name: '赵刚' }],
    });
    expect(l.photo).toMatch(/^data:image\/jpeg;base64,/);
    // The roster finds them, by pinyin too.
    expect((await h.ok('roster.query', { text: 'bte' })).map((r) => r.name)).toEqual(['巴特尔']);
    expect((await h.ok('roster.query', { text: 'lxm' })).map((r) => r.name)).toEqual(['李秀梅']);
  });

  test('a file that could not be read cannot be chosen; an empty choice is refused; nothing is written', async () => {
    const { h, sumu } = await hostWithUnits();
    const p = await preview(h, BATEER, tempFile('损坏.lrmx', junk()));
    const before = await rosterState(h);
    expect(
      await h.err('roster.commitLrmx', {
        jobId: p.jobId,
        files: [0, 1].map((index) => ({ index, unitId: sumu, position: 'chief', confirmMatch: false })),
      }),
    ).toEqual({ code: 'VALIDATION', field: 'files', message: '文件“损坏.lrmx”无法读取，不能导入' });
    expect(await h.err('roster.commitLrmx', { jobId: p.jobId, files: [] })).toEqual({
      code: 'VALIDATION',
      field: 'files',
      message: '没有选择要导入的文件',
    });
    // A unit that does not exist (deleted since the preview) is named, not a database error.
    expect(
      await h.err('roster.commitLrmx', {
        jobId: p.jobId,
        files: [{ index: 0, unitId: 999, position: 'chief', confirmMatch: false }],
      }),
    ).toEqual({
      code: 'VALIDATION',
      field: 'unitId',
      message: '“巴特尔”的单位不存在，可能已被删除，请重新选择单位',
    });
    expect(await rosterState(h)).toEqual(before);
  });

  test('a photo over 2 MB inside one file does not block the batch: that file imports without its photo, with an issue', async () => {
    const { h, sumu, finance } = await hostWithUnits();
    const jpeg = sampleJpeg();
    const big = Buffer.concat([jpeg, Buffer.alloc(2 * 1024 * 1024 + 1 - jpeg.length)]).toString('base64');
    const xml = readFileSync(LIXIUMEI, 'utf8').replace(/<ZhaoPian>[^<]*<\/ZhaoPian>/, `<ZhaoPian>${big}</ZhaoPian>`);
    const p = await preview(h, BATEER, tempFile('李秀梅.lrmx', xml));
    expect(p.files[1]).toMatchObject({ ok: true, status: 'new', hasPhoto: false });
    expect(p.files[1]!.issues).toContain('照片超过 2 MB，未导入照片');
    expect(
      await commit(h, p.jobId, [
        { index: 0, unitId: sumu, position: 'chief' },
        { index: 1, unitId: finance, position: 'deputy' },
      ]),
    ).toMatchObject({
      created: 2,
    });
    expect((await h.ok('cadres.get', { id: await idByName(h, '李秀梅') })).photo).toBeNull();
    expect((await h.ok('cadres.get', { id: await idByName(h, '巴特尔') })).photo).not.toBeNull();
  });

  test('the same person twice in one batch (a copy of the file) is refused by name, and nothing is written', async () => {
    const { h, sumu } = await hostWithUnits();
    const copy = tempFile('巴特尔（副本）.lrmx', readFileSync(BATEER));
    const p = await preview(h, BATEER, copy);
    for (const f of p.files) expect(f.issues.join()).toMatch(/巴特尔/);
    const before = await rosterState(h);
    const e = await h.err('roster.commitLrmx', {
      jobId: p.jobId,
      files: [0, 1].map((index) => ({ index, unitId: sumu, position: 'chief', confirmMatch: false })),
    });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'files' });
    expect(e.message).toContain('巴特尔.lrmx');
    expect(e.message).toContain('巴特尔（副本）.lrmx');
    expect(await rosterState(h)).toEqual(before);
    // Either one alone imports.
    expect(await commit(h, p.jobId, [{ index: 1, unitId: sumu, position: 'chief' }])).toMatchObject({ created: 1 });
  });

  test('two files of one person without 身份证号 are flagged and refused; namesakes with different numbers import', async () => {
    const { h, sumu } = await hostWithUnits();
    const noId = readFileSync(BATEER, 'utf8').replace(/<ShenFenZheng>[^<]*<\/ShenFenZheng>/, '<ShenFenZheng />');
    const a = tempFile('巴特尔-甲.lrmx', noId);
    const b = tempFile('巴特尔-乙.lrmx', noId);
    const p = await preview(h, a, b);
    for (const f of p.files) expect(f.issues.join()).toContain('同名且出生年月相同');
    const before = await rosterState(h);
    const e = await h.err('roster.commitLrmx', {
      jobId: p.jobId,
      files: [0, 1].map((index) => ({ index, unitId: sumu, position: 'chief', confirmMatch: false })),
    });
    expect(e.message).toContain('可能是同一人');
    expect(await rosterState(h)).toEqual(before);
    // Same name and birth month but two different 身份证号: two people, both import.
    const other = readFileSync(BATEER, 'utf8').replace(
      /<ShenFenZheng>[^<]*<\/ShenFenZheng>/,
      '<ShenFenZheng>150624197803151012</ShenFenZheng>',
    );
    const q = await preview(h, BATEER, tempFile('另一个巴特尔.lrmx', other));
    for (const f of q.files) expect(f.issues.join()).not.toContain('只能导入其中一个');
    expect(
      await commit(
        h,
        q.jobId,
        [0, 1].map((index) => ({ index, unitId: sumu, position: 'chief' as const })),
      ),
    ).toMatchObject({ created: 2 });
  });
});

describe('re-import', () => {
  test('matches by 身份证号: an update that keeps the 职级, 熟悉领域, evaluations and status the store had', async () => {
    const { h, sumu, wulan } = await hostWithUnits();
    await commit(h, (await preview(h, BATEER)).jobId, [{ index: 0, unitId: sumu, position: 'chief' }]);
    const id = await idByName(h, '巴特尔');
    const stored = await h.ok('cadres.get', { id });
    const staff = {
      rank: '正科级',
      familiarFields: '基层党建',
      traits: '扎根基层',
      shortcomings: '创新不足',
      status: '调出' as const,
    };
    await h.ok('cadres.update', {
      id,
      version: stored.version,
      input: { ...formOf(stored), ...staff, currentPost: '旧职务', annualResults: [{ year: 2019, result: '优秀' }] },
    });

    const p = await preview(h, BATEER);
    expect(p.files[0]).toMatchObject({ status: 'update', existing: { id, name: '巴特尔', unitName: '阿尔巴斯苏木' } });
    expect(await commit(h, p.jobId, [{ index: 0, unitId: wulan, position: 'deputy' }])).toEqual({
      created: 0,
      updated: 1,
      skipped: 0,
      unchanged: 0,
    });
    const now = await h.ok('cadres.get', { id });
    expect(now).toMatchObject({ ...staff, currentPost: '阿尔巴斯苏木党委书记', unitId: wulan, position: 'deputy' });
    // The file's years replace the stored ones; an older year the file does not list stays.
    expect(now.annualResults.map((r) => r.year)).toEqual([2019, 2022, 2023, 2024]);
    expect((await rosterState(h)).counts.cadres).toBe(1);
  });

  test('a name match (same 姓名 and 出生年月, no 身份证号 stored) must be confirmed: refused without confirmMatch, nothing written', async () => {
    const { h, finance } = await hostWithUnits();
    const stored = await h.ok('cadres.create', {
      input: minimalCadre(finance, {
        name: '李秀梅',
        gender: '女',
        birthMonth: '1985-11',
        rank: '副科级',
        currentPost: '副局长',
      }),
    });
    const p = await preview(h, LIXIUMEI);
    expect(p.files[0]).toMatchObject({
      status: 'nameMatch',
      existing: { id: stored.id, name: '李秀梅', unitName: '鄂托克旗财政局' },
    });
    const before = await rosterState(h);
    expect(
      await h.err('roster.commitLrmx', {
        jobId: p.jobId,
        files: [{ index: 0, unitId: finance, position: 'deputy', confirmMatch: false }],
      }),
    ).toEqual({
      code: 'VALIDATION',
      field: 'files',
      message: '“李秀梅.lrmx”与已有干部同名且出生年月相同，请确认是否为同一人，或不导入该文件',
    });
    expect(await rosterState(h)).toEqual(before);
    expect(await commit(h, p.jobId, [{ index: 0, unitId: finance, position: 'deputy', confirmMatch: true }])).toEqual({
      created: 0,
      updated: 1,
      skipped: 0,
      unchanged: 0,
    });
    expect(await h.ok('cadres.get', { id: stored.id })).toMatchObject({
      idNumber: LIXIUMEI_ID,
      rank: '副科级',
      currentPost: '鄂托克旗财政局副局长',
    });
    expect((await rosterState(h)).counts.cadres).toBe(1);
  });
});

describe('export', () => {
  test(
    'cadres.exportLrmx writes a file the reader takes back as an update with the same fields (round trip through ' +
      'the store)',
    async () => {
      const { h, sumu } = await hostWithUnits();
      await commit(h, (await preview(h, BATEER)).jobId, [{ index: 0, unitId: sumu, position: 'chief' }]);
      const id = await idByName(h, '巴特尔');
      const stored = await h.ok('cadres.get', { id });
      await h.ok('cadres.update', {
        id,
        version: stored.version,
        input: { ...formOf(stored), rank: '正科级', traits: '扎根基层' },
      });
      const before = await h.ok('cadres.get', { id });

      const dir = tempDir('ganbu-export-');
      const token = await h.pickSave('lrmx', join(dir, '巴特尔'), '巴特尔');
      expect(h.dialogs.requests.at(-1)).toMatchObject({ kind: 'save', defaultName: '巴特尔.lrmx' });
      expect(await h.ok('cadres.exportLrmx', { id, token })).toEqual({ fileName: '巴特尔.lrmx' });
      expect(await lastAudit(h)).toMatchObject({
        action: 'cadres.exportLrmx',
        target: '巴特尔（阿尔巴斯苏木）',
        detail: { cadreId: id, file: '巴特尔.lrmx' },
      });
      const xml = readFileSync(join(dir, '巴特尔.lrmx'), 'utf8');
      expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\r\n<Person /);
      expect(xml).toContain(`<ShenFenZheng>${BATEER_ID}</ShenFenZheng>`);

      const p = await preview(h, join(dir, '巴特尔.lrmx'));
      expect(p.files[0]).toEqual({
        index: 0,
        fileName: '巴特尔.lrmx',
        ok: true,
        error: null,
        name: '巴特尔',
        idNumber: '150624********3018',
        birthMonth: '1978-03',
        currentPost: '阿尔巴斯苏木党委书记',
        issues: [],
        status: 'update',
        existing: { id, name: '巴特尔', unitName: '阿尔巴斯苏木' },
        suggestedUnitId: sumu,
        suggestedPosition: 'chief',
        hasPhoto: true,
        changes: [],
        stored: { unitId: sumu, unitName: '阿尔巴斯苏木', position: 'chief' },
      });
      expect(await commit(h, p.jobId, [{ index: 0, unitId: sumu, position: 'chief' }])).toMatchObject({
        updated: 0,
        unchanged: 1,
      });
      expect(stable(await h.ok('cadres.get', { id }))).toEqual(stable(before));
    },
  );

  test('a profile entered by hand survives export and re-import unchanged', async () => {
    const { h, sumu } = await hostWithUnits();
    const created = await h.ok('cadres.create', { input: cadreInput(sumu) });
    const dir = tempDir('ganbu-export-');
    await h.ok('cadres.exportLrmx', { id: created.id, token: await h.pickSave('lrmx', join(dir, 'a.lrmx')) });
    const p = await preview(h, join(dir, 'a.lrmx'));
    expect(p.files[0]).toMatchObject({ status: 'update', issues: [], hasPhoto: false });
    await commit(h, p.jobId, [{ index: 0, unitId: sumu, position: 'chief' }]);
    expect(stable(await h.ok('cadres.get', { id: created.id }))).toEqual(stable(created));
  });

  test('the exported file names the unit in 现任职务 when the post does not', async () => {
    const { h, wulan } = await hostWithUnits();
    const c = await h.ok('cadres.create', { input: minimalCadre(wulan, { name: '苏和', currentPost: '党委副书记' }) });
    const path = join(tempDir('ganbu-export-'), '苏和.lrmx');
    await h.ok('cadres.exportLrmx', { id: c.id, token: await h.pickSave('lrmx', path) });
    const p = await preview(h, path);
    expect(p.files[0]).toMatchObject({
      status: 'nameMatch',
      currentPost: '乌兰镇党委副书记',
      suggestedUnitId: wulan,
      suggestedPosition: 'deputy',
    });
  });
});

describe('scale', () => {
  test('1,000 generated .lrmx files from a folder: preview and commit (time printed, not asserted)', async () => {
    const h = await newRosterHost();
    const unitId = new Map<string, number>();
    for (const u of GENERATED_UNITS)
      unitId.set(u.name, (await addUnit(h, u.name, u.name.endsWith('镇') || u.name.endsWith('苏木') ? 'C1' : 'C4')).id);
    const generated = generateDetailed(1000, 2026);
    const dir = tempDir('ganbu-lrmx1000-');
    generated.forEach((g, i) =>
      writeFileSync(join(dir, `${String(i).padStart(4, '0')}-${g.person.xingMing}.lrmx`), writeLrmx(g.person)),
    );

    const t0 = performance.now();
    const picked = await h.pickOpen('lrmxFolder', dir);
    const p = await h.ok('roster.previewLrmx', { tokens: picked.map((f) => f.token) });
    const t1 = performance.now();
    expect(p.files).toHaveLength(1000);
    expect(p.files.filter((f) => f.ok && f.status === 'new')).toHaveLength(1000);
    const summary = await commit(
      h,
      p.jobId,
      p.files.map((f) => ({
        index: f.index,
        unitId: f.suggestedUnitId ?? unitId.get('乌兰镇')!,
        position: f.suggestedPosition,
      })),
    );
    const t2 = performance.now();
    console.log(
      `[measured] .lrmx import of 1,000 files: preview ${((t1 - t0) / 1000).toFixed(2)} s + ` +
        `commit ${((t2 - t1) / 1000).toFixed(2)} s = ${((t2 - t0) / 1000).toFixed(2)} s`,
    );
    expect(summary).toEqual({ created: 1000, updated: 0, skipped: 0, unchanged: 0 });
    // The suggestions agree with what the generator meant.
    const byFile = new Map(generated.map((g, i) => [`${String(i).padStart(4, '0')}-${g.person.xingMing}.lrmx`, g]));
    const right = p.files.filter((f) => {
      const g = byFile.get(f.fileName)!;
      return f.suggestedUnitId === unitId.get(g.unitName) && f.suggestedPosition === (g.chief ? 'chief' : 'deputy');
    });
    expect(right.length).toBe(1000);
    const state = await rosterState(h);
    expect(state.counts).toMatchObject({ cadres: 1000, photos: 1000 });
  });
});
