// Shapes of a 双比双评 assessment as the window sees it: states, member snapshot, ballots, rankings with names.
import type { Component, Grade, Position, RankingConfig, RankingResult, StaffGrade } from '../scoring/types';
import type { BallotImportPlan, BallotSource } from './ballot-import';
import type { ParticipationReport } from './participation';
import type { CadreCommentsView } from './comments';
import type { FormVoidReason } from './form-void-reasons';
import type { QuotaBasis } from './quota-note';

export const ASSESSMENT_STATES = ['preparing', 'collecting', 'summarized', 'archived'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export const STATE_LABELS: Readonly<Record<AssessmentState, string>> = {
  preparing: '准备',
  collecting: '测评中',
  summarized: '已汇总',
  archived: '已归档',
};

export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  excellent: '优秀',
  competent: '称职',
  basicallyCompetent: '基本称职',
  incompetent: '不称职',
};

export const STAFF_GRADE_LABELS: Readonly<Record<StaffGrade, string>> = {
  excellent: '优秀',
  good: '较好',
  fair: '一般',
  poor: '较差',
};

export const COMPONENT_LABELS: Readonly<Record<Component, string>> = {
  superior: '上级排名',
  peer: '同级互评',
  staff: '职工测评',
  service: '服务对象',
};

/** Which categories and units an assessment covers; a cadre is in scope when its unit or its unit's category is. */
export interface AssessmentScope {
  categoryCodes: string[];
  unitIds: number[];
}

/** One member as snapshotted from the roster when the assessment was created (or refreshed in 准备). */
export interface AssessmentMember {
  cadreId: number;
  name: string;
  position: Position;
  unitId: number;
  unitName: string;
  categoryCode: string;
  categoryName: string;
}

export interface AssessmentSummary {
  id: number;
  name: string;
  year: number;
  state: AssessmentState;
  version: number;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  digest: string | null;
}

export interface AssessmentDetail extends AssessmentSummary {
  config: RankingConfig;
  scope: AssessmentScope;
  members: AssessmentMember[];
  /** Names of the indicators per position, by indicator id (from the catalog). */
  indicatorNames: Record<string, string>;
  /** Each member's pinyin search keys by cadre id (from the roster; absent for a cadre since removed), for the pickers. */
  memberPinyin?: Record<string, string>;
}

/** A group key as the ballots name it: `chief:<categoryCode>` or `deputy:<unitId>`. */
export type GroupRef = string;

export const groupRefOf = (m: Pick<AssessmentMember, 'position' | 'categoryCode' | 'unitId'>): GroupRef =>
  m.position === 'chief' ? `chief:${m.categoryCode}` : `deputy:${m.unitId}`;

export interface SuperiorBallotView {
  id: number;
  raterLabel: string;
  group: GroupRef;
  order: number[];
  paperNo: string | null;
  /** From the 评议终端: its label is random, unrelated to any code or seat. */
  anonymous: boolean;
  source: BallotSource;
  enteredBy: string;
  enteredAt: string;
}
export interface PeerBallotView {
  id: number;
  /** null for a ballot from the 评议终端: who rated whom is never shown. */
  raterId: number | null;
  anonymous: boolean;
  targetId: number;
  scores: Record<string, number>;
  paperNo: string | null;
  source: BallotSource;
  enteredBy: string;
  enteredAt: string;
}
export interface StaffCountsView {
  targetId: number;
  /** The total over every source. */
  counts: Record<StaffGrade, number>;
  /** Each source's tally (评议终端 votes are kept apart: no clerk path lowers them). */
  bySource: Partial<Record<BallotSource, Record<StaffGrade, number>>>;
  /**
   * Fewer than 3 staff votes of which some came from the kiosk (issue 21 §5): `counts` and `bySource` leave the kiosk
   * part out, and a save of the totals keeps it as it is.
   */
  kioskConcealed?: true;
  enteredBy: string;
  enteredAt: string;
}
export interface ServiceBallotView {
  id: number;
  targetId: number;
  score: number;
  paperNo: string | null;
  source: BallotSource;
  enteredBy: string;
  enteredAt: string;
}
export interface AdjustmentView {
  id: number;
  targetId: number;
  points: number;
  date: string;
  reason: string;
  dossierEntryId: number | null;
  enteredBy: string;
  enteredAt: string;
}
export interface VetoView {
  id: number;
  targetId: number;
  reason: string;
  /** 'dossier' when adopted from a dossier entry (its title and date, or deleted: null), else 'manual'. */
  source: 'manual' | 'dossier';
  dossierEntry: { id: number; title: string; date: string } | { id: number; deleted: true } | null;
  enteredBy: string;
  enteredAt: string;
}

