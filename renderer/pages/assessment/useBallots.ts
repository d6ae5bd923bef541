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
  const { data, patch, loading, reload: reloadWhole } = whole;
  const ballots = useMemo(() => (data ? wholeBallots(data) : null), [data]);
  const gate = useRef(partsGate<BallotPart>());
  // Read at answer time: an answer for another assessment (the page reused for the next one) is not merged.
  const latest = useRef({ assessmentId, onError });
  useEffect(() => {
    latest.current = { assessmentId, onError };
  });
  const reload = useCallback(
    async (parts: readonly BallotPart[]) => {
      // The whole read still on its way may predate the change: read it all again instead (its answer supersedes).
      if (loading) return reloadWhole();
      const ticket = gate.current.begin(parts);
      try {
        const answer = await call('ballots.list', { assessmentId, parts: [...parts] });
        const fresh = gate.current.current(ticket, parts);
        if (fresh.length > 0 && latest.current.assessmentId === assessmentId)
          patch((now) => mergeBallots(now, answer, fresh));
      } catch (e) {
        latest.current.onError(errorMessage(e));
      }
    },
    [assessmentId, loading, patch, reloadWhole],
  );
  return { ballots, reload };
}
