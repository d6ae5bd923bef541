// The import template: sheet 干部名册 (headers, drop-downs, text-formatted id/date columns, one example row),
// a hidden sheet 单位列表 feeding the 单位 drop-down, and 填写说明 with the rules in Chinese.
import ExcelJS from 'exceljs';
import { checkDigit } from '../../../shared/roster/idcard';
import { CADRE_STATUSES, EDUCATION_LEVELS, GENDERS, POSITION_NAMES, RANKS } from '../../../shared/roster/types';
import {
  EXAMPLE_MARK,
  GUIDE_SHEET,
  ROSTER_COLUMNS,
  ROSTER_SHEET,
  UNITS_SHEET,
  headerText,
  type ColumnKey,
} from './columns';
import { HEADER_FILL, THIN_BORDER, addValidation, columnLetter, columnNumber, toBuffer, xmlSafe } from './workbook';

/** Rows 2 … TEMPLATE_ROWS + 1 carry the drop-downs (and the column-wide text format covers any row). */
export const TEMPLATE_ROWS = 5000;

/** The example row's 身份证号: a made-up person born 1978-05-12, male (odd 17th digit), with a correct check digit. */
const EXAMPLE_ID_17 = '13010219780512123';
export const EXAMPLE_ID_NUMBER = EXAMPLE_ID_17 + checkDigit(EXAMPLE_ID_17);

/** The example row (row 2). Its 姓名 starts with 示例, which makes the parser skip it. */
export function exampleRow(unitName: string): Record<ColumnKey, string> {
  return {
    name: `${EXAMPLE_MARK}：张三`,
    gender: '男',
    ethnicity: '汉族',
    birthMonth: '1978.05',
    nativePlace: '河北石家庄',
    birthPlace: '河北石家庄',
    partyJoin: '2001.07',
    workStart: '2000.08',
    health: '健康',
    techTitle: '',
    expertise: '基层党建',
    fulltimeEducation: '大学',
    fulltimeDegree: '法学学士',
    fulltimeSchool: '河北大学法学专业',
    parttimeEducation: '研究生',
    parttimeDegree: '',
    parttimeSchool: '省委党校经济管理专业',
    currentPost: '县委组织部副部长',
    postSince: '2019.03',
    rank: '副科级',
    unit: unitName,
    position: POSITION_NAMES.deputy,
    idNumber: EXAMPLE_ID_NUMBER,
    familiarFields: '组织人事、基层党建',
    traits: '政治站位高，工作扎实，作风严谨',
    shortcomings: '创新意识有待加强',
    status: '在职',
    annualResults: '2022年度称职；2023年度优秀；2024年度称职。',
    resume:
      '2000.08--2005.03  某某县某某乡人民政府科员\n2005.03--2019.03  某某县委组织部干部科科员、副科长、科长\n2019.03--  某某县委组织部副部长',
    rewards: '2021年被评为全县优秀共产党员',
  };
}

const GUIDE: readonly string[] = [
  '一、基本要求',
  '1. 请在“干部名册”工作表中填写，每位干部一行。第 1 行为列标题，请勿修改、删除或调换列标题；可以删除不需要的非必填列。',
  '2. 列标题带“*”的列为必填：姓名、性别、出生年月、现任职务、单位、正职/副职。',
  `3. 第 2 行为示例。姓名以“${EXAMPLE_MARK}”开头的行不会被导入，可保留，也可删除。`,
  '4. 空行会被跳过；请勿在数据区插入小计、合计或备注行；文件请保存为 .xlsx 格式，不要设置打开密码。',
  '二、各列填写规则',
  '5. 性别：填写“男”或“女”。',
  '6. 日期（出生年月、入党时间、参加工作时间、任职时间）：写作 1975.03，也可写作 197503、1975-3、1975年3月。月份请写两位，10 月写作 1975.10，不要写成 1975.1。这些列已设为文本格式，请勿改为数字或日期格式。',
  '7. 入党时间：中共党员填写入党年月；民主党派成员可填写党派名称（如“中国民主同盟”）；其他人员留空。',
  '8. 单位：从下拉列表中选择，必须与系统“单位管理”中的单位名称完全一致。新单位请先在系统中添加，再重新下载模板。',
  '9. 正职/副职：填写“正职”或“副职”。',
  `10. 职级、全日制学历、在职学历：可从下拉列表选择（学历：${EDUCATION_LEVELS.join('、')}），确有需要也可填写其他内容。`,
  `11. 状态：${CADRE_STATUSES.join('、')}之一；不填视为“在职”。`,
  '12. 身份证号：18 位，最后一位可为 X；可不填，填写的必须与出生年月、性别一致。该列已设为文本格式，请勿改为数字格式（否则后几位会变成 0）。',
  '13. 年度考核结果：每个年度写作“2022年度称职”，多个年度用分号分隔，例如“2022年度称职；2023年度优秀”。',
  '14. 简历：每段经历一行（单元格内换行按 Alt+Enter），例如“2000.08--2005.03  某某乡人民政府科员”。',
  '15. 家庭主要成员不在本表导入，请导入后在干部档案中逐人填写。',
  '三、导入时的检查',
  '16. 导入前系统会逐行检查，发现问题会列出行号、列名和原因，全部改正后才能导入。',
  '17. 同一文件中身份证号不能重复；姓名和出生年月都相同、且至少一行未填身份证号的两行视为可能重复，请核实后修改。',
  '18. 身份证号与系统中已有干部相同的，更新该干部的档案；未填身份证号但姓名、出生年月与已有干部相同的，导入时需要逐一确认是否为同一人。',
];

