import type { LrmxPerson } from '../roster/lrmx-types';
import type { PrintedComments } from '../assessment/comments';
import type { PortraitPeriod } from '../portrait/period';

// Printed documents: what a print view is asked to lay out (its copies and 份号), and the print register's rows.

export const PRINT_DOC_KINDS = ['dossier', 'rankings', 'packet', 'panel', 'review'] as const;
export type PrintDocKind = (typeof PRINT_DOC_KINDS)[number];
export const PRINT_DOC_KIND_LABELS: Readonly<Record<PrintDocKind, string>> = {
  dossier: '干部政治素质档案',
  rankings: '考核排名表',
  packet: '审议材料',
  panel: '测评用表',
  review: '政治素质审查意见',
};

/** Most copies one print run makes (份号 are three digits, so at most 999 per document overall). */
export const MAX_COPIES = 50;

export interface PrintCopy {
  /** Three digits, as printed: "003". */
  readonly serial: string;
  readonly recipient: string;
}

/** Most cadres one meeting packet bundles. */
export const MAX_PACKET_CADRES = 200;
/** Most assessments whose ranking tables one packet carries. */
export const MAX_PACKET_RANKINGS = 10;

/** What the print view of a job reads (the same shape drives the in-app preview). */
export type PrintJobView =
  | DossierJobView
  | PacketJobView
  | RankingsJobView
  | PanelJobView
  | SlipsJobView
  | RenmianJobView
  | ReviewJobView
  | HandoverJobView;

/** 政治素质审查意见 of one or more candidates over one 统计期, each with its latest signed 审查结论. */
export interface ReviewJobView extends JobCommon {
  readonly kind: 'review';
  readonly cadreIds: readonly number[];
  readonly period: PortraitPeriod;
  /** YYYY-MM-DD: the last day of the 统计期. */
  readonly asOf: string;
}

/**
 * 评议终端包 交接单: what the clerk who carries the package to a laptop signs for. It carries the package password
 * (shown once at export, kept nowhere): no register, no 份号; the job lives only until it is saved.
 */
export interface HandoverJobView {
  readonly kind: 'handover';
  readonly title: string;
  readonly assessmentName: string;
  readonly year: number;
  readonly terminalNo: number;
  /** The package file's SHA-256, hex. */
  readonly digest: string;
  readonly groups: readonly string[];
  readonly seats: number;
  readonly exportedOn: string;
  readonly exportedBy: string;
  readonly password: string;
}

/**
 * 干部任免审批表 of a chosen set of cadres: each as the .lrmx person the export writes (with the cadre's latest
 * 任免事项 and the 计算年龄时间 chosen). The national form has no 份号 and no watermark: no copies, no register.
 */
export interface RenmianJobView {
  readonly kind: 'renmian';
  readonly title: string;
  readonly persons: readonly LrmxPerson[];
}

/** Most 评议码 slips one PDF holds (one generation makes at most 500 codes). */
export const MAX_SLIPS = 500;

/** One printed 评议码 slip. */
export interface CodeSlip {
  readonly code: string;
  readonly seatLabel: string;
  readonly groupName: string;
  readonly assessmentName: string;
}

/** 评议码 slips: anonymous, so no copies, 份号, watermark or register rows; the job lives only until it is saved. */
export interface SlipsJobView {
  readonly kind: 'slips';
  readonly title: string;
  readonly kindLabel: string;
  readonly groupName: string;
  readonly slips: readonly CodeSlip[];
}

interface JobCommon {
  readonly title: string;
  readonly copies: readonly PrintCopy[];
  /** The exporting user's name, printed in the watermark. */
  readonly printedBy: string;
  /** YYYY-MM-DD, printed on the cover. */
  readonly date: string;
  /**
   * The audit log's head when the print was made (排名表, 审议材料): printed on every page, it anchors the log on
   * paper, so a later cut or rewrite of the log shows against the copies handed out.
   */
  readonly auditHead?: { readonly count: number; readonly digest: string };
}

export interface DossierJobView extends JobCommon {
  readonly kind: 'dossier';
  readonly cadreId: number;
}

/** 审议材料: a cover, a table of contents, then each cadre's dossier, paginated as one document. */
export interface PacketJobView extends JobCommon {
  readonly kind: 'packet';
  readonly cadreIds: readonly number[];
  /** Assessments whose 排名表 come first, after the contents. */
  readonly assessmentIds: readonly number[];
  /** Per candidate, before the dossier: the 政治素质审查意见 (近三年, to the print's date), when chosen. */
  readonly reviews?: boolean;
  /** Per candidate, first: the 干部任免审批表 in the national layout (no 份号 on its sheets), when chosen. */
  readonly renmian?: boolean;
  /** 意见建议 per assessment, present only when the user chose to print them (issue 21 §6); none below 3 forms. */
  readonly comments?: readonly PacketComments[];
}

/** One packet 排名表's comments, by assessment. */
export interface PacketComments {
  readonly assessmentId: number;
  readonly comments: readonly PrintedComments[];
}

/** 排名表 of one assessment: its ranking tables as the rankings call shows them to the printing user. */
export interface RankingsJobView extends JobCommon {
  readonly kind: 'rankings';
  readonly assessmentId: number;
  /** 意见建议 per cadre, present only when the user chose to print them (issue 21 §6); none below 3 forms. */
  readonly comments?: readonly PrintedComments[];
}

/**
 * Blank paper ballots (测评用表) of one group: one copy per rater. A panel can be bigger than MAX_COPIES readers
 * of a dossier, so the forms have their own limit.
 */
export const MAX_PANEL_COPIES = 300;

export interface PanelJobView extends JobCommon {
  readonly kind: 'panel';
  readonly assessmentId: number;
  readonly ballot: 'superior' | 'peer' | 'staff';
  readonly group: string;
}

export interface RenderedPrint {
  readonly jobId: string;
  readonly title: string;
  readonly serials: readonly string[];
  readonly pages: number;
  readonly bytes: number;
}

export interface PrintRegisterRow {
  readonly id: number;
  readonly kind: PrintDocKind;
  readonly title: string;
  readonly serial: string;
  readonly recipient: string;
  readonly fileName: string;
  readonly printedBy: string;
  readonly printedAt: string;
  readonly returnedBy: string | null;
  readonly returnedAt: string | null;
}

export const formatSerial = (n: number): string => String(n).padStart(3, '0');
