// Reads an uploaded roster workbook into raw text rows: every cell as the text the user sees in Excel.
// Knows nothing about the database; validate.ts turns the rows into CadreInputs.
import ExcelJS from 'exceljs';
import {
  EXAMPLE_MARK,
  ROSTER_COLUMNS,
  ROSTER_SHEET,
  columnOfHeader,
  normalizeHeader,
  type ColumnKey,
} from './columns';
import { columnLetter } from './workbook';

export interface RawRow {
  /** The Excel row number (1-based, as Excel shows it). */
  readonly rowNumber: number;
  /** Every column's text ('' when empty or when the file has no such column). */
  readonly cells: Readonly<Record<ColumnKey, string>>;
  /**
   * Columns whose cell Excel stored as a number shown in the General format: 1975.10 typed into such a cell
   * becomes 1975.1, and an 18-digit 身份证号 loses its last digits. validate.ts words its issues accordingly.
   */
  readonly numberCells?: readonly ColumnKey[];
}

export type ParseResult =
  | {
      readonly ok: true;
      readonly rows: RawRow[];
      /** The sheet read (干部名册, or another sheet whose header row has all required columns). */
      readonly sheetName: string;
      /** The columns the file has; absent optional columns read as ''. Callers updating existing cadres can keep
       *  the stored value of a column the file does not have. */
      readonly columns: readonly ColumnKey[];
    }
  | { readonly ok: false; readonly error: string };

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_DATA_ROWS = 20_000;
/** The header row is looked for in the first rows (an export may put a title above it). */
const HEADER_SEARCH_ROWS = 10;

export const PARSE_ERRORS = {
  empty: '文件是空的，请选择填写好的 Excel 工作簿（.xlsx）',
  corrupt: '文件已损坏或不是 Excel 工作簿（.xlsx）',
  encrypted: '工作簿设有打开密码，请在 Excel 中取消密码后再导入',
  xls: '这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入',
  ole: '无法读取该文件：如果工作簿设有打开密码，请在 Excel 中取消密码；如果是旧版 .xls 文件，请另存为 .xlsx 后再导入',
  tooLarge: `文件过大（超过 ${MAX_FILE_BYTES / 1024 / 1024} MB），请分批导入`,
  noSheet: `找不到“${ROSTER_SHEET}”工作表`,
  noRows: '没有可导入的数据行',
  tooManyRows: `数据行过多（超过 ${MAX_DATA_ROWS} 行），请分批导入`,
} as const;

export const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
export const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

/**
 * Both an encrypted .xlsx and an old .xls are OLE compound files. The directory entry names tell them apart:
 * an encrypted OOXML package has the streams EncryptionInfo and EncryptedPackage, a .xls has Workbook (or Book).
 */
function oleKind(bytes: Buffer): 'encrypted' | 'xls' | 'unknown' {
  if (bytes.includes(utf16('EncryptionInfo')) || bytes.includes(utf16('EncryptedPackage'))) return 'encrypted';
  if (bytes.includes(utf16('Workbook')) || bytes.includes(utf16('Book\u0000'))) return 'xls';
  return 'unknown';
}

/** Sections of a number format: `0.00` → 2 decimals; General and text formats → undefined. */
function fixedDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt || /general|@/iu.test(numFmt)) return undefined;
  const first = numFmt.split(';')[0]!.replace(/"[^"]*"|\\./gu, '');
  if (/[%E]/iu.test(first)) return undefined;
  const m = /\.([0#]+)/u.exec(first);
  if (m) return m[1]!.replace(/#/gu, '').length;
  return /0/u.test(first) ? 0 : undefined;
}

/** A number as Excel's General format shows it: integers in full, no float noise, no trailing ".0". */
function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return String(n); // shortest form: 1.30102197608151E+17 reads back as 130102197608151000
  return String(Number(n.toPrecision(15)));
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** A date cell shown as the roster writes year-months (Excel's serials are UTC midnights in exceljs). */
const dateText = (d: Date) =>
  Number.isNaN(d.getTime()) ? '' : `${d.getUTCFullYear()}.${pad2(d.getUTCMonth() + 1)}`;

interface CellText {
  readonly text: string;
  /** A number shown in the General format (see RawRow.numberCells). */
  readonly generalNumber: boolean;
}

function valueText(value: ExcelJS.CellValue | undefined, numFmt: string | undefined): CellText {
  if (value === null || value === undefined) return { text: '', generalNumber: false };
  if (typeof value === 'string') return { text: value, generalNumber: false };
  if (typeof value === 'number') {
    const decimals = fixedDecimals(numFmt);
    if (decimals !== undefined) return { text: value.toFixed(decimals), generalNumber: false };
    return { text: generalNumber(value), generalNumber: true };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', generalNumber: false };
  if (value instanceof Date) return { text: dateText(value), generalNumber: false };
  if ('richText' in value) return { text: value.richText.map((r) => r.text ?? '').join(''), generalNumber: false };
  if ('error' in value) return { text: String(value.error), generalNumber: false };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result !== null && typeof result === 'object' && 'error' in result) {
      return { text: String((result as { error: unknown }).error), generalNumber: false };
    }
    return valueText(result as ExcelJS.CellValue | undefined, numFmt);
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    if (text && typeof text === 'object' && 'richText' in text) return valueText(text as ExcelJS.CellValue, numFmt);
    return { text: typeof text === 'string' ? text : '', generalNumber: false };
  }
  return { text: '', generalNumber: false };
}

/** A cell as the text Excel shows (numbers in their format, dates as year.month, formulas by their result). */
export function cellText(cell: ExcelJS.Cell): CellText {
  let numFmt: string | undefined;
  try {
    numFmt = cell.numFmt;
  } catch {
    numFmt = undefined;
  }
  const t = valueText(cell.value, numFmt);
  return { text: t.text.replace(/\r\n?/gu, '\n').trim(), generalNumber: t.generalNumber };
}

interface HeaderMatch {
  readonly row: number;
  readonly columns: ReadonlyMap<ColumnKey, number>;
  readonly duplicates: readonly { key: ColumnKey; cols: readonly number[] }[];
}

/** The header row: of the first rows, the one naming the most known columns (the first of equals). */
function findHeader(ws: ExcelJS.Worksheet): HeaderMatch | undefined {
  let best: HeaderMatch | undefined;
  const lastRow = Math.min(ws.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= lastRow; r += 1) {
    const seen = new Map<ColumnKey, number[]>();
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const key = columnOfHeader(cellText(cell).text);
      if (key) seen.set(key, [...(seen.get(key) ?? []), colNumber]);
    });
    if (seen.size > (best?.columns.size ?? 0)) {
      best = {
        row: r,
        columns: new Map([...seen].map(([k, cols]) => [k, cols[0]!])),
        duplicates: [...seen].filter(([, cols]) => cols.length > 1).map(([key, cols]) => ({ key, cols })),
      };
    }
  }
  return best;
}

