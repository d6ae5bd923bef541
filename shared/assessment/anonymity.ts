// Anonymity in small groups (issue 21 §5): a component resting on fewer than 3 ballots of an anonymous kind keeps its
// score in every view, export and print, but loses its ballot count and any breakdown (policy: db/assessment/kiosk.ts).
import type { Component, RankingConfig, RankingResult } from '../scoring/types';
import { COMPONENT_LABELS } from './types';

/** Fewer anonymous ballots than this behind a component: no count, no distribution, no ballot list. */
export const ANONYMITY_MIN_BALLOTS = 3;

/** Kinds whose raters are never named: staff and service forms always, 上级排名 when from the kiosk. */
export const ALWAYS_ANONYMOUS: readonly Component[] = ['staff', 'service'];

/**
 * The components to conceal per cadre id. `anonymousSuperior(cadreId)` tells whether the cadre's 上级排名 ballots
 * include any from the kiosk (no rater kept).
 */
export function concealedComponents(
  result: RankingResult,
  anonymousSuperior: (cadreId: string) => boolean,
): Record<string, Component[]> {
  const out: Record<string, Component[]> = {};
  for (const g of result.groups)
    for (const r of g.rows) {
      const hidden: Component[] = [];
      for (const c of ['superior', 'staff', 'service'] as const) {
        const v = r.components[c];
        const anonymous = c === 'superior' ? anonymousSuperior(r.cadreId) : true;
        if (v && anonymous && v.ballots < ANONYMITY_MIN_BALLOTS) hidden.push(c);
      }
      if (hidden.length > 0) out[r.cadreId] = hidden;
    }
  return out;
}

/** A copy of the result whose concealed components say 0 ballots (the score stays); the rest is shared. */
export function withoutConcealedCounts(
  result: RankingResult,
  concealed: Readonly<Record<string, readonly Component[]>>,
): RankingResult {
  if (Object.keys(concealed).length === 0) return result;
  return {
    ...result,
    groups: result.groups.map((g) => ({
      ...g,
      rows: g.rows.map((r) => {
        const hide = concealed[r.cadreId];
        if (!hide) return r;
        const components = { ...r.components };
        for (const c of hide) {
          const v = components[c];
          if (v) components[c] = { score: v.score, ballots: 0, trimmed: false };
        }
        return { ...r, components };
      }),
    })),
  };
}

export const isConcealed = (
  concealed: Readonly<Record<string, readonly Component[]>> | undefined,
  cadreId: string,
  c: Component,
): boolean => concealed?.[cadreId]?.includes(c) ?? false;

/** The entry tabs' and the import preview's mark for a kiosk part left out (no count, no grades, no ballot). */
export const KIOSK_CONCEALED_TEXT = '评议终端票（不公开）';

/** What a view shows in place of a concealed count. */
export const CONCEALED_TEXT = '不足3票，不公开票数';

/** The configuration's warning: `minBallots` below 3 for an anonymous kind lets a component rest on one or two votes. */
export function anonymityConfigWarnings(config: Pick<RankingConfig, 'minBallots'>): string[] {
  const low = (['superior', 'staff', 'service'] as const).filter((c) => config.minBallots[c] < ANONYMITY_MIN_BALLOTS);
  if (low.length === 0) return [];
  return [
    `${low.map((c) => `${COMPONENT_LABELS[c]}（${config.minBallots[c]}）`).join('、')}的最少有效票数低于 ` +
      `${ANONYMITY_MIN_BALLOTS}：不足 ${ANONYMITY_MIN_BALLOTS} 票时只显示得分、不显示票数和分布，` +
      '但一两张匿名票的得分本身仍可能推知个人评价，建议设为 3 或以上',
  ];
}
