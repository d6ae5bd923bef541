// exceljs helpers every workbook the app writes shares (exceljs types lag behind its runtime API).
import ExcelJS from 'exceljs';

/** exceljs has worksheet.dataValidations.add(range, rule) at runtime but leaves it out of index.d.ts. */
interface SheetWithValidations {
  dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
}

export function addValidation(ws: ExcelJS.Worksheet, range: string, rule: ExcelJS.DataValidation): void {
  (ws as unknown as SheetWithValidations).dataValidations.add(range, rule);
}

/** Column letter of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Characters XML 1.0 forbids (a stray one makes Excel reject the whole file). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu;

/** Text from a cell compared loosely: full-width forms folded (NFKC), whitespace dropped (names typed by hand). */
export const looseText = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '');

export const xmlSafe = (s: string): string => s.replace(XML_INVALID, '').replace(/\r\n?/gu, '\n');

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export const APP_CREATOR = '干部政治素质档案与“双比双评”考核系统';

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = APP_CREATOR;
  return wb;
}

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFB7C4D6' } },
  bottom: { style: 'thin', color: { argb: 'FFB7C4D6' } },
  left: { style: 'thin', color: { argb: 'FFB7C4D6' } },
  right: { style: 'thin', color: { argb: 'FFB7C4D6' } },
};
