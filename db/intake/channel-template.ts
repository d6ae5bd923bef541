// Writes a channel's 填报表 (纪检监察, 巡察/审计, 党校, 表彰): 填表说明, the 材料 sheet naming cadres by 姓名 + 身份证号 or
// 姓名 + 单位, drop-downs limited to the channel's part of the catalog, and the veryHidden identity sheet.
import type ExcelJS from 'exceljs';
import {
  CHANNEL_COLUMNS,
  INTAKE_CHANNEL_SPECS,
  TRAINING_COLUMNS,
  TRAINING_RESULT_TEXT,
  type IntakeChannel,
} from '../../shared/intake/channels';
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
  codeLabel,
} from './layout';
import type { IntakeOptions } from './template';

export interface ChannelPackageSpec {
  readonly storeId: string;
  readonly serial: string;
  readonly channel: IntakeChannel;
  readonly quarter: string;
  readonly quarterText: string;
  readonly deadline: string;
  readonly returnTo: string;
  /** The live catalog, already narrowed to the channel's sections and 来源/渠道. */
  readonly options: IntakeOptions;
}

function guideLines(p: ChannelPackageSpec): string[] {
  const spec = INTAKE_CHANNEL_SPECS[p.channel];
  const who = [
    `1. 在“${MATERIALS_SHEET}”工作表中每行填写一条，从第 ${FIRST_DATA_ROW} 行起填写，不要改动表头和工作表名称。`,
    '2. 姓名必填；身份证号和单位至少填写一项，用于与干部花名册核对（同名干部靠它们区分）。' +
      '核对不上或有同名的，导入时由组织部逐条确认，不会自动猜测。',
  ];
  const rows =
    p.channel === 'training'
      ? [
          '3. 培训班名称、主办单位、开班日期、结业日期（写成 2025-08-14）：同一班次的各行写法须一致。',
          '4. 学时：该学员本班次取得的学时，数字。',
          '5. 结业评价：从下拉列表中选择优秀、合格或重修。优秀学员、重修学员将按规定自动记入档案。',
        ]
      : [
          '3. 日期：事项发生或作出决定的日期，写成 2025-08-14。',
          `4. 子项：从下拉列表中选择（${spec.hint}）。`,
          `5. 性质：${spec.polarities.map((x) => POLARITY_TEXT[x]).join('、')}。`,
          '6. 评价标准、正负面清单项（可不填）：从下拉列表中选择；属于一票否决情形的清单项，导入采纳后会在考核中提示否决。',
          '7. 标题（必填，不超过 100 字）、内容（不超过 5000 字）、来源/渠道（从下拉列表中选择）。',
          '8. 附件文件名（可不填）：多个用“；”分隔；有附件时把本工作簿和附件一起压缩成 .zip 交回。',
        ];
  return [
    `报送单位：${spec.label}　　季度：${p.quarterText}　　报送截止日期：${p.deadline}　　填好后交回：${p.returnTo}`,
    ...who,
    ...rows,
    `本填报表只用于${spec.label}${p.quarterText}的名单；需要修改时改好后重新交回，尚未审核的各行以新交回的为准。`,
  ];
}

const listRule = (range: string, what: string): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [range],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: what,
  error: `请从下拉列表中选择${what}`,
});

function optionColumn(ws: ExcelJS.Worksheet, col: number, title: string, values: readonly string[]): string {
  ws.getCell(1, col).value = title;
  values.forEach((v, i) => (ws.getCell(i + 2, col).value = xmlSafe(v)));
  const c = columnLetter(col);
  return `'${LISTS_SHEET}'!$${c}$2:$${c}$${Math.max(2, values.length + 1)}`;
}

function writeMaterials(ws: ExcelJS.Worksheet, lists: ExcelJS.Worksheet, p: ChannelPackageSpec): void {
  const spec = INTAKE_CHANNEL_SPECS[p.channel];
  const columns: readonly string[] = p.channel === 'training' ? TRAINING_COLUMNS : CHANNEL_COLUMNS;
  ws.mergeCells(1, 1, 1, columns.length);
  ws.getCell(1, 1).value = xmlSafe(`${p.quarterText}${spec.label}政治素质材料报送表（截止 ${p.deadline}）`);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const header = ws.getRow(HEADER_ROW);
  columns.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    ws.getColumn(i + 1).width = ['内容', '标题', '培训班名称'].includes(h) ? 36 : h === '身份证号' ? 22 : 16;
  });
  const last = FIRST_DATA_ROW + VALIDATED_ROWS - 1;
  const span = (h: string) => {
    const c = columnLetter(columns.indexOf(h) + 1);
    return `${c}${FIRST_DATA_ROW}:${c}${last}`;
  };
  // 身份证号 as text: Excel would turn 18 digits into a rounded number.
  ws.getColumn(columns.indexOf('身份证号') + 1).numFmt = '@';
  if (p.channel === 'training') {
    const results = optionColumn(lists, 1, '结业评价', Object.values(TRAINING_RESULT_TEXT));
    addValidation(ws, span('结业评价'), listRule(results, '结业评价'));
    for (const h of ['开班日期', '结业日期']) ws.getColumn(columns.indexOf(h) + 1).numFmt = 'yyyy-mm-dd';
    return;
  }
  const o = p.options;
  const ranges = {
    子项: optionColumn(
      lists,
      1,
      '子项',
      o.subItems.map((s) => codeLabel(s.code, s.name)),
    ),
    性质: optionColumn(
      lists,
      2,
      '性质',
      spec.polarities.map((x) => POLARITY_TEXT[x]),
    ),
    评价标准: optionColumn(
      lists,
      3,
      '评价标准',
      o.standards.map((s) => codeLabel(s.code, s.name)),
    ),
    正负面清单项: optionColumn(
      lists,
      4,
      '正负面清单项',
      o.listItems.map((s) => codeLabel(s.code, s.name)),
    ),
    '来源/渠道': optionColumn(
      lists,
      5,
      '来源/渠道',
      o.channels.map((s) => codeLabel(s.code, s.name)),
    ),
  };
  for (const [h, range] of Object.entries(ranges)) addValidation(ws, span(h), listRule(range, h));
  ws.getColumn(columns.indexOf('日期') + 1).numFmt = 'yyyy-mm-dd';
}

export async function buildChannelPackage(p: ChannelPackageSpec): Promise<Buffer> {
  const spec = INTAKE_CHANNEL_SPECS[p.channel];
  const wb = newWorkbook();
  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 110;
  guide.getCell(1, 1).value = xmlSafe(`${p.quarterText}${spec.label}政治素质材料报送表　填表说明`);
  guide.getCell(1, 1).font = { bold: true, size: 14 };
  guideLines(p).forEach((line, i) => {
    guide.getCell(i + 2, 1).value = xmlSafe(line);
    guide.getCell(i + 2, 1).alignment = { wrapText: true, vertical: 'top' };
  });
  const materials = wb.addWorksheet(MATERIALS_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  const lists = wb.addWorksheet(LISTS_SHEET);
  lists.state = 'hidden';
  writeMaterials(materials, lists, p);
  const info = wb.addWorksheet(INFO_SHEET);
  info.state = 'veryHidden';
  const values: (string | number)[] = [
    p.storeId,
    '',
    spec.label,
    p.quarter,
    INTAKE_TEMPLATE_VERSION,
    p.serial,
    p.channel,
  ];
  INFO_KEYS.forEach((k, i) => {
    info.getCell(i + 1, 1).value = k;
    info.getCell(i + 1, 2).value = values[i] ?? '';
  });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return toBuffer(wb);
}
