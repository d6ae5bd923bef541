// Paper ballots entered twice (二次录入): what a clerk types, how two entries compare, and the list shown to clerks.
import type { GroupRef } from './types';

export type PaperKind = 'superior' | 'peer';
export const PAPER_KIND_LABELS: Readonly<Record<PaperKind, string>> = { superior: '上级排名', peer: '同级互评' };

export type PaperBallot =
  | { kind: 'superior'; group: GroupRef; order: number[] }
  | { kind: 'peer'; raterId: number; ballots: { targetId: number; scores: Record<string, number> }[] };

export type PaperState = 'pending' | 'matched' | 'mismatch' | 'resolved';
export const PAPER_STATE_LABELS: Readonly<Record<PaperState, string>> = {
  pending: '待第二次录入',
  matched: '一致，已计入',
  mismatch: '不一致，待核对',
  resolved: '已核对，已计入',
};

export interface PaperEntryView {
  entryNo: 1 | 2;
  enteredBy: string;
  enteredAt: string;
  /** Hidden while the paper waits for its second entry, so the second clerk types blind. */
  ballot: PaperBallot | null;
}

export interface PaperView {
  paperNo: string;
  kind: PaperKind;
  state: PaperState;
  entries: PaperEntryView[];
  resolvedEntry: 1 | 2 | null;
  resolvedBy: string | null;
}

export interface PaperEntryResult {
  paperNo: string;
  entryNo: 1 | 2;
  state: PaperState;
}

/** Peer ballots sorted by target, so the same paper typed in another order still matches. */
export function normalizePaperBallot(b: PaperBallot): PaperBallot {
  if (b.kind === 'superior') return { kind: 'superior', group: b.group, order: [...b.order] };
  return {
    kind: 'peer',
    raterId: b.raterId,
    ballots: [...b.ballots]
      .sort((x, y) => x.targetId - y.targetId)
      .map((x) => ({ targetId: x.targetId, scores: { ...x.scores } })),
  };
}

/** One row of the side-by-side comparison: a place (上级排名) or a target × indicator (同级互评). */
export interface PaperDiffRow {
  key: string;
  /** Place number or target cadre id. */
  label: { place?: number; targetId?: number; indicatorId?: string; field?: 'group' | 'rater' };
  first: string | number | null;
  second: string | number | null;
  differs: boolean;
}

/** Row by row comparison of two entries of the same paper (ids, not names: the window names them). */
export function diffPaperBallots(a: PaperBallot, b: PaperBallot): PaperDiffRow[] {
  const rows: PaperDiffRow[] = [];
  const push = (
    key: string,
    label: PaperDiffRow['label'],
    first: string | number | null,
    second: string | number | null,
  ) => rows.push({ key, label, first, second, differs: first !== second });
  if (a.kind === 'superior' && b.kind === 'superior') {
    push('group', { field: 'group' }, a.group, b.group);
    const n = Math.max(a.order.length, b.order.length);
    for (let i = 0; i < n; i++) push(`place-${i + 1}`, { place: i + 1 }, a.order[i] ?? null, b.order[i] ?? null);
    return rows;
  }
  if (a.kind === 'peer' && b.kind === 'peer') {
    push('rater', { field: 'rater' }, a.raterId, b.raterId);
    const targets = [...new Set([...a.ballots, ...b.ballots].map((x) => x.targetId))].sort((x, y) => x - y);
    for (const t of targets) {
      const sa = a.ballots.find((x) => x.targetId === t)?.scores;
      const sb = b.ballots.find((x) => x.targetId === t)?.scores;
      const ids = [...new Set([...Object.keys(sa ?? {}), ...Object.keys(sb ?? {})])].sort();
      for (const ind of ids)
        push(`${t}-${ind}`, { targetId: t, indicatorId: ind }, sa?.[ind] ?? null, sb?.[ind] ?? null);
    }
    return rows;
  }
  push('kind', { field: 'group' }, a.kind, b.kind);
  return rows;
}
