// Reads a returned 填报表: its identity (hidden sheet) and every row of 材料 with its problems by column. Knows
// nothing about the store: the caller passes the catalog, the unit's cadres and the files that came with it.
import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import type { EntryCommonInput } from '../../shared/dossier/schema';
import { MAX_CONTENT, MAX_TITLE } from '../../shared/dossier/schema';
import { isCalendarDate, quarterLabel, quarterRange } from '../../shared/dossier/quarter';
import { checkEntry } from '../../shared/dossier/validate';
import type { EntryPolarity } from '../../shared/dossier/types';
import { INTAKE_COLUMNS, type IntakeColumn, type IntakeProblem } from '../../shared/intake/types';
import type { DossierCatalog } from '../dossier';
import type { CheckedAttachment } from '../dossier';
import type { IntakeCandidate } from '../../shared/intake/types';
import type { IntakeChannel } from '../../shared/intake/channels';
import { looseText } from '../excel/workbook';
import type { CadreMatch } from './match';
import { cellText } from '../roster';
import {
  ATTACHMENT_SEPARATOR,
  FIRST_DATA_ROW,
  INFO_KEYS,
  INFO_SHEET,
  MATERIALS_SHEET,
  MAX_INTAKE_ROWS,
  POLARITY_TEXT,
  codeOfLabel,
} from './layout';
import { nameKey, type PackageFile } from './read-package';

export interface PackageIdentity {
  readonly storeId: string;
  readonly unitId: number;
  readonly unitName: string;
  readonly quarter: string;
  readonly version: number;
  readonly serial: string;
  /** '' on a unit's package. */
  readonly channel: string;
}

/** A 党校 row's result, filed in the training classes at 采纳. */
export interface TrainingFacts {
  readonly className: string;
  readonly organizer: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly hours: number;
  readonly result: 'excellent' | 'qualified' | 'retake';
}

export interface ParsedIntakeRow {
  readonly rowNo: number;
  readonly cadreText: string;
  readonly cadreId: number | null;
  readonly entry: EntryCommonInput | null;
  readonly dateText: string;
  readonly title: string;
  readonly attachmentNames: readonly string[];
  readonly files: readonly CheckedAttachment[];
  readonly problems: readonly IntakeProblem[];
  readonly fingerprint: string;
  /** Same-name cadres to pick from when the row does not name one for sure (channels only). */
  readonly candidates: readonly IntakeCandidate[];
  readonly training: TrainingFacts | null;
}

/** Where a sheet's cells are and how its rows name their cadre. */
export interface SheetLayout {
  readonly columns: readonly IntakeColumn[];
  readonly cadre: (text: (c: IntakeColumn) => string) => { readonly text: string; readonly match: CadreMatch };
  /** The column a cadre problem is shown under. */
  readonly cadreColumn: IntakeColumn;
  readonly channel: IntakeChannel | null;
  /** Why a sub-item does not belong on this sheet (a channel's list keeps to its part of the catalog). */
  readonly subItemProblem?: (code: string) => string | null;
}

export interface IntakeFacts {
  readonly quarter: string;
  readonly today: string;
  readonly catalog: DossierCatalog;
  readonly layout: SheetLayout;
  readonly birthMonths: ReadonlyMap<number, string>;
  readonly files: ReadonlyMap<string, PackageFile> | null;
}

/** A unit's sheet: the 干部 drop-down's label (or a name unique in the unit). */
export function unitLayout(cadres: ReadonlyMap<string, number>): SheetLayout {
  return {
    columns: INTAKE_COLUMNS,
    cadreColumn: '干部',
    channel: null,
    cadre: (text) => {
      const t = text('干部');
      const id = t === '' ? null : (cadres.get(looseText(t)) ?? null);
      const problem = t === '' ? '请选择干部' : id === null ? `“${t}”不是本单位的在职干部，请从下拉列表中选择` : null;
      return { text: t, match: { cadreId: id, candidates: [], problem } };
    },
  };
}

