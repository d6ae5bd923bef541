// 填报表 intake: what the window shows of generated packages, a returned file's preview and the 审核 list.
import type { EntryPolarity } from '../dossier/types';
import type { CHANNEL_COLUMNS, IntakeChannel, TRAINING_COLUMNS } from './channels';

export const INTAKE_STATUSES = ['pending', 'accepted', 'returned'] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];
export const INTAKE_STATUS_LABELS: Readonly<Record<IntakeStatus, string>> = {
  pending: '待审核',
  accepted: '已采纳',
  returned: '已退回',
};

/** The 材料 sheet's columns, in order (the header a unit sees; the preview names problems by them). */
export const INTAKE_COLUMNS = [
  '干部',
  '日期',
  '子项',
  '性质',
  '评价标准',
  '正负面清单项',
  '标题',
  '内容',
  '来源/渠道',
  '附件文件名',
] as const;
/** A column of a unit's, a channel's or 党校's 材料 sheet. */
export type IntakeColumn =
  (typeof INTAKE_COLUMNS)[number] | (typeof CHANNEL_COLUMNS)[number] | (typeof TRAINING_COLUMNS)[number];

/** A roster cadre a channel's row may mean (same name), for the user to pick: never guessed. */
export interface IntakeCandidate {
  readonly id: number;
  readonly name: string;
  readonly unitName: string;
  readonly post: string;
}

export interface IntakeGenerated {
  readonly folder: string;
  readonly files: readonly string[];
}

export interface IntakeProblem {
  readonly column: IntakeColumn | null;
  readonly level: 'error' | 'warning';
  readonly message: string;
}

export interface IntakePreviewRow {
  /** The Excel row number in the 材料 sheet. */
  readonly rowNo: number;
  readonly cadre: string;
  readonly date: string;
  readonly title: string;
  readonly attachments: readonly string[];
  readonly problems: readonly IntakeProblem[];
  /** What a commit would do with it (rows with errors are always left out). */
  readonly outcome: 'new' | 'replace' | 'same' | 'decided';
  /** The roster cadre the row names, or null: then it comes in only once the user picks one of the candidates. */
  readonly cadreId: number | null;
  readonly candidates: readonly IntakeCandidate[];
  /** The cadre an earlier import of this row stored it for, and its status; null for a row new to the store. */
  readonly stored: IntakeStoredCadre | null;
}

/** Who a stored row of the package is for: “姓名（单位）”, so a changed pick can name old → new. */
export interface IntakeStoredCadre {
  readonly cadreId: number;
  readonly cadre: string;
  readonly status: IntakeStatus;
}

/** A still-pending row of the package that the corrected file no longer has: a commit removes it. */
export interface IntakeDroppedRow {
  readonly rowNo: number;
  readonly cadre: string;
  readonly title: string;
}

export interface IntakePreview {
  readonly jobId: string;
  readonly fileName: string;
  readonly unitName: string;
  /** A channel's list (named by unitName, the channel's label), or null for a unit's 填报表. */
  readonly channel: IntakeChannel | null;
  readonly quarter: string;
  readonly serial: string;
  readonly rows: readonly IntakePreviewRow[];
  /** Still-pending rows of the package a commit would remove (the unit dropped them from the corrected file). */
  readonly dropped: number;
  readonly droppedRows: readonly IntakeDroppedRow[];
}

export interface IntakeImportResult {
  readonly added: number;
  readonly replaced: number;
  readonly removed: number;
  readonly unchanged: number;
  readonly leftOut: number;
}

export interface IntakeAttachmentMeta {
  readonly id: number;
  readonly fileName: string;
  readonly mime: string;
  readonly size: number;
}

export interface IntakeRowView {
  readonly id: number;
  readonly packageSerial: string;
  readonly rowNo: number;
  /** The package's unit; null for a channel's list (unitName is then the channel's label). */
  readonly unitId: number | null;
  readonly unitName: string;
  readonly channel: IntakeChannel | null;
  readonly quarter: string;
  readonly status: IntakeStatus;
  readonly cadreId: number;
  readonly cadreName: string;
  /** The cadre's unit: on a channel's list it tells same-name cadres apart. */
  readonly cadreUnit: string;
  readonly date: string;
  readonly subItemCode: string;
  readonly channelCode: string;
  readonly polarity: EntryPolarity;
  readonly standardCodes: readonly string[];
  readonly listItemCode: string | null;
  readonly title: string;
  readonly content: string;
  readonly returnReason: string | null;
  readonly entryId: number | null;
  readonly attachments: readonly IntakeAttachmentMeta[];
}

/** 季度采集's counts of 填报表 intake: a row per unit, and a row of its own per channel whose lists were sent. */
export type IntakeUnitCounts = IntakeOwner & {
  /** The unit's name, or the channel's label (纪检监察, 巡察/审计 …). */
  readonly unitName: string;
  readonly sent: number;
  readonly pending: number;
  readonly accepted: number;
  readonly returned: number;
};

/** Whose 填报表 a package is: a unit's, or a channel's list (no unit). */
export type IntakeOwner =
  { readonly unitId: number; readonly channel: null } | { readonly unitId: null; readonly channel: IntakeChannel };

/** A stable key of a counts row (a table's row key, a test id): `unit-3` or `channel-discipline`. */
export const intakeOwnerKey = (o: IntakeOwner): string =>
  o.channel === null ? `unit-${o.unitId}` : `channel-${o.channel}`;
