// The lists ballots.list can answer one by one (issue 19 §4): a save reloads only what it changed, and the screen
// merges that answer into the lists it holds.
import type { AssessmentBallots } from './types';

export const BALLOT_PARTS = [
  'superior',
  'peer',
  'staff',
  'service',
  'adjustments',
  'vetoes',
  'ineligible',
  'comments',
  'voidForms',
] as const;
export type BallotPart = (typeof BALLOT_PARTS)[number];

/**
 * What ballots.list answers: the lists asked for (every one when none were named). `concealedSuperior` goes with
 * 'superior': an answer holding 'superior' without it means no group is concealed any more.
 */
export type BallotLists = Partial<Pick<AssessmentBallots, BallotPart>> & Pick<AssessmentBallots, 'concealedSuperior'>;

const EMPTY_BALLOTS: AssessmentBallots = {
  superior: [],
  peer: [],
  staff: [],
  service: [],
  adjustments: [],
  vetoes: [],
  ineligible: [],
  comments: [],
  voidForms: [],
};

/** A whole answer (no parts asked) as the full lists; throws when a list is missing, which the service never does. */
export function wholeBallots(answer: BallotLists): AssessmentBallots {
  const missing = BALLOT_PARTS.filter((p) => answer[p] === undefined);
  if (missing.length > 0) throw new Error(`ballots.list answered without ${missing.join(', ')}`);
  return mergeBallots(EMPTY_BALLOTS, answer, BALLOT_PARTS);
}

function copyPart<K extends BallotPart>(
  out: Partial<Pick<AssessmentBallots, K>>,
  answer: Partial<Pick<AssessmentBallots, K>>,
  part: K,
): void {
  const list = answer[part];
  if (list !== undefined) out[part] = list;
}

/**
 * The lists `now` with `parts` taken from `answer` (parts the answer lacks stay as they are). Taking 'superior' also
 * takes `concealedSuperior`, and clears it when the answer has none.
 */
export function mergeBallots<L extends BallotLists>(now: L, answer: BallotLists, parts: readonly BallotPart[]): L {
  const out: L = { ...now };
  for (const p of parts) copyPart(out, answer, p);
  if (parts.includes('superior') && answer.superior !== undefined) {
    if (answer.concealedSuperior) out.concealedSuperior = answer.concealedSuperior;
    else delete out.concealedSuperior;
  }
  return out;
}
