// Reads a filled ballot workbook: checks it belongs to this assessment, then each group sheet's sections row by row
// into ballots, and every problem with its sheet, row and column. Knows nothing about the store.
import type ExcelJS from 'exceljs';
import { groupsOf } from '../../../shared/assessment/groups';
import type {
  AssessmentMember,
  BallotImportIssue,
  BallotImportSheet,
  GroupRef,
} from '../../../shared/assessment/types';
import { STAFF_GRADE_LABELS } from '../../../shared/assessment/types';
import type { Component, RankingConfig, StaffGrade } from '../../../shared/scoring/types';
import { columnLetter, looseText } from '../../excel/workbook';
import { openWorkbook } from '../../excel/open';
import { cellText } from '../../roster';
import { yieldToEventLoop } from '../../app/jobs';
import { COMMENT_MAX_LENGTH } from '../../../shared/assessment/comments';
import { excellentCapBreach, excellentCapMessage } from '../../../shared/assessment/excellent-cap';
import {
  BALLOT_TEMPLATE_VERSION,
  CODE_LABEL,
  COMMENT_HEADER,
  FORM_HEADER,
  FORM_MARKERS,
  TARGET_HEADER,
  type FormSection,
  GUIDE_SHEET,
  INFO_SHEET,
  LEADER_HEADER,
  LISTS_SHEET,
  SECTION_MARKERS,
  memberLabels,
  parseSheetCode,
} from './layout';
import { STAFF_GRADES } from './template';

export interface ImportAssessment {
  readonly id: number;
  readonly name: string;
  readonly config: RankingConfig;
  readonly members: readonly AssessmentMember[];
  readonly indicatorNames: Readonly<Record<string, string>>;
}

export interface SheetBallots {
  superior: { raterLabel: string; group: GroupRef; order: number[] }[];
  peer: { raterId: number; targetId: number; scores: Record<string, number> }[];
  staff: ({ targetId: number } & Record<StaffGrade, number>)[];
  service: { targetId: number; scores: number[] }[];
  /** Staff forms over the 优秀 cap (逐票 section): 无效, not counted; listed in `voided`. */
  staffVoided: number;
  /** 意见建议 by cadre, as trimmed text. */
  comments: { targetId: number; comment: string }[];
}

/** A group sheet as read: its summary, the group it was made for, and its ballots (kept by the service, not shown). */
export type ParsedBallotSheet = BallotImportSheet & {
  ref: GroupRef;
  ballots: SheetBallots;
  voided: BallotImportIssue[];
};

export type BallotParseResult =
  | {
      ok: true;
      sheets: ParsedBallotSheet[];
      issues: BallotImportIssue[];
      /** Forms read without a problem but 无效 by rule (the 优秀 cap): listed, imported as a count of voided forms. */
      voided: BallotImportIssue[];
      ignored: string[];
    }
  | { ok: false; error: string };

export const BALLOT_FILE_ERRORS = {
  empty: '文件是空的，请选择填写好的测评票（.xlsx）',
  notTemplate: `这不是本系统下载的测评票模板（缺少“${INFO_SHEET}”工作表），请先在本考核中下载测评票模板，填写后再导入`,
  version: '测评票模板的版本与本系统不符，请重新下载测评票模板后填写',
  noSheets: '工作簿中没有可导入的分组工作表',
} as const;

type Section = Component | FormSection;
const KIND_BY_MARKER = new Map<string, Section>([
  ...Object.entries(SECTION_MARKERS).map(([k, v]): [string, Section] => [looseText(v), k as Component]),
  ...Object.entries(FORM_MARKERS).map(([k, v]): [string, Section] => [looseText(v), k as FormSection]),
]);
const GRADE_BY_LABEL = new Map(STAFF_GRADES.map((g) => [STAFF_GRADE_LABELS[g], g]));
const MAX_LEADER = 30;

type Cells = (col: number) => string;

