// Turns parsed rows into CadreInputs: normalises the text, checks every field, then the whole file
// (duplicate 身份证号, duplicate 姓名+出生年月). Every issue names the row, the column (its Chinese header) and why.
import { readAnnualText } from '../../../shared/roster/annual-results';
import { parseYearMonth, yearMonthOf } from '../../../shared/roster/dates';
import { validateIdNumber } from '../../../shared/roster/idcard';
import { CADRE_FIELD_LABELS, cadreInputSchema } from '../../../shared/roster/schema';
import {
  CADRE_STATUSES,
  GENDERS,
  POSITION_NAMES,
  type AnnualResult,
  type CadreInput,
  type CadreStatus,
  type Gender,
} from '../../../shared/roster/types';
import type { PositionCode } from '../../../shared/catalog/types';
import { COLUMN_BY_KEY, ROSTER_COLUMNS, type ColumnKey } from './columns';
import { looseText } from '../../excel/workbook';
import type { RawRow } from './parse';

export interface RowIssue {
  /** The column's Chinese header (without the required marker), e.g. 出生年月. */
  readonly column: string;
  readonly reason: string;
}

export interface ValidatedRow {
  readonly rowNumber: number;
  /** The row's 姓名 as written (for the issue list), '' when missing. */
  readonly name: string;
  /** Present exactly when the row has no issues. */
  readonly input?: CadreInput;
  readonly issues: readonly RowIssue[];
  /** What was odd but does not stop the row (text kept as written …). */
  readonly warnings: readonly RowIssue[];
}

export interface ValidationResult {
  readonly rows: ValidatedRow[];
  /** Rows without issues. */
  readonly validCount: number;
  /** Rows with at least one issue. */
  readonly errorCount: number;
}

export interface ValidationContext {
  readonly units: readonly { readonly id: number; readonly name: string }[];
  readonly today: Date;
}

const label = (key: ColumnKey) => COLUMN_BY_KEY[key].label;
const FIELD_COLUMN: Readonly<Record<string, string>> = CADRE_FIELD_LABELS;

function unitLookup(units: ValidationContext['units']) {
  const exact = new Map<string, number>();
  for (const u of units) if (!exact.has(u.name.trim())) exact.set(u.name.trim(), u.id);
  const loosened = units.map((u) => ({ name: u.name.trim(), loose: looseText(u.name) }));
  return {
    find: (name: string) => exact.get(name),
    /** The closest unit name: equal but for width/spaces, else one containing the other (nearest in length). */
    suggest(name: string): string | undefined {
      const l = looseText(name);
      if (!l) return undefined;
      const same = loosened.find((u) => u.loose === l);
      if (same) return same.name;
      const near = loosened
        .filter((u) => u.loose.includes(l) || l.includes(u.loose))
        .sort(
          (a, b) =>
            Math.abs(a.loose.length - l.length) - Math.abs(b.loose.length - l.length) ||
            a.name.localeCompare(b.name, 'zh'),
        );
      return near[0]?.name;
    },
  };
}

/** 1975.1 from a General-format number cell: Excel dropped the 0 of 1975.10, or the user meant January. */
const ambiguousNumberMonth = (text: string) => /^\d{4}\.1$/u.test(text);

interface RowDraft {
  readonly rowNumber: number;
  readonly name: string;
  readonly issues: RowIssue[];
  /** The normalised 身份证号 as written (even if invalid), for the duplicate check. */
  readonly idKey: string;
  /** 姓名 + valid 出生年月, for the duplicate check. */
  readonly personKey: string | undefined;
  readonly input: CadreInput | undefined;
  readonly warnings: RowIssue[];
}

