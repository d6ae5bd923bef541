// Reads an uploaded roster workbook into raw text rows: every cell as the text the user sees in Excel.
// Knows nothing about the database; validate.ts turns the rows into CadreInputs.
import ExcelJS from 'exceljs';
import type { ExcelMappingColumn, ExcelMappingNeeded } from '../../../shared/roster/views';
import { EXAMPLE_MARK, ROSTER_COLUMNS, ROSTER_SHEET, type ColumnKey } from './columns';
import { MAPPING_FIELDS, fieldLabel, missingFields, type ExtraKey, type FieldKey } from './headers';
import { detectLayout, type SheetLayout, type TextGrid } from './layout';
import { columnLetter } from './workbook';
import { MAX_DATA_ROWS, openWorkbook, WORKBOOK_ERRORS } from '../../excel/open';

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
  /** Combined columns of a real roster (单位及职务, 政治面貌), folded into cells by normalize.ts. */
  readonly extra?: Readonly<Partial<Record<ExtraKey, string>>>;
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
      /** Every field a column gives, the combined ones (unitAndPost, politicalStatus) included. */
      readonly fields: readonly FieldKey[];
    }
  | { readonly ok: false; readonly error: string; readonly needsMapping?: ExcelMappingNeeded };

export const PARSE_ERRORS = {
  ...WORKBOOK_ERRORS,
  noSheet: `找不到干部名单：没有哪个工作表像“${ROSTER_SHEET}”那样有姓名、性别等列标题`,
  noRows: '没有可导入的数据行',
} as const;

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
const dateText = (d: Date) => (Number.isNaN(d.getTime()) ? '' : `${d.getUTCFullYear()}.${pad2(d.getUTCMonth() + 1)}`);

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

const EMPTY_CELLS: Readonly<Record<ColumnKey, string>> = Object.fromEntries(
  ROSTER_COLUMNS.map((c) => [c.key, '']),
) as Record<ColumnKey, string>;

/** A worksheet as detectLayout reads it. */
const gridOf = (ws: ExcelJS.Worksheet): TextGrid => ({
  name: ws.name,
  rowCount: ws.rowCount,
  columnCount: ws.columnCount,
  text: (r, c) => cellText(ws.getCell(r, c)).text,
});

/** A workbook whose roster sheet and header row were found; rowsOfLayout reads its data with a column mapping. */
export interface LoadedRoster {
  readonly ws: ExcelJS.Worksheet;
  readonly layout: SheetLayout;
}

/** Opens the bytes and finds the roster's sheet and header row; errors are Chinese sentences for the user. */
export async function loadRosterWorkbook(
  bytes: Buffer,
): Promise<{ ok: true; roster: LoadedRoster } | { ok: false; error: string }> {
  const opened = await openWorkbook(bytes);
  if (!opened.ok) return opened;
  const { wb } = opened;
  const layout = detectLayout(wb.worksheets.map(gridOf), ROSTER_SHEET);
  if (!layout) return { ok: false, error: PARSE_ERRORS.noSheet };
  return { ok: true, roster: { ws: wb.worksheets[layout.sheetIndex]!, layout } };
}

/** A column → field mapping chosen by the user (null: 不导入); columns it does not list keep the recognised field. */
export type ColumnMapping = ReadonlyMap<number, FieldKey | null>;

const SAMPLE_COUNT = 3;
const SAMPLE_SCAN_ROWS = 200;

function samplesOf(ws: ExcelJS.Worksheet, layout: SheetLayout, column: number): string[] {
  const out: string[] = [];
  const last = Math.min(ws.rowCount, layout.headerRow + SAMPLE_SCAN_ROWS);
  for (let r = layout.headerRow + 1; r <= last && out.length < SAMPLE_COUNT; r += 1) {
    const t = cellText(ws.getCell(r, column)).text;
    if (t) out.push(t.length > 40 ? `${t.slice(0, 40)}…` : t);
  }
  return out;
}

