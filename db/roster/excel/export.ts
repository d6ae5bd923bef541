// Exports cadres to a 干部名册 workbook with the template's columns (so an export re-imports cleanly),
// plus the read-only columns 年龄 and 单位类别 at the end (the importer ignores unknown columns).
import ExcelJS from 'exceljs';
import { formatAnnualText } from '../../../shared/roster/annual-results';
import { formatYearMonth } from '../../../shared/roster/dates';
import { POSITION_NAMES, type CadreInput } from '../../../shared/roster/types';
import { EXPORT_EXTRA_HEADERS, ROSTER_COLUMNS, ROSTER_SHEET, type ColumnKey } from './columns';
import { HEADER_FILL, THIN_BORDER, toBuffer, xmlSafe } from './workbook';

export type ExportCadre = CadreInput & {
  readonly unitName: string;
  readonly categoryName: string;
  readonly age: number;
};

const YM = /^\d{4}-\d{2}$/u;

/** A cadre's cells as the template expects them (year-months as 1975.03). */
export function cadreCells(c: ExportCadre): Record<ColumnKey, string> {
  const ym = (v: string) => (YM.test(v) ? formatYearMonth(v) : v);
  return {
    name: c.name,
    gender: c.gender,
    ethnicity: c.ethnicity,
    birthMonth: ym(c.birthMonth),
    nativePlace: c.nativePlace,
    birthPlace: c.birthPlace,
    partyJoin: ym(c.partyJoin),
    workStart: ym(c.workStart),
    health: c.health,
    techTitle: c.techTitle,
    expertise: c.expertise,
    fulltimeEducation: c.fulltimeEducation,
    fulltimeDegree: c.fulltimeDegree,
    fulltimeSchool: c.fulltimeSchool,
    parttimeEducation: c.parttimeEducation,
    parttimeDegree: c.parttimeDegree,
    parttimeSchool: c.parttimeSchool,
    currentPost: c.currentPost,
    postSince: ym(c.postSince),
    rank: c.rank,
    unit: c.unitName,
    position: POSITION_NAMES[c.position],
    idNumber: c.idNumber,
    familiarFields: c.familiarFields,
    traits: c.traits,
    shortcomings: c.shortcomings,
    status: c.status,
    annualResults: formatAnnualText(c.annualResults, c.annualResultsNote),
    resume: c.resume,
    rewards: c.rewards,
  };
}

/** Column headers are the plain labels (no “*”): an export is a roster to read, and the importer accepts both. */
export async function exportRoster(rows: readonly ExportCadre[], opts: { title?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '干部政治素质档案与“双比双评”考核系统';
  const title = opts.title?.trim();
  const headerRow = title ? 2 : 1;
  const ws = wb.addWorksheet(ROSTER_SHEET, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: headerRow }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  const ageWidth = 6;
  const categoryWidth = 14;
  ws.columns = [
    ...ROSTER_COLUMNS.map((c) => ({ key: c.key, width: c.width, ...(c.text ? { style: { numFmt: '@' } } : {}) })),
    { key: 'age', width: ageWidth, style: { numFmt: '0' } },
    { key: 'categoryName', width: categoryWidth },
  ];
  const columnCount = ROSTER_COLUMNS.length + EXPORT_EXTRA_HEADERS.length;

  if (title) {
    ws.mergeCells(1, 1, 1, columnCount);
    const t = ws.getCell(1, 1);
    t.value = xmlSafe(title);
    t.font = { bold: true, size: 16 };
    t.alignment = { horizontal: 'center', vertical: 'middle' };
    ws.getRow(1).height = 32;
  }

  const header = ws.getRow(headerRow);
  [...ROSTER_COLUMNS.map((c) => c.label), ...EXPORT_EXTRA_HEADERS].forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = 30;

  rows.forEach((cadre, i) => {
    const cells = cadreCells(cadre);
    const row = ws.getRow(headerRow + 1 + i);
    ROSTER_COLUMNS.forEach((c, j) => {
      const text = xmlSafe(cells[c.key]);
      if (!text) return;
      const cell = row.getCell(j + 1);
      cell.value = text;
      if (c.key === 'resume' || c.key === 'rewards') cell.alignment = { vertical: 'top', wrapText: true };
    });
    row.getCell(ROSTER_COLUMNS.length + 1).value = cadre.age;
    if (cadre.categoryName) row.getCell(ROSTER_COLUMNS.length + 2).value = xmlSafe(cadre.categoryName);
  });

  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columnCount } };
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  return toBuffer(wb);
}
