// 评议终端包 (extra kiosk laptops) as the window sees them: exported packages, return previews, conflicts.
import type { PanelKind } from './panel';

export interface ExportedTerminalPackage {
  terminalNo: number;
  /** Shown once (and printed on the 交接单); the store never keeps it. */
  password: string;
  digest: string;
  groups: { ref: string; name: string }[];
  seats: number;
  exportedOn: string;
  fileName: string;
}

export interface ReturnGroupCount {
  kind: PanelKind;
  kindLabel: string;
  group: string;
  groupName: string;
  merge: number;
  held: number;
  conflict: number;
  refused: number;
}

export interface RefusedBallot {
  kindLabel: string;
  groupName: string;
  seatLabel: string;
  why: string;
}

export interface ReturnPreview {
  terminalNo: number;
  closedOn: string;
  digest: string;
  ballots: number;
  /** The same return was imported before: importing it again changes nothing. */
  alreadyImported: boolean;
  groups: ReturnGroupCount[];
  refused: RefusedBallot[];
}

export interface ImportOutcome extends ReturnPreview {
  merged: number;
  /** Held ballots of other terminals merged now that no package carrying their codes is out. */
  released: number;
}

export interface TerminalConflictView {
  id: number;
  kind: PanelKind;
  kindLabel: string;
  groupName: string;
  /** Terminal numbers whose ballots are set aside. */
  terminals: number[];
  /** The main PC's kiosk took a ballot with the same code (it stays counted: it cannot be told from the others). */
  mainKiosk: boolean;
  state: 'open' | 'adopted' | 'voided';
  outcome: string | null;
  resolvedBy: string | null;
  resolvedOn: string | null;
}

export interface TerminalPackageView {
  terminalNo: number;
  groups: string[];
  seats: number;
  digest: string;
  exportedBy: string;
  exportedOn: string;
  returnedOn: string | null;
  ballotsReturned: number;
  merged: number;
  /** Ballots held: waiting for another package with the same codes to come back (those in a 冲突 are not counted). */
  held: number;
  openConflicts: number;
  refused: RefusedBallot[];
  /** 作废终端包: set once the package was cancelled (it never came back). */
  cancelled: { on: string; by: string; reason: string } | null;
}

/** What 作废终端包 would do now (terminals.previewCancel), for the confirmation to say it with the numbers. */
export interface CancelPreview {
  terminalNo: number;
  groups: string[];
  seats: number;
  exportedOn: string;
  /** Held ballots of other terminals merged at once, per terminal (none listed: nothing waits for this package). */
  released: { terminalNo: number; ballots: number }[];
}

/** “终端 1 暂存的 2 张票、终端 3 暂存的 1 张票（共 3 张）”, or null when nothing waits for the package. */
export function releasedText(released: CancelPreview['released']): string | null {
  if (released.length === 0) return null;
  const total = released.reduce((n, r) => n + r.ballots, 0);
  const each = released.map((r) => `终端 ${r.terminalNo} 暂存的 ${r.ballots} 张票`).join('、');
  return released.length === 1 ? each : `${each}（共 ${total} 张）`;
}

export interface TerminalsView {
  packages: TerminalPackageView[];
  conflicts: TerminalConflictView[];
}
