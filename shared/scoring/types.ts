// The input and output shapes of the 双比双评 ranking, exactly as in docs/scoring.md (plain JSON both ways).

export type Position = 'chief' | 'deputy'; // 正职 | 副职
export type Component = 'superior' | 'peer' | 'staff' | 'service';
export type StaffGrade = 'excellent' | 'good' | 'fair' | 'poor'; // 优秀 | 较好 | 一般 | 较差
export type Grade = 'excellent' | 'competent' | 'basicallyCompetent' | 'incompetent'; // 优秀 称职 基本称职 不称职

export interface RankingCadre {
  id: string;
  name: string;
  position: Position;
  categoryId: string;
  unitId: string;
}

/** Cadre ids, best first, covering one whole group. */
export interface SuperiorBallot {
  raterId: string;
  order: string[];
}

/** indicatorId -> 0..100 */
export interface PeerBallot {
  raterId: string;
  targetId: string;
  scores: Record<string, number>;
}

export interface StaffBallot {
  targetId: string;
  grade: StaffGrade;
}

/** score 0..100 */
export interface ServiceBallot {
  targetId: string;
  score: number;
}

/** 日常考核加减分: positive points are a bonus, negative a penalty. */
export interface ScoreAdjustment {
  targetId: string;
  points: number;
  reason: string;
}

/** 一票否决 */
export interface Veto {
  targetId: string;
  reason: string;
}

/** 不得评为优秀 (e.g. 诫勉 this year): keeps rank and grade rules, never takes an 优秀 place. */
export interface Ineligible {
  targetId: string;
  reason: string;
}

/** Where the 优秀 quota is counted: per ranking group, or over all groups of one position. */
export type ExcellentQuotaScope = 'group' | 'position';

export interface RankingInput {
  config: RankingConfig;
  cadres: RankingCadre[];
  superiorBallots: SuperiorBallot[];
  peerBallots: PeerBallot[];
  staffBallots: StaffBallot[];
  serviceBallots: ServiceBallot[];
  adjustments: ScoreAdjustment[];
  vetoes: Veto[];
  ineligible?: Ineligible[]; // absent = []
}

export interface IndicatorWeight {
  id: string;
  weight: number;
}

export interface RankingConfig {
  weights: Record<Position, Record<Component, number>>; // need not sum to 1
  indicators: Record<Position, IndicatorWeight[]>; // weights sum to 1 per position
  superiorFloor: number; // score of the last place in a superior ranking, e.g. 60
  staffPoints: Record<StaffGrade, number>; // e.g. 100 / 85 / 70 / 50
  minBallots: Record<Component, number>; // fewer valid ballots -> component missing
  trim: Record<Component, boolean>; // drop one highest and one lowest ...
  trimMinBallots: number; // ... when there are at least this many
  bonusCap: number; // total bonus is capped at this
  penaltyCap: number | null; // total penalty is capped at this; null = uncapped
  excellentRatio: number; // 优秀 quota per pool (see excellentQuotaScope), e.g. 0.2
  excellentMinScore: number; // no 优秀 below this final score
  competentMinScore: number; // 称职 at or above, e.g. 60
  basicMinScore: number; // 基本称职 at or above, e.g. 50; below: 不称职
  vetoGrade: Grade; // grade a vetoed cadre gets, e.g. 'basicallyCompetent'
  excellentQuotaScope?: ExcellentQuotaScope; // where the 优秀 quota is counted; absent = 'group'
  // Not read by computeRankings: the 优秀 cap per staff form, applied where forms are entered
  // (shared/assessment/excellent-cap.ts), e.g. 0.3; absent = no cap.
  staffExcellentCap?: number;
}

export interface ComponentResult {
  score: number;
  ballots: number; // valid ballots before trimming
  trimmed: boolean; // whether trimming removed values
}

export interface RankingRow {
  cadreId: string;
  rank: number;
  finalScore: number;
  base: number;
  components: Partial<Record<Component, ComponentResult>>;
  bonus: number;
  penalty: number;
  grade: Grade;
  flags: string[]; // sorted ascending
}

export interface RankingGroup {
  position: Position;
  groupKey: string; // categoryId for chiefs, unitId for deputies
  size: number; // cadres in the group, ranked or not
  excellentQuota: number;
  rows: RankingRow[];
}

export interface UnrankedCadre {
  cadreId: string;
  reason: 'noData';
}

export interface InvalidBallot {
  kind: Component;
  index: number;
  reason: string;
}

export interface RankingResult {
  groups: RankingGroup[]; // chief groups first, then deputy groups; each by groupKey ascending
  unranked: UnrankedCadre[]; // by cadreId ascending
  invalidBallots: InvalidBallot[]; // by kind (code-unit order of the name), then index
}
