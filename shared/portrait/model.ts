// The political-portrait model of catalog.md as a pure, deterministic function (the "as of" date is an input).
import { round2 } from '../scoring/round';
import { measuresFor } from './suggestions';
import type {
  Classification,
  PortraitContribution,
  PortraitDimensionResult,
  PortraitEvidence,
  PortraitInput,
  PortraitListItem,
  PortraitResult,
  PortraitSuggestion,
} from './types';
import { CLASSIFICATION_LABELS } from './types';
import { evidenceWindow, inWindow, windowFrom } from './window';

const byDateThenId = (a: { date: string; entryId: number }, b: { date: string; entryId: number }) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.entryId - b.entryId;

function classify(
  overall: number,
  vetoText: string | null,
  c: PortraitInput['config'],
): { classification: Classification; reason: string } {
  if (vetoText !== null)
    return { classification: 'poor', reason: `存在一票否决事项（${vetoText}），评价等次为较差（综合指数 ${overall}）` };
  if (overall >= c.goodMin)
    return { classification: 'good', reason: `综合指数 ${overall} 不低于 ${c.goodMin}，评价等次为好` };
  if (overall >= c.fairlyGoodMin)
    return {
      classification: 'fairlyGood',
      reason: `综合指数 ${overall} 不低于 ${c.fairlyGoodMin}、低于 ${c.goodMin}，评价等次为较好`,
    };
  if (overall >= c.averageMin)
    return {
      classification: 'average',
      reason: `综合指数 ${overall} 不低于 ${c.averageMin}、低于 ${c.fairlyGoodMin}，评价等次为一般`,
    };
  return { classification: 'poor', reason: `综合指数 ${overall} 低于 ${c.averageMin}，评价等次为较差` };
}

/**
 * Rules (catalog.md, with the configuration's numbers):
 * - Window: an entry counts when asOf − windowYears < date ≤ asOf (ISO dates; 29 Feb falls back to 28 Feb). So with
 *   asOf 2025-06-30 and 3 years, 2022-06-30 is out and 2022-07-01 is in; entries after asOf (or with a malformed
 *   date) never count. With `from` (a period such as 本年度 or 任现职以来) an entry counts when from ≤ date ≤ asOf.
 * - Dimension index: startValue + the signed points of every counted entry whose list item names that dimension
 *   (an item naming a dimension twice counts once), the sum clamped to clampMin..clampMax, rounded to 2 decimals.
 *   Retired list items still count; unknown codes move nothing and are reported.
 * - Overall index: mean of the dimension indices, rounded to 2 decimals half away from zero.
 * - Classification: any counted veto item → 较差; else 好 ≥ goodMin, 较好 ≥ fairlyGoodMin, 一般 ≥ averageMin, else 较差.
 * - Suggestions: for each dimension below weakBelow, the measures of suggestions.ts (缺什么补什么).
 * The result does not depend on the order of the evidence.
 */
export function computePortrait(input: PortraitInput): PortraitResult {
  const { catalog, config, asOf } = input;
  const window = input.from === undefined ? evidenceWindow(asOf, config.windowYears) : windowFrom(input.from, asOf);
  const items = new Map<string, PortraitListItem>(catalog.listItems.map((i) => [i.code, i]));
  const dimensionOfStandard = new Map<string, string>();
  for (const d of catalog.dimensions) for (const s of d.standards ?? []) dimensionOfStandard.set(s.code, d.code);

  const contributions = new Map<string, PortraitContribution[]>(catalog.dimensions.map((d) => [d.code, []]));
  const related = new Map<string, Set<number>>(catalog.dimensions.map((d) => [d.code, new Set<number>()]));
  const counts = { positive: 0, negative: 0, neutral: 0, total: 0 };
  const vetoEntries: { entryId: number; listItemCode: string; date: string }[] = [];
  const unknown: { entryId: number; listItemCode: string }[] = [];

  const counted: PortraitEvidence[] = input.evidence.filter((e) => inWindow(e.date, window));
  for (const e of counted) {
    counts[e.polarity] += 1;
    counts.total += 1;
    const moved = new Set<string>();
    if (e.listItemCode !== null) {
      const item = items.get(e.listItemCode);
      if (!item) unknown.push({ entryId: e.id, listItemCode: e.listItemCode });
      else {
        if (item.veto) vetoEntries.push({ entryId: e.id, listItemCode: item.code, date: e.date });
        for (const dim of new Set(item.dimensions)) {
          const list = contributions.get(dim);
          if (!list) continue;
          list.push({ entryId: e.id, date: e.date, listItemCode: item.code, points: item.points });
          moved.add(dim);
        }
      }
    }
    for (const s of e.standards) {
      const dim = dimensionOfStandard.get(s);
      if (dim !== undefined && !moved.has(dim)) related.get(dim)?.add(e.id);
    }
  }

  const dimensions: PortraitDimensionResult[] = catalog.dimensions.map((d) => {
    const list = (contributions.get(d.code) ?? []).sort(byDateThenId);
    const pointsTotal = round2(list.reduce((sum, c) => sum + c.points, 0));
    const raw = config.startValue + pointsTotal;
    const index = round2(Math.min(config.clampMax, Math.max(config.clampMin, raw)));
    const relatedEntryIds = [...(related.get(d.code) ?? [])].sort((a, b) => a - b);
    return { code: d.code, name: d.name, index, pointsTotal, contributions: list, relatedEntryIds };
  });

  const overall =
    dimensions.length === 0
      ? round2(config.startValue)
      : round2(dimensions.reduce((s, d) => s + d.index, 0) / dimensions.length);
  vetoEntries.sort(byDateThenId);
  const vetoCodes = [...new Set(vetoEntries.map((v) => v.listItemCode))];
  const vetoText =
    vetoCodes.length === 0 ? null : vetoCodes.map((code) => `${code} ${items.get(code)?.name ?? ''}`.trim()).join('；');
  const { classification, reason } = classify(overall, vetoText, config);

  const suggestions: PortraitSuggestion[] = dimensions
    .filter((d) => d.index < config.weakBelow)
    .map((d) => ({ dimensionCode: d.code, dimensionName: d.name, index: d.index, measures: measuresFor(d.code) }));

  return {
    asOf,
    windowFrom: window.from,
    dimensions,
    overall,
    counts,
    veto: {
      present: vetoEntries.length > 0,
      entries: vetoEntries.map(({ entryId, listItemCode }) => ({ entryId, listItemCode })),
    },
    classification,
    classificationLabel: CLASSIFICATION_LABELS[classification],
    reason,
    suggestions,
    unknownListItems: unknown.sort((a, b) => a.entryId - b.entryId),
  };
}
