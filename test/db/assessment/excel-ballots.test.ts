// The Excel ballot template and its import on real .xlsx files: template → filled in exceljs → preview → import →
// rankings; every bad input with its message (sheet, row, column) and the store unchanged.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { BallotImportPreview } from '../../../shared/assessment/types';
import {
  assessmentTables,
  createC1,
  enterWorkedExample,
  seedRoster,
  startCollecting,
  type SmallRoster,
} from '../../helpers/assessment';
import {
  commitInput,
  downloadTemplate,
  fillWorkedExample,
  loadWorkbook,
  peerRow,
  saveWorkbook,
  sectionStart,
  setRow,
  targetRow,
} from '../../helpers/ballot-excel';
import type { TestHost } from '../../helpers/host';
import { lastAudit, newRosterHost } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';
import { makeOle } from '../roster/excel/helpers';
import { wholeBallots } from '../../../shared/assessment/ballot-parts';

const CHIEF = '正职·苏木镇（街道）';
const DEPUTY = '副职·乌兰镇';

async function collecting(): Promise<{ h: TestHost; r: SmallRoster; id: number }> {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  return { h, r, id: a.id };
}

/** Downloads the template, lets `edit` fill it, and previews the result through the calls. */
async function preview(h: TestHost, id: number, edit: (wb: ExcelJS.Workbook) => void): Promise<BallotImportPreview> {
  const wb = await loadWorkbook(await downloadTemplate(h, id));
  edit(wb);
  const path = await saveWorkbook(wb, join(tempDir(), '已填测评票.xlsx'));
  const [file] = await h.pickOpen('ballotExcel', path);
  return h.ok('ballots.previewExcel', { assessmentId: id, token: file!.token });
}

describe('ballot template', () => {
  test('a sheet per group with the sections it needs, name drop-downs, hidden identity, 填表说明; audited', async () => {
    const { h, id } = await collecting();
    const wb = await loadWorkbook(await downloadTemplate(h, id));
    expect(await lastAudit(h)).toMatchObject({ action: 'ballots.saveTemplate', target: '测评票模板.xlsx' });
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([CHIEF, DEPUTY, '填表说明']);
    expect(wb.getWorksheet('_考核信息')!.state).toBe('veryHidden');
    expect(wb.getWorksheet('_考核信息')!.getCell(1, 2).value).toBe(id);
    const chief = wb.getWorksheet(CHIEF)!;
    expect(chief.getCell(2, 1).value).toBe('识别码');
    expect(chief.getCell(2, 2).value).toBe(`考核${id}·模板1·chief:C1`);
    const row = (r: number) => (chief.getRow(r).values as unknown[]).slice(1);
    expect(row(sectionStart(chief, 'superior') - 1)).toEqual(['上级领导（职务或姓名）', '第1名', '第2名', '第3名']);
    expect(row(sectionStart(chief, 'peer') - 1)).toEqual(['评价人', '被评价人', '战略谋划', '团队引领', '攻坚克难']);
    expect(row(sectionStart(chief, 'staff') - 1)).toEqual(['被测评干部', '优秀', '较好', '一般', '较差']);
    // Every rater × target pair but self, prefilled.
    expect(peerRow(chief, '阿古拉', '巴特尔')).toBe(sectionStart(chief, 'peer'));
    expect(() => peerRow(chief, '阿古拉', '阿古拉')).toThrow();
    expect(targetRow(chief, 'service', '朝鲁')).toBeGreaterThan(0);
    // Drop-downs of the group's names from the hidden list sheet.
    const validations = (chief as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    const lists = Object.values(validations).filter((v) => v.type === 'list');
    expect(lists.length).toBeGreaterThan(0);
    expect(lists[0]!.formulae[0]).toBe("'_名单'!$A$2:$A$4");
    expect(
      Object.values(validations).some((v) => v.type === 'decimal' && v.formulae[0] === 0 && v.formulae[1] === 100),
    ).toBe(true);
    expect(String(wb.getWorksheet('填表说明')!.getCell(1, 1).value)).toContain('测评票填表说明');
  });

  test('an archived or summarized assessment gives no template; the assessment clerk may download one', async () => {
    const { h, id } = await collecting();
    const detail = await h.ok('assessments.get', { id });
    await h.ok('assessments.setState', { id, version: detail.version, state: 'summarized' });
    const token = await h.pickSave('ballotTemplate', join(tempDir(), 'x.xlsx'));
    expect(await h.err('ballots.saveTemplate', { assessmentId: id, token })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('只有“准备”或“测评中”状态才能下载测评票模板'),
    });
  });
});