function validateRow(row: RawRow, ctx: ValidationContext, units: ReturnType<typeof unitLookup>): RowDraft {
  // parse.ts trims already; rows built elsewhere (tests, other callers) get the same treatment.
  const c = Object.fromEntries(Object.entries(row.cells).map(([k, v]) => [k, String(v ?? '').trim()])) as Record<
    ColumnKey,
    string
  >;
  const issues: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const add = (key: ColumnKey, reason: string) => issues.push({ column: label(key), reason });
  const isNumberCell = (key: ColumnKey) => row.numberCells?.includes(key) ?? false;
  const maxMonth = yearMonthOf(ctx.today);

  // 出生年月 and the other year-months.
  const month = (key: ColumnKey, required: boolean): string | undefined => {
    const text = c[key];
    if (!text) {
      if (required) add(key, `请填写${label(key)}`);
      return required ? undefined : '';
    }
    if (isNumberCell(key) && ambiguousNumberMonth(text)) {
      add(
        key,
        `${label(key)}“${text}”有歧义：Excel 把它当作数字保存，无法区分 ${text}0（10 月）和 ${text.replace('.1', '.01')}（1 月），` +
          `请把该列设为文本格式后写作 ${text}0 或 ${text.replace('.1', '.01')}`,
      );
      return undefined;
    }
    const parsed = parseYearMonth(text, label(key), { max: maxMonth });
    if (!parsed.ok) {
      add(key, parsed.reason);
      return undefined;
    }
    return parsed.value;
  };
  const birthMonth = month('birthMonth', true);
  const workStart = month('workStart', false);
  const postSince = month('postSince', false);

  // 入党时间: a year-month when it looks like one, else free text (a 民主党派's name).
  let partyJoin: string | undefined = c.partyJoin;
  if (/^\d/u.test(c.partyJoin)) partyJoin = month('partyJoin', false);
  for (const [key, value] of [
    ['partyJoin', partyJoin],
    ['postSince', postSince],
  ] as const) {
    if (birthMonth && value && /^\d{4}-\d{2}$/u.test(value) && value < birthMonth)
      add(key, `${label(key)}不能早于出生年月`);
  }

  let gender: Gender | undefined;
  if (!c.gender) add('gender', '请填写性别');
  else if ((GENDERS as readonly string[]).includes(c.gender)) gender = c.gender as Gender;
  else add('gender', `性别应为“男”或“女”，不能填“${c.gender}”`);

  let position: PositionCode | undefined;
  if (!c.position) add('position', '请填写正职/副职');
  else if (c.position === POSITION_NAMES.chief) position = 'chief';
  else if (c.position === POSITION_NAMES.deputy) position = 'deputy';
  else add('position', `正职/副职应填“正职”或“副职”，不能填“${c.position}”`);

  let unitId: number | undefined;
  if (!c.unit) add('unit', '请填写单位');
  else {
    unitId = units.find(c.unit);
    if (unitId === undefined) {
      const near = units.suggest(c.unit);
      add('unit', `单位“${c.unit}”不存在，请先在单位管理中添加${near ? `（是否为“${near}”？）` : ''}`);
    }
  }

  let status: CadreStatus | undefined = '在职';
  if (c.status) {
    status = (CADRE_STATUSES as readonly string[]).includes(c.status) ? (c.status as CadreStatus) : undefined;
    if (!status) add('status', `状态应为${CADRE_STATUSES.join('、')}之一，不能填“${c.status}”`);
  }

  // 年度考核结果: the years read become results; text that cannot be read is kept verbatim in annualResultsNote and
  // does not block the row (rows have no warning level: the kept text is shown on the profile and exported again).
  let annualResults: AnnualResult[] | undefined = [];
  let annualResultsNote = '';
  if (c.annualResults) {
    const annual = readAnnualText(c.annualResults);
    const seen = new Map<number, string>();
    for (const r of annual.entries) {
      const before = seen.get(r.year);
      if (before !== undefined && before !== r.result) {
        add('annualResults', `${r.year} 年度的考核结果重复（“${before}”和“${r.result}”）`);
        annualResults = undefined;
      } else if (r.year > ctx.today.getFullYear()) {
        add('annualResults', `年度考核结果中的 ${r.year} 年度晚于当前年份`);
        annualResults = undefined;
      }
      seen.set(r.year, r.result);
    }
    if (annualResults) annualResults = annual.results;
    annualResultsNote = annual.note;
    if (annual.note) {
      warnings.push({
        column: label('annualResults'),
        reason: `“${annual.note}”无法读作某年度的考核结果，已原样保留在“年度考核结果（原文）”中`,
      });
    }
  }

  const idNumber = c.idNumber.replace(/\s+/gu, '').toUpperCase();
  let idOk = true;
  if (idNumber) {
    const id = validateIdNumber(idNumber, ctx.today);
    if (!id.ok) {
      idOk = false;
      const lostDigits = (isNumberCell('idNumber') && /^\d{16,}$/u.test(idNumber)) || /E\+/iu.test(idNumber);
      add(
        'idNumber',
        lostDigits
          ? `${id.reason}；身份证号被 Excel 当作数字保存，后几位已丢失，请把该列设为文本格式后重新填写`
          : id.reason,
      );
    } else if (birthMonth && gender) {
      if (id.birthDate.slice(0, 7) !== birthMonth) {
        idOk = false;
        add('idNumber', `身份证号中的出生日期（${id.birthDate.slice(0, 7)}）与出生年月（${birthMonth}）不一致`);
      } else if (id.gender !== gender) {
        idOk = false;
        add('idNumber', `身份证号显示性别为“${id.gender}”，与所填性别不一致`);
      }
    }
  }

  const candidate = {
    name: c.name,
    gender: gender ?? '',
    ethnicity: c.ethnicity,
    birthMonth: birthMonth ?? '',
    nativePlace: c.nativePlace,
    birthPlace: c.birthPlace,
    partyJoin: partyJoin ?? '',
    workStart: workStart ?? '',
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
    postSince: postSince ?? '',
    rank: c.rank,
    unitId: unitId ?? 0,
    position: position ?? '',
    resume: c.resume,
    rewards: c.rewards,
    idNumber: idOk ? idNumber : '',
    familiarFields: c.familiarFields,
    traits: c.traits,
    shortcomings: c.shortcomings,
    status: status ?? '',
    annualResults: annualResults ?? [],
    annualResultsNote,
    family: [],
  };
  // The schema catches what the steps above do not (required texts, lengths, 参加工作时间 before birth …);
  // a column that already has an issue keeps only the first, more specific one.
  const flagged = new Set(issues.map((i) => i.column));
  const parsed = cadreInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      const column = FIELD_COLUMN[String(zi.path[0] ?? '')] ?? '（整行）';
      if (flagged.has(column) || issues.some((i) => i.column === column && i.reason === zi.message)) continue;
      issues.push({ column, reason: zi.message });
    }
  }

  const name = c.name;
  return {
    rowNumber: row.rowNumber,
    name,
    issues,
    idKey: idNumber,
    personKey: name && birthMonth ? `${name}\u0000${birthMonth}` : undefined,
    input: issues.length === 0 && parsed.success ? (parsed.data as CadreInput) : undefined,
    warnings,
  };
}