const missingRequired = (h: HeaderMatch | undefined): string[] =>
  ROSTER_COLUMNS.filter((c) => c.required && !h?.columns.has(c.key)).map((c) => c.label);

const EMPTY_CELLS: Readonly<Record<ColumnKey, string>> = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, ''])) as Record<
  ColumnKey,
  string
>;

const labelOf = (key: ColumnKey) => ROSTER_COLUMNS.find((c) => c.key === key)!.label;

/** Parses the bytes of an uploaded .xlsx; errors are Chinese sentences for the user. */
export async function parseRosterWorkbook(bytes: Buffer): Promise<ParseResult> {
  if (bytes.length === 0) return { ok: false, error: PARSE_ERRORS.empty };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: PARSE_ERRORS.tooLarge };
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) {
    const kind = oleKind(bytes);
    return { ok: false, error: kind === 'encrypted' ? PARSE_ERRORS.encrypted : kind === 'xls' ? PARSE_ERRORS.xls : PARSE_ERRORS.ole };
  }
  if (!bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) return { ok: false, error: PARSE_ERRORS.corrupt };

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, {
      // Not needed to read values, and a validation on a whole column (B1:B1048576) would expand to a million entries.
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'hyperlinks', 'picture', 'drawing', 'tableParts'],
    });
  } catch {
    return { ok: false, error: PARSE_ERRORS.corrupt };
  }
  if (wb.worksheets.length === 0) return { ok: false, error: PARSE_ERRORS.corrupt };

  let ws = wb.worksheets.find((w) => normalizeHeader(w.name) === ROSTER_SHEET);
  let header = ws ? findHeader(ws) : undefined;
  if (!ws) {
    for (const candidate of wb.worksheets) {
      const h = findHeader(candidate);
      if (h && missingRequired(h).length === 0) {
        ws = candidate;
        header = h;
        break;
      }
    }
    if (!ws) return { ok: false, error: PARSE_ERRORS.noSheet };
  }

  const missing = missingRequired(header);
  if (!header || missing.length > 0) return { ok: false, error: `缺少必填列：${missing.join('、')}` };
  const dup = header.duplicates[0];
  if (dup) {
    const where = `${dup.cols.map(columnLetter).join('、')} 列`;
    return { ok: false, error: `列标题“${labelOf(dup.key)}”出现了 ${dup.cols.length} 次（${where}），请删除多余的列` };
  }

  const columns = [...header.columns];
  const rows: RawRow[] = [];
  let tooMany = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= header.row || tooMany) return;
    const cells: Record<ColumnKey, string> = { ...EMPTY_CELLS };
    const numberCells: ColumnKey[] = [];
    let any = false;
    for (const [key, col] of columns) {
      const t = cellText(row.getCell(col));
      if (!t.text) continue;
      cells[key] = t.text;
      any = true;
      if (t.generalNumber) numberCells.push(key);
    }
    if (!any || cells.name.normalize('NFKC').startsWith(EXAMPLE_MARK)) return;
    if (rows.length >= MAX_DATA_ROWS) {
      tooMany = true;
      return;
    }
    rows.push(numberCells.length > 0 ? { rowNumber, cells, numberCells } : { rowNumber, cells });
  });
  if (tooMany) return { ok: false, error: PARSE_ERRORS.tooManyRows };
  if (rows.length === 0) return { ok: false, error: PARSE_ERRORS.noRows };
  return { ok: true, rows, sheetName: ws.name, columns: columns.map(([k]) => k) };
}
