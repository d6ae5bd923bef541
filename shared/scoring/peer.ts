// Peer ballots (rules 2, 3, 5 and 6 of docs/scoring.md): the one kind at 100,000 ballots, so its own file.
import type { CadreIndex } from './groups';
import { invalidReasons, isScore, noReasons, type Reasons } from './reasons';
import type { PeerBallot, Position, RankingConfig, RankingInput } from './types';
import { prefixSums, type ValuesCollector } from './values';

/**
 * How peer ballots for one position are checked and valued: the distinct indicator ids a ballot must carry, and
 * for each indicator (in config order, repeats included) its weight and the slot of its id.
 */
interface PeerForm {
  expected: string[];
  weights: Float64Array;
  slotOf: Int32Array;
}

function peerForm(indicators: RankingConfig['indicators']['chief']): PeerForm {
  const expected = [...new Set(indicators.map((i) => i.id))];
  return {
    expected,
    weights: Float64Array.from(indicators, (i) => i.weight),
    slotOf: Int32Array.from(indicators, (i) => expected.indexOf(i.id)),
  };
}

/** Rule 3 as written, for the rare ballot the fast path leaves to the slow one. */
function peerValue(scores: Record<string, number>, indicators: RankingConfig['indicators']['chief']): number {
  let sum = 0;
  for (const { id, weight } of indicators) sum += (scores[id] ?? 0) * weight;
  return sum;
}

/** Rules 5 and 6 as written: the slow path, used only to name the reason of a ballot the fast path doubts. */
function peerScoresReason(scores: unknown, expected: readonly string[]): number {
  if (typeof scores !== 'object' || scores === null) return invalidReasons.indicators;
  // Same count and every (distinct) expected id present means exactly the same key set.
  let keyCount = 0;
  for (const key in scores) if (Object.hasOwn(scores, key)) keyCount++;
  if (keyCount !== expected.length) return invalidReasons.indicators;
  for (const id of expected) if (!Object.hasOwn(scores, id)) return invalidReasons.indicators;
  for (const id of expected) if (!isScore((scores as Record<string, unknown>)[id])) return invalidReasons.outOfRange;
  return 0;
}

/**
 * Rules 5 and 6 and the ballot's value (rule 3) in one walk over its keys, reading each score once: a dynamic-key
 * read boxes a fresh number, and at 100,000 ballots reading twice was most of the work. Each score lands in
 * `scratch` at its id's slot. Returns the value, or NaN when the ballot fails; the caller then asks
 * peerScoresReason for the reason, so the rules keep their written order whatever the fast path saw.
 */
function peerValueOrNaN(scores: unknown, form: PeerForm, scratch: Float64Array): number {
  if (typeof scores !== 'object' || scores === null) return NaN;
  const { expected } = form;
  const record = scores as Record<string, unknown>;
  let keyCount = 0;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const slot = expected.indexOf(key);
    if (slot < 0) return NaN;
    const value = record[key];
    if (!isScore(value)) return NaN;
    scratch[slot] = value;
    keyCount++;
  }
  // for-in names each key once, so a full count of expected keys is exactly the expected set.
  if (keyCount !== expected.length) return NaN;
  // Summed in config order, as the contract states it, so the binary result is the same as indicator by indicator.
  let sum = 0;
  for (let i = 0; i < form.weights.length; i++) sum += (scratch[form.slotOf[i] ?? 0] ?? 0) * (form.weights[i] ?? 0);
  return sum;
}

/** What collectPeer knows per ballot (see there), shared with the helpers that finish its work. */
interface PeerTally {
  reasons: Reasons;
  raterOf: Int32Array;
  targetOf: Int32Array;
  valueOf: Float64Array;
  bucketStart: Int32Array;
}

/** Marks a ballot collectPeer's fast loop did not pass; never a reason code. */
const pending = 255;

/**
 * Rules 2, 5 and 6 in their written order for each ballot the fast path did not pass: records the reason it
 * fails, or, when it passes the written rules after all (say, an odd own property), counts it valued as written.
 */
function resolvePeerFailures(
  ballots: readonly PeerBallot[],
  index: CadreIndex,
  isDeputy: Uint8Array,
  forms: Record<Position, PeerForm>,
  indicators: RankingConfig['indicators'],
  tally: PeerTally,
): void {
  for (let b = 0; b < ballots.length; b++) {
    if (tally.reasons[b] !== pending) continue;
    const ballot = ballots[b] as PeerBallot;
    const rater = index.numberById.get(ballot.raterId) ?? -1;
    const target = index.numberById.get(ballot.targetId) ?? -1;
    const position: Position = isDeputy[target] === 1 ? 'deputy' : 'chief';
    let reason: number;
    if (rater < 0 || target < 0) reason = invalidReasons.unknownCadre;
    else if (rater === target) reason = invalidReasons.self;
    else if (index.groupOf[rater] !== index.groupOf[target]) reason = invalidReasons.otherGroup;
    else reason = peerScoresReason(ballot.scores, forms[position].expected);
    tally.reasons[b] = reason;
    if (reason !== 0) continue;
    tally.raterOf[b] = rater;
    tally.targetOf[b] = target;
    tally.valueOf[b] = peerValue(ballot.scores, indicators[position]);
    tally.bucketStart[rater + 1] = (tally.bucketStart[rater + 1] ?? 0) + 1;
  }
}