/** An entry of the 不得评为优秀 list (scoring's `ineligible`). */
export interface IneligibleView {
  id: number;
  targetId: number;
  reason: string;
  /** The dossier entry it was adopted from (采纳); null when entered by hand. */
  dossierEntryId: number | null;
  enteredBy: string;
  enteredAt: string;
}

/** Staff or service forms voided as a whole (无效票), counted per group, reason and source; K's accounts read these. */
export interface VoidFormsView {
  group: GroupRef;
  kind: 'staff' | 'service';
  reason: FormVoidReason;
  source: 'paper' | 'excel' | 'manual';
  count: number;
}

export interface AssessmentBallots {
  superior: SuperiorBallotView[];
  /**
   * Groups whose 评议终端 上级排名 ballots are left out of `superior` (issue 21 §5): a cadre on them rests on fewer than
   * 3 上级排名 ballots. Absent when none are.
   */
  concealedSuperior?: GroupRef[];
  peer: PeerBallotView[];
  staff: StaffCountsView[];
  service: ServiceBallotView[];
  adjustments: AdjustmentView[];
  vetoes: VetoView[];
  ineligible: IneligibleView[];
  /** 意见建议 per cadre that has any (hidden below COMMENTS_MIN_FORMS forms). */
  comments: CadreCommentsView[];
  voidForms: VoidFormsView[];
}

/**
 * What a ballot, adjustment or veto change returns: how many rows it saved or removed. The lists are read again with
 * ballots.list when needed; returning them from every save would read 200,000 ballots per keystroke-sized change.
 */
export interface BallotChange {
  changed: number;
  /** A staff form entered as 无效 (e.g. over the 优秀 cap): none of its votes counted. */
  voided?: FormVoidReason;
}

export interface GradeConfirmation {
  cadreId: number;
  grade: Grade;
  reason: string;
  confirmedBy: string;
  confirmedAt: string;
}

/** An invalid ballot as listed to the user: which ballot, and why in Chinese. */
export interface InvalidBallotView {
  kind: Component;
  index: number;
  reason: string;
  reasonText: string;
  ballot: string;
}

export interface RankingsView {
  state: AssessmentState;
  result: RankingResult;
  /** Display names of the groups by `${position}:${groupKey}`. */
  groupNames: Record<string, string>;
  /** Group refs in the order 单位管理 lists them (categories, then units by 排序号); see ranking-display.ts. */
  groupOrder?: string[];
  members: Record<string, AssessmentMember>;
  invalidBallots: InvalidBallotView[];
  confirmations: GradeConfirmation[];
  digest: string | null;
  /** How the 优秀 quota was counted (the assessment's configuration); see quota-note.ts. */
  quotaBasis: QuotaBasis;
  /** The reason of each 不得评为优秀 entry, by cadre id (the rows carry the flag `ineligible`). */
  ineligibleReasons: Record<string, string>;
  /** The reason of each 一票否决 item, by cadre id (several for one cadre joined with '；'). */
  vetoReasons: Record<string, string>;
  /** No 优秀 below this final score (the configuration's `excellentMinScore`), for the 评优资格 line. */
  excellentMinScore: number;
  /** 应到/实到/有效/无效 per group and rater kind (issue 21 §3); see participation.ts. */
  participation?: ParticipationReport;
  /**
   * Components resting on fewer than 3 anonymous ballots, by cadre id (issue 21 §5): `result` says 0 ballots for them
   * and no view shows a count or breakdown; see anonymity.ts.
   */
  concealed?: Record<string, Component[]>;
}

