// The 打印登记 workbook: one row per printed copy, frozen header, dates as text the way staff write them.
import ExcelJS from 'exceljs';
import { PRINT_DOC_KIND_LABELS, type PrintRegisterRow } from '../../shared/print/types';
import { HEADER_FILL, THIN_BORDER, toBuffer, xmlSafe } from '../roster';

export const REGISTER_HEADERS = [
  '序号',
  '文件类别',
  '文件名称',
  '份号',
  '领取人',
  '打印人',
  '打印时间',
  '是否收回',
  '收回时间',
  '收回登记人',
] as const;
const WIDTHS = [7, 16, 40, 8, 14, 12, 20, 10, 20, 12];

/** Local wall-clock time, minutes precision (the store keeps ISO instants). */
export const localStamp = (iso: string): string => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

export async function registerWorkbook(rows: readonly PrintRegisterRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '干部政治素质档案与“双比双评”考核系统';
  const ws = wb.addWorksheet('打印登记', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const header = ws.getRow(1);
  REGISTER_HEADERS.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  });
  header.height = 22;
  rows.forEach((r, i) => {
    const values = [
      i + 1,
      PRINT_DOC_KIND_LABELS[r.kind],
      r.title,
      r.serial,
      r.recipient,
      r.printedBy,
      localStamp(r.printedAt),
      r.returnedAt ? '已收回' : '未收回',
      r.returnedAt ? localStamp(r.returnedAt) : '',
      r.returnedBy ?? '',
    ];
    const row = ws.getRow(2 + i);
    values.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = typeof v === 'string' ? xmlSafe(v) : v;
      cell.border = THIN_BORDER;
      cell.alignment = j === 0 || j === 3 ? { horizontal: 'center' } : { vertical: 'top', wrapText: j === 2 };
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REGISTER_HEADERS.length } };
  ws.pageSetup.printTitlesRow = '1:1';
  return toBuffer(wb);
}