const listRule = (values: readonly string[], strict: boolean, title: string): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${values.join(',')}"`],
  showErrorMessage: true,
  errorStyle: strict ? 'stop' : 'warning',
  errorTitle: title,
  error: strict ? `请从下拉列表中选择${title}` : `${title}不在常用列表中，确定要填写吗？`,
});

export async function buildTemplate(units: readonly { name: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '干部政治素质档案与“双比双评”考核系统';
  wb.created = new Date(Date.UTC(2024, 0, 1));

  const ws = wb.addWorksheet(ROSTER_SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1, activeCell: 'A3' }] });
  ws.columns = ROSTER_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));

  const header = ws.getRow(1);
  ROSTER_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = headerText(c);
    cell.font = { bold: true, ...(c.required ? { color: { argb: 'FFC00000' } } : {}) };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = 30;

  const example = exampleRow(units[0]?.name ?? '（从下拉列表选择）');
  const row2 = ws.getRow(2);
  ROSTER_COLUMNS.forEach((c, i) => {
    const cell = row2.getCell(i + 1);
    cell.value = xmlSafe(example[c.key]);
    cell.font = { italic: true, color: { argb: 'FF7F7F7F' } };
    cell.alignment = { vertical: 'top', wrapText: c.key === 'resume' };
  });

  const last = TEMPLATE_ROWS + 1;
  const range = (key: ColumnKey) => {
    const l = columnLetter(columnNumber(key));
    return `${l}2:${l}${last}`;
  };
  addValidation(ws, range('gender'), listRule(GENDERS, true, '性别'));
  addValidation(ws, range('position'), listRule([POSITION_NAMES.chief, POSITION_NAMES.deputy], true, '正职/副职'));
  addValidation(ws, range('rank'), listRule(RANKS, false, '职级'));
  addValidation(ws, range('status'), listRule(CADRE_STATUSES, true, '状态'));
  addValidation(ws, range('fulltimeEducation'), listRule(EDUCATION_LEVELS, false, '学历'));
  addValidation(ws, range('parttimeEducation'), listRule(EDUCATION_LEVELS, false, '学历'));
  for (const key of ['birthMonth', 'partyJoin', 'workStart', 'postSince'] as const) {
    addValidation(ws, range(key), {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      allowBlank: true,
      formulae: [40],
      showInputMessage: true,
      promptTitle: '日期格式',
      prompt: key === 'partyJoin' ? '写作 1975.03；民主党派成员可填党派名称' : '写作 1975.03（月份两位）',
    });
  }
  addValidation(ws, range('idNumber'), {
    type: 'textLength',
    operator: 'equal',
    allowBlank: true,
    formulae: [18],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '身份证号',
    error: '身份证号应为 18 位',
  });

  const unitSheet = wb.addWorksheet(UNITS_SHEET);
  unitSheet.state = 'hidden';
  unitSheet.getColumn(1).width = 40;
  units.forEach((u, i) => {
    unitSheet.getCell(i + 1, 1).value = xmlSafe(u.name);
  });
  if (units.length > 0) {
    addValidation(ws, range('unit'), {
      type: 'list',
      allowBlank: true,
      // A range, not an inline list: an inline list is limited to 255 characters.
      formulae: [`'${UNITS_SHEET}'!$A$1:$A$${units.length}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '单位',
      error: '请从下拉列表中选择单位；新单位请先在系统“单位管理”中添加',
    });
  }

  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 110;
  guide.getCell(1, 1).value = '干部名册导入填写说明';
  guide.getCell(1, 1).font = { bold: true, size: 14 };
  GUIDE.forEach((line, i) => {
    const cell = guide.getCell(i + 2, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (/^[一二三]、/u.test(line)) cell.font = { bold: true };
  });

  return toBuffer(wb);
}
