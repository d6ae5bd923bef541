// The 季度缺项名单 export: the workbook re-read with exceljs, the one-unit filter, the audit entry, refusals that write nothing.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { newHostWithStore, type TestHost } from '../../helpers/host';
import { loginAdmin, loginAs } from '../../helpers/roster';
import { addEntry, dossierCadre } from '../../helpers/dossier';
import { tempDir } from '../../helpers/tmp-store';

const neutral = { polarity: 'neutral' as const, listItemCode: null, standardCodes: [] };
const POST = '阿尔巴斯苏木党委书记';

/** 巴特尔 complete, 李秀梅 lacking S3–S6 (阿尔巴斯苏木); 王建国 lacking everything (旗委组织部). */
async function fixture(h: TestHost) {
  const a = await dossierCadre(h, '巴特尔', '阿尔巴斯苏木');
  const b = await dossierCadre(h, '李秀梅', '阿尔巴斯苏木');
  await dossierCadre(h, '王建国', '旗委组织部');
  for (const [i, sub] of ['S1.1', 'S2.1', 'S3.1', 'S4.1', 'S5.1', 'S6.1'].entries()) {
    await addEntry(h, a, { ...neutral, subItemCode: sub, date: '2025-08-10', title: `材料${i}` });
  }
  await addEntry(h, b, { ...neutral, subItemCode: 'S1.2', date: '2025-09-30' });
  await addEntry(h, b, { ...neutral, subItemCode: 'S2.5', date: '2025-07-01' });
  const units = await h.ok('units.list', {});
  return { sumu: units.find((u) => u.name === '阿尔巴斯苏木')!.id };
}

async function readSheet(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { ws, rows };
}

test('all units: title, frozen header, one row per cadre lacking material with section names; audited', async () => {
  const h = await newHostWithStore();
  await fixture(h);
  await loginAs(h, 'dossierClerk');
  const out = join(tempDir('ganbu-gaps-'), '缺项名单.xlsx');
  const token = await h.pickSave('quarterGaps', out, '2025年第三季度缺项名单');
  expect(await h.ok('dossier.exportMissing', { quarter: '2025Q3', token })).toEqual({
    fileName: '缺项名单.xlsx',
    rows: 2,
  });

  const { ws, rows } = await readSheet(out);
  expect(ws.name).toBe('缺项名单');
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  expect(ws.getColumn(5).width).toBeGreaterThanOrEqual(40);
  expect(rows).toEqual([
    [
      '2025年第三季度政治素质档案缺项名单',
      '2025年第三季度政治素质档案缺项名单',
      '2025年第三季度政治素质档案缺项名单',
      '2025年第三季度政治素质档案缺项名单',
      '2025年第三季度政治素质档案缺项名单',
    ],
    ['序号', '单位', '姓名', '职务', '缺少材料的板块'],
    [1, '阿尔巴斯苏木', '李秀梅', POST, rows[2]![4]],
    [2, '旗委组织部', '王建国', POST, rows[3]![4]],
  ]);
  // The section names, not codes, in catalog order; 序号 is a number.
  const sections = (await h.ok('dossier.completeness', { quarter: '2025Q3' })).sections;
  const name = (code: string) => sections.find((s) => s.code === code)!.name;
  expect(rows[2]![4]).toBe(['S3', 'S4', 'S5', 'S6'].map(name).join('、'));
  expect(rows[3]![4]).toBe(['S1', 'S2', 'S3', 'S4', 'S5', 'S6'].map(name).join('、'));
  expect(typeof rows[2]![0]).toBe('number');
  // Atomic write: no temp file left beside it.
  expect(readdirSync(join(out, '..'))).toEqual(['缺项名单.xlsx']);

  await loginAdmin(h);
  const log = await h.ok('audit.list', { page: 1, pageSize: 5, action: 'dossier.exportMissing' });
  expect(log.total).toBe(1);
  expect(log.rows[0]).toMatchObject({ action: 'dossier.exportMissing', target: '缺项名单.xlsx' });
});

test('one unit: only its cadres, its name in the title', async () => {
  const h = await newHostWithStore();
  const { sumu } = await fixture(h);
  const out = join(tempDir('ganbu-gaps-'), '苏木.xlsx');
  const token = await h.pickSave('quarterGaps', out);
  expect(await h.ok('dossier.exportMissing', { quarter: '2025Q3', unitId: sumu, token })).toMatchObject({ rows: 1 });
  const { rows } = await readSheet(out);
  expect(rows[0]![0]).toBe('2025年第三季度政治素质档案缺项名单（阿尔巴斯苏木）');
  expect(rows.slice(2).map((r) => [r[0], r[1], r[2]])).toEqual([[1, '阿尔巴斯苏木', '李秀梅']]);
});

test('an unknown unit, a bad quarter, a reviewer: refused in Chinese, no file written, nothing audited', async () => {
  const h = await newHostWithStore();
  await fixture(h);
  const dir = tempDir('ganbu-gaps-');
  const out = join(dir, '缺项名单.xlsx');
  const token = await h.pickSave('quarterGaps', out);
  const before = (await h.ok('audit.list', { page: 1, pageSize: 5 })).total;
  expect(await h.err('dossier.exportMissing', { quarter: '2025Q3', unitId: 999, token })).toMatchObject({
    code: 'NOT_FOUND',
    field: 'unitId',
    message: '找不到所选单位，可能已被删除，请刷新后重试',
  });
  expect(await h.err('dossier.exportMissing', { quarter: '2025Q9', token })).toMatchObject({
    code: 'VALIDATION',
    field: 'quarter',
    message: '季度格式应为 2025Q3',
  });
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir)).toEqual([]);
  expect((await h.ok('audit.list', { page: 1, pageSize: 5 })).total).toBe(before);
  await loginAs(h, 'reviewer');
  expect(await h.err('dossier.exportMissing', { quarter: '2025Q3', token })).toMatchObject({ code: 'FORBIDDEN' });
  expect(existsSync(out)).toBe(false);
});
