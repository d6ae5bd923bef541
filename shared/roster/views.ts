// What the roster calls return to the window.
import type { PositionCode } from '../catalog/types';
import type { CadreInput, CadreStatus, EducationLevel } from './types';
import type { ExcelFieldKey } from './excel-fields';

export interface RosterFilter {
  readonly unitId?: number | undefined;
  readonly categoryCode?: string | undefined;
  readonly position?: PositionCode | undefined;
  readonly rank?: string | undefined;
  readonly status?: CadreStatus | undefined;
  readonly ageMin?: number | undefined;
  readonly ageMax?: number | undefined;
  readonly education?: EducationLevel | undefined;
  /** Name, pinyin initials or full pinyin, 身份证号, or any text of the profile. */
  readonly text?: string | undefined;
}

export interface RosterRow {
  readonly id: number;
  readonly name: string;
  readonly gender: string;
  readonly birthMonth: string;
  readonly age: number;
  readonly unitId: number;
  readonly unitName: string;
  readonly categoryCode: string;
  readonly categoryName: string;
  readonly position: PositionCode;
  readonly currentPost: string;
  /** The post's place in the 职务排序 setting (lower comes first; the list's length when no keyword matched). */
  readonly postRank: number;
  readonly rank: string;
  readonly status: string;
  readonly highestEducation: string;
  /** Masked unless the role may see it. */
  readonly idNumber: string;
}

export interface CadreProfile extends CadreInput {
  readonly id: number;
  readonly version: number;
  readonly age: number;
  readonly unitName: string;
  readonly categoryName: string;
  /** A data: URL of the photo, or null. */
  readonly photo: string | null;
  readonly idNumberMasked: boolean;
  readonly updatedAt: string;
}

export interface PickedFile {
  readonly token: string;
  readonly name: string;
  readonly size: number;
}

export interface ImportIssue {
  readonly column: string;
  readonly reason: string;
}

export type ImportRowStatus = 'new' | 'update' | 'nameMatch' | 'error';

/** A profile field an import can change, or the photo. */
export type ChangeField = keyof CadreInput | 'photo';

/**
 * One field an import would change on a stored cadre: the preview lists these, and the commit writes exactly these
 * (less the ones the user chose to keep). Texts are as the profile shows them; '' is an empty value.
 */
export interface FieldChange {
  readonly field: ChangeField;
  readonly label: string;
  readonly stored: string;
  readonly incoming: string;
  /** Multi-line values (简历, 奖惩情况, 家庭成员, 年度考核): only the lines that differ. */
  readonly lines?: { readonly removed: readonly string[]; readonly added: readonly string[] };
}

export interface ExcelPreviewRow {
  readonly rowNumber: number;
  readonly name: string;
  readonly unitName: string;
  readonly idNumber: string;
  readonly status: ImportRowStatus;
  readonly issues: readonly ImportIssue[];
  /** What was odd but does not stop the row (e.g. 年度考核 text kept as written). */
  readonly warnings: readonly ImportIssue[];
  /** For update/nameMatch: the existing cadre. */
  readonly existing: { readonly id: number; readonly name: string; readonly unitName: string } | null;
  /** For update/nameMatch: what the row would change (an empty list: nothing). */
  readonly changes: readonly FieldChange[];
  /** A combined 所在单位及职务 cell as split: the unit found at its start ('' when none) and the post after it. */
  readonly split?: { readonly unit: string; readonly post: string };
  /** The file has no 正职/副职 column: the position the 现任职务 suggests, to be confirmed (commitExcel's positions). */
  readonly suggestedPosition?: PositionCode;
}

export interface ExcelPreview {
  readonly jobId: string;
  readonly fileName: string;
  readonly rows: readonly ExcelPreviewRow[];
  /** Present when required fields were not found: rows is empty, jobId is '', and the window shows the mapping step. */
  readonly needsMapping?: ExcelMappingNeeded;
  /** The columns as read (recognised, remembered or chosen), so the user can go back and change the mapping. */
  readonly mapping?: ExcelMappingNeeded;
  /** A mapping remembered from an earlier file with the same headers was applied. */
  readonly mappingRemembered?: boolean;
}

export interface LrmxPreviewFile {
  readonly index: number;
  readonly fileName: string;
  readonly ok: boolean;
  readonly error: string | null;
  readonly name: string;
  readonly idNumber: string;
  readonly birthMonth: string;
  readonly currentPost: string;
  readonly issues: readonly string[];
  readonly status: ImportRowStatus;
  readonly existing: { readonly id: number; readonly name: string; readonly unitName: string } | null;
  readonly suggestedUnitId: number | null;
  readonly suggestedPosition: PositionCode;
  readonly hasPhoto: boolean;
  /**
   * For update/nameMatch: what the file would change, except 单位 and 正职/副职, which the user chooses in the
   * preview (they start from the stored ones, in `stored`).
   */
  readonly changes: readonly FieldChange[];
  readonly stored: { readonly unitId: number; readonly unitName: string; readonly position: PositionCode } | null;
}

export interface LrmxPreview {
  readonly jobId: string;
  readonly files: readonly LrmxPreviewFile[];
}

export interface ImportSummary {
  readonly created: number;
  readonly updated: number;
  readonly skipped: number;
  /** Matched cadres the import left as they were (nothing changed, or every change kept as stored). */
  readonly unchanged: number;
}

export interface JobStatus {
  readonly state: 'running' | 'done' | 'failed' | 'cancelled';
  readonly done: number;
  readonly total: number;
}

export interface SavedFile {
  readonly fileName: string;
}

/** One column of a roster workbook in the column-mapping step. */
export interface ExcelMappingColumn {
  /** 1-based column number in the sheet. */
  readonly column: number;
  /** The column's letter as Excel shows it (A, B, … AA). */
  readonly letter: string;
  /** The header as written (line breaks folded to spaces). */
  readonly header: string;
  /** The first three non-empty values under the header. */
  readonly samples: readonly string[];
  /** The field the header is recognised as (or a remembered mapping chose); null: 不导入. */
  readonly field: ExcelFieldKey | null;
}

export interface ExcelMappingField {
  readonly key: ExcelFieldKey;
  readonly label: string;
  readonly required: boolean;
}

/** The preview could not find every required field: the window asks for a column → field mapping. */
export interface ExcelMappingNeeded {
  readonly sheetName: string;
  /** The (last) header row's number. */
  readonly headerRow: number;
  /** Why the mapping is asked for, naming the missing required columns. */
  readonly message: string;
  /** Labels of the required fields no column gives. */
  readonly missing: readonly string[];
  readonly columns: readonly ExcelMappingColumn[];
  /** The choices, in the template's order. */
  readonly fields: readonly ExcelMappingField[];
}

/** One row of a units sheet as the import preview shows it. */
export interface UnitImportRow {
  readonly rowNumber: number;
  readonly name: string;
  readonly categoryCode: string;
  readonly categoryName: string;
  readonly sort: number;
  /** new: added; update: its category or 排序号 changes; same: already there as written; error: see issues. */
  readonly status: 'new' | 'update' | 'same' | 'error';
  readonly issues: readonly string[];
  /** For update: “单位类别：甲 → 乙”, “排序号：1 → 3”. */
  readonly changes: readonly string[];
  readonly unitId: number | null;
}

export interface UnitImportPreview {
  readonly jobId: string;
  readonly fileName: string;
  readonly rows: readonly UnitImportRow[];
}