class SheetReader {
  readonly issues: BallotImportIssue[] = [];
  readonly ballots: SheetBallots = { superior: [], peer: [], staff: [], service: [], staffVoided: 0, comments: [] };
  readonly voided: BallotImportIssue[] = [];
  /** Votes of the 逐票 forms per cadre, added to the tallies at the end. */
  private readonly formVotes = new Map<number, Record<StaffGrade, number>>();
  private readonly badRows = new Set<number>();
  private okRows = 0;
  private readonly byLabel: Map<string, AssessmentMember>;
  private readonly labelOf: Map<number, string>;

  constructor(
    private readonly sheet: string,
    private readonly group: GroupRef,
    private readonly members: readonly AssessmentMember[],
    private readonly a: ImportAssessment,
  ) {
    this.labelOf = memberLabels(members);
    this.byLabel = new Map(members.map((m) => [looseText(this.labelOf.get(m.cadreId)!), m]));
  }

  issue(row: number, column: string, message: string): void {
    this.issues.push({ sheet: this.sheet, row, column, message });
    if (row > 0) this.badRows.add(row);
  }

  /** `label` is the column's header; the issue names it with its letter, as Excel shows both. */
  private at = (col: number, header: string) => `${header}（${columnLetter(col)} 列）`;

  private cadre(row: number, col: number, header: string, text: string): AssessmentMember | null {
    const m = this.byLabel.get(looseText(text));
    if (!m) this.issue(row, this.at(col, header), `“${text}”不是本组（${this.groupName()}）的干部`);
    return m ?? null;
  }

  groupName(): string {
    const m = this.members[0];
    return m ? (m.position === 'chief' ? `正职·${m.categoryName}` : `副职·${m.unitName}`) : this.group;
  }

  private score(row: number, col: number, header: string, text: string): number | null {
    const x = Number(text.replace(/分$/u, ''));
    if (text === '' || !Number.isFinite(x)) {
      this.issue(row, this.at(col, header), text === '' ? '未填写分数' : `“${text}”不是数字`);
      return null;
    }
    if (x < 0 || x > 100) {
      this.issue(row, this.at(col, header), `分数 ${text} 超出 0–100`);
      return null;
    }
    return x;
  }

  private counted(row: number): void {
    if (!this.badRows.has(row)) this.okRows += 1;
  }

  superiorRow(
    row: number,
    cells: Cells,
    places: readonly { col: number; header: string }[],
    seen: Map<string, number>,
  ): void {
    const leader = cells(1);
    const texts = places.map((p) => cells(p.col));
    if (!leader && texts.every((t) => !t)) return;
    if (!leader) this.issue(row, this.at(1, LEADER_HEADER), '请填写上级领导的职务或姓名');
    else if ([...leader].length > MAX_LEADER)
      this.issue(row, this.at(1, LEADER_HEADER), `上级领导不能超过 ${MAX_LEADER} 个字`);
    const first = leader ? seen.get(looseText(leader)) : undefined;
    if (leader && first !== undefined)
      this.issue(
        row,
        this.at(1, LEADER_HEADER),
        `领导“${leader}”对本组的排名已在第 ${first} 行填写，同一张票不能填写两次`,
      );
    if (leader && first === undefined) seen.set(looseText(leader), row);
    const order: number[] = [];
    const placed = new Set<number>();
    const issuesBefore = this.issues.length;
    places.forEach((p, i) => {
      const t = texts[i]!;
      if (!t) return;
      const m = this.cadre(row, p.col, p.header, t);
      if (!m) return;
      if (placed.has(m.cadreId)) this.issue(row, this.at(p.col, p.header), `“${t}”在排名中重复出现`);
      placed.add(m.cadreId);
      order.push(m.cadreId);
    });
    const missing = this.members.filter((m) => !placed.has(m.cadreId));
    // A wrong or repeated name already explains the gap it leaves; name the missing cadres only otherwise.
    if (missing.length > 0 && this.issues.length === issuesBefore) {
      this.issue(
        row,
        '名次',
        `排名不完整：缺少${missing.map((m) => `“${this.labelOf.get(m.cadreId)}”`).join('、')}，本组 ${this.members.length} 人须全部排出名次`,
      );
    }
    if (!this.badRows.has(row)) this.ballots.superior.push({ raterLabel: leader, group: this.group, order });
    this.counted(row);
  }

