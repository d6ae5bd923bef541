// A titled table sheet as every export writes it: title row, frozen bold header, borders, widths, filters, print titles.
import type ExcelJS from 'exceljs';
import { HEADER_FILL, THIN_BORDER, xmlSafe } from './workbook';

export interface TableColumn {
  readonly header: string;
  readonly width: number;
  /** An Excel number format for the column's numbers, e.g. '0.00'. */
  readonly numFmt?: string;
  readonly align?: 'left' | 'center' | 'right';
  readonly wrap?: boolean;
}

export type TableCell = string | number | null;

export interface TableSheet {
  readonly name: string;
  readonly title: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
  /** Lines under the table (notes, the result digest). */
  readonly footer?: readonly string[];
}

/** The rows start at 3: row 1 the title, row 2 the header (frozen). */
export const TABLE_HEADER_ROW = 2;

export function addTableSheet(wb: ExcelJS.Workbook, t: TableSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(t.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: TABLE_HEADER_ROW }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  const n = t.columns.length;
  ws.columns = t.columns.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, Math.max(1, n));
  const titleCell = ws.getCell(1, 1);
  titleCell.value = xmlSafe(t.title);
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;

  const header = ws.getRow(TABLE_HEADER_ROW);
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = 30;

  t.rows.forEach((values, i) => {
    const row = ws.getRow(TABLE_HEADER_ROW + 1 + i);
    t.columns.forEach((c, j) => {
      const v = values[j] ?? null;
      const cell = row.getCell(j + 1);
      cell.border = THIN_BORDER;
      if (v === null || v === '') return;
      cell.value = typeof v === 'string' ? xmlSafe(v) : v;
      if (typeof v === 'number' && c.numFmt) cell.numFmt = c.numFmt;
      cell.alignment = {
        vertical: 'top',
        ...(c.align ? { horizontal: c.align } : {}),
        ...(c.wrap ? { wrapText: true } : {}),
      };
    });
  });
  const after = TABLE_HEADER_ROW + t.rows.length + 2;
  (t.footer ?? []).forEach((line, i) => {
    ws.getCell(after + i, 1).value = xmlSafe(line);
  });
  if (n > 0) ws.autoFilter = { from: { row: TABLE_HEADER_ROW, column: 1 }, to: { row: TABLE_HEADER_ROW, column: n } };
  ws.pageSetup.printTitlesRow = `${TABLE_HEADER_ROW}:${TABLE_HEADER_ROW}`;
  return ws;
}
