// The checks of an entry against the catalog and the cadre that a schema cannot make alone (pure, given the facts).
import type { EntryCommonInput } from './schema';
import { ENTRY_POLARITY_LABELS } from './types';

/** One catalog row as the check needs it (retired rows included: they are still valid on old entries). */
export interface CatalogCodeRow {
  readonly name: string;
  readonly retired: boolean;
  readonly polarity?: 'positive' | 'negative';
  readonly sectionCode?: string;
}

export interface EntryCatalog {
  readonly subItems: ReadonlyMap<string, CatalogCodeRow>;
  readonly channels: ReadonlyMap<string, CatalogCodeRow>;
  readonly standards: ReadonlyMap<string, CatalogCodeRow>;
  readonly listItems: ReadonlyMap<string, CatalogCodeRow>;
}

export interface EntryIssue {
  readonly field: string;
  readonly message: string;
}

/** Codes an entry already carries: a retired one may stay on the entry it was chosen for. */
export interface KeptCodes {
  readonly subItemCode?: string;
  readonly channelCode?: string;
  readonly standardCodes?: readonly string[];
  readonly listItemCode?: string | null;
}

function checkCode(
  map: ReadonlyMap<string, CatalogCodeRow>,
  value: string,
  label: string,
  field: string,
  kept: boolean,
): EntryIssue | null {
  const row = map.get(value);
  if (!row) return { field, message: `${label}“${value}”不在当前目录中（可能来自其他版本的目录），请重新选择` };
  if (row.retired && !kept) return { field, message: `${label}“${row.name}”已停用，不能用于新的材料，请重新选择` };
  return null;
}

/**
 * The first problem of an entry, or null: catalog codes exist and are not retired (unless kept from before),
 * the list item's polarity matches, the date is not in the future nor before the cadre's birth month.
 */
export function checkEntry(
  input: EntryCommonInput,
  facts: {
    readonly catalog: EntryCatalog;
    readonly today: string;
    readonly birthMonth: string | null;
    readonly kept?: KeptCodes;
  },
): EntryIssue | null {
  const { catalog, today, birthMonth, kept = {} } = facts;
  if (input.date > today) return { field: 'date', message: `日期不能晚于今天（${today}）` };
  if (birthMonth && input.date.slice(0, 7) < birthMonth) {
    return { field: 'date', message: `日期不能早于该干部的出生年月（${birthMonth.replace('-', '.')}）` };
  }
  const checks = [
    checkCode(
      catalog.subItems,
      input.subItemCode,
      '材料类别（子项）',
      'subItemCode',
      kept.subItemCode === input.subItemCode,
    ),
    checkCode(catalog.channels, input.channelCode, '材料来源', 'channelCode', kept.channelCode === input.channelCode),
    ...input.standardCodes.map((c) =>
      checkCode(catalog.standards, c, '评价标准', 'standardCodes', kept.standardCodes?.includes(c) ?? false),
    ),
    input.listItemCode === null
      ? null
      : checkCode(
          catalog.listItems,
          input.listItemCode,
          '正负面清单事项',
          'listItemCode',
          kept.listItemCode === input.listItemCode,
        ),
  ];
  const first = checks.find((c) => c !== null);
  if (first) return first;
  if (input.listItemCode !== null) {
    const item = catalog.listItems.get(input.listItemCode)!;
    if (item.polarity !== input.polarity) {
      return {
        field: 'listItemCode',
        message:
          `正负面清单事项“${item.name}”属于${item.polarity === 'positive' ? '正面' : '负面'}清单，` +
          `与材料性质“${ENTRY_POLARITY_LABELS[input.polarity]}”不一致`,
      };
    }
  }
  return null;
}
