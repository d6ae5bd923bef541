// The per-ballot JSON columns read back through their checks: a 上级排名 order and a 同级互评 ballot's scores.
import { isIdList, isScoreMap, parseJsonColumnWith } from '../store/json-column';

export const sortOrderOf = (text: string): number[] =>
  parseJsonColumnWith(isIdList, text, 'assessment_superior_ballots.sort_order');

export const scoresOf = (text: string): Record<string, number> =>
  parseJsonColumnWith(isScoreMap, text, 'assessment_peer_ballots.scores');