/** 1 for each deputy's cadre number. Its own function, so its loop cannot deoptimize collectPeer's main one. */
function deputyFlags(index: CadreIndex): Uint8Array {
  const isDeputy = new Uint8Array(index.cadres.length);
  for (let c = 0; c < isDeputy.length; c++) isDeputy[c] = index.cadres[c]?.position === 'deputy' ? 1 : 0;
  return isDeputy;
}

export function collectPeer(input: RankingInput, index: CadreIndex, into: ValuesCollector): Reasons {
  const ballots = input.peerBallots;
  const { indicators } = input.config;
  const forms: Record<Position, PeerForm> = { chief: peerForm(indicators.chief), deputy: peerForm(indicators.deputy) };
  const scratch = new Float64Array(Math.max(forms.chief.expected.length, forms.deputy.expected.length));
  const reasons = noReasons(ballots.length);
  const cadreCount = index.cadres.length;
  const raterOf = new Int32Array(ballots.length).fill(-1);
  const targetOf = new Int32Array(ballots.length).fill(-1);
  const valueOf = new Float64Array(ballots.length);
  // Counts per rater (shifted by one) at first, then prefix sums: rater r's bucket is [bucketStart[r], bucketStart[r + 1]).
  const bucketStart = new Int32Array(cadreCount + 1);
  // The target's position picks the indicator set; a flag per cadre number spares a string compare per ballot.
  const isDeputy = deputyFlags(index);

  // A rater's ballots usually come one after another (one form per rater): remembering the last rater saves
  // half of the id look-ups. A plain loop rather than forEach: on the first call it is optimized mid-loop.
  // A ballot the fast path does not pass is only marked here and judged after the loop (resolvePeerFailures):
  // a rare branch of its own here (a call or a store not yet run) would have no type feedback when the loop gets
  // optimized mid-run, and the first ballot taking it would throw the optimized loop away.
  let lastRaterId: string | undefined;
  let lastRater: number | undefined;
  let failures = 0;
  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b] as PeerBallot;
    if (ballot.raterId !== lastRaterId) {
      lastRaterId = ballot.raterId;
      lastRater = index.numberById.get(ballot.raterId);
    }
    const rater = lastRater ?? -1;
    const target = index.numberById.get(ballot.targetId) ?? -1;
    let value = NaN;
    if (rater >= 0 && target >= 0 && rater !== target && index.groupOf[rater] === index.groupOf[target]) {
      value = peerValueOrNaN(ballot.scores, isDeputy[target] === 1 ? forms.deputy : forms.chief, scratch);
    }
    const failed = value !== value; // NaN
    reasons[b] = failed ? pending : 0;
    if (failed) {
      failures++;
      continue;
    }
    raterOf[b] = rater;
    targetOf[b] = target;
    // Valued now, while the ballot is at hand; a duplicate's value is simply never used.
    valueOf[b] = value;
    bucketStart[rater + 1] = (bucketStart[rater + 1] ?? 0) + 1;
  }
  if (failures > 0)
    resolvePeerFailures(ballots, index, isDeputy, forms, indicators, {
      reasons,
      raterOf,
      targetOf,
      valueOf,
      bucketStart,
    });

  markPeerDuplicates(raterOf, targetOf, bucketStart, reasons);
  addCounted(targetOf, valueOf, reasons, into);
  return reasons;
}

/**
 * Duplicates without hashing pairs: bucket the passing ballots by rater (counting sort, ballot order kept), then
 * walk each bucket backwards; the first ballot met for a target is the last one cast and counts. `bucketStart`
 * holds per-rater counts shifted by one. Kept apart from collectPeer (one loop nest each): a first call then
 * optimizes each loop on its own instead of deoptimizing collectPeer at a loop it has not seen run.
 */
function markPeerDuplicates(
  raterOf: Int32Array,
  targetOf: Int32Array,
  bucketStart: Int32Array,
  reasons: Reasons,
): void {
  const cadreCount = bucketStart.length - 1;
  prefixSums(bucketStart);
  const byRater = bucketByRater(raterOf, bucketStart);
  const countedFor = new Int32Array(cadreCount); // target -> 1 + the rater whose bucket last counted it
  const duplicate = invalidReasons.duplicate; // read once: a property read first met mid-loop would deoptimize it
  for (let r = 0; r < cadreCount; r++) {
    for (let k = (bucketStart[r + 1] ?? 0) - 1; k >= (bucketStart[r] ?? 0); k--) {
      const b = byRater[k] ?? 0;
      const target = targetOf[b] ?? 0;
      if (countedFor[target] === r + 1) reasons[b] = duplicate;
      else countedFor[target] = r + 1;
    }
  }
}

/** The passing ballot numbers, grouped by rater in ballot order. */
function bucketByRater(raterOf: Int32Array, bucketStart: Int32Array): Int32Array {
  const bucketEnd = bucketStart.slice(0, bucketStart.length - 1);
  const byRater = new Int32Array(bucketStart[bucketStart.length - 1] ?? 0);
  for (let b = 0; b < raterOf.length; b++) {
    const rater = raterOf[b] ?? -1;
    if (rater < 0) continue;
    const at = bucketEnd[rater] ?? 0;
    byRater[at] = b;
    bucketEnd[rater] = at + 1;
  }
  return byRater;
}

function addCounted(targetOf: Int32Array, valueOf: Float64Array, reasons: Reasons, into: ValuesCollector): void {
  for (let b = 0; b < targetOf.length; b++) {
    const target = targetOf[b] ?? -1;
    if (target >= 0 && reasons[b] === 0) into.add(target, valueOf[b] ?? 0);
  }
}
