// Indexes the cadres by id and puts each one in its ranking group (chief: category, deputy: unit).
import type { Position, RankingCadre } from './types';

export interface CadreGroup {
  position: Position;
  groupKey: string;
  /** Cadre numbers (see CadreIndex.cadres) of the group, in input order. */
  members: number[];
}

export interface CadreIndex {
  /** The cadres with distinct ids; a cadre's number is its place here. */
  cadres: RankingCadre[];
  numberById: Map<string, number>;
  /** Cadre number -> group number. */
  groupOf: Int32Array;
  /** In output order: chief groups, then deputy groups, each by groupKey in code-unit order. */
  groups: CadreGroup[];
}

/** Plain code-unit order, never locale collation, so every machine sorts alike. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function indexCadres(input: readonly RankingCadre[]): CadreIndex {
  const cadres: RankingCadre[] = [];
  const numberById = new Map<string, number>();
  // Two maps because a category id and a unit id may be spelled the same and still be different groups.
  const byPosition: Record<Position, Map<string, CadreGroup>> = { chief: new Map(), deputy: new Map() };

  for (const cadre of input) {
    // A repeated id keeps its first entry: one cadre, one row.
    if (numberById.has(cadre.id)) continue;
    const number = cadres.length;
    numberById.set(cadre.id, number);
    cadres.push(cadre);
    const groupKey = cadre.position === 'chief' ? cadre.categoryId : cadre.unitId;
    const groupMap = byPosition[cadre.position];
    let group = groupMap.get(groupKey);
    if (group === undefined) {
      group = { position: cadre.position, groupKey, members: [] };
      groupMap.set(groupKey, group);
    }
    group.members.push(number);
  }

  const chiefGroups = [...byPosition.chief.values()].sort((a, b) => compareStrings(a.groupKey, b.groupKey));
  const deputyGroups = [...byPosition.deputy.values()].sort((a, b) => compareStrings(a.groupKey, b.groupKey));
  const groups = [...chiefGroups, ...deputyGroups];
  return { cadres, numberById, groupOf: groupNumbers(groups, cadres.length), groups };
}

/** Cadre number -> number of its group in `groups` (every cadre is in exactly one), without a Map keyed by group. */
function groupNumbers(groups: readonly CadreGroup[], cadreCount: number): Int32Array {
  const groupOf = new Int32Array(cadreCount);
  for (let g = 0; g < groups.length; g++) {
    const members = (groups[g] as CadreGroup).members;
    for (let m = 0; m < members.length; m++) groupOf[members[m] ?? 0] = g;
  }
  return groupOf;
}
