// The rankings workbook, read back with exceljs: a vetoed cadre is listed last in the group as “一票否决，不参加排名”
// without a 名次, and 副职 sheets follow 单位管理 order (category, then 排序号), as the screen and the printed 排名表 do.
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { enterWorkedExample, seedRoster } from '../../helpers/assessment';
import { loadWorkbook } from '../../helpers/ballot-excel';
import { addUnit, minimalCadre, newRosterHost } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';

const cells = (ws: ExcelJS.Worksheet, r: number, cols: number[]) => cols.map((c) => ws.getCell(r, c).value);

test('vetoed last without a 名次; 副职 sheets in category and 排序号 order, not by unit id', async () => {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  // Created last (the highest id) but 排序号 0: its 副职 come first among category C1's units.
  const xin = (await addUnit(h, '新街镇', 'C1', 0)).id;
  await h.ok('cadres.create', { input: minimalCadre(xin, { name: '孟和', position: 'deputy' }) });
  await h.ok('cadres.create', { input: minimalCadre(r.units.org, { name: '其木格', position: 'deputy' }) });
  let a = await h.ok('assessments.create', {
    name: '2025年度考核',
    year: 2025,
    scope: { categoryCodes: ['C1', 'C2'], unitIds: [] },
  });
  a = await h.ok('assessments.setState', { id: a.id, version: a.version, state: 'collecting' });
  await enterWorkedExample(h, a.id, r);
  await h.ok('vetoes.add', { assessmentId: a.id, targetId: r.b, reason: '发生重大安全生产责任事故' });

  const path = join(tempDir(), '排名.xlsx');
  await h.ok('rankings.exportExcel', { assessmentId: a.id, token: await h.pickSave('rankingsExcel', path) });
  const wb = await loadWorkbook(path);
  expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith('副职'))).toEqual([
    '副职·新街镇',
    '副职·乌兰镇',
    '副职·旗委组织部',
  ]);
  expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith('正职'))).toEqual([
    '正职·苏木镇（街道）',
    '正职·党群部门',
  ]);

  const ws = wb.getWorksheet('正职·苏木镇（街道）')!;
  // 巴特尔 scored highest but is vetoed: the others are 第 1 and 第 2 名, he is last with no 名次.
  expect([3, 4, 5].map((row) => cells(ws, row, [1, 2]))).toEqual([
    [1, '阿古拉'],
    [2, '朝鲁'],
    [null, '巴特尔'],
  ]);
  expect(String(ws.getRow(5).getCell(ws.getRow(2).cellCount).value)).toMatch(/^一票否决，不参加排名/);
  expect(String(ws.getRow(3).getCell(ws.getRow(2).cellCount).value)).not.toContain('一票否决');
});
