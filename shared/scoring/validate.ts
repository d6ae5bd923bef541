// Ballot validity (rule 2 of docs/scoring.md) and the value each valid ballot gives its target(s) (rule 3).
import type { CadreIndex } from './groups';
import type { Component, InvalidBallot, RankingConfig, RankingInput, StaffGrade } from './types';

export const invalidReasons = {
  unknownCadre: 'unknownCadre',
  notWholeGroup: 'superior.notWholeGroup',
  self: 'peer.self',
  otherGroup: 'peer.otherGroup',
  indicators: 'peer.indicators',
  outOfRange: 'outOfRange',
  duplicate: 'duplicate',
} as const;

/** Per cadre number, the values of its valid ballots, in ballot order; undefined when it has none. */
export type BallotValues = Record<Component, (number[] | undefined)[]>;

export interface CollectedBallots {
  values: BallotValues;
  invalid: InvalidBallot[];
}

function isScore(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 100;
}

function isStaffGrade(x: unknown): x is StaffGrade {
  return x === 'excellent' || x === 'good' || x === 'fair' || x === 'poor';
}

function push(values: (number[] | undefined)[], cadre: number, value: number): void {
  const list = values[cadre];
  if (list === undefined) values[cadre] = [value];
  else list.push(value);
}

/** Turns per-index reasons (undefined = valid) into report rows, already in index order. */
function report(kind: Component, reasons: readonly (string | undefined)[], into: InvalidBallot[]): void {
  reasons.forEach((reason, index) => {
    if (reason !== undefined) into.push({ kind, index, reason });
  });
}

function collectSuperior(input: RankingInput, index: CadreIndex, values: (number[] | undefined)[]): (string | undefined)[] {
  const ballots = input.superiorBallots;
  const floor = input.config.superiorFloor;
  const reasons: (string | undefined)[] = new Array<string | undefined>(ballots.length).fill(undefined);
  // seenIn[cadre] = 1 + the ballot that last listed it: finds repeats without a Set per ballot.
  const seenIn = new Int32Array(index.cadres.length);
  const passed: { ballot: number; key: string; order: number[] }[] = [];
  const lastByKey = new Map<string, number>();

  ballots.forEach((ballot, b) => {
    const ids: unknown = ballot.order;
    if (!Array.isArray(ids)) {
      reasons[b] = invalidReasons.notWholeGroup;
      return;
    }
    const order: number[] = [];
    for (const id of ids) {
      const cadre = typeof id === 'string' ? index.numberById.get(id) : undefined;
      if (cadre === undefined) {
        reasons[b] = invalidReasons.unknownCadre;
        return;
      }
      order.push(cadre);
    }
    const first = order[0];
    const group = first === undefined ? undefined : index.groups[index.groupOf[first] ?? -1];
    if (first === undefined || group === undefined || group.members.length !== order.length) {
      reasons[b] = invalidReasons.notWholeGroup;
      return;
    }
    const groupNumber = index.groupOf[first];
    for (const cadre of order) {
      if (index.groupOf[cadre] !== groupNumber || seenIn[cadre] === b + 1) {
        reasons[b] = invalidReasons.notWholeGroup;
        return;
      }
      seenIn[cadre] = b + 1;
    }
    // Superior ballots carry no scores, so outOfRange cannot apply.
    const key = `${String(ballot.raterId)}\u0000${String(groupNumber)}`;
    lastByKey.set(key, b);
    passed.push({ ballot: b, key, order });
  });

  for (const { ballot, key, order } of passed) {
    if (lastByKey.get(key) !== ballot) {
      reasons[ballot] = invalidReasons.duplicate;
      continue;
    }
    const n = order.length;
    const step = n > 1 ? (100 - floor) / (n - 1) : 0;
    order.forEach((cadre, place) => push(values, cadre, n === 1 ? 100 : 100 - place * step));
  }
  return reasons;
}

function peerValue(scores: Record<string, number>, indicators: RankingConfig['indicators']['chief']): number {
  let sum = 0;
  for (const { id, weight } of indicators) sum += (scores[id] ?? 0) * weight;
  return sum;
}

