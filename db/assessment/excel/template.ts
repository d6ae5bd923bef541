// The per-assessment ballot template: a sheet per ranking group with a section per ballot kind it needs, drop-downs
// of the group's cadres, the assessment's identity in a hidden sheet and in each sheet's 识别码, and 填表说明.
import type ExcelJS from 'exceljs';
import { groupsOf, type MemberGroup } from '../../../shared/assessment/groups';
import { STAFF_GRADE_LABELS, type AssessmentMember } from '../../../shared/assessment/types';
import type { Component, RankingConfig, StaffGrade } from '../../../shared/scoring/types';
import { uniqueSheetName } from '../../excel/sheet-names';
import {
  HEADER_FILL,
  THIN_BORDER,
  addValidation,
  columnLetter,
  newWorkbook,
  toBuffer,
  xmlSafe,
} from '../../excel/workbook';
import { EXCELLENT_CAP_ROUNDING, excellentAllowed, percentText } from '../../../shared/assessment/excellent-cap';
import {
  BALLOT_TEMPLATE_VERSION,
  CODE_LABEL,
  COMMENT_HEADER,
  COMMENT_ROWS,
  FORM_HEADER,
  FORM_MARKERS,
  STAFF_FORM_ROWS,
  type FormSection,
  GUIDE_SHEET,
  INFO_SHEET,
  LEADER_HEADER,
  LISTS_SHEET,
  RATER_HEADER,
  SECTION_MARKERS,
  SERVICE_COLUMNS,
  STAFF_TARGET_HEADER,
  SUPERIOR_ROWS,
  TARGET_HEADER,
  kindLabel,
  kindsOf,
  memberLabels,
  placeHeader,
  serviceHeader,
  sheetCode,
} from './layout';

export interface TemplateAssessment {
  readonly id: number;
  readonly name: string;
  readonly config: RankingConfig;
  readonly members: readonly AssessmentMember[];
  readonly indicatorNames: Readonly<Record<string, string>>;
}

export const STAFF_GRADES: readonly StaffGrade[] = ['excellent', 'good', 'fair', 'poor'];

const GUIDE: readonly string[] = [
  '一、基本要求',
  '1. 每个排名分组一张工作表：正职按单位类别分组，副职按所在单位分组。请在对应分组的工作表中填写，不要改动工作表名称、第 2 行的识别码和各部分的标题行。',
  '2. 每张工作表分为若干部分（上级领导综合排名、同级互评、干部职工测评、服务对象打分），只列出该组需要的测评类型。',
  '3. 本模板只能导入到下载它的考核；其他考核的测评票会被拒绝。考核成员调整后，请重新下载模板。',
  '4. 干部姓名请从下拉列表中选择；同名干部以“姓名（单位）”区分。分数、票数请填写数字，不要填写“分”“票”等文字。',
  '二、各部分填写规则',
  '5. 上级领导综合排名：每位领导一行，第一列填写领导职务或姓名，其后按名次从第 1 名起依次选择本组全部干部，每人出现且只出现一次。行数不够时可在本部分中插入行。',
  '6. 同级互评：已列出本组每一对“评价人—被评价人”（不含本人评本人），在各项指标下填写 0–100 的分数；某一对未评价的，整行留空即可，填写了部分指标的行会被指出。',
  '7. 干部职工测评：按唱票汇总的结果，填写每名干部获得的“优秀、较好、一般、较差”票数（0 或正整数）；也可在“干部职工测评票（逐票）”中每张票填一行，导入时逐张检查优秀比例上限，超过的为无效票，列出后不计入。',
  '8. 服务对象打分：每名干部一行，依次填写各服务对象给出的 0–100 分，空格不计。',
  '8-1. 意见建议：测评票上写给某名干部的意见建议每条一行（不超过 200 字），不记录出自哪张票；收到的测评票满 3 张的干部才显示其意见建议。',
  '三、导入时的检查',
  '9. 导入前系统会逐张工作表、逐行检查，列出工作表、行号、列名和原因，例如分数超出 0–100、干部不是本组成员、本人给本人打分、排名不完整或重复、同一张票填写了两次。',
  '10. 只要还有错误就不能导入；全部改正后，确认导入时全部测评票一次写入，任何一张失败则一张也不写入。',
  '11. 导入的测评票会替换此前录入的同一张票：同一领导对同一组的排名、同一评价人对同一对象的互评、同一干部的职工测评票数和服务对象评分。',
  '12. 只有“测评中”的考核才能导入测评票。',
];

function styleHeader(row: ExcelJS.Row, count: number): void {
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
}

const listFrom = (range: string, what: string): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [range],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: what,
  error: `请从下拉列表中选择本组的${what}`,
});