  peerRow(
    row: number,
    cells: Cells,
    indicators: readonly { id: string; col: number; header: string }[],
    seen: Map<string, number>,
  ): void {
    const texts = indicators.map((i) => cells(i.col));
    if (texts.every((t) => !t)) return;
    const raterText = cells(1);
    const targetText = cells(2);
    const rater = raterText
      ? this.cadre(row, 1, '评价人', raterText)
      : (this.issue(row, this.at(1, '评价人'), '请选择评价人'), null);
    const target = targetText
      ? this.cadre(row, 2, '被评价人', targetText)
      : (this.issue(row, this.at(2, '被评价人'), '请选择被评价人'), null);
    if (rater && target && rater.cadreId === target.cadreId)
      this.issue(row, this.at(2, '被评价人'), `评价人“${raterText}”不能给本人打分`);
    if (rater && target) {
      const key = `${rater.cadreId}>${target.cadreId}`;
      const first = seen.get(key);
      if (first !== undefined)
        this.issue(
          row,
          this.at(2, '被评价人'),
          `“${raterText}”对“${targetText}”的互评已在第 ${first} 行填写，同一张票不能填写两次`,
        );
      else seen.set(key, row);
    }
    const scores: Record<string, number> = {};
    indicators.forEach((ind, i) => {
      const x = this.score(row, ind.col, ind.header, texts[i]!);
      if (x !== null) scores[ind.id] = x;
    });
    if (!this.badRows.has(row) && rater && target)
      this.ballots.peer.push({ raterId: rater.cadreId, targetId: target.cadreId, scores });
    this.counted(row);
  }

  staffRow(
    row: number,
    cells: Cells,
    grades: readonly { grade: StaffGrade; col: number; header: string }[],
    seen: Map<number, number>,
  ): void {
    const texts = grades.map((g) => cells(g.col));
    if (texts.every((t) => !t)) return;
    const targetText = cells(1);
    const target = targetText
      ? this.cadre(row, 1, '被测评干部', targetText)
      : (this.issue(row, this.at(1, '被测评干部'), '请选择被测评干部'), null);
    if (target) {
      const first = seen.get(target.cadreId);
      if (first !== undefined)
        this.issue(row, this.at(1, '被测评干部'), `“${targetText}”的职工测评票数已在第 ${first} 行填写，不能填写两次`);
      else seen.set(target.cadreId, row);
    }
    const counts: Record<StaffGrade, number> = { excellent: 0, good: 0, fair: 0, poor: 0 };
    grades.forEach((g, i) => {
      const t = texts[i]!;
      if (!t) return;
      const n = Number(t.replace(/票$/u, ''));
      if (!Number.isInteger(n) || n < 0) this.issue(row, this.at(g.col, g.header), `票数“${t}”必须是 0 或正整数`);
      else if (n > 100_000) this.issue(row, this.at(g.col, g.header), `票数 ${t} 过大`);
      else counts[g.grade] = n;
    });
    if (!this.badRows.has(row) && target) this.ballots.staff.push({ targetId: target.cadreId, ...counts });
    this.counted(row);
  }

  serviceRow(
    row: number,
    cells: Cells,
    columns: readonly { col: number; header: string }[],
    seen: Map<number, number>,
  ): void {
    const texts = columns.map((c) => cells(c.col));
    if (texts.every((t) => !t)) return;
    const targetText = cells(1);
    const target = targetText
      ? this.cadre(row, 1, '被评价人', targetText)
      : (this.issue(row, this.at(1, '被评价人'), '请选择被评价干部'), null);
    if (target) {
      const first = seen.get(target.cadreId);
      if (first !== undefined)
        this.issue(row, this.at(1, '被评价人'), `“${targetText}”的服务对象评分已在第 ${first} 行填写，不能填写两次`);
      else seen.set(target.cadreId, row);
    }
    const scores: number[] = [];
    columns.forEach((c, i) => {
      const t = texts[i]!;
      if (!t) return;
      const x = this.score(row, c.col, c.header, t);
      if (x !== null) scores.push(x);
    });
    if (!this.badRows.has(row) && target) this.ballots.service.push({ targetId: target.cadreId, scores });
    this.counted(row);
  }

