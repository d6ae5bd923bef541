// Participation accounts (issue 21 §3): per group and rater kind, 应到 / 实到 / 弃权 / 有效 / 无效 (by reason) / 参评率,
// and the warnings shown before 汇总. Pure: the store counts, this adds them up the one way every view uses.
import type { Component, RankingConfig } from '../scoring/types';
import { invalidReasonText } from './labels';
import { COMPONENT_LABELS, type GroupRef } from './types';

export const PARTICIPATION_KINDS: readonly Component[] = ['superior', 'peer', 'staff', 'service'];

/** The assessment's configuration: scoring's, plus the participation share (not scoring's, so not in its contract). */
export type AssessmentConfig = RankingConfig & { participationMinShare?: number };

/** Default share of 应到 below which 实到 is warned about before 汇总. */
export const DEFAULT_PARTICIPATION_MIN_SHARE = 2 / 3;

/** The reason code of forms a clerk counted as 无效 on paper (never typed in, so scoring never saw them). */
export const PAPER_INVALID_REASON = 'paper.counted';

/**
 * The clerk's count of the paper forms of one group and kind (发出 / 收回 / 无效 / 弃权); null = not counted.
 * 收回 includes the 无效 and 弃权 forms; the valid ones are the forms typed in.
 */
export interface ParticipationSheet {
  group: GroupRef;
  kind: Component;
  expected: number | null;
  received: number | null;
  invalid: number | null;
  abstained: number | null;
}

/** What the store counts for one group and kind. */
export interface ParticipationCounts {
  group: GroupRef;
  kind: Component;
  /** 评议码 not revoked, used, unused (no codes for 服务对象). */
  codesIssued: number;
  codesUsed: number;
  /** Forms entered otherwise (paper double entry, a clerk's form or totals, Excel import). */
  formsEntered: number;
}

/** Forms scoring found invalid, by group, kind and reason code (scoring.md rule 2). */
export interface ParticipationInvalid {
  group: GroupRef;
  kind: Component;
  reason: string;
  forms: number;
}

export interface ParticipationInput {
  /** Group refs with their size (cadres in the group). */
  groups: readonly { group: GroupRef; size: number }[];
  counts: readonly ParticipationCounts[];
  invalid: readonly ParticipationInvalid[];
  sheets: readonly ParticipationSheet[];
  /** Share of 应到 that 实到 should reach (default 2/3). */
  minShare?: number | undefined;
}

export interface ParticipationLine {
  group: GroupRef;
  kind: Component;
  /** 应到; null when nobody said how many (no codes issued and no count entered). */
  expected: number | null;
  received: number;
  abstained: number;
  valid: number;
  invalid: number;
  invalidByReason: Record<string, number>;
  /** 实到 / 应到, null without 应到. */
  rate: number | null;
  codesUnused: number;
  /** Forms typed in or imported (not from the kiosk), valid or not. */
  formsEntered: number;
  /** 实到 below minShare of 应到. */
  lowTurnout: boolean;
  /** The clerk's 收回 ≠ 有效 + 无效 + 弃权 of the paper forms. */
  paperMismatch: boolean;
  /** The clerk's paper count as entered, when there is one. */
  sheet: ParticipationSheet | null;
}

export interface ParticipationReport {
  minShare: number;
  lines: ParticipationLine[];
}

const key = (group: string, kind: Component) => `${group}|${kind}`;
const nonNeg = (n: number | null | undefined) => Math.max(0, n ?? 0);

