// Ballot validity (rule 2 of docs/scoring.md) and the value each valid ballot gives its target(s) (rule 3).
import type { CadreIndex } from './groups';
import { collectPeer } from './peer';
import { invalidReasons, isScore, noReasons, reasonNames, type Reasons } from './reasons';
import type {
  Component,
  InvalidBallot,
  RankingInput,
  ServiceBallot,
  StaffBallot,
  StaffGrade,
  SuperiorBallot,
} from './types';
import { ValuesCollector, type ValuesByCadre } from './values';

export type BallotValues = Record<Component, ValuesByCadre>;

export interface CollectedBallots {
  values: BallotValues;
  invalid: InvalidBallot[];
}

function isStaffGrade(x: unknown): x is StaffGrade {
  return x === 'excellent' || x === 'good' || x === 'fair' || x === 'poor';
}

/** Rules 1 and 2 for one superior ballot: the cadre numbers in order, or the code of the reason it fails. */
function superiorOrder(
  ballot: SuperiorBallot,
  index: CadreIndex,
  seenIn: Int32Array,
  stamp: number,
): number[] | number {
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
  for (let b = 0; b < ballots.length; b++) {
    const order = superiorOrder(ballots[b] as SuperiorBallot, index, seenIn, b + 1);
    if (typeof order === 'number') reasons[b] = order;
    else orders[b] = order;
  }

  // Superior ballots carry no scores, so outOfRange cannot apply. Walking backwards, the first ballot met for a
  // (rater, group) is the last one cast: it counts, and the earlier ones are duplicates.
  // The pair as one number (rater number * group count + group) rather than a concatenated string per ballot.
  const raterNumber = new Map<string, number>();
  const groupCount = index.groups.length;
  const counted = new Set<number>();
  for (let b = ballots.length - 1; b >= 0; b--) {
    const first = orders[b]?.[0];
    if (first === undefined) continue;
    // String(), as the key always was: a malformed non-string id still pairs the way it did.
    const raterId = String(ballots[b]?.raterId);
    let rater = raterNumber.get(raterId);
    if (rater === undefined) {
      rater = raterNumber.size;
      raterNumber.set(raterId, rater);
    }
    const key = rater * groupCount + (index.groupOf[first] ?? 0);
    if (counted.has(key)) {
      reasons[b] = invalidReasons.duplicate;
      orders[b] = undefined;
    } else counted.add(key);
  }

  for (const order of orders) {
    if (order === undefined) continue;
    const n = order.length;
    // Written as in the contract, (r - 1) * (100 - floor) / (n - 1), so the binary results match it exactly.
    for (let place = 0; place < n; place++)
      into.add(order[place] ?? 0, n === 1 ? 100 : 100 - (place * (100 - floor)) / (n - 1));
  }
  return reasons;
}

/** Staff ballots name no rater, so only unknownCadre and outOfRange can apply; a grade that is not one of the four is outOfRange. */
function collectStaff(input: RankingInput, index: CadreIndex, into: ValuesCollector): Reasons {
  const points = input.config.staffPoints;
  const ballots = input.staffBallots;
  const reasons = noReasons(ballots.length);
  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b] as StaffBallot;
    const target = index.numberById.get(ballot.targetId);
    const grade: unknown = ballot.grade;
    if (target === undefined) reasons[b] = invalidReasons.unknownCadre;
    else if (!isStaffGrade(grade)) reasons[b] = invalidReasons.outOfRange;
    else into.add(target, points[grade]);
  }
  return reasons;
}

/** Service ballots name no rater either: unknownCadre and outOfRange only. */
function collectService(input: RankingInput, index: CadreIndex, into: ValuesCollector): Reasons {
  const ballots = input.serviceBallots;
  const reasons = noReasons(ballots.length);
  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b] as ServiceBallot;
    const target = index.numberById.get(ballot.targetId);
    const score: unknown = ballot.score;
    if (target === undefined) reasons[b] = invalidReasons.unknownCadre;
    else if (!isScore(score)) reasons[b] = invalidReasons.outOfRange;
    else into.add(target, score);
  }
  return reasons;
}

/** Turns per-index reasons into report rows, already in index order. */
function report(kind: Component, reasons: Reasons, into: InvalidBallot[]): void {
  for (let index = 0; index < reasons.length; index++) {
    const code = reasons[index] ?? 0;
    if (code !== 0) into.push({ kind, index, reason: reasonNames[code] ?? '' });
  }
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
