// The year-end 学时 check as the window sees it: the preview, its sources, the batches it wrote, and the 学时 note of S2.1 text.

/** One training record counted (or not) towards a cadre's yearly hours. */
export interface HoursSource {
  /** class: a 培训班 attendance record; entry: an S2.1 参训记录 entry whose content carries 学时. */
  readonly kind: 'class' | 'entry';
  /** The training record id (class) or the dossier entry id (entry). */
  readonly refId: number;
  readonly name: string;
  readonly date: string;
  readonly hours: number;
  /** False when the same course is already counted from another record (named in `note`). */
  readonly counted: boolean;
  readonly note: string;
}

export interface HoursShortCadre {
  readonly cadreId: number;
  readonly name: string;
  readonly unitName: string;
  /** The counted hours, one decimal. */
  readonly hours: number;
  readonly sources: readonly HoursSource[];
}

/** A cadre who already has this year's 学时不达标 entry but whose counted hours now meet the requirement. */
export interface HoursStaleEntry {
  readonly entryId: number;
  readonly cadreId: number;
  readonly name: string;
  readonly unitName: string;
  readonly hours: number;
}

export interface HoursCheckPreview {
  readonly year: number;
  readonly requiredHours: number;
  /** The check runs before 12-31 of the year being checked: hours may still be recorded. */
  readonly beforeYearEnd: boolean;
  /** Cadres in service below the required hours who have no entry for the year yet: what a commit writes. */
  readonly cadres: readonly HoursShortCadre[];
  /** Cadres below the hours who already have this year's entry (kept as it is, not written again). */
  readonly alreadyRecorded: number;
  readonly stale: readonly HoursStaleEntry[];
  /** Names the previewed data; a commit with another token is refused (the data changed in between). */
  readonly token: string;
}

export interface HoursCheckBatch {
  readonly batchId: string;
  readonly year: number;
  /** Entries of the batch still in the dossiers (corrected ones included, withdrawn ones not). */
  readonly count: number;
  readonly enteredBy: string;
  readonly enteredAt: string;
}

/** The sub-item of 参训记录 and the one the yearly check files under (stable codes of catalog.md). */
export const ATTENDANCE_SUB_ITEM = 'S2.1';
export const HOURS_SUB_ITEM = 'S2.4';

/** How 批量录入 wrote a cadre's 学时 into an entry's content ('学时：40'); read back by the check. */
export const hoursNote = (hours: number): string => `学时：${hours}`;

/** The 学时 an entry's content states ('学时：40', '学时: 12.5'), or null when it states none. */
export function hoursInContent(content: string): number | null {
  const m = /学时\s*[：:]\s*(\d+(?:\.\d+)?)/.exec(content);
  return m ? Number(m[1]) : null;
}

/** Whether an automatic entry's key is a yearly hours entry ('hours:<year>:<cadre id>'): those may be corrected or withdrawn. */
export const isHoursKey = (autoKey: string | null): boolean => autoKey !== null && autoKey.startsWith('hours:');
