// Where a ballot came from, and the plan of an Excel ballot import: what each group and cadre holds now by source,
// what the file holds, the raters in conflict, and (pure) what the import will do under the chosen mode.
import type { Component } from '../scoring/types';
import type { GroupRef } from './types';

export const BALLOT_SOURCES = ['kiosk', 'paper', 'excel', 'manual'] as const;
export type BallotSource = (typeof BALLOT_SOURCES)[number];

export const BALLOT_SOURCE_LABELS: Readonly<Record<BallotSource, string>> = {
  kiosk: '评议终端',
  paper: '纸质录入',
  excel: 'Excel 导入',
  manual: '手工录入',
};

/**
 * 累加: the file's ballots come on top; 替换: the group's earlier Excel ballots are removed first; 替换含纸质: the file is
 * the paper count, so the 纸质录入 staff tallies (逐票录入) are replaced too. Kiosk ballots are never replaced; paper
 * superior/peer ballots (二次录入, tied to their papers) neither.
 */
export type BallotImportMode = 'add' | 'replace' | 'replacePaper';
export const IMPORT_MODE_LABELS: Readonly<Record<BallotImportMode, string>> = {
  add: '累加',
  replace: '替换',
  replacePaper: '替换（含纸质录入的职工测评票数）',
};

export type SourceCounts = Partial<Record<BallotSource, number>>;

/** Per cadre: peer ballots received, staff votes, service scores. */
export type CadreKind = Exclude<Component, 'superior'>;
export const CADRE_KINDS: readonly CadreKind[] = ['peer', 'staff', 'service'];

export interface BallotImportCadre {
  cadreId: number;
  name: string;
  /** What the store holds for the cadre now, per kind and source (a concealed kiosk part left out). */
  existing: Record<CadreKind, SourceCounts>;
  /** Fewer than 3 staff votes with kiosk ones (issue 21 §5): `existing.staff` leaves the kiosk part out. */
  staffKioskConcealed?: true;
  /** What the file holds for the cadre (peer: by every rater the file names). */
  file: Record<CadreKind, number>;
  /** Peer rows of the file for this cadre per rater id (so leaving a rater out can be shown before import). */
  filePeerByRater: Record<string, number>;
}

/** A rater who already has a ballot in this group from a source the import keeps: never replaced, never counted twice. */
export interface BallotImportConflict {
  kind: 'superior' | 'peer';
  /** peer: the rater's cadre id; superior: the leader's label as written. */
  rater: string;
  raterName: string;
  /** The rater's ballots already in this group, by source. */
  existing: SourceCounts;
  /** The rater's rows in the file. */
  fileRows: number;
}

export interface BallotImportGroup {
  group: GroupRef;
  groupName: string;
  sheet: string;
  /**
   * 上级排名 ballots of the group (each orders the whole group). `kioskConcealed`: the group's kiosk ballots rest on
   * fewer than 3 上级排名 ballots and are left out of `existing` (issue 21 §5), as on the 上级排名 tab.
   */
  superior: { existing: SourceCounts; file: number; kioskConcealed?: true };
  cadres: BallotImportCadre[];
  /** Conflicts with every earlier ballot (累加); `replaceConflicts` are those left when 替换 removes earlier Excel ones. */
  conflicts: BallotImportConflict[];
  replaceConflicts: BallotImportConflict[];
}

export interface BallotImportPlan {
  groups: BallotImportGroup[];
  /** Digest of what the store held when the plan was made: the import is refused when it changed since. */
  planKey: string;
}

export interface LeftOutRater {
  group: GroupRef;
  kind: 'superior' | 'peer';
  rater: string;
}

/** What the import does to one kind of one cadre (or the group's superior ballots). */
export interface KindEffect {
  adds: number;
  /** Earlier Excel ballots removed (替换 only). */
  replaces: number;
  /** 纸质录入 staff votes removed (替换含纸质 only: the file is their count). */
  replacesPaper: number;
  /** File rows not imported because their rater is left out. */
  leftOut: number;
}

const sumOf = (c: SourceCounts) => Object.values(c).reduce((n, x) => n + (x ?? 0), 0);
export const totalOf = sumOf;

export function conflictsFor(g: BallotImportGroup, mode: BallotImportMode): BallotImportConflict[] {
  return mode === 'add' ? g.conflicts : g.replaceConflicts;
}

export const isLeftOut = (
  leftOut: readonly LeftOutRater[],
  group: GroupRef,
  kind: 'superior' | 'peer',
  rater: string,
) => leftOut.some((l) => l.group === group && l.kind === kind && l.rater === rater);

/** The conflicts of the group not resolved by leaving their rater out: the import waits for each of them. */
export function openConflicts(
  g: BallotImportGroup,
  mode: BallotImportMode,
  leftOut: readonly LeftOutRater[],
): BallotImportConflict[] {
  return conflictsFor(g, mode).filter((c) => !isLeftOut(leftOut, g.group, c.kind, c.rater));
}

/** Per cadre and kind (and for the group's superior ballots) what the import will do: the preview and the audit agree. */
export function groupEffect(
  g: BallotImportGroup,
  mode: BallotImportMode,
  leftOut: readonly LeftOutRater[],
): { superior: KindEffect; cadres: { cadreId: number; effect: Record<CadreKind, KindEffect> }[] } {
  const replaced = (c: SourceCounts) => (mode === 'add' ? 0 : (c.excel ?? 0));
  const paper = (c: SourceCounts) => (mode === 'replacePaper' ? (c.paper ?? 0) : 0);
  // A leader writes one row per group (the parser refuses a second), so each left-out leader is one row.
  const superiorLeftOutRows = leftOut.filter((l) => l.group === g.group && l.kind === 'superior').length;
  return {
    superior: {
      adds: g.superior.file - superiorLeftOutRows,
      replaces: replaced(g.superior.existing),
      replacesPaper: 0,
      leftOut: superiorLeftOutRows,
    },
    cadres: g.cadres.map((c) => {
      const peerLeft = Object.entries(c.filePeerByRater).reduce(
        (n, [rater, rows]) => n + (isLeftOut(leftOut, g.group, 'peer', rater) ? rows : 0),
        0,
      );
      return {
        cadreId: c.cadreId,
        effect: {
          peer: {
            adds: c.file.peer - peerLeft,
            replaces: replaced(c.existing.peer),
            replacesPaper: 0,
            leftOut: peerLeft,
          },
          staff: {
            adds: c.file.staff,
            replaces: replaced(c.existing.staff),
            replacesPaper: paper(c.existing.staff),
            leftOut: 0,
          },
          service: { adds: c.file.service, replaces: replaced(c.existing.service), replacesPaper: 0, leftOut: 0 },
        },
      };
    }),
  };
}

export const hasFileBallots = (g: BallotImportGroup) =>
  g.superior.file > 0 || g.cadres.some((c) => c.file.peer + c.file.staff + c.file.service > 0);

/** The group holds 纸质录入 staff votes (逐票录入), which 替换含纸质 would replace. */
export const hasPaperStaff = (g: BallotImportGroup) => g.cadres.some((c) => (c.existing.staff.paper ?? 0) > 0);