const COLUMN_ORDER = new Map(ROSTER_COLUMNS.map((c, i) => [c.label, i]));
const columnOrder = (column: string) => COLUMN_ORDER.get(column) ?? ROSTER_COLUMNS.length;

const rowList = (rows: readonly number[]) => rows.map((n) => `第 ${n} 行`).join('、');

/** Validates every row, then the file as a whole (duplicates). `today` bounds dates ("not in the future"). */
export function validateRosterRows(rows: readonly RawRow[], ctx: ValidationContext): ValidationResult {
  const units = unitLookup(ctx.units);
  const drafts = rows.map((r) => validateRow(r, ctx, units));

  // The same 身份证号 on several rows: an issue on each, naming the others.
  const byId = new Map<string, RowDraft[]>();
  for (const d of drafts) if (d.idKey) byId.set(d.idKey, [...(byId.get(d.idKey) ?? []), d]);
  for (const group of byId.values()) {
    if (group.length < 2) continue;
    for (const d of group) {
      const others = group.filter((o) => o !== d).map((o) => o.rowNumber);
      d.issues.push({ column: label('idNumber'), reason: `与${rowList(others)}身份证号重复` });
    }
  }

  // The same 姓名 + 出生年月 where at least one of the two rows has no 身份证号: possibly one person twice.
  // (Two rows with different 身份证号 are different people who share a name and birth month.)
  const byPerson = new Map<string, RowDraft[]>();
  for (const d of drafts) if (d.personKey) byPerson.set(d.personKey, [...(byPerson.get(d.personKey) ?? []), d]);
  for (const group of byPerson.values()) {
    if (group.length < 2) continue;
    for (const d of group) {
      const others = group.filter((o) => o !== d && (!o.idKey || !d.idKey)).map((o) => o.rowNumber);
      if (others.length === 0) continue;
      d.issues.push({
        column: label('name'),
        reason: `与${rowList(others)}姓名、出生年月相同，可能是同一人；请核实后删除重复行，或为这些行都填写身份证号`,
      });
    }
  }

  const result = drafts.map<ValidatedRow>((d) =>
    d.issues.length === 0 && d.input
      ? { rowNumber: d.rowNumber, name: d.name, input: d.input, issues: [], warnings: d.warnings }
      : {
          rowNumber: d.rowNumber,
          name: d.name,
          issues: [...d.issues].sort((a, b) => columnOrder(a.column) - columnOrder(b.column)),
          warnings: d.warnings,
        },
  );
  const validCount = result.filter((r) => r.input).length;
  return { rows: result, validCount, errorCount: result.length - validCount };
}
