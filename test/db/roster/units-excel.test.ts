// Units from an Excel sheet on a real store: the preview names each row's problem and what it will do (新增, 更新,
// 不变); the commit writes exactly that in one audited change; a unit added meanwhile is refused; bad files are named.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { TestHost } from '../../helpers/host';
import { addUnit, lastAudit, newRosterHost, rosterState, unitsWorkbook } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';

async function preview(h: TestHost, bytes: Buffer) {
  const path = join(tempDir('ganbu-units-'), '单位一览表.xlsx');
  writeFileSync(path, bytes);
  const [file] = await h.pickOpen('excel', path);
  return h.dispatch('units.previewExcel', { token: file!.token });
}

test('a department’s unit list: title row, 类别 by name, 排序号; existing units updated only where they differ', async () => {
  const h = await newRosterHost();
  const existing = await addUnit(h, '乌兰镇', 'C1', 5);
  await addUnit(h, '旗委组织部', 'C2', 1);
  const r = await preview(
    h,
    await unitsWorkbook([
      ['阿尔巴斯苏木', '苏木镇（街道）', '1'],
      ['乌兰镇', '苏木镇（街道）', '2'],
      ['旗委组织部', '党群部门', '1'],
      ['鄂托克旗财政局', '不存在的类别', ''],
      ['', '党群部门', 'x'],
      ['阿尔巴斯苏木', '苏木镇（街道）', '3'],
    ]),
  );
  expect(r.ok).toBe(true);
  const p = (
    r as {
      value: {
        jobId: string;
        rows: { rowNumber: number; name: string; status: string; issues: string[]; changes: string[] }[];
      };
    }
  ).value;
  expect(p.rows.map((x) => [x.rowNumber, x.name, x.status, x.issues, x.changes])).toEqual([
    [3, '阿尔巴斯苏木', 'new', [], []],
    [4, '乌兰镇', 'update', [], ['排序号：5 → 2']],
    [5, '旗委组织部', 'same', [], []],
    [
      6,
      '鄂托克旗财政局',
      'error',
      [expect.stringMatching(/^单位类别：“不存在的类别”不存在，应为“苏木镇（街道）”、/)],
      [],
    ],
    [7, '', 'error', ['单位名称：请填写单位名称', '排序号：“x”应为 0–99999 的整数'], []],
    [8, '阿尔巴斯苏木', 'error', ['单位名称：与第 3 行重复'], []],
  ]);

  // Rows with errors must be left out first; nothing is written meanwhile.
  const before = await rosterState(h);
  expect(await h.err('units.commitExcel', { jobId: p.jobId, excludedRows: [6] })).toMatchObject({
    code: 'VALIDATION',
    message: expect.stringMatching(/^第 7、8 行仍有错误/),
  });
  expect(await rosterState(h)).toEqual(before);
  expect(await h.ok('units.commitExcel', { jobId: p.jobId, excludedRows: [6, 7, 8] })).toEqual({
    created: 1,
    updated: 1,
  });
  const units = await h.ok('units.list', {});
  expect(units.find((u) => u.name === '阿尔巴斯苏木')).toMatchObject({ categoryCode: 'C1', sort: 1 });
  expect(units.find((u) => u.id === existing.id)).toMatchObject({ sort: 2 });
  expect(await lastAudit(h)).toMatchObject({
    action: 'units.commitExcel',
    target: '单位一览表.xlsx',
    detail: { created: 1, updated: 1, added: '阿尔巴斯苏木', changed: ['乌兰镇（排序号：5 → 2）'] },
  });
});

test('a unit added by hand after the preview is refused by name, and nothing is written', async () => {
  const h = await newRosterHost();
  const r = await preview(
    h,
    await unitsWorkbook([
      ['阿尔巴斯苏木', '苏木镇（街道）', '1'],
      ['乌兰镇', '苏木镇（街道）', '2'],
    ]),
  );
  const { jobId } = (r as { value: { jobId: string } }).value;
  await addUnit(h, '乌兰镇', 'C1', 9);
  const before = await rosterState(h);
  expect(await h.err('units.commitExcel', { jobId, excludedRows: [] })).toMatchObject({
    code: 'CONFLICT',
    message: '单位“乌兰镇”在检查之后已被添加，请重新选择文件检查一遍，本次导入未写入任何内容',
  });
  expect(await rosterState(h)).toEqual(before);
});

test('headers as other sheets write them (单位 / 类别 / 序号); a sheet without them, an empty one and junk are named', async () => {
  const h = await newRosterHost();
  const ok = await preview(h, await unitsWorkbook([['7', '乌兰镇', '苏木镇（街道）']], ['序号', '单位', '类别']));
  expect(ok).toMatchObject({
    ok: true,
    value: { rows: [{ name: '乌兰镇', categoryCode: 'C1', sort: 7, status: 'new' }] },
  });
  expect(await preview(h, await unitsWorkbook([['乌兰镇', 'x']], ['名字', '说明']))).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', message: '找不到单位列表：请在第一行写明列标题“单位名称”“单位类别”（“排序号”可选）' },
  });
  expect(await preview(h, await unitsWorkbook([]))).toMatchObject({
    ok: false,
    error: { message: '单位列表中没有数据行' },
  });
  expect(await preview(h, Buffer.from('not a workbook'))).toMatchObject({
    ok: false,
    error: { message: '文件已损坏或不是 Excel 工作簿（.xlsx）' },
  });
});
