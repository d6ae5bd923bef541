// Ballot validity (rule 2 of docs/scoring.md) and the value each valid ballot gives its target(s) (rule 3).
import type { CadreIndex } from './groups';
import type {
  Component,
  InvalidBallot,
  PeerBallot,
  Position,
  RankingConfig,
  RankingInput,
  StaffGrade,
  SuperiorBallot,
} from './types';
import { ValuesCollector, type ValuesByCadre } from './values';

export const invalidReasons = {
  unknownCadre: 'unknownCadre',
  notWholeGroup: 'superior.notWholeGroup',
  self: 'peer.self',
  otherGroup: 'peer.otherGroup',
  indicators: 'peer.indicators',
  outOfRange: 'outOfRange',
  duplicate: 'duplicate',
} as const;

export type BallotValues = Record<Component, ValuesByCadre>;

export interface CollectedBallots {
  values: BallotValues;
  invalid: InvalidBallot[];
}

/** Per ballot index, the reason it is invalid, or undefined when it counts. */
type Reasons = (string | undefined)[];

function noReasons(length: number): Reasons {
  return new Array<string | undefined>(length).fill(undefined);
}

function isScore(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 100;
}

function isStaffGrade(x: unknown): x is StaffGrade {
  return x === 'excellent' || x === 'good' || x === 'fair' || x === 'poor';
}

/** Rules 1 and 2 for one superior ballot: the cadre numbers in order, or the reason it fails. */
function superiorOrder(ballot: SuperiorBallot, index: CadreIndex, seenIn: Int32Array, stamp: number): number[] | string {
  const ids: unknown = ballot.order;
  if (!Array.isArray(ids)) return invalidReasons.notWholeGroup;
  const order: number[] = [];
  for (const id of ids) {
    const cadre = typeof id === 'string' ? index.numberById.get(id) : undefined;
    if (cadre === undefined) return invalidReasons.unknownCadre;
    order.push(cadre);
  }
  const first = order[0];
  if (first === undefined) return invalidReasons.notWholeGroup;
  const group = index.groupOf[first] ?? -1;
  if (index.groups[group]?.members.length !== order.length) return invalidReasons.notWholeGroup;
  // Right length, all of the group, none twice: exactly the group.
  for (const cadre of order) {
    if (index.groupOf[cadre] !== group || seenIn[cadre] === stamp) return invalidReasons.notWholeGroup;
    seenIn[cadre] = stamp;
  }
  return order;
}

function collectSuperior(input: RankingInput, index: CadreIndex, into: ValuesCollector): Reasons {
  const ballots = input.superiorBallots;
  const floor = input.config.superiorFloor;
  const reasons = noReasons(ballots.length);
  const orders: (number[] | undefined)[] = new Array<number[] | undefined>(ballots.length).fill(undefined);
  const seenIn = new Int32Array(index.cadres.length);
  ballots.forEach((ballot, b) => {
    const order = superiorOrder(ballot, index, seenIn, b + 1);
    if (typeof order === 'string') reasons[b] = order;
    else orders[b] = order;
  });

  // Superior ballots carry no scores, so outOfRange cannot apply. Walking backwards, the first ballot met for a
  // (rater, group) is the last one cast: it counts, and the earlier ones are duplicates.
  const counted = new Set<string>();
  for (let b = ballots.length - 1; b >= 0; b--) {
    const first = orders[b]?.[0];
    if (first === undefined) continue;
    const key = `${String(ballots[b]?.raterId)}\u0000${String(index.groupOf[first])}`;
    if (counted.has(key)) {
      reasons[b] = invalidReasons.duplicate;
      orders[b] = undefined;
    } else counted.add(key);
  }

  for (const order of orders) {
    if (order === undefined) continue;
    const n = order.length;
    // Written as in the contract, (r - 1) * (100 - floor) / (n - 1), so the binary results match it exactly.
    order.forEach((cadre, place) => into.add(cadre, n === 1 ? 100 : 100 - (place * (100 - floor)) / (n - 1)));
  }
  return reasons;
}