  /** One staff form: a grade for every cadre of the group; over the 优秀 cap it is 无效 and only counted as such. */
  staffFormRow(
    row: number,
    cells: Cells,
    columns: readonly { col: number; header: string; m: AssessmentMember }[],
  ): void {
    const texts = columns.map((c) => cells(c.col));
    if (texts.every((t) => !t)) return;
    const grades: StaffGrade[] = [];
    const missing: string[] = [];
    columns.forEach((c, i) => {
      const t = texts[i]!;
      if (!t) return void missing.push(`“${c.header}”`);
      const g = GRADE_BY_LABEL.get(looseText(t));
      if (!g) this.issue(row, this.at(c.col, c.header), `“${t}”不是优秀、较好、一般、较差之一`);
      else grades.push(g);
    });
    if (missing.length > 0) this.issue(row, '评价等次', `本票缺少${missing.join('、')}的评价等次`);
    if (!this.badRows.has(row)) {
      const breach = excellentCapBreach(grades, this.a.config.staffExcellentCap);
      if (breach) {
        this.ballots.staffVoided += 1;
        this.voided.push({
          sheet: this.sheet,
          row,
          column: FORM_HEADER,
          message: `${excellentCapMessage(breach)}，不计入（${cells(1) || `第 ${row} 行`}）`,
        });
      } else
        columns.forEach((c, i) => {
          const counts = this.formVotes.get(c.m.cadreId) ?? { excellent: 0, good: 0, fair: 0, poor: 0 };
          counts[grades[i]!] += 1;
          this.formVotes.set(c.m.cadreId, counts);
        });
    }
    this.counted(row);
  }

  commentRow(row: number, cells: Cells, col: number): void {
    const text = cells(col).trim();
    const targetText = cells(1);
    if (!text && !targetText) return;
    if (!text) return void this.issue(row, this.at(col, COMMENT_HEADER), '请填写意见建议，或删除本行');
    const target = targetText
      ? this.cadre(row, 1, TARGET_HEADER, targetText)
      : (this.issue(row, this.at(1, TARGET_HEADER), '请选择意见建议针对的干部'), null);
    if ([...text].length > COMMENT_MAX_LENGTH)
      this.issue(row, this.at(col, COMMENT_HEADER), `意见建议不能超过 ${COMMENT_MAX_LENGTH} 个字`);
    if (!this.badRows.has(row) && target) this.ballots.comments.push({ targetId: target.cadreId, comment: text });
    this.counted(row);
  }

  /** The 逐票 forms' votes join the tallies of the sheet (one Excel tally per cadre). */
  private mergeFormVotes(): void {
    for (const [targetId, v] of this.formVotes) {
      const t = this.ballots.staff.find((s) => s.targetId === targetId);
      if (t) for (const g of STAFF_GRADES) t[g] += v[g];
      else this.ballots.staff.push({ targetId, ...v });
    }
    this.formVotes.clear();
  }

  summary(): ParsedBallotSheet {
    this.mergeFormVotes();
    return {
      voided: this.voided,
      sheet: this.sheet,
      group: this.groupName(),
      superior: this.ballots.superior.length,
      peer: this.ballots.peer.length,
      staff: this.ballots.staff.length,
      service: this.ballots.service.reduce((n, s) => n + s.scores.length, 0),
      rowsOk: this.okRows,
      rowsWithIssues: this.badRows.size,
      ref: this.group,
      ballots: this.ballots,
    };
  }