const scoreRule: ExcelJS.DataValidation = {
  type: 'decimal',
  operator: 'between',
  allowBlank: true,
  formulae: [0, 100],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: '分数',
  error: '分数必须在 0–100 之间',
};

const countRule: ExcelJS.DataValidation = {
  type: 'whole',
  operator: 'greaterThanOrEqual',
  allowBlank: true,
  formulae: [0],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: '票数',
  error: '票数必须是 0 或正整数',
};

interface SectionWriter {
  ws: ExcelJS.Worksheet;
  row: number;
}

function marker(w: SectionWriter, kind: Component | FormSection, note: string): void {
  const cell = w.ws.getCell(w.row, 1);
  cell.value = kind in FORM_MARKERS ? FORM_MARKERS[kind as FormSection] : SECTION_MARKERS[kind as Component];
  cell.font = { bold: true, size: 12, color: { argb: 'FF1F4E79' } };
  w.ws.getCell(w.row, 2).value = note;
  w.ws.getCell(w.row, 2).font = { color: { argb: 'FF7F7F7F' } };
  w.row += 1;
}

function header(w: SectionWriter, labels: readonly string[]): void {
  const row = w.ws.getRow(w.row);
  labels.forEach((l, i) => (row.getCell(i + 1).value = l));
  styleHeader(row, labels.length);
  w.row += 1;
}

function writeGroupSheet(ws: ExcelJS.Worksheet, a: TemplateAssessment, g: MemberGroup, namesRange: string): void {
  const labels = memberLabels(g.members);
  const names = g.members.map((m) => labels.get(m.cadreId)!);
  const kinds = kindsOf(a.config, g.position, g.members.length);
  const indicators = a.config.indicators[g.position];
  const widest = Math.max(2 + indicators.length, g.members.length + 1, 5, SERVICE_COLUMNS + 1);
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 16;
  for (let c = 3; c <= widest; c++) ws.getColumn(c).width = 12;

  ws.mergeCells(1, 1, 1, Math.min(widest, 12));
  const title = ws.getCell(1, 1);
  title.value = xmlSafe(`${a.name}　测评票（${g.name}）`);
  title.font = { bold: true, size: 14 };
  ws.getRow(1).height = 26;
  ws.getCell(2, 1).value = CODE_LABEL;
  ws.getCell(2, 2).value = sheetCode(a.id, g.ref);
  ws.getCell(2, 3).value = '请勿修改识别码；本组干部：' + names.join('、');
  for (const c of [1, 2, 3]) ws.getCell(2, c).font = { color: { argb: 'FF7F7F7F' } };

  const w: SectionWriter = { ws, row: 4 };
  const list = listFrom(namesRange, '干部');
  for (const kind of kinds) {
    if (kind === 'superior') {
      marker(w, kind, `每位领导一行，按名次选择本组全部 ${names.length} 名干部`);
      header(w, [LEADER_HEADER, ...names.map((_, i) => placeHeader(i))]);
      const first = w.row;
      w.row += SUPERIOR_ROWS;
      addValidation(ws, `B${first}:${columnLetter(names.length + 1)}${w.row - 1}`, list);
    } else if (kind === 'peer') {
      marker(w, kind, '在各项指标下填写 0–100 的分数；未评价的一对整行留空');
      header(w, [RATER_HEADER, TARGET_HEADER, ...indicators.map((i) => a.indicatorNames[i.id] ?? i.id)]);
      const first = w.row;
      for (const rater of g.members) {
        for (const target of g.members) {
          if (rater.cadreId === target.cadreId) continue;
          ws.getCell(w.row, 1).value = labels.get(rater.cadreId)!;
          ws.getCell(w.row, 2).value = labels.get(target.cadreId)!;
          w.row += 1;
        }
      }
      addValidation(ws, `A${first}:B${w.row - 1}`, list);
      addValidation(ws, `C${first}:${columnLetter(2 + indicators.length)}${w.row - 1}`, scoreRule);
    } else if (kind === 'staff') {
      marker(w, kind, '填写每名干部获得的各等次票数');
      header(w, [STAFF_TARGET_HEADER, ...STAFF_GRADES.map((s) => STAFF_GRADE_LABELS[s])]);
      const first = w.row;
      for (const n of names) ws.getCell(w.row++, 1).value = n;
      addValidation(ws, `A${first}:A${w.row - 1}`, list);
      addValidation(ws, `B${first}:E${w.row - 1}`, countRule);
      w.row += 1;
      writeStaffForms(w, a, names);
    } else {
      marker(w, kind, '每名干部一行，依次填写各服务对象的 0–100 分');
      header(w, [TARGET_HEADER, ...Array.from({ length: SERVICE_COLUMNS }, (_, i) => serviceHeader(i))]);
      const first = w.row;
      for (const n of names) ws.getCell(w.row++, 1).value = n;
      addValidation(ws, `A${first}:A${w.row - 1}`, list);
      addValidation(ws, `B${first}:${columnLetter(SERVICE_COLUMNS + 1)}${w.row - 1}`, scoreRule);
    }
    w.row += 1; // a blank row between sections
  }
  if (kinds.includes('staff') || kinds.includes('service')) {
    marker(w, 'comments', '干部职工测评票、服务对象评价表上的意见建议，每条一行（选填）；不记录出自哪张票');
    header(w, [TARGET_HEADER, COMMENT_HEADER]);
    ws.mergeCells(w.row - 1, 2, w.row - 1, 8);
    const first = w.row;
    w.row += COMMENT_ROWS;
    addValidation(ws, `A${first}:A${w.row - 1}`, list);
  }
  if (kinds.length === 0)
    ws.getCell(4, 1).value = `本组按当前考核配置无需填写测评票（${kindLabel('superior')}等权重均为 0）`;
}

