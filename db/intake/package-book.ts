// The one builder of every 填报表 workbook (a unit's and a channel's): 填表说明, the 材料 sheet with its header and
// drop-downs, any sheets of the kind's own, the hidden option lists and the veryHidden identity sheet.
import type ExcelJS from 'exceljs';
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
  LISTS_SHEET,
  MATERIALS_SHEET,
  VALIDATED_ROWS,
  codeLabel,
} from './layout';

export interface CodeName {
  readonly code: string;
  readonly name: string;
}

/** The live catalog's options offered by the drop-downs (a channel's narrowed to its part of the catalog). */
export interface IntakeOptions {
  readonly subItems: readonly CodeName[];
  readonly standards: readonly CodeName[];
  readonly listItems: readonly CodeName[];
  readonly channels: readonly CodeName[];
}

/** Catalog rows as their drop-down shows them. */
export const codeLabels = (rows: readonly CodeName[]): string[] => rows.map((r) => codeLabel(r.code, r.name));

/** A drop-down from an option list on the hidden sheet; the list is titled by the column's header. */
export interface ListChoice {
  readonly values: readonly string[];
  /** What the refusal asks to pick ("请从下拉列表中选择…"); the header when not given. */
  readonly what?: string;
  /** Only warn on a value not in the list (评价标准 may hold several codes). */
  readonly warnOnly?: boolean;
}

/** One column of the 材料 sheet. */
export interface MaterialColumn {
  readonly header: string;
  readonly width: number;
  /** The format of what is typed in the column: '@' keeps text as text, 'yyyy-mm-dd' shows dates as the guide asks. */
  readonly numFmt?: string;
  /** A drop-down, or a date check, on the data rows. */
  readonly choice?: ListChoice | 'date';
}

export interface PackageBookSpec {
  /** What both the guide's and the 材料 sheet's title start with, e.g. 2025年第三季度乌兰镇政治素质材料填报表. */
  readonly title: string;
  readonly deadline: string;
  readonly guide: readonly string[];
  readonly columns: readonly MaterialColumn[];
  /** Sheets of the kind's own, placed right after 材料 (a unit's 本单位干部). */
  readonly addSheets?: (wb: ExcelJS.Workbook) => void;
  /** The identity sheet's values by key; the reader matches the returned file to its package by them. */
  readonly identity: Readonly<Record<(typeof INFO_KEYS)[number], string | number>>;
}

function writeGuide(wb: ExcelJS.Workbook, p: PackageBookSpec): void {
  const ws = wb.addWorksheet(GUIDE_SHEET);
  ws.getColumn(1).width = 110;
  ws.getCell(1, 1).value = xmlSafe(`${p.title}　填表说明`);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  p.guide.forEach((line, i) => {
    const cell = ws.getCell(i + 2, 1);
    cell.value = xmlSafe(line);
    cell.alignment = { wrapText: true, vertical: 'top' };
    // The guide's parts (一、怎样填写 …) stand out from its numbered lines.
    if (/^[一二]、/u.test(line)) cell.font = { bold: true };
  });
}

const DATE_RULE: ExcelJS.DataValidation = {
  type: 'date',
  operator: 'greaterThan',
  allowBlank: true,
  formulae: [new Date(Date.UTC(2000, 0, 1))],
  showErrorMessage: true,
  errorStyle: 'warning',
  errorTitle: '日期',
  error: '日期请写成 2025-08-14',
};

const listRule = (range: string, what: string, warnOnly: boolean): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [range],
  showErrorMessage: true,
  errorStyle: warnOnly ? 'warning' : 'stop',
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

function writeMaterials(ws: ExcelJS.Worksheet, lists: ExcelJS.Worksheet, p: PackageBookSpec): void {
  ws.mergeCells(1, 1, 1, p.columns.length);
  ws.getCell(1, 1).value = xmlSafe(`${p.title}（截止 ${p.deadline}）`);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getRow(1).height = 26;
  const header = ws.getRow(HEADER_ROW);
  const last = FIRST_DATA_ROW + VALIDATED_ROWS - 1;
  let listColumn = 0;
  p.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    const sheetColumn = ws.getColumn(i + 1);
    sheetColumn.width = column.width;
    // A column style, not 500 styled cells: Excel applies it to what is typed.
    if (column.numFmt) sheetColumn.numFmt = column.numFmt;
    const span = `${columnLetter(i + 1)}${FIRST_DATA_ROW}:${columnLetter(i + 1)}${last}`;
    const choice = column.choice;
    if (choice === 'date') addValidation(ws, span, DATE_RULE);
    else if (choice) {
      listColumn += 1;
      const range = optionColumn(lists, listColumn, column.header, choice.values);
      addValidation(ws, span, listRule(range, choice.what ?? column.header, choice.warnOnly ?? false));
    }
  });
}

export async function buildPackageBook(p: PackageBookSpec): Promise<Buffer> {
  const wb = newWorkbook();
  writeGuide(wb, p);
  const materials = wb.addWorksheet(MATERIALS_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  p.addSheets?.(wb);
  const lists = wb.addWorksheet(LISTS_SHEET);
  lists.state = 'hidden';
  writeMaterials(materials, lists, p);
  const info = wb.addWorksheet(INFO_SHEET);
  // veryHidden: not offered by Excel's 取消隐藏, so nobody edits the identity by accident.
  info.state = 'veryHidden';
  INFO_KEYS.forEach((k, i) => {
    info.getCell(i + 1, 1).value = k;
    const v = p.identity[k];
    info.getCell(i + 1, 2).value = typeof v === 'string' ? xmlSafe(v) : v;
  });
  // Opens on the 材料 sheet.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return toBuffer(wb);
}