function peerValue(scores: Record<string, number>, indicators: RankingConfig['indicators']['chief']): number {
  let sum = 0;
  for (const { id, weight } of indicators) sum += (scores[id] ?? 0) * weight;
  return sum;
}

/** Rules 3 to 6 for one peer ballot whose rater and target are known cadres; undefined when it passes them. */
function peerReason(ballot: PeerBallot, rater: number, target: number, index: CadreIndex, expected: readonly string[]): string | undefined {
  if (rater === target) return invalidReasons.self;
  if (index.groupOf[rater] !== index.groupOf[target]) return invalidReasons.otherGroup;
  const scores: unknown = ballot.scores;
  if (typeof scores !== 'object' || scores === null) return invalidReasons.indicators;
  // Same count and every (distinct) expected id present means exactly the same key set. Counting own keys
  // with for-in rather than Object.keys spares an array per ballot.
  let keyCount = 0;
  for (const key in scores) if (Object.hasOwn(scores, key)) keyCount++;
  if (keyCount !== expected.length) return invalidReasons.indicators;
  for (const id of expected) if (!Object.hasOwn(scores, id)) return invalidReasons.indicators;
  for (const id of expected) if (!isScore((scores as Record<string, unknown>)[id])) return invalidReasons.outOfRange;
  return undefined;
}

function collectPeer(input: RankingInput, index: CadreIndex, into: ValuesCollector): Reasons {
  const ballots = input.peerBallots;
  const { indicators } = input.config;
  const expectedIds: Record<Position, string[]> = {
    chief: [...new Set(indicators.chief.map((i) => i.id))],
    deputy: [...new Set(indicators.deputy.map((i) => i.id))],
  };
  const reasons = noReasons(ballots.length);
  const cadreCount = index.cadres.length;
  const raterOf = new Int32Array(ballots.length).fill(-1);
  const targetOf = new Int32Array(ballots.length).fill(-1);
  const valueOf = new Float64Array(ballots.length);
  // Counts per rater (shifted by one) at first, then prefix sums: rater r's bucket is [bucketStart[r], bucketStart[r + 1]).
  const bucketStart = new Int32Array(cadreCount + 1);

  // A rater's ballots usually come one after another (one form per rater): remembering the last rater saves
  // half of the id look-ups.
  let lastRaterId: string | undefined;
  let lastRater: number | undefined;
  ballots.forEach((ballot, b) => {
    if (ballot.raterId !== lastRaterId) {
      lastRaterId = ballot.raterId;
      lastRater = index.numberById.get(ballot.raterId);
    }
    const rater = lastRater;
    const target = index.numberById.get(ballot.targetId);
    if (rater === undefined || target === undefined) {
      reasons[b] = invalidReasons.unknownCadre;
      return;
    }
    const position = index.cadres[target]?.position === 'deputy' ? 'deputy' : 'chief';
    const reason = peerReason(ballot, rater, target, index, expectedIds[position]);
    if (reason !== undefined) {
      reasons[b] = reason;
      return;
    }
    raterOf[b] = rater;
    targetOf[b] = target;
    // Valued now, while the ballot is at hand; a duplicate's value is simply never used.
    valueOf[b] = peerValue(ballot.scores, indicators[position]);
    bucketStart[rater + 1] = (bucketStart[rater + 1] ?? 0) + 1;
  });

  // Duplicates without hashing pairs: bucket the passing ballots by rater (counting sort, ballot order kept), then
  // walk each bucket backwards; the first ballot met for a target is the last one cast and counts.
  for (let r = 0; r < cadreCount; r++) bucketStart[r + 1] = (bucketStart[r + 1] ?? 0) + (bucketStart[r] ?? 0);
  const bucketEnd = bucketStart.slice(0, cadreCount);
  const byRater = new Int32Array(bucketStart[cadreCount] ?? 0);
  raterOf.forEach((rater, b) => {
    if (rater < 0) return;
    const at = bucketEnd[rater] ?? 0;
    byRater[at] = b;
    bucketEnd[rater] = at + 1;
  });
  const countedFor = new Int32Array(cadreCount); // target -> 1 + the rater whose bucket last counted it
  for (let r = 0; r < cadreCount; r++) {
    for (let k = (bucketStart[r + 1] ?? 0) - 1; k >= (bucketStart[r] ?? 0); k--) {
      const b = byRater[k] ?? 0;
      const target = targetOf[b] ?? 0;
      if (countedFor[target] === r + 1) reasons[b] = invalidReasons.duplicate;
      else countedFor[target] = r + 1;
    }
  }

  for (let b = 0; b < ballots.length; b++) {
    const target = targetOf[b] ?? -1;
    if (target >= 0 && reasons[b] === undefined) into.add(target, valueOf[b] ?? 0);
  }
  return reasons;
}