const gradeRule: ExcelJS.DataValidation = {
  type: 'list',
  allowBlank: true,
  formulae: [`"${STAFF_GRADES.map((g) => STAFF_GRADE_LABELS[g]).join(',')}"`],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: '评价等次',
  error: '请选择优秀、较好、一般或较差',
};

/** One staff form per row, a grade per cadre: the import checks each form against the 优秀 cap. */
function writeStaffForms(w: SectionWriter, a: TemplateAssessment, names: readonly string[]): void {
  const cap = a.config.staffExcellentCap;
  marker(
    w,
    'staffForms',
    '也可逐张录入测评票（与上方票数二选一或合并计入）：每张票一行，为每名干部选择等次' +
      (cap !== undefined
        ? `；每张票最多 ${excellentAllowed(names.length, cap)} 个“优秀”（${percentText(cap)}，${EXCELLENT_CAP_ROUNDING}），` +
          '超过的为无效票，导入时列出且不计入'
        : ''),
  );
  header(w, [FORM_HEADER, ...names]);
  const first = w.row;
  for (let i = 0; i < STAFF_FORM_ROWS; i++) w.ws.getCell(w.row++, 1).value = `第${i + 1}张`;
  addValidation(w.ws, `B${first}:${columnLetter(names.length + 1)}${w.row - 1}`, gradeRule);
}

export async function buildBallotTemplate(a: TemplateAssessment): Promise<Buffer> {
  const wb = newWorkbook();
  const used = new Set([INFO_SHEET, LISTS_SHEET, GUIDE_SHEET].map((n) => n.toLowerCase()));
  const groups = groupsOf(a.members);
  const sheets = groups.map((g) => ({
    g,
    ws: wb.addWorksheet(uniqueSheetName(g.name, used), { views: [{ state: 'frozen', ySplit: 2 }] }),
  }));

  const lists = wb.addWorksheet(LISTS_SHEET);
  lists.state = 'hidden';
  sheets.forEach(({ g, ws }, i) => {
    const labels = memberLabels(g.members);
    lists.getCell(1, i + 1).value = ws.name;
    g.members.forEach((m, j) => (lists.getCell(j + 2, i + 1).value = xmlSafe(labels.get(m.cadreId)!)));
    const col = columnLetter(i + 1);
    // A range, not an inline list: an inline list is limited to 255 characters.
    writeGroupSheet(ws, a, g, `'${LISTS_SHEET}'!$${col}$2:$${col}$${g.members.length + 1}`);
  });

  const info = wb.addWorksheet(INFO_SHEET);
  info.state = 'veryHidden';
  info.getColumn(1).width = 14;
  info.getColumn(2).width = 40;
  const rows: [string, string | number][] = [
    ['考核编号', a.id],
    ['考核名称', a.name],
    ['模板版本', BALLOT_TEMPLATE_VERSION],
  ];
  rows.forEach(([k, v], i) => {
    info.getCell(i + 1, 1).value = k;
    info.getCell(i + 1, 2).value = typeof v === 'string' ? xmlSafe(v) : v;
  });

  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 110;
  guide.getCell(1, 1).value = xmlSafe(`${a.name}　测评票填表说明`);
  guide.getCell(1, 1).font = { bold: true, size: 14 };
  GUIDE.forEach((line, i) => {
    const cell = guide.getCell(i + 2, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (/^[一二三]、/u.test(line)) cell.font = { bold: true };
  });
  return toBuffer(wb);
}