/** The identity sheet's values, or null when the workbook has none (not a 填报表 of this app). */
export function readIdentity(wb: ExcelJS.Workbook): PackageIdentity | null {
  const ws = wb.getWorksheet(INFO_SHEET);
  if (!ws) return null;
  const v = new Map<string, string>();
  for (let r = 1; r <= INFO_KEYS.length; r++) v.set(cellText(ws.getCell(r, 1)).text, cellText(ws.getCell(r, 2)).text);
  const get = (k: (typeof INFO_KEYS)[number]) => v.get(k) ?? '';
  return {
    storeId: get('档案库标识'),
    unitId: Number(get('单位编号')),
    unitName: get('单位名称'),
    quarter: get('季度'),
    version: Number(get('模板版本')),
    serial: get('序列号'),
    channel: get('渠道'),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date cell as YYYY-MM-DD: an Excel date, or text written 2025-08-14, 2025/8/14, 2025.8.14 or 2025年8月14日. */
export function dateOf(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date)
    return Number.isNaN(v.getTime())
      ? ''
      : `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
  const t = cellText(cell).text;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(t);
  return m ? `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}` : t;
}

const FIELD_COLUMN: Readonly<Record<string, IntakeColumn>> = {
  date: '日期',
  subItemCode: '子项',
  channelCode: '来源/渠道',
  standardCodes: '评价标准',
  listItemCode: '正负面清单项',
  title: '标题',
  content: '内容',
  polarity: '性质',
};

const POLARITY_BY_TEXT: ReadonlyMap<string, EntryPolarity> = new Map(
  Object.entries(POLARITY_TEXT).map(([k, v]) => [v, k as EntryPolarity]),
);

/** A cell reader of one row of the layout: the cell by column header and its text. */
export function rowCells(ws: ExcelJS.Worksheet, r: number, layout: SheetLayout) {
  const cell = (c: IntakeColumn) => ws.getCell(r, layout.columns.indexOf(c) + 1);
  const text = (c: IntakeColumn) => (layout.columns.includes(c) ? cellText(cell(c)).text : '');
  return { cell, text, values: layout.columns.map((c) => text(c)) };
}

function readRow(ws: ExcelJS.Worksheet, r: number, facts: IntakeFacts): ParsedIntakeRow | null {
  const { cell, text, values } = rowCells(ws, r, facts.layout);
  if (values.every((v) => v === '')) return null;
  const problems: IntakeProblem[] = [];
  const error = (column: IntakeColumn | null, message: string) => problems.push({ column, level: 'error', message });

  const who = facts.layout.cadre(text);
  const cadreText = who.text;
  const cadreId = who.match.cadreId;
  if (who.match.problem) error(facts.layout.cadreColumn, who.match.problem);

  const date = dateOf(cell('日期'));
  if (date === '') error('日期', '请填写日期');
  else if (!/^\d{4}-\d{2}-\d{2}$/u.test(date) || !isCalendarDate(date))
    error('日期', `“${date}”不是有效的日期，请写成 2025-08-14`);

  const subText = text('子项');
  if (subText === '') error('子项', '请选择子项');
  else {
    const outside = facts.layout.subItemProblem?.(codeOfLabel(subText));
    if (outside) error('子项', outside);
  }
  const polarityText = text('性质');
  const polarity = POLARITY_BY_TEXT.get(polarityText);
  if (!polarity) error('性质', polarityText === '' ? '请选择性质' : `性质“${polarityText}”应为正面、负面或中性`);
  const standards = text('评价标准')
    .split(/[；;、,，\n]/u)
    .map(codeOfLabel)
    .filter((c) => c !== '');
  if (new Set(standards).size !== standards.length) error('评价标准', '评价标准有重复');
  const listText = text('正负面清单项');
  const title = text('标题');
  const content = text('内容');
  if (title === '') error('标题', '请填写标题');
  else if (title.length > MAX_TITLE) error('标题', `标题不能超过 ${MAX_TITLE} 个字（现有 ${title.length} 个字）`);
  if (content.length > MAX_CONTENT) error('内容', `内容不能超过 ${MAX_CONTENT} 个字`);
  const channelText = text('来源/渠道');
  if (channelText === '') error('来源/渠道', '请选择来源/渠道');

  const attachmentNames = text('附件文件名')
    .split(ATTACHMENT_SEPARATOR)
    .map((n) => n.trim())
    .filter((n) => n !== '');
  const files: CheckedAttachment[] = [];
  for (const name of attachmentNames) {
    const got = facts.files?.get(nameKey(name));
    if (!facts.files) error('附件文件名', `附件“${name}”没有随表交回：有附件时请把填报表和附件一起压缩成 .zip 交回`);
    else if (!got) error('附件文件名', `压缩包中没有附件“${name}”`);
    else if (!got.ok) error('附件文件名', got.problem);
    else files.push(got.file);
  }

  let entry: EntryCommonInput | null = null;
  if (problems.length === 0 && polarity) {
    entry = {
      date,
      subItemCode: codeOfLabel(subText),
      channelCode: codeOfLabel(channelText),
      title,
      content,
      polarity,
      standardCodes: standards,
      listItemCode: listText === '' ? null : codeOfLabel(listText),
    };
    const issue = checkEntry(entry, {
      catalog: facts.catalog,
      today: facts.today,
      birthMonth: (cadreId !== null && facts.birthMonths.get(cadreId)) || null,
    });
    if (issue) {
      error(FIELD_COLUMN[issue.field] ?? null, issue.message);
      entry = null;
    } else {
      const [first, last] = quarterRange(facts.quarter);
      if (date < first || date > last)
        problems.push({
          column: '日期',
          level: 'warning',
          message: `日期 ${date} 不在${quarterLabel(facts.quarter)}内（${first} 至 ${last}）`,
        });
    }
  }
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([cadreId, values.slice(0, -1), date, files.map((f) => f.sha256)]))
    .digest('hex');
  return {
    rowNo: r,
    cadreText,
    cadreId,
    entry,
    dateText: date,
    title,
    attachmentNames,
    files,
    problems,
    fingerprint,
    candidates: who.match.candidates,
    training: null,
  };
}

export type RowReader = (ws: ExcelJS.Worksheet, r: number, facts: IntakeFacts) => ParsedIntakeRow | null;

/** Every non-empty row of the 材料 sheet, with problems; a Chinese refusal when the sheet is missing or too long. */
export function readIntakeRows(
  wb: ExcelJS.Workbook,
  facts: IntakeFacts,
  read: RowReader = readRow,
): { ok: true; rows: ParsedIntakeRow[] } | { ok: false; error: string } {
  const ws = wb.getWorksheet(MATERIALS_SHEET);
  if (!ws) return { ok: false, error: `填报表中缺少“${MATERIALS_SHEET}”工作表，请使用下发的填报表填写` };
  const rows: ParsedIntakeRow[] = [];
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
    const row = read(ws, r, facts);
    if (row) rows.push(row);
    if (rows.length > MAX_INTAKE_ROWS)
      return { ok: false, error: `材料超过 ${MAX_INTAKE_ROWS} 条，请拆分成几份填报表交回` };
  }
  return { ok: true, rows };
}
