// Writes one unit's 填报表: 填表说明, the 材料 sheet with drop-downs, the unit's cadres with this quarter's gaps, the
// hidden option lists and the veryHidden identity sheet (store, unit, quarter, version, serial).
import type ExcelJS from 'exceljs';
import { INTAKE_COLUMNS } from '../../shared/intake/types';
import {
  HEADER_FILL,
  THIN_BORDER,
  addValidation,
  columnLetter,
  newWorkbook,
  toBuffer,
  xmlSafe,
} from '../excel/workbook';
import {
  CADRES_SHEET,
  FIRST_DATA_ROW,
  GUIDE_SHEET,
  HEADER_ROW,
  INFO_KEYS,
  INFO_SHEET,
  INTAKE_TEMPLATE_VERSION,
  LISTS_SHEET,
  MATERIALS_SHEET,
  POLARITY_TEXT,
  VALIDATED_ROWS,
  cadreLabels,
  codeLabel,
  type UnitCadre,
} from './layout';

export interface CodeName {
  readonly code: string;
  readonly name: string;
}

/** The live catalog's options, the same for every unit of one generation. */
export interface IntakeOptions {
  readonly subItems: readonly CodeName[];
  readonly standards: readonly CodeName[];
  readonly listItems: readonly CodeName[];
  readonly channels: readonly CodeName[];
}

export interface IntakePackageSpec {
  readonly storeId: string;
  readonly serial: string;
  readonly unitId: number;
  readonly unitName: string;
  readonly quarter: string;
  readonly quarterText: string;
  readonly deadline: string;
  readonly returnTo: string;
  readonly cadres: readonly (UnitCadre & { readonly gaps: readonly string[] })[];
  readonly options: IntakeOptions;
}

const WIDTHS = [24, 12, 26, 8, 26, 24, 28, 50, 22, 30];

function guideLines(p: IntakePackageSpec): string[] {
  return [
    `单位：${p.unitName}　　季度：${p.quarterText}　　报送截止日期：${p.deadline}　　填好后交回：${p.returnTo}`,
    '一、怎样填写',
    `1. 在“${MATERIALS_SHEET}”工作表中每行填写一条材料，从第 ${FIRST_DATA_ROW} 行起填写，不要改动表头和工作表名称。`,
    '2. 干部：从下拉列表中选择本单位干部（姓名（职务））。',
    `3. 日期：材料发生的日期，写成 2025-08-14；应在${p.quarterText}之内（季度外的日期会被提示）。`,
    '4. 子项：从下拉列表中选择材料所属的板块子项。',
    '5. 性质：正面、负面或中性。',
    '6. 评价标准（可不填）：从下拉列表中选择；对应多项时，可以填写多个编码，用“；”分隔。',
    '7. 正负面清单项（可不填）：从下拉列表中选择，须与性质一致（正面清单对应正面材料）。',
    '8. 标题（必填，不超过 100 字）、内容（不超过 5000 字）。',
    '9. 来源/渠道：从下拉列表中选择材料的来源。',
    '10. 附件文件名（可不填）：证明材料的文件名，多个用“；”分隔，例如 表彰决定.pdf；照片.jpg。',
    '二、怎样交回',
    '11. 没有附件时，直接交回本工作簿（.xlsx）。',
    '12. 有附件时，把本工作簿和附件放在同一个文件夹中压缩成 .zip 交回；附件只能是图片（jpg、png、gif、bmp、' +
      'webp）、PDF 或 Word（doc、docx），每个不超过 20 MB，文件名须与“附件文件名”一栏一致。',
    `13. 本填报表只能用于${p.unitName}${p.quarterText}，请勿转给其他单位使用；需要修改时，改好后重新交回即可，` +
      '尚未审核的材料会以新交回的为准。',
    `14. “${CADRES_SHEET}”工作表列出本单位在职干部，以及截至生成本表时本季度还缺少材料的板块，请重点补充。`,
  ];
}

function writeGuide(wb: ExcelJS.Workbook, p: IntakePackageSpec): void {
  const ws = wb.addWorksheet(GUIDE_SHEET);
  ws.getColumn(1).width = 110;
  ws.getCell(1, 1).value = xmlSafe(`${p.quarterText}${p.unitName}政治素质材料填报表　填表说明`);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  guideLines(p).forEach((line, i) => {
    const cell = ws.getCell(i + 2, 1);
    cell.value = xmlSafe(line);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (/^[一二]、/u.test(line)) cell.font = { bold: true };
  });
}

const listRule = (range: string, what: string, strict: boolean): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [range],
  showErrorMessage: true,
  // 评价标准 may hold several codes: a warning lets the unit type them.
  errorStyle: strict ? 'stop' : 'warning',
  errorTitle: what,
  error: `请从下拉列表中选择${what}`,
});

