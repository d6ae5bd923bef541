// The assessment page's ballot lists: read whole when the page opens, then after each save only the lists that save
// changed (issue 19 §4), merged into what is shown; a late answer of an older reload never overwrites a newer one.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { mergeBallots, wholeBallots, type BallotPart } from '../../../shared/assessment/ballot-parts';
import type { AssessmentBallots } from '../../../shared/assessment/types';
import { call, errorMessage } from '../../lib/api';
import { partsGate } from '../../lib/latest-parts';
import { useCall } from '../../lib/useCall';

export interface PageBallots {
  /** Null until the first read has answered (or when the user may not see ballots). */
  ballots: AssessmentBallots | null;
  /** Reads `parts` again and shows them; failures are told to `onError`. */
  reload: (parts: readonly BallotPart[]) => Promise<void>;
}

export function useBallots(assessmentId: number, seesBallots: boolean, onError: (text: string) => void): PageBallots {
  const whole = useCall('ballots.list', seesBallots ? { assessmentId } : null, { onError });
  const { data, patch } = whole;
  const ballots = useMemo(() => (data ? wholeBallots(data) : null), [data]);
  // Partial reloads start only from the tabs, which show once the whole read has answered: none races with it.
  const gate = useRef(partsGate<BallotPart>());
  const latestOnError = useRef(onError);
  useEffect(() => {
    latestOnError.current = onError;
  });
  const reload = useCallback(
    async (parts: readonly BallotPart[]) => {
      const ticket = gate.current.begin(parts);
      try {
        const answer = await call('ballots.list', { assessmentId, parts: [...parts] });
        const fresh = gate.current.current(ticket, parts);
        if (fresh.length > 0) patch((now) => mergeBallots(now, answer, fresh));
      } catch (e) {
        latestOnError.current(errorMessage(e));
      }
    },
    [assessmentId, patch],
  );
  return { ballots, reload };
}
