// How the 优秀 quota of a group is worded on screen, in print and in Excel: the pool it is counted over (rule 8 of
// scoring.md) and, under group pools, why a small group has no 优秀 place.
import { round2 } from '../scoring/round';
import type { ExcellentQuotaScope, Position, RankingConfig, RankingGroup } from '../scoring/types';
import type { RankingsView } from './types';

export const QUOTA_SCOPE_LABELS: Readonly<Record<ExcellentQuotaScope, string>> = {
  group: '按组计算',
  position: '正职、副职分别合并计算',
};

/** The one line under the setting that says what the two scopes do. */
export const QUOTA_SCOPE_HELP =
  '按组计算：每个正职类别、每个副职单位各按比例计算优秀名额，人数少的组可能没有名额；合并计算：全部正职、全部副职各按总人数计算名额，按得分从高到低跨组评定，名次仍在组内排列。';

const POSITION_LABEL: Readonly<Record<Position, string>> = { chief: '正职', deputy: '副职' };

/** How the quota was counted for a result: read from the assessment's configuration (absent scope = group). */
export interface QuotaBasis {
  scope: ExcellentQuotaScope;
  ratio: number;
}

export function quotaBasisOf(config: Pick<RankingConfig, 'excellentQuotaScope' | 'excellentRatio'>): QuotaBasis {
  return { scope: config.excellentQuotaScope === 'position' ? 'position' : 'group', ratio: config.excellentRatio };
}

const percent = (ratio: number) => `${round2(ratio * 100)}%`;

type QuotaView = Pick<RankingsView, 'result' | 'quotaBasis'> & Partial<Pick<RankingsView, 'state'>>;

const basisOf = (view: QuotaView): QuotaBasis => view.quotaBasis ?? { scope: 'group', ratio: Number.NaN };

/** Ranked cadres of a position's pool (all its groups). */
export function poolRanked(view: QuotaView, position: Position): number {
  return view.result.groups.filter((g) => g.position === position).reduce((n, g) => n + g.rows.length, 0);
}

/** The quota part of a group's heading: "优秀名额 1 名", or under a position pool whose quota it is. */
export function quotaSummary(view: QuotaView, group: Pick<RankingGroup, 'position' | 'excellentQuota'>): string {
  if (basisOf(view).scope !== 'position') return `优秀名额 ${group.excellentQuota} 名`;
  return `优秀名额 ${group.excellentQuota} 名（${POSITION_LABEL[group.position]}合并计算）`;
}

/**
 * Under group pools, a group whose ranked cadres are too few for one place at the configured ratio says so and
 * points at the setting; null otherwise (a ratio of 0 means no 优秀 on purpose, and an empty group has nothing to say).
 */
export function smallGroupNote(
  view: QuotaView,
  group: Pick<RankingGroup, 'rows' | 'size' | 'excellentQuota'>,
): string | null {
  const basis = basisOf(view);
  const n = group.rows.length;
  if (basis.scope !== 'group' || group.excellentQuota > 0 || n === 0 || !(basis.ratio > 0)) return null;
  const people = n === group.size ? `本组 ${n} 人` : `本组参与排名 ${n} 人`;
  // The configuration can change only before 汇总: afterwards the hint would point at a locked setting.
  const changeable = view.state === undefined || view.state === 'preparing' || view.state === 'collecting';
  return `${people}，按 ${percent(basis.ratio)} 计算无优秀名额${changeable ? '；可在考核配置中改为合并计算' : ''}`;
}

/** Under position pools, the line that states a position's pool: its ranked cadres, the ratio and the quota. */
export function poolLine(view: QuotaView, position: Position): string | null {
  const basis = basisOf(view);
  if (basis.scope !== 'position') return null;
  const group = view.result.groups.find((g) => g.position === position);
  if (!group) return null;
  const label = POSITION_LABEL[position];
  return (
    `${label}优秀名额合并计算：全部${label}参与排名 ${poolRanked(view, position)} 人，按 ${percent(basis.ratio)} ` +
    `共 ${group.excellentQuota} 名，按得分从高到低跨组评定`
  );
}
