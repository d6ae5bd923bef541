// Rankings and ballot-summary exports re-read with exceljs (sheets, frozen rows, number types, no rater names), and
// a rankings workbook converted by LibreOffice headless to prove another office suite opens it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { assessmentTables, createC1, enterWorkedExample, seedRoster, startCollecting } from '../../helpers/assessment';
import { loadWorkbook } from '../../helpers/ballot-excel';
import type { TestHost } from '../../helpers/host';
import { lastAudit, newRosterHost } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';

async function archived(): Promise<{ h: TestHost; id: number; digest: string }> {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  let a = await startCollecting(h, await createC1(h));
  await enterWorkedExample(h, a.id, r);
  a = await h.ok('assessments.setState', { id: a.id, version: a.version, state: 'summarized' });
  a = await h.ok('assessments.archive', { id: a.id, version: a.version });
  return { h, id: a.id, digest: a.digest! };
}

const frozenRows = (ws: ExcelJS.Worksheet) => (ws.views[0] as { state?: string; ySplit?: number }).ySplit;
const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

async function exportTo(
  h: TestHost,
  call: 'rankings.exportExcel' | 'ballots.exportSummary',
  id: number,
  name: string,
): Promise<string> {
  const path = join(tempDir(), name);
  const token = await h.pickSave(call === 'rankings.exportExcel' ? 'rankingsExcel' : 'ballotSummary', path);
  await h.ok(call, { assessmentId: id, token });
  return path;
}

describe('rankings export', () => {
  test('a sheet per group, frozen header, numbers as numbers with 2 decimals, grades, flags in Chinese, the digest; audited', async () => {
    const { h, id, digest } = await archived();
    const path = await exportTo(h, 'rankings.exportExcel', id, '排名.xlsx');
    expect(await lastAudit(h)).toMatchObject({
      action: 'rankings.exportExcel',
      target: '排名.xlsx',
      detail: { groups: 2, digest },
    });
    const wb = await loadWorkbook(path);
    // The deputies have no ballots in the worked example: listed on a sheet of their own.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['正职·苏木镇（街道）', '副职·乌兰镇', '未排名']);
    expect(rowValues(wb.getWorksheet('未排名')!, 3)).toEqual(['德力格尔', '乌兰镇', '没有任何有效测评票']);
    const ws = wb.worksheets[0]!;
    expect(frozenRows(ws)).toBe(2);
    expect(String(ws.getCell(1, 1).value)).toContain('正职·苏木镇（街道）排名');
    expect(rowValues(ws, 2).slice(0, 8)).toEqual([
      '名次',
      '姓名',
      '单位',
      '最终得分',
      '基础分',
      '上级排名得分',
      '上级排名票数',
      '上级排名去极值',
    ]);
    expect(rowValues(ws, 2).slice(-6)).toEqual(['加分', '减分', '建议等次', '确认等次', '评优资格', '标记']);
    const names = [3, 4, 5].map((r) => ws.getCell(r, 2).value);
    expect(names).toEqual(['巴特尔', '阿古拉', '朝鲁']);
    const first = ws.getRow(3);
    expect(first.getCell(1).value).toBe(1);
    expect(typeof first.getCell(4).value).toBe('number');
    expect(first.getCell(4).numFmt).toBe('0.00');
    expect(first.getCell(7).value).toBe(2); // two superior ballots
    expect(ws.getColumn(3).width).toBeGreaterThan(15);
    const flags = rowValues(ws, 5).at(-1);
    expect(flags).toBe('缺少服务对象评分');
    // 评优资格: floor(3 × 0.2) = 0 places in the worked example; 朝鲁 is also under the line.
    const eligibility = rowValues(ws, 2).indexOf('评优资格') + 1;
    expect([3, 4, 5].map((r) => ws.getRow(r).getCell(eligibility).value)).toEqual([
      '本组无优秀名额',
      '本组无优秀名额',
      '得分低于优秀分数线 85',
    ]);
    const footer = ws.getColumn(1).values.map(String);
    expect(footer).toContain(`结果摘要（SHA-256）：${digest}`);
  });

  test('exporting rankings changes nothing in the store but the audit entry', async () => {
    const { h, id } = await archived();
    const before = await assessmentTables(h);
    await exportTo(h, 'rankings.exportExcel', id, 'again.xlsx');
    expect(await assessmentTables(h)).toEqual({ ...before, audit: before.audit + 1 });
  });

  test('LibreOffice opens the workbook: Chinese text and numbers survive a conversion to CSV', async () => {
    const { h, id } = await archived();
    const path = await exportTo(h, 'rankings.exportExcel', id, '排名.xlsx');
    const out = tempDir('ganbu-lo-');
    const profile = tempDir('ganbu-lo-profile-');
    execFileSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1',
        '--outdir',
        out,
        path,
      ],
      { timeout: 120_000, stdio: 'pipe' },
    );
    const csv = join(out, '排名.csv');
    expect(existsSync(csv), readdirSync(out).join(',')).toBe(true);
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain('正职·苏木镇（街道）排名');
    // Text is quoted, numbers are not: they stayed numbers.
    expect(text).toContain('"名次","姓名","单位","最终得分"');
    expect(text).toMatch(/\n1,"巴特尔","棋盘井镇",91\.10,88\.10,90\.00,2,/u);
    expect(text).toContain('缺少服务对象评分');
  }, 150_000);
});