  /** Reads every section of the sheet (a section runs from its marker row to the next marker). */
  read(ws: ExcelJS.Worksheet): void {
    const text = (r: number, c: number) => cellText(ws.getCell(r, c)).text;
    let kind: Section | null = null;
    let headerRow = 0;
    let reader: ((row: number, cells: Cells) => void) | null = null;
    const position = this.members[0]?.position ?? 'chief';
    const last = ws.rowCount;
    for (let r = 3; r <= last; r++) {
      const a = text(r, 1);
      const k = KIND_BY_MARKER.get(looseText(a));
      if (k) {
        kind = k;
        headerRow = 0;
        reader = null;
        continue;
      }
      if (!kind) continue;
      const row = ws.getRow(r);
      if (row.cellCount === 0 || !row.hasValues) continue;
      const cells: Cells = (c) => text(r, c);
      if (headerRow === 0) {
        headerRow = r;
        const headers: { col: number; header: string }[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const h = cellText(cell).text;
          if (h) headers.push({ col, header: h });
        });
        reader = this.sectionReader(kind, r, headers, position);
        continue;
      }
      reader?.(r, cells);
    }
  }

  private sectionReader(
    kind: Section,
    r: number,
    headers: { col: number; header: string }[],
    position: 'chief' | 'deputy',
  ) {
    if (kind === 'staffForms') {
      const columns: { col: number; header: string; m: AssessmentMember }[] = [];
      for (const h of headers.filter((x) => x.col > 1)) {
        const m = this.byLabel.get(looseText(h.header));
        if (!m) this.issue(r, this.at(h.col, h.header), `“${h.header}”不是本组（${this.groupName()}）的干部`);
        else columns.push({ ...h, m });
      }
      const absent = this.members.filter((m) => !columns.some((c) => c.m.cadreId === m.cadreId));
      if (absent.length > 0 || columns.length !== headers.filter((x) => x.col > 1).length) {
        if (absent.length > 0)
          this.issue(
            r,
            '标题行',
            `“干部职工测评票（逐票）”缺少${absent.map((m) => `“${this.labelOf.get(m.cadreId)}”`).join('、')}列`,
          );
        return null;
      }
      return (row: number, cells: Cells) => this.staffFormRow(row, cells, columns);
    }
    if (kind === 'comments') {
      const h = headers.find((x) => looseText(x.header) === COMMENT_HEADER);
      if (!h) {
        this.issue(r, '标题行', '“意见建议”部分缺少“意见建议”列');
        return null;
      }
      return (row: number, cells: Cells) => this.commentRow(row, cells, h.col);
    }
    if (kind === 'superior') {
      const places = headers.filter((h) => /^第\d+名$/u.test(looseText(h.header)));
      if (places.length === 0) {
        this.issue(r, '标题行', '“上级领导综合排名”的标题行缺少“第1名”等名次列');
        return null;
      }
      const seen = new Map<string, number>();
      return (row: number, cells: Cells) => this.superiorRow(row, cells, places, seen);
    }
    if (kind === 'peer') {
      const indicators: { id: string; col: number; header: string }[] = [];
      for (const ind of this.a.config.indicators[position]) {
        const name = this.a.indicatorNames[ind.id] ?? ind.id;
        const h = headers.find((x) => looseText(x.header) === looseText(name));
        if (!h) {
          this.issue(r, '标题行', `“同级互评”缺少指标列“${name}”（考核配置修改后请重新下载模板）`);
          return null;
        }
        indicators.push({ id: ind.id, ...h });
      }
      const seen = new Map<string, number>();
      return (row: number, cells: Cells) => this.peerRow(row, cells, indicators, seen);
    }
    if (kind === 'staff') {
      const grades: { grade: StaffGrade; col: number; header: string }[] = [];
      for (const grade of STAFF_GRADES) {
        const h = headers.find((x) => looseText(x.header) === STAFF_GRADE_LABELS[grade]);
        if (!h) {
          this.issue(r, '标题行', `“干部职工测评”缺少“${STAFF_GRADE_LABELS[grade]}”列`);
          return null;
        }
        grades.push({ grade, ...h });
      }
      const seen = new Map<number, number>();
      return (row: number, cells: Cells) => this.staffRow(row, cells, grades, seen);
    }
    const columns = headers.filter((h) => h.col > 1);
    const seen = new Map<number, number>();
    return (row: number, cells: Cells) => this.serviceRow(row, cells, columns, seen);
  }
}