function collectPeer(input: RankingInput, index: CadreIndex, values: (number[] | undefined)[]): (string | undefined)[] {
  const ballots = input.peerBallots;
  const { indicators } = input.config;
  const indicatorIds = { chief: new Set(indicators.chief.map((i) => i.id)), deputy: new Set(indicators.deputy.map((i) => i.id)) };
  const reasons: (string | undefined)[] = new Array<string | undefined>(ballots.length).fill(undefined);
  const cadreCount = index.cadres.length;
  const passed: { ballot: number; key: number; target: number }[] = [];
  const lastByKey = new Map<number, number>();

  ballots.forEach((ballot, b) => {
    const rater = index.numberById.get(ballot.raterId);
    const target = index.numberById.get(ballot.targetId);
    if (rater === undefined || target === undefined) {
      reasons[b] = invalidReasons.unknownCadre;
      return;
    }
    if (rater === target) {
      reasons[b] = invalidReasons.self;
      return;
    }
    if (index.groupOf[rater] !== index.groupOf[target]) {
      reasons[b] = invalidReasons.otherGroup;
      return;
    }
    const scores: unknown = ballot.scores;
    const expected = index.cadres[target]?.position === 'deputy' ? indicatorIds.deputy : indicatorIds.chief;
    if (typeof scores !== 'object' || scores === null) {
      reasons[b] = invalidReasons.indicators;
      return;
    }
    const keys = Object.keys(scores);
    if (keys.length !== expected.size || !keys.every((key) => expected.has(key))) {
      reasons[b] = invalidReasons.indicators;
      return;
    }
    if (!keys.every((key) => isScore((scores as Record<string, unknown>)[key]))) {
      reasons[b] = invalidReasons.outOfRange;
      return;
    }
    // rater * count + target is unique per pair and stays far below 2^53.
    const key = rater * cadreCount + target;
    lastByKey.set(key, b);
    passed.push({ ballot: b, key, target });
  });

  for (const { ballot, key, target } of passed) {
    if (lastByKey.get(key) !== ballot) {
      reasons[ballot] = invalidReasons.duplicate;
      continue;
    }
    const position = index.cadres[target]?.position === 'deputy' ? 'deputy' : 'chief';
    const scores = ballots[ballot]?.scores ?? {};
    push(values, target, peerValue(scores, indicators[position]));
  }
  return reasons;
}

/** Staff ballots name no rater, so only unknownCadre and outOfRange can apply; a grade that is not one of the four is outOfRange. */
function collectStaff(input: RankingInput, index: CadreIndex, values: (number[] | undefined)[]): (string | undefined)[] {
  const points = input.config.staffPoints;
  return input.staffBallots.map((ballot) => {
    const target = index.numberById.get(ballot.targetId);
    if (target === undefined) return invalidReasons.unknownCadre;
    const grade: unknown = ballot.grade;
    if (!isStaffGrade(grade)) return invalidReasons.outOfRange;
    push(values, target, points[grade]);
    return undefined;
  });
}

/** Service ballots name no rater either: unknownCadre and outOfRange only. */
function collectService(input: RankingInput, index: CadreIndex, values: (number[] | undefined)[]): (string | undefined)[] {
  return input.serviceBallots.map((ballot) => {
    const target = index.numberById.get(ballot.targetId);
    if (target === undefined) return invalidReasons.unknownCadre;
    const score: unknown = ballot.score;
    if (!isScore(score)) return invalidReasons.outOfRange;
    push(values, target, score);
    return undefined;
  });
}

export function collectBallots(input: RankingInput, index: CadreIndex): CollectedBallots {
  const count = index.cadres.length;
  const values: BallotValues = {
    superior: new Array<number[] | undefined>(count).fill(undefined),
    peer: new Array<number[] | undefined>(count).fill(undefined),
    staff: new Array<number[] | undefined>(count).fill(undefined),
    service: new Array<number[] | undefined>(count).fill(undefined),
  };
  const superior = collectSuperior(input, index, values.superior);
  const peer = collectPeer(input, index, values.peer);
  const staff = collectStaff(input, index, values.staff);
  const service = collectService(input, index, values.service);

  // "By kind, then index": kinds in plain code-unit order of their names (peer, service, staff, superior),
  // the same ordering rule the contract uses for every other string.
  const invalid: InvalidBallot[] = [];
  report('peer', peer, invalid);
  report('service', service, invalid);
  report('staff', staff, invalid);
  report('superior', superior, invalid);
  return { values, invalid };
}
