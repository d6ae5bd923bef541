// A deterministic, realistic assessment of any size, for scale checks and benchmarks (own PRNG, no Math.random).
import { defaultRankingConfig } from '../../../shared/scoring/defaults';
import type {
  PeerBallot,
  RankingCadre,
  RankingInput,
  ScoreAdjustment,
  ServiceBallot,
  StaffBallot,
  StaffGrade,
  SuperiorBallot,
  Veto,
} from '../../../shared/scoring/types';

/** mulberry32: tiny, fast and good enough to make test data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const categoryCount = 8;
const leadersPerGroup = 3;

/**
 * Eight categories, about one unit per 25 cadres (400 at 10,000), one chief per unit, the rest deputies spread over
 * the units. Ballots: every leader orders every group once; the rest is about half peer ballots within groups, a
 * third staff and the remainder service, with a sprinkle of invalid ones, adjustments and vetoes, as in real data.
 */
export function generateAssessment(cadreCount: number, ballotCount: number, seed: number): RankingInput {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = int(i + 1);
      const a = items[i];
      const b = items[j];
      if (a !== undefined && b !== undefined) [items[i], items[j]] = [b, a];
    }
    return items;
  };
  const score = (low: number) => Math.round((low + random() * (100 - low)) * 10) / 10;

  const unitCount = Math.max(1, Math.min(cadreCount, Math.round(cadreCount / 25)));
  const cadres: RankingCadre[] = [];
  const groups = new Map<string, string[]>();
  const addToGroup = (key: string, id: string) => {
    const members = groups.get(key);
    if (members) members.push(id);
    else groups.set(key, [id]);
  };
  for (let i = 0; i < cadreCount; i++) {
    const id = `cadre-${String(i).padStart(6, '0')}`;
    const unit = i < unitCount ? i : int(unitCount);
    const unitId = `unit-${String(unit).padStart(4, '0')}`;
    const categoryId = `cat-${String(unit % categoryCount)}`;
    const position = i < unitCount ? 'chief' : 'deputy';
    cadres.push({ id, name: `干部${String(i)}`, position, categoryId, unitId });
    addToGroup(position === 'chief' ? `chief:${categoryId}` : `deputy:${unitId}`, id);
  }
  const groupOf = new Map<string, string[]>();
  for (const members of groups.values()) for (const id of members) groupOf.set(id, members);

  const superiorBallots: SuperiorBallot[] = [];
  for (const members of groups.values()) {
    for (let leader = 0; leader < leadersPerGroup; leader++) {
      superiorBallots.push({ raterId: `leader-${String(leader)}`, order: shuffle([...members]) });
    }
  }

  const rest = Math.max(0, ballotCount - superiorBallots.length);
  const peerCount = Math.floor(rest * 0.5);
  const staffCount = Math.floor(rest * 0.3);
  const serviceCount = rest - peerCount - staffCount;
  const { indicators } = defaultRankingConfig();

  // Each taking part fills in one form rating every other member of the group, forms one after another, in a
  // random order until the budget is spent; about 1% of forms are filled in again later (duplicates), and a few
  // lines name the rater or a stranger, as typing errors do.
  const peerBallots: PeerBallot[] = [];
  const raters = shuffle(cadres.filter((c) => (groupOf.get(c.id)?.length ?? 0) > 1));
  for (let next = 0; next < raters.length && peerBallots.length < peerCount; next++) {
    const rater = raters[next];
    if (rater === undefined) break;
    for (const memberId of groupOf.get(rater.id) ?? []) {
      if (memberId === rater.id || peerBallots.length >= peerCount) continue;
      const roll = random();
      const targetId = roll < 0.001 ? rater.id : roll < 0.002 ? 'nobody' : memberId;
      const scores: Record<string, number> = {};
      for (const { id } of indicators[rater.position]) scores[id] = score(55);
      peerBallots.push({ raterId: rater.id, targetId, scores });
    }
    if (random() < 0.01) raters.splice(next + 1 + int(raters.length - next), 0, rater);
  }

  const grades: StaffGrade[] = ['excellent', 'excellent', 'good', 'good', 'good', 'fair', 'poor'];
  const staffBallots: StaffBallot[] = [];
  const serviceBallots: ServiceBallot[] = [];
  if (cadres.length === 0)
    return {
      config: defaultRankingConfig(),
      cadres,
      superiorBallots,
      peerBallots,
      staffBallots,
      serviceBallots,
      adjustments: [],
      vetoes: [],
    };
  for (let i = 0; i < staffCount; i++) staffBallots.push({ targetId: pick(cadres).id, grade: pick(grades) });

  for (let i = 0; i < serviceCount; i++) {
    serviceBallots.push({ targetId: pick(cadres).id, score: random() < 0.002 ? 120 : score(40) });
  }

  const adjustments: ScoreAdjustment[] = [];
  const vetoes: Veto[] = [];
  for (const cadre of cadres) {
    if (random() < 0.05)
      adjustments.push({ targetId: cadre.id, points: Math.round((random() * 6 - 2) * 10) / 10, reason: '日常考核' });
    if (random() < 0.002) vetoes.push({ targetId: cadre.id, reason: '一票否决' });
  }

  return {
    config: defaultRankingConfig(),
    cadres,
    superiorBallots,
    peerBallots,
    staffBallots,
    serviceBallots,
    adjustments,
    vetoes,
  };
}
