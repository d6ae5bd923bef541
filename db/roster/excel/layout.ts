// Finds a roster's sheet and header row by content: any sheet, title rows above the header, two-row headers, and
// headers with line breaks. Works on a text grid so it stays independent of exceljs.
import { createHash } from 'node:crypto';
import { normalizeHeader } from './columns';
import { fieldOfHeader, type FieldKey } from './headers';

/** A sheet as the text Excel shows per cell (a merged cell's text in each of its cells, as exceljs reads it). */
export interface TextGrid {
  readonly name: string;
  readonly rowCount: number;
  readonly columnCount: number;
  text(row: number, column: number): string;
}

export interface HeaderColumn {
  /** 1-based. */
  readonly column: number;
  /** As written, line breaks folded to spaces; a two-row header joins both rows. */
  readonly header: string;
  /** The recognised field, undefined when the header is unknown (序号, 年龄 …). */
  readonly field: FieldKey | undefined;
}

export interface SheetLayout {
  readonly sheetIndex: number;
  readonly sheetName: string;
  /** The last header row: data starts below it. */
  readonly headerRow: number;
  readonly columns: readonly HeaderColumn[];
  /** sha256 of the normalised header list, the key of a remembered mapping. */
  readonly signature: string;
}

/** Header rows are looked for in the first rows (title, 制表单位, date lines may come first). */
const HEADER_SEARCH_ROWS = 20;
/** Wider sheets are not rosters; this bounds the work on hostile files. */
const MAX_COLUMNS = 200;
/** A header row names at least this many known fields; with fewer the user maps the columns. */
const MIN_KNOWN = 2;

const oneLine = (s: string) => s.replace(/\s*\n\s*/gu, ' ').trim();

interface Candidate {
  readonly headerRow: number;
  readonly columns: HeaderColumn[];
  readonly score: number;
}

const scoreOf = (columns: readonly HeaderColumn[]) => new Set(columns.flatMap((c) => (c.field ? [c.field] : []))).size;

function singleRow(g: TextGrid, r: number, width: number): Candidate {
  const columns: HeaderColumn[] = [];
  for (let c = 1; c <= width; c += 1) {
    const header = oneLine(g.text(r, c));
    columns.push({ column: c, header, field: fieldOfHeader(header) });
  }
  return { headerRow: r, columns, score: scoreOf(columns) };
}

/** A header over two rows: a group cell (学历学位, merged across) above its parts (全日制, 在职), or 姓名 merged down. */
function twoRows(g: TextGrid, r: number, width: number): Candidate {
  const columns: HeaderColumn[] = [];
  for (let c = 1; c <= width; c += 1) {
    const top = oneLine(g.text(r, c));
    const bottom = oneLine(g.text(r + 1, c));
    if (!bottom || bottom === top) {
      columns.push({ column: c, header: top, field: fieldOfHeader(top) });
      continue;
    }
    const header = top ? `${top} ${bottom}` : bottom;
    const field = fieldOfHeader(`${bottom}${top}`) ?? fieldOfHeader(`${top}${bottom}`) ?? fieldOfHeader(bottom);
    columns.push({ column: c, header, field });
  }
  return { headerRow: r + 1, columns, score: scoreOf(columns) };
}

function bestIn(g: TextGrid): Candidate | undefined {
  const width = Math.min(g.columnCount, MAX_COLUMNS);
  let best: Candidate | undefined;
  for (let r = 1; r <= Math.min(g.rowCount, HEADER_SEARCH_ROWS); r += 1) {
    const single = singleRow(g, r, width);
    const double = r < g.rowCount ? twoRows(g, r, width) : undefined;
    const pick = double && double.score > single.score ? double : single;
    if (pick.score > (best?.score ?? 0)) best = pick;
  }
  return best;
}

/** A row the user must map: the first row with three different texts that has a filled row below it. */
function unknownHeader(g: TextGrid): Candidate | undefined {
  const width = Math.min(g.columnCount, MAX_COLUMNS);
  for (let r = 1; r < Math.min(g.rowCount, HEADER_SEARCH_ROWS); r += 1) {
    const row = singleRow(g, r, width);
    const distinct = new Set(row.columns.map((c) => c.header).filter(Boolean));
    const below = row.columns.some((c) => g.text(r + 1, c.column) !== '');
    if (distinct.size >= 3 && below) return row;
  }
  return undefined;
}

function trimmed(columns: readonly HeaderColumn[]): HeaderColumn[] {
  let last = columns.length;
  while (last > 0 && !columns[last - 1]!.header) last -= 1;
  return columns.slice(0, last);
}

export const headerSignature = (columns: readonly HeaderColumn[]): string =>
  createHash('sha256')
    .update(columns.map((c) => normalizeHeader(c.header)).join('\u0001'))
    .digest('hex');

/**
 * The sheet and header row naming the most known fields (a sheet named 干部名册 wins ties, then the earlier sheet).
 * When no sheet names enough, the first table-like row of the first such sheet, for the mapping step.
 */
export function detectLayout(sheets: readonly TextGrid[], preferredSheet: string): SheetLayout | undefined {
  let best: (Candidate & { sheetIndex: number }) | undefined;
  const order = sheets
    .map((g, i) => ({ g, i }))
    .sort((a, b) => Number(b.g.name === preferredSheet) - Number(a.g.name === preferredSheet) || a.i - b.i);
  for (const { g, i } of order) {
    const c = bestIn(g);
    if (c && c.score > (best?.score ?? 0)) best = { ...c, sheetIndex: i };
  }
  if (!best || best.score < MIN_KNOWN) {
    best = undefined;
    for (const { g, i } of order) {
      const c = unknownHeader(g);
      if (c) {
        best = { ...c, sheetIndex: i };
        break;
      }
    }
  }
  if (!best) return undefined;
  const columns = trimmed(best.columns);
  return {
    sheetIndex: best.sheetIndex,
    sheetName: sheets[best.sheetIndex]!.name,
    headerRow: best.headerRow,
    columns,
    signature: headerSignature(columns),
  };
}