describe('ballot import', () => {
  test('the worked example filled in Excel imports in one go and ranks exactly as entered through the forms', async () => {
    const { h, r, id } = await collecting();
    const p = await preview(h, id, fillWorkedExample);
    expect(p.issues).toEqual([]);
    expect(p.sheets).toEqual([
      expect.objectContaining({
        sheet: CHIEF,
        group: CHIEF,
        superior: 2,
        peer: 6,
        staff: 3,
        service: 2,
        rowsOk: 13,
        rowsWithIssues: 0,
      }),
      expect.objectContaining({ sheet: DEPUTY, superior: 0, peer: 0, staff: 0, service: 0 }),
    ]);
    expect(p.ignoredSheets).toEqual([]);
    const before = await assessmentTables(h);
    expect(await h.ok('ballots.commitExcel', commitInput(id, p))).toEqual({
      superior: 2,
      peer: 6,
      staff: 3,
      service: 2,
    });
    expect((await assessmentTables(h)).audit).toBe(before.audit + 1);
    expect(await lastAudit(h)).toMatchObject({
      action: 'ballots.commitExcel',
      target: '已填测评票.xlsx',
      detail: { superior: 2, peer: 6, staff: 3, service: 2 },
    });
    await h.ok('adjustments.add', {
      assessmentId: id,
      targetId: r.b,
      points: 3,
      date: '2025-06-01',
      reason: '承办全旗现场会',
    });

    const viaForms = await collecting();
    await enterWorkedExample(viaForms.h, viaForms.id, viaForms.r);
    const ranked = await h.ok('rankings.get', { assessmentId: id });
    expect(ranked.result).toEqual((await viaForms.h.ok('rankings.get', { assessmentId: viaForms.id })).result);
    expect(ranked.result.groups[0]!.rows.map((x) => x.cadreId)).toEqual([String(r.b), String(r.a), String(r.c)]);
    // A committed preview cannot be imported twice.
    expect(await h.err('ballots.commitExcel', commitInput(id, p))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('不能重复导入'),
    });
  });

  const chief = (wb: ExcelJS.Workbook): ExcelJS.Worksheet => wb.getWorksheet(CHIEF)!;
  test.each([
    [
      'a peer score out of 0–100',
      (wb: ExcelJS.Workbook): void => setRow(chief(wb), peerRow(chief(wb), '巴特尔', '阿古拉'), 3, [90, 105, 90]),
      { column: '团队引领（D 列）', message: '分数 105 超出 0–100' },
    ],
    [
      'a score that is no number',
      (wb: ExcelJS.Workbook): void => setRow(chief(wb), peerRow(chief(wb), '巴特尔', '阿古拉'), 3, [90, '优', 90]),
      { column: '团队引领（D 列）', message: '“优”不是数字' },
    ],
    [
      'an unknown cadre in a leader’s order',
      (wb: ExcelJS.Workbook): void =>
        setRow(chief(wb), sectionStart(chief(wb), 'superior'), 1, ['L1', '阿古拉', '张三', '朝鲁']),
      { column: '第2名（C 列）', message: '“张三”不是本组（正职·苏木镇（街道））的干部' },
    ],
    [
      'a self-rating',
      (wb: ExcelJS.Workbook): void =>
        setRow(chief(wb), peerRow(chief(wb), '巴特尔', '阿古拉'), 1, ['巴特尔', '巴特尔', 90, 90, 90]),
      { column: '被评价人（B 列）', message: '评价人“巴特尔”不能给本人打分' },
    ],
    [
      'an incomplete order',
      (wb: ExcelJS.Workbook): void =>
        setRow(chief(wb), sectionStart(chief(wb), 'superior'), 1, ['L1', '阿古拉', '巴特尔', null]),
      { column: '名次', message: '排名不完整：缺少“朝鲁”，本组 3 人须全部排出名次' },
    ],
    [
      'a cadre twice in one order',
      (wb: ExcelJS.Workbook): void =>
        setRow(chief(wb), sectionStart(chief(wb), 'superior'), 1, ['L1', '阿古拉', '巴特尔', '阿古拉']),
      { column: '第3名（D 列）', message: '“阿古拉”在排名中重复出现' },
    ],
    [
      'a duplicate ballot (the same leader twice)',
      (wb: ExcelJS.Workbook) => {
        const s = sectionStart(chief(wb), 'superior');
        setRow(chief(wb), s, 1, ['旗委书记', '阿古拉', '巴特尔', '朝鲁']);
        setRow(chief(wb), s + 3, 1, ['旗委书记', '巴特尔', '阿古拉', '朝鲁']);
      },
      {
        column: '上级领导（职务或姓名）（A 列）',
        message: '领导“旗委书记”对本组的排名已在第 6 行填写，同一张票不能填写两次',
      },
    ],
    [
      'a negative staff count',
      (wb: ExcelJS.Workbook): void => setRow(chief(wb), targetRow(chief(wb), 'staff', '朝鲁'), 2, [1, -2, 0, 0]),
      { column: '较好（C 列）', message: '票数“-2”必须是 0 或正整数' },
    ],
    [
      'a sheet from another assessment',
      (wb: ExcelJS.Workbook): void => {
        chief(wb).getCell(2, 2).value = '考核99·模板1·chief:C1';
      },
      {
        column: '识别码（B 列）',
        row: 2,
        message:
          '本工作表来自另一次考核的测评票（识别码 考核99·模板1·chief:C1），不能导入到考核“2025年度科级干部“双比双评”考核”',
      },
    ],
  ] as const)(
    '%s: the preview names sheet, row and column; the import is refused; nothing changes',
    async (_name, edit, expected) => {
      const { h, id } = await collecting();
      const p = await preview(h, id, (wb) => {
        fillWorkedExample(wb);
        edit(wb);
      });
      expect(p.issues).toEqual([
        expect.objectContaining({
          sheet: CHIEF,
          ...expected,
          row: 'row' in expected ? expected.row : expect.any(Number),
        }),
      ]);
      expect(p.issues[0]!.row).toBeGreaterThan(1);
      expect(p.issueCount).toBe(1);
      const before = await assessmentTables(h);
      expect(await h.err('ballots.commitExcel', commitInput(id, p))).toEqual({
        code: 'VALIDATION',
        field: 'jobId',
        message: '测评票中还有 1 处错误，请改正后重新选择文件；本次未导入任何测评票',
      });
      expect(await assessmentTables(h)).toEqual(before);
    },
  );

  test('a workbook of another assessment, a file that is no template, an empty template: refused as a whole', async () => {
    const { h, id } = await collecting();
    const other = await startCollecting(h, await createC1(h, '2026年度考核'));
    const wrong = await downloadTemplate(h, other.id, '其他考核.xlsx');
    const before = await assessmentTables(h);
    const [file] = await h.pickOpen('ballotExcel', wrong);
    expect(await h.err('ballots.previewExcel', { assessmentId: id, token: file!.token })).toEqual({
      code: 'VALIDATION',
      field: 'file',
      message:
        '这是考核“2026年度考核”的测评票，不能导入到考核“2025年度科级干部“双比双评”考核”；请在本考核中下载测评票模板后填写',
    });
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').getCell(1, 1).value = '随手记';
    const [notTemplate] = await h.pickOpen('ballotExcel', await saveWorkbook(plain, join(tempDir(), 'plain.xlsx')));
    expect(await h.err('ballots.previewExcel', { assessmentId: id, token: notTemplate!.token })).toMatchObject({
      message: expect.stringContaining('这不是本系统下载的测评票模板'),
    });
    const empty = await preview(h, id, () => {});
    expect(await h.err('ballots.commitExcel', commitInput(id, empty))).toMatchObject({
      message: '文件中没有填写任何测评票',
    });
    expect(await assessmentTables(h)).toEqual({ ...before, audit: before.audit + 1 }); // the one template download
  });

  test('an empty file, an old .xls and a workbook with an open password are refused by what they are', async () => {
    const { h, id } = await collecting();
    const before = await assessmentTables(h);
    const refusal = async (name: string, bytes: Buffer) => {
      const path = join(tempDir(), name);
      writeFileSync(path, bytes);
      const [file] = await h.pickOpen('ballotExcel', path);
      return (await h.err('ballots.previewExcel', { assessmentId: id, token: file!.token })).message;
    };
    expect(await refusal('空.xlsx', Buffer.alloc(0))).toBe('文件是空的，请选择填写好的测评票（.xlsx）');
    expect(await refusal('旧版.xls', makeOle('Workbook'))).toBe(
      '这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入',
    );
    expect(await refusal('加密.xlsx', makeOle('EncryptionInfo'))).toBe(
      '工作簿设有打开密码，请在 Excel 中取消密码后再导入',
    );
    expect(await assessmentTables(h)).toEqual(before);
  });

  test('only while 测评中: a preview taken then is refused at import once the state moved on', async () => {
    const { h, id } = await collecting();
    const p = await preview(h, id, fillWorkedExample);
    const detail = await h.ok('assessments.get', { id });
    await h.ok('assessments.setState', { id, version: detail.version, state: 'summarized' });
    const before = await assessmentTables(h);
    expect(await h.err('ballots.commitExcel', commitInput(id, p))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('只有“测评中”状态才能导入测评票'),
    });
    expect(await assessmentTables(h)).toEqual(before);
  });

  test('a leader who already has a hand-entered ballot is a conflict: refused until left out, never replaced', async () => {
    const { h, r, id } = await collecting();
    await h.ok('ballots.saveSuperior', {
      assessmentId: id,
      raterLabel: 'L1',
      group: 'chief:C1',
      order: [r.c, r.b, r.a],
    });
    const p = await preview(h, id, fillWorkedExample);
    expect(p.plan.groups[0]!.conflicts).toEqual([
      { kind: 'superior', rater: 'L1', raterName: 'L1', existing: { manual: 1 }, fileRows: 1 },
    ]);
    const before = await assessmentTables(h);
    for (const mode of ['add', 'replace'] as const) {
      expect(await h.err('ballots.commitExcel', commitInput(id, p, mode))).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('“正职·苏木镇（街道）”的上级领导“L1”已有排名票（手工录入 1 张）'),
      });
    }
    expect(await assessmentTables(h)).toEqual(before);
    await h.ok(
      'ballots.commitExcel',
      commitInput(id, p, 'add', [{ group: 'chief:C1', kind: 'superior', rater: 'L1' }]),
    );
    const list = wholeBallots(await h.ok('ballots.list', { assessmentId: id }));
    expect(list.superior.map((b) => [b.raterLabel, b.order, b.source])).toEqual([
      ['L1', [r.c, r.b, r.a], 'manual'],
      ['L2', [r.b, r.a, r.c], 'excel'],
    ]);
  });
});