export async function parseBallotWorkbook(bytes: Buffer, a: ImportAssessment): Promise<BallotParseResult> {
  // The one door for workbooks from outside: file kind, size, and rows/cells/inflated size checked while inflating.
  const opened = await openWorkbook(bytes, BALLOT_FILE_ERRORS.empty);
  if (!opened.ok) return opened;
  const { wb } = opened;
  const info = wb.getWorksheet(INFO_SHEET);
  if (!info) return { ok: false, error: BALLOT_FILE_ERRORS.notTemplate };
  const infoValue = (label: string) => {
    for (let r = 1; r <= 10; r++)
      if (cellText(info.getCell(r, 1)).text === label) return cellText(info.getCell(r, 2)).text;
    return '';
  };
  const fileId = Number(infoValue('考核编号'));
  if (fileId !== a.id) {
    const other = infoValue('考核名称') || '另一次考核';
    return {
      ok: false,
      error: `这是考核“${other}”的测评票，不能导入到考核“${a.name}”；请在本考核中下载测评票模板后填写`,
    };
  }
  if (Number(infoValue('模板版本')) !== BALLOT_TEMPLATE_VERSION)
    return { ok: false, error: BALLOT_FILE_ERRORS.version };

  const groups = new Map(groupsOf(a.members).map((g) => [g.ref, g]));
  const issues: BallotImportIssue[] = [];
  const voided: BallotImportIssue[] = [];
  const sheets: ParsedBallotSheet[] = [];
  const ignored: string[] = [];
  const readGroups = new Map<GroupRef, string>();
  for (const ws of wb.worksheets) {
    if (ws.name === INFO_SHEET || ws.name === LISTS_SHEET) continue;
    if (cellText(ws.getCell(2, 1)).text !== CODE_LABEL) {
      ignored.push(ws.name);
      continue;
    }
    const sheetIssue = (message: string) =>
      issues.push({ sheet: ws.name, row: 2, column: `${CODE_LABEL}（B 列）`, message });
    const code = parseSheetCode(cellText(ws.getCell(2, 2)).text);
    if (!code) {
      sheetIssue('识别码已被修改或删除，无法确定本表属于哪个分组，请使用下载的模板填写');
      continue;
    }
    if (code.assessmentId !== a.id) {
      sheetIssue(
        `本工作表来自另一次考核的测评票（识别码 ${cellText(ws.getCell(2, 2)).text}），不能导入到考核“${a.name}”`,
      );
      continue;
    }
    if (code.version !== BALLOT_TEMPLATE_VERSION) {
      sheetIssue(BALLOT_FILE_ERRORS.version);
      continue;
    }
    const group = groups.get(code.groupRef);
    if (!group) {
      sheetIssue('本工作表的分组已不在本次考核中（考核成员调整后请重新下载模板）');
      continue;
    }
    const earlier = readGroups.get(code.groupRef);
    if (earlier !== undefined) {
      sheetIssue(`与工作表“${earlier}”是同一个分组，同一分组的测评票不能填写两次`);
      continue;
    }
    readGroups.set(code.groupRef, ws.name);
    const reader = new SheetReader(ws.name, code.groupRef, group.members, a);
    reader.read(ws);
    issues.push(...reader.issues);
    const summary = reader.summary();
    voided.push(...summary.voided);
    sheets.push(summary);
    await yieldToEventLoop(); // a big workbook: let progress and other calls through between sheets
  }
  if (sheets.length === 0 && issues.length === 0) return { ok: false, error: BALLOT_FILE_ERRORS.noSheets };
  return { ok: true, sheets, issues, voided, ignored: ignored.filter((n) => n !== GUIDE_SHEET) };
}