describe('ballot summary export', () => {
  test('per group and kind: entered, valid, invalid with reasons, averages; never a rater’s name or label', async () => {
    const h = await newRosterHost();
    const r = await seedRoster(h);
    const a = await startCollecting(h, await createC1(h));
    await enterWorkedExample(h, a.id, r);
    // A leader's order of the deputies: the leader's label must not show up anywhere.
    await h.ok('ballots.saveSuperior', {
      assessmentId: a.id,
      raterLabel: '旗委书记',
      group: `deputy:${r.units.wulan}`,
      order: [r.e, r.d],
    });
    const path = await exportTo(h, 'ballots.exportSummary', a.id, '测评汇总.xlsx');
    expect(await lastAudit(h)).toMatchObject({ action: 'ballots.exportSummary', target: '测评汇总.xlsx' });
    const wb = await loadWorkbook(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '参评情况',
      '无效票',
      '意见建议',
      '正职·苏木镇（街道）',
      '副职·乌兰镇',
    ]);
    for (const ws of wb.worksheets) expect(frozenRows(ws), ws.name).toBe(2);
    const totals = wb.getWorksheet('汇总')!;
    expect(rowValues(totals, 2)).toEqual(['分组', '测评类型', '录入票数', '有效票数', '无效票数', '平均得分']);
    const rows = Array.from({ length: 8 }, (_, i) => rowValues(totals, 3 + i));
    expect(rows[0]!.slice(0, 5)).toEqual(['正职·苏木镇（街道）', '上级排名', 2, 2, 0]);
    expect(rows[1]!.slice(0, 5)).toEqual(['正职·苏木镇（街道）', '同级互评', 6, 6, 0]);
    expect(rows[2]!.slice(0, 5)).toEqual(['正职·苏木镇（街道）', '职工测评', 5, 5, 0]);
    expect(typeof rows[0]![5]).toBe('number');
    expect(totals.getCell(3, 6).numFmt).toBe('0.00');
    const chief = wb.getWorksheet('正职·苏木镇（街道）')!;
    expect(rowValues(chief, 2).slice(0, 4)).toEqual(['姓名', '单位', '上级排名有效票', '上级排名得分']);
    // No rater anywhere: leader labels never appear, and the peer section has no rater column.
    const everything = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join('|');
    expect(everything).not.toContain('旗委书记');
    expect(everything).not.toContain('L1');
    expect(everything).not.toContain('评价人');
  });

  test('the reviewer may not export ballot summaries', async () => {
    const { h, id } = await archived();
    expect(
      (
        await h.ok('users.create', {
          username: 'reader',
          displayName: '查阅员',
          role: 'reviewer',
          password: 'Reader@2025',
        })
      ).role,
    ).toBe('reviewer');
    await h.ok('session.login', { username: 'reader', password: 'Reader@2025' });
    await h.ok('me.changePassword', { currentPassword: 'Reader@2025', newPassword: 'Reader#2025x' });
    expect(
      await h.err('ballots.exportSummary', { assessmentId: id, token: '0b6f2c5e-8a4d-4f0e-9c3b-2d7e5a1f6c90' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const path = join(tempDir(), '排名.xlsx');
    const token = await h.pickSave('rankingsExcel', path);
    expect(await h.ok('rankings.exportExcel', { assessmentId: id, token })).toEqual({
      fileName: '排名.xlsx',
      groups: 2,
    });
  });
});