/** A cadre the batch confirmation left for one-by-one confirmation, and why (Chinese). */
export interface SkippedConfirmation {
  cadreId: number;
  name: string;
  reason: string;
}

/** What 按建议等次批量确认 did: how many it confirmed per grade, who it left alone, and the new view. */
export interface SuggestedConfirmResult {
  view: RankingsView;
  confirmed: number;
  byGrade: Record<Grade, number>;
  skipped: SkippedConfirmation[];
}

/** What an archived assessment keeps for ever: the result and the final grades. */
/** A veto the dossier suggests: an entry of the assessment's year matching a veto list item (e.g. N1). */
export interface VetoProposal {
  targetId: number;
  dossierEntryId: number;
  date: string;
  title: string;
  listItemCode: string;
  listItemName: string;
  /** The cadre already has a veto in this assessment. */
  vetoed: boolean;
}

/** A 加减分 the dossier suggests: an entry of the assessment's year matching a P/N list item that carries points. */
export interface AdjustmentProposal {
  targetId: number;
  dossierEntryId: number;
  date: string;
  title: string;
  listItemCode: string;
  listItemName: string;
  /** The list item's points (catalog), negative for a 负面 item. */
  points: number;
  /** 'adopted': an adjustment of this assessment is linked to the entry; 'dismissed': staff chose 忽略. */
  state: 'open' | 'adopted' | 'dismissed';
}

/** Why the dossier proposes 不得评为优秀: 诫勉, 函询 found true, 处分 within its 影响期, 学时不达标 (ineligible-rules.ts). */
export type IneligibleProposalKind = 'admonition' | 'inquiry' | 'sanction' | 'hours';

/** An 不得评优 the dossier suggests for the assessment's year, with the reason the adopted item carries. */
export interface IneligibleProposal {
  targetId: number;
  dossierEntryId: number;
  kind: IneligibleProposalKind;
  date: string;
  title: string;
  reason: string;
  /** 'adopted': the list has an item from this entry; 'dismissed': staff chose 忽略. */
  state: 'open' | 'adopted' | 'dismissed';
  /** The cadre is already on the list (by hand or from another entry): adopting this one is refused. */
  listed: boolean;
}

export interface ArchivedResult {
  result: RankingResult;
  invalidBallots: InvalidBallotView[];
  confirmations: GradeConfirmation[];
}

/** One problem found in an imported ballot workbook, located as Excel shows it. */
export interface BallotImportIssue {
  sheet: string;
  /** 0 when the problem is the sheet itself. */
  row: number;
  column: string;
  message: string;
}

/** What one group sheet of an imported workbook holds. */
export interface BallotImportSheet {
  sheet: string;
  group: string;
  superior: number;
  peer: number;
  staff: number;
  service: number;
  /** Data rows read without a problem. */
  rowsOk: number;
  rowsWithIssues: number;
}

export interface BallotImportPreview {
  jobId: string;
  fileName: string;
  /** Per group of the file: what the store holds by source, what the file holds, and the raters in conflict. */
  plan: BallotImportPlan;
  sheets: BallotImportSheet[];
  /** The first problems (at most 500); `issueCount` is the full number. */
  issues: BallotImportIssue[];
  issueCount: number;
  /** Staff forms 无效 by rule (over the 优秀 cap): the first 500, and their number; imported as a count, not as votes. */
  voided: BallotImportIssue[];
  voidedCount: number;
  /** Sheets that are no group sheet of the template (notes, the user's own sheets): not read. */
  ignoredSheets: string[];
}

export interface BallotImportSummary {
  superior: number;
  peer: number;
  staff: number;
  service: number;
  /** Staff forms voided for the 优秀 cap, and 意见建议 imported (absent when none). */
  voidForms?: number;
  comments?: number;
}
