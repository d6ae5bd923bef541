// Shapes of the political-quality dossier as the window sees them: entries, attachments, training classes and records.

export const ENTRY_POLARITIES = ['positive', 'negative', 'neutral'] as const;
export type EntryPolarity = (typeof ENTRY_POLARITIES)[number];
export const ENTRY_POLARITY_LABELS: Readonly<Record<EntryPolarity, string>> = {
  positive: '正面',
  negative: '负面',
  neutral: '中性',
};

export const TRAINING_RESULTS = ['excellent', 'qualified', 'retake'] as const;
export type TrainingResult = (typeof TRAINING_RESULTS)[number];
export const TRAINING_RESULT_LABELS: Readonly<Record<TrainingResult, string>> = {
  excellent: '优秀学员',
  qualified: '合格学员',
  retake: '重修学员',
};

/** manual: typed by staff; training: evidence from training records; assessment: a 双比双评 result written at archive. */
export type EntryOrigin = 'manual' | 'training' | 'assessment';

/** Hours of training a cadre needs in a year unless the setting says otherwise. */
export const DEFAULT_REQUIRED_TRAINING_HOURS = 110;

/** The largest attachment the store takes (20 MB). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export interface NamedCode {
  readonly code: string;
  readonly name: string;
  /** Retired in the catalog: still shown on old entries, no longer offered for new ones. */
  readonly retired: boolean;
}

export interface UserRef {
  readonly id: number;
  readonly name: string;
}

export interface AttachmentMeta {
  readonly id: number;
  readonly entryId: number;
  readonly fileName: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  readonly addedBy: UserRef;
  readonly addedAt: string;
}

export interface AttachmentContent {
  readonly fileName: string;
  readonly mime: string;
  /** The file's bytes, base64 (the call result crosses IPC and the test bridge as JSON). */
  readonly base64: string;
}

/** One run of text in a Word preview: only the formatting the preview shows. */
export interface DocRun {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
}

/** A Word document as plain blocks the window renders itself: no HTML, scripts or external resources cross. */
export type DocBlock =
  | {
      readonly type: 'paragraph';
      /** 1–6 for headings, 0 for body text. */ readonly heading: number;
      readonly runs: readonly DocRun[];
    }
  | {
      readonly type: 'table';
      /** rows of cells, each cell its own blocks */ readonly rows: readonly (readonly (readonly DocBlock[])[])[];
    };

/** What the viewer shows for an attachment: the bytes for images and PDFs, blocks for .docx, a message otherwise. */
export type AttachmentPreview =
  | { readonly kind: 'image'; readonly fileName: string; readonly mime: string; readonly base64: string }
  | { readonly kind: 'pdf'; readonly fileName: string; readonly mime: string; readonly base64: string }
  | {
      readonly kind: 'word';
      readonly fileName: string;
      readonly blocks: readonly DocBlock[];
      readonly imagesLeftOut: number;
    }
  | { readonly kind: 'unsupported'; readonly fileName: string; readonly message: string };

export interface DossierEntry {
  readonly id: number;
  readonly cadreId: number;
  readonly date: string;
  readonly quarter: string;
  readonly section: NamedCode;
  readonly subItem: NamedCode;
  readonly channel: NamedCode;
  readonly title: string;
  readonly content: string;
  readonly polarity: EntryPolarity;
  readonly listItem: (NamedCode & { readonly polarity: 'positive' | 'negative' }) | null;
  readonly standards: readonly (NamedCode & { readonly dimensionCode: string })[];
  readonly origin: EntryOrigin;
  /** Whether 编辑 and 删除/撤回 apply: manual entries and yearly hours entries (those with a reason). */
  readonly editable: boolean;
  /** Training records behind an automatic entry. */
  readonly sourceRecordIds: readonly number[];
  readonly batchId: string | null;
  /** A material a unit returned in its 填报表 and a 档案管理员 accepted: “某某镇 2025Q3 填报”. */
  readonly intakeSource: string | null;
  readonly enteredBy: UserRef;
  readonly enteredAt: string;
  readonly verifiedBy: UserRef | null;
  readonly verifiedAt: string | null;
  readonly version: number;
  readonly updatedAt: string;
  readonly attachments: readonly AttachmentMeta[];
}

export interface DossierCadre {
  readonly id: number;
  readonly name: string;
  readonly unitName: string;
  readonly currentPost: string;
  readonly birthMonth: string;
}

export interface Dossier {
  readonly cadre: DossierCadre;
  /** In date order (oldest first), filtered as asked. */
  readonly entries: readonly DossierEntry[];
  /** Entries of the cadre before filtering. */
  readonly total: number;
}

export interface BulkResult {
  readonly batchId: string;
  readonly count: number;
}

export interface TrainingClass {
  readonly id: number;
  readonly name: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly hours: number;
  readonly organizer: string;
  readonly recordCount: number;
  readonly updatedAt: string;
}

export interface TrainingRecord {
  readonly id: number;
  readonly classId: number;
  readonly cadreId: number;
  readonly cadreName: string;
  readonly unitName: string;
  readonly hours: number;
  readonly result: TrainingResult;
}

/** One unit's part of a quarter's collection: how many of its cadres' section slots have at least one entry. */
export interface UnitCompleteness {
  readonly unitId: number;
  readonly unitName: string;
  readonly cadres: number;
  /** Required (cadre, section) slots with material or checked to have none. */
  readonly filled: number;
  /** Of `filled`, the slots checked to have no material (本季度无此类材料). */
  readonly attested: number;
  readonly slots: number;
  /** filled / slots, 0–100, one decimal. */
  readonly percent: number;
}

export interface CadreGap {
  readonly cadreId: number;
  readonly name: string;
  readonly unitId: number;
  readonly unitName: string;
  /** Codes of the sections with no entry in the quarter. */
  readonly missing: readonly string[];
}

/** A cadre's section checked to have no material in the quarter (本季度无此类材料（经核查）). */
export interface QuarterAttestation {
  readonly cadreId: number;
  readonly name: string;
  readonly unitId: number;
  readonly unitName: string;
  readonly sectionCode: string;
  readonly note: string;
  readonly attestedBy: string;
  readonly attestedAt: string;
}

/** 常态化收集、季度采集: for a quarter, which cadres in service have no entry in which section. */
export interface QuarterCompleteness {
  readonly quarter: string;
  /** The sections required this quarter (the administrator's choice, else every live one). */
  readonly sections: readonly { readonly code: string; readonly name: string }[];
  /** Every live section, and whether this quarter requires it. */
  readonly allSections: readonly { readonly code: string; readonly name: string; readonly required: boolean }[];
  /** Whether the administrator chose the required sections for this quarter (else all are required). */
  readonly chosenSections: boolean;
  readonly attestations: readonly QuarterAttestation[];
  readonly cadres: number;
  readonly percent: number;
  readonly units: readonly UnitCompleteness[];
  readonly gaps: readonly CadreGap[];
}

/** A piece of matched text: `hit` marks the parts equal to the search text (shown highlighted). */
export interface TextPart {
  readonly text: string;
  readonly hit: boolean;
}

export interface SearchHit {
  readonly entryId: number;
  readonly cadreId: number;
  readonly cadreName: string;
  readonly unitName: string;
  readonly date: string;
  readonly section: { readonly code: string; readonly name: string };
  readonly title: readonly TextPart[];
  /** Where in the content or the attachment names the text was found, shortened around the first match. */
  readonly excerpt: readonly TextPart[];
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** More entries matched than are shown. */
  readonly truncated: boolean;
}
