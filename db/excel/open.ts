// Opens a workbook a user picked (a roster, a units list, a 填报表, a ballot workbook): refuses .xls, encrypted,
// broken and oversized files by name, checks rows, cells and inflated size while inflating, and only then lets
// exceljs parse it. One door for every .xlsx from outside, so the bounds and messages are the same everywhere.
import ExcelJS from 'exceljs';
import { checkWorkbookBounds, type WorkbookLimits } from './bounds';
import { hasSignature } from '../fs/magic';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_DATA_ROWS = 20_000;
/**
 * Checked while the file is inflated, before exceljs parses it (parse time and memory grow with these). Rows allow
 * for title, header, note and empty formatted rows around the data; a million cells is 20,000 rows of 50 columns.
 */
export const XLSX_LIMITS: WorkbookLimits = {
  rowsPerSheet: MAX_DATA_ROWS + 5_000,
  cells: 1_000_000,
  inflatedBytes: 256 * 1024 * 1024,
};

/** Why a file is not a workbook that can be read, as the user is told. */
export const WORKBOOK_ERRORS = {
  empty: '文件是空的，请选择填写好的 Excel 工作簿（.xlsx）',
  corrupt: '文件已损坏或不是 Excel 工作簿（.xlsx）',
  encrypted: '工作簿设有打开密码，请在 Excel 中取消密码后再导入',
  xls: '这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入',
  ole: '无法读取该文件：如果工作簿设有打开密码，请在 Excel 中取消密码；如果是旧版 .xls 文件，请另存为 .xlsx 后再导入',
  tooLarge: `文件过大（超过 ${MAX_FILE_BYTES / 1024 / 1024} MB），请分批导入`,
  tooManyRows: `数据行过多（超过 ${MAX_DATA_ROWS} 行），请分批导入`,
  tooManyCells: `单元格过多（超过 ${XLSX_LIMITS.cells / 10_000} 万个），请删除无关的工作表或分批导入`,
  inflatedTooLarge: `文件解压后超过 ${XLSX_LIMITS.inflatedBytes / 1024 / 1024} MB，不是正常的 Excel 工作簿，已拒绝读取`,
} as const;

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

/** The Chinese refusal when the package passes a limit while it is inflated (see XLSX_LIMITS), or null. */
export async function boundsError(bytes: Buffer): Promise<string | null> {
  const r = await checkWorkbookBounds(bytes, XLSX_LIMITS);
  if (r === 'ok') return null;
  if (r === 'tooManyRows') return WORKBOOK_ERRORS.tooManyRows;
  if (r === 'tooManyCells') return WORKBOOK_ERRORS.tooManyCells;
  if (r === 'tooLarge') return WORKBOOK_ERRORS.inflatedTooLarge;
  return WORKBOOK_ERRORS.corrupt;
}

/**
 * Opens an uploaded .xlsx; errors are Chinese sentences. `emptyMessage` names what the caller expected (a ballot
 * workbook says 测评票).
 */
export async function openWorkbook(
  bytes: Buffer,
  emptyMessage: string = WORKBOOK_ERRORS.empty,
): Promise<{ ok: true; wb: ExcelJS.Workbook } | { ok: false; error: string }> {
  if (bytes.length === 0) return { ok: false, error: emptyMessage };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: WORKBOOK_ERRORS.tooLarge };
  if (hasSignature(bytes, 'ole')) {
    const kind = oleKind(bytes);
    const error =
      kind === 'encrypted' ? WORKBOOK_ERRORS.encrypted : kind === 'xls' ? WORKBOOK_ERRORS.xls : WORKBOOK_ERRORS.ole;
    return { ok: false, error };
  }
  if (!hasSignature(bytes, 'zip')) return { ok: false, error: WORKBOOK_ERRORS.corrupt };
  const bounds = await boundsError(bytes);
  if (bounds) return { ok: false, error: bounds };

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, {
      // Not needed to read values, and a validation on a whole column (B1:B1048576) would expand to a million entries.
      ignoreNodes: [
        'dataValidations',
        'conditionalFormatting',
        'extLst',
        'hyperlinks',
        'picture',
        'drawing',
        'tableParts',
      ],
    });
  } catch {
    return { ok: false, error: WORKBOOK_ERRORS.corrupt };
  }
  if (wb.worksheets.length === 0) return { ok: false, error: WORKBOOK_ERRORS.corrupt };
  return { ok: true, wb };
}