/** The columns with their samples and the field each is (or is mapped to), for the mapping step. */
export function mappingColumns(roster: LoadedRoster, mapping?: ColumnMapping): ExcelMappingColumn[] {
  return roster.layout.columns.map((c) => ({
    column: c.column,
    letter: columnLetter(c.column),
    header: c.header,
    samples: samplesOf(roster.ws, roster.layout, c.column),
    field: (mapping?.has(c.column) ? mapping.get(c.column) : c.field) ?? null,
  }));
}

/** A row whose filled cells all hold one text: a merged note (制表人、说明) below or between the data. */
const isMergedNote = (values: readonly string[]) => values.length > 1 && values.every((v) => v === values[0]);

/** Reads the data rows with the recognised (or mapped) fields; asks for a mapping when a required field is missing. */
export function rowsOfLayout(roster: LoadedRoster, mapping?: ColumnMapping): ParseResult {
  const { ws, layout } = roster;
  if (mapping) {
    const unknown = [...mapping.keys()].filter((col) => !layout.columns.some((c) => c.column === col));
    if (unknown.length > 0) return { ok: false, error: '列对应关系与文件的列不符，请重新选择文件' };
  }
  const chosen = layout.columns.flatMap((c) => {
    const field = mapping?.has(c.column) ? mapping.get(c.column) : c.field;
    return field ? [{ field, column: c.column }] : [];
  });
  const byField = new Map<FieldKey, number[]>();
  for (const { field, column } of chosen) byField.set(field, [...(byField.get(field) ?? []), column]);
  const missing = missingFields(new Set(byField.keys()));
  if (missing.length > 0) {
    const where = `工作表“${layout.sheetName}”第 ${layout.headerRow} 行`;
    return {
      ok: false,
      error: `缺少必填列：${missing.join('、')}`,
      needsMapping: {
        sheetName: layout.sheetName,
        headerRow: layout.headerRow,
        message: `${where}的列标题中找不到：${missing.join('、')}。请为每一列选择对应的项目。`,
        missing,
        columns: mappingColumns(roster, mapping),
        fields: MAPPING_FIELDS,
      },
    };
  }
  const dup = [...byField].find(([, cols]) => cols.length > 1);
  if (dup) {
    const [key, cols] = dup;
    const where = `${cols.map(columnLetter).join('、')} 列`;
    return { ok: false, error: `列标题“${fieldLabel(key)}”出现了 ${cols.length} 次（${where}），请删除多余的列` };
  }

  const rows: RawRow[] = [];
  let tooMany = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= layout.headerRow || tooMany) return;
    const cells: Record<ColumnKey, string> = { ...EMPTY_CELLS };
    const extra: Partial<Record<ExtraKey, string>> = {};
    const numberCells: ColumnKey[] = [];
    const filled: string[] = [];
    for (const { field, column } of chosen) {
      const t = cellText(row.getCell(column));
      if (!t.text) continue;
      filled.push(t.text);
      if (field === 'unitAndPost' || field === 'politicalStatus') {
        extra[field] = t.text;
        continue;
      }
      cells[field] = t.text;
      if (t.generalNumber) numberCells.push(field);
    }
    if (filled.length === 0 || isMergedNote(filled) || cells.name.normalize('NFKC').startsWith(EXAMPLE_MARK)) return;
    if (rows.length >= MAX_DATA_ROWS) {
      tooMany = true;
      return;
    }
    rows.push({
      rowNumber,
      cells,
      ...(numberCells.length > 0 ? { numberCells } : {}),
      ...(Object.keys(extra).length > 0 ? { extra } : {}),
    });
  });
  if (tooMany) return { ok: false, error: PARSE_ERRORS.tooManyRows };
  if (rows.length === 0) return { ok: false, error: PARSE_ERRORS.noRows };
  const fields = [...byField.keys()];
  return {
    ok: true,
    rows,
    sheetName: layout.sheetName,
    columns: ROSTER_COLUMNS.map((c) => c.key).filter((k) => byField.has(k)),
    fields,
  };
}

/** Parses the bytes of an uploaded .xlsx (with an optional column mapping); errors are Chinese sentences for the user. */
export async function parseRosterWorkbook(bytes: Buffer, mapping?: ColumnMapping): Promise<ParseResult> {
  const loaded = await loadRosterWorkbook(bytes);
  if (!loaded.ok) return loaded;
  return rowsOfLayout(loaded.roster, mapping);
}
