// Writes a small 干部名册 workbook the way a user fills the template: the template's headers, text cells.
import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS, ROSTER_SHEET, headerText, type ColumnKey } from '../../../db/roster/excel/columns';

export async function writeRosterWorkbook(path: string, rows: readonly Partial<Record<ColumnKey, string>>[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(ROSTER_SHEET);
  ws.addRow(ROSTER_COLUMNS.map(headerText));
  for (const r of rows) ws.addRow(ROSTER_COLUMNS.map((c) => r[c.key] ?? ''));
  await wb.xlsx.writeFile(path);
}