/** Staff ballots name no rater, so only unknownCadre and outOfRange can apply; a grade that is not one of the four is outOfRange. */
function collectStaff(input: RankingInput, index: CadreIndex, into: ValuesCollector): Reasons {
  const points = input.config.staffPoints;
  return input.staffBallots.map((ballot) => {
    const target = index.numberById.get(ballot.targetId);
    if (target === undefined) return invalidReasons.unknownCadre;
    const grade: unknown = ballot.grade;
    if (!isStaffGrade(grade)) return invalidReasons.outOfRange;
    into.add(target, points[grade]);
    return undefined;
  });
}

/** Service ballots name no rater either: unknownCadre and outOfRange only. */
function collectService(input: RankingInput, index: CadreIndex, into: ValuesCollector): Reasons {
  return input.serviceBallots.map((ballot) => {
    const target = index.numberById.get(ballot.targetId);
    if (target === undefined) return invalidReasons.unknownCadre;
    const score: unknown = ballot.score;
    if (!isScore(score)) return invalidReasons.outOfRange;
    into.add(target, score);
    return undefined;
  });
}

/** Turns per-index reasons into report rows, already in index order. */
function report(kind: Component, reasons: Reasons, into: InvalidBallot[]): void {
  reasons.forEach((reason, index) => {
    if (reason !== undefined) into.push({ kind, index, reason });
  });
}

export function collectBallots(input: RankingInput, index: CadreIndex): CollectedBallots {
  // Capacities are the most values each kind can give: one per ballot, one per listed cadre for superior ballots.
  let superiorPlaces = 0;
  for (const { order } of input.superiorBallots) if (Array.isArray(order)) superiorPlaces += order.length;
  const collectors: Record<Component, ValuesCollector> = {
    superior: new ValuesCollector(superiorPlaces),
    peer: new ValuesCollector(input.peerBallots.length),
    staff: new ValuesCollector(input.staffBallots.length),
    service: new ValuesCollector(input.serviceBallots.length),
  };
  const superior = collectSuperior(input, index, collectors.superior);
  const peer = collectPeer(input, index, collectors.peer);
  const staff = collectStaff(input, index, collectors.staff);
  const service = collectService(input, index, collectors.service);

  // "By kind, then index": kinds in plain code-unit order of their names (peer, service, staff, superior),
  // the ordering rule the contract uses for every other string.
  const invalid: InvalidBallot[] = [];
  report('peer', peer, invalid);
  report('service', service, invalid);
  report('staff', staff, invalid);
  report('superior', superior, invalid);

  const count = index.cadres.length;
  const values: BallotValues = {
    superior: collectors.superior.build(count),
    peer: collectors.peer.build(count),
    staff: collectors.staff.build(count),
    service: collectors.service.build(count),
  };
  return { values, invalid };
}