/** Writes one option list into a column of the hidden sheet; the range a validation points at. */
function optionColumn(ws: ExcelJS.Worksheet, col: number, title: string, values: readonly string[]): string {
  ws.getCell(1, col).value = title;
  values.forEach((v, i) => (ws.getCell(i + 2, col).value = xmlSafe(v)));
  const c = columnLetter(col);
  return `'${LISTS_SHEET}'!$${c}$2:$${c}$${Math.max(2, values.length + 1)}`;
}

function writeMaterials(ws: ExcelJS.Worksheet, lists: ExcelJS.Worksheet, p: IntakePackageSpec): void {
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.mergeCells(1, 1, 1, INTAKE_COLUMNS.length);
  ws.getCell(1, 1).value = xmlSafe(`${p.quarterText}${p.unitName}政治素质材料填报表（截止 ${p.deadline}）`);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getRow(1).height = 26;
  const header = ws.getRow(HEADER_ROW);
  INTAKE_COLUMNS.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  });
  const labels = cadreLabels(p.cadres);
  const ranges = [
    optionColumn(
      lists,
      1,
      '干部',
      p.cadres.map((c) => labels.get(c.id)!),
    ),
    optionColumn(
      lists,
      2,
      '子项',
      p.options.subItems.map((s) => codeLabel(s.code, s.name)),
    ),
    optionColumn(lists, 3, '性质', Object.values(POLARITY_TEXT)),
    optionColumn(
      lists,
      4,
      '评价标准',
      p.options.standards.map((s) => codeLabel(s.code, s.name)),
    ),
    optionColumn(
      lists,
      5,
      '正负面清单项',
      p.options.listItems.map((s) => codeLabel(s.code, s.name)),
    ),
    optionColumn(
      lists,
      6,
      '来源/渠道',
      p.options.channels.map((s) => codeLabel(s.code, s.name)),
    ),
  ];
  const last = FIRST_DATA_ROW + VALIDATED_ROWS - 1;
  const span = (col: number) => `${columnLetter(col)}${FIRST_DATA_ROW}:${columnLetter(col)}${last}`;
  addValidation(ws, span(1), listRule(ranges[0]!, '本单位干部', true));
  addValidation(ws, span(2), {
    type: 'date',
    operator: 'greaterThan',
    allowBlank: true,
    formulae: [new Date(Date.UTC(2000, 0, 1))],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '日期',
    error: '日期请写成 2025-08-14',
  });
  addValidation(ws, span(3), listRule(ranges[1]!, '子项', true));
  addValidation(ws, span(4), listRule(ranges[2]!, '性质', true));
  addValidation(ws, span(5), listRule(ranges[3]!, '评价标准', false));
  addValidation(ws, span(6), listRule(ranges[4]!, '正负面清单项', true));
  addValidation(ws, span(9), listRule(ranges[5]!, '来源/渠道', true));
  // A column style, not 500 styled cells: Excel applies it to what the unit types.
  ws.getColumn(2).numFmt = 'yyyy-mm-dd';
}

function writeCadres(wb: ExcelJS.Workbook, p: IntakePackageSpec): void {
  const ws = wb.addWorksheet(CADRES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  [24, 30, 50].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const header = ws.getRow(1);
  ['干部（下拉列表中的写法）', '职务', `${p.quarterText}尚缺材料的板块`].forEach((h, i) => {
    header.getCell(i + 1).value = h;
    header.getCell(i + 1).font = { bold: true };
    header.getCell(i + 1).fill = HEADER_FILL;
  });
  const labels = cadreLabels(p.cadres);
  p.cadres.forEach((c, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = xmlSafe(labels.get(c.id)!);
    row.getCell(2).value = xmlSafe(c.post);
    row.getCell(3).value = xmlSafe(c.gaps.join('、'));
    // The unit sees at a glance who is behind.
    if (c.gaps.length > 0) row.getCell(3).font = { color: { argb: 'FFC00000' }, bold: true };
  });
}

export async function buildIntakePackage(p: IntakePackageSpec): Promise<Buffer> {
  const wb = newWorkbook();
  writeGuide(wb, p);
  const materials = wb.addWorksheet(MATERIALS_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  writeCadres(wb, p);
  const lists = wb.addWorksheet(LISTS_SHEET);
  lists.state = 'hidden';
  writeMaterials(materials, lists, p);
  const info = wb.addWorksheet(INFO_SHEET);
  // veryHidden: not offered by Excel's 取消隐藏, so nobody edits the identity by accident.
  info.state = 'veryHidden';
  const values: (string | number)[] = [
    p.storeId,
    p.unitId,
    p.unitName,
    p.quarter,
    INTAKE_TEMPLATE_VERSION,
    p.serial,
    '',
  ];
  INFO_KEYS.forEach((k, i) => {
    info.getCell(i + 1, 1).value = k;
    const v = values[i]!;
    info.getCell(i + 1, 2).value = typeof v === 'string' ? xmlSafe(v) : v;
  });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return toBuffer(wb);
}
