// Merging a partial ballots.list answer into the lists a screen holds: only the asked lists change, and the concealed
// 上级排名 groups follow the 上级排名 list.
import { describe, expect, test } from 'vitest';
import { mergeBallots, wholeBallots, type BallotLists } from '../../../shared/assessment/ballot-parts';
import type { AssessmentBallots, SuperiorBallotView } from '../../../shared/assessment/types';

const ballot = (id: number, raterLabel: string): SuperiorBallotView => ({
  id,
  raterLabel,
  group: 'chief:C1',
  order: [1, 2, 3],
  paperNo: null,
  anonymous: false,
  source: 'manual',
  enteredBy: '录入员',
  enteredAt: '2025-11-01',
});

const shown: AssessmentBallots = {
  ...wholeBallots({
    superior: [ballot(1, 'L1')],
    peer: [],
    staff: [],
    service: [],
    adjustments: [],
    vetoes: [],
    ineligible: [],
    comments: [{ cadreId: 1, forms: 2, comments: null }],
    voidForms: [],
  }),
  concealedSuperior: ['chief:C1'],
};

describe('mergeBallots', () => {
  test('takes the asked lists and leaves the others as shown', () => {
    const answer: BallotLists = { comments: [{ cadreId: 1, forms: 3, comments: [{ text: '好', count: 1 }] }] };
    const merged = mergeBallots(shown, answer, ['comments']);
    expect(merged.comments).toEqual(answer.comments);
    expect({ ...merged, comments: shown.comments }).toEqual(shown);
  });

  test('the 上级排名 list without concealed groups clears the mark; with them it replaces it', () => {
    const cleared = mergeBallots(shown, { superior: [ballot(1, 'L1'), ballot(2, 'L2')] }, ['superior']);
    expect(cleared).not.toHaveProperty('concealedSuperior');
    expect(cleared.superior).toHaveLength(2);
    const other = mergeBallots(shown, { superior: [], concealedSuperior: ['deputy:7'] }, ['superior']);
    expect(other.concealedSuperior).toEqual(['deputy:7']);
  });

  test('a list not in `parts` is not taken even when the answer carries it', () => {
    const merged = mergeBallots(shown, { superior: [], comments: [] }, ['comments']);
    expect(merged.superior).toEqual(shown.superior);
    expect(merged.concealedSuperior).toEqual(['chief:C1']);
  });

  test('a whole answer missing a list is an error, never an empty list', () => {
    expect(() => wholeBallots({ superior: [] })).toThrow(/peer/);
  });
});