/** One line per group and kind, kinds in PARTICIPATION_KINDS order; a kind not in use in a group is left out. */
export function participationAccounts(input: ParticipationInput): ParticipationReport {
  const minShare = input.minShare ?? DEFAULT_PARTICIPATION_MIN_SHARE;
  const counts = new Map(input.counts.map((c) => [key(c.group, c.kind), c]));
  const sheets = new Map(input.sheets.map((s) => [key(s.group, s.kind), s]));
  const invalid = new Map<string, Record<string, number>>();
  for (const i of input.invalid) {
    const byReason = invalid.get(key(i.group, i.kind)) ?? {};
    byReason[i.reason] = (byReason[i.reason] ?? 0) + i.forms;
    invalid.set(key(i.group, i.kind), byReason);
  }
  const lines: ParticipationLine[] = [];
  for (const { group, size } of input.groups) {
    for (const kind of PARTICIPATION_KINDS) {
      const k = key(group, kind);
      const c = counts.get(k);
      const sheet = sheets.get(k) ?? null;
      const codesIssued = c?.codesIssued ?? 0;
      const codesUsed = c?.codesUsed ?? 0;
      const entered = c?.formsEntered ?? 0;
      const byReason = { ...(invalid.get(k) ?? {}) };
      const scoredInvalid = Math.min(
        entered + codesUsed,
        Object.values(byReason).reduce((a, b) => a + b, 0),
      );
      const paperInvalid = nonNeg(sheet?.invalid);
      if (paperInvalid > 0) byReason[PAPER_INVALID_REASON] = paperInvalid;
      const abstained = nonNeg(sheet?.abstained);
      // 应到: a peer group rates itself; leaders and staff get codes and/or paper forms; service forms are counted.
      const expected =
        kind === 'peer'
          ? size >= 2
            ? size
            : null
          : codesIssued > 0 || sheet?.expected != null
            ? codesIssued + nonNeg(sheet?.expected)
            : null;
      const valid = codesUsed + entered - scoredInvalid;
      const invalidTotal = scoredInvalid + paperInvalid;
      const received = codesUsed + (sheet?.received != null ? sheet.received : entered + paperInvalid + abstained);
      // A kind not in use in this group (no ballot, no code, no count) has nothing to account for.
      if (received === 0 && codesIssued === 0 && sheet === null) continue;
      lines.push({
        group,
        kind,
        expected,
        received,
        abstained,
        valid,
        invalid: invalidTotal,
        invalidByReason: byReason,
        rate: expected !== null && expected > 0 ? received / expected : null,
        codesUnused: codesIssued - codesUsed,
        formsEntered: entered,
        lowTurnout: expected !== null && expected > 0 && received + 1e-9 < minShare * expected,
        paperMismatch: sheet?.received != null && received !== valid + invalidTotal + abstained,
        sheet,
      });
    }
  }
  return { minShare, lines };
}

/** “85.7%”, or “—” without 应到. */
export const rateText = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export const participationReasonText = (reason: string): string =>
  reason === PAPER_INVALID_REASON ? '纸质票清点为无效' : invalidReasonText(reason);

/** “无效 3（纸质票清点为无效 2，…）”, or “无效 0”. */
export function invalidText(line: Pick<ParticipationLine, 'invalid' | 'invalidByReason'>): string {
  const parts = Object.entries(line.invalidByReason)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${participationReasonText(r)} ${n}`);
  return parts.length === 0 ? `无效 ${line.invalid}` : `无效 ${line.invalid}（${parts.join('，')}）`;
}

/** The one-line account printed under a group: “上级排名：应到 5，实到 4，弃权 0，有效 4，无效 0，参评率 80.0%”. */
export function participationLineText(line: ParticipationLine): string {
  return (
    `${COMPONENT_LABELS[line.kind]}：应到 ${line.expected ?? '—'}，实到 ${line.received}，弃权 ${line.abstained}，` +
    `有效 ${line.valid}，${invalidText(line)}，参评率 ${rateText(line.rate)}`
  );
}

const shareText = (share: number) =>
  Math.abs(share - 2 / 3) < 1e-9 ? '三分之二' : `${Math.round(share * 1000) / 10}%`;

/** The warnings shown before 汇总 (not a block), each naming the group and the kind. */
export function participationWarnings(
  report: ParticipationReport,
  groupNames: Readonly<Record<string, string>>,
): string[] {
  const out: string[] = [];
  for (const l of report.lines) {
    const where = `“${groupNames[l.group] ?? l.group}”${COMPONENT_LABELS[l.kind]}`;
    if (l.lowTurnout)
      out.push(`${where}实到 ${l.received} 人，不足应到 ${l.expected} 人的${shareText(report.minShare)}`);
    if (l.paperMismatch) {
      const paperInvalid = l.sheet?.invalid ?? 0;
      out.push(
        `${where}纸质票数不平：收回 ${l.sheet?.received ?? 0} 张，而已录入 ${l.formsEntered} 张 + 无效 ${paperInvalid} 张` +
          ` + 弃权 ${l.abstained} 张 = ${l.formsEntered + paperInvalid + l.abstained} 张`,
      );
    }
  }
  return out;
}
