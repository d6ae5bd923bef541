// Polls a long job's progress (jobs.status) while it is active, for a progress bar.
import { useEffect, useState } from 'react';
import { call } from './api';

export interface JobProgress {
  readonly done: number;
  readonly total: number;
  /** 0–100, whole numbers; 0 while the total is not yet known. */
  readonly percent: number;
}

const IDLE = { done: 0, total: 0 } as const;

/**
 * While `active` and `jobId` is set, asks for the job's status every `intervalMs` (one request at a time)
 * and returns the latest counts. Stops when inactive, when the job changes, or on unmount; then reads as zero.
 * A failed status request (e.g. the job was already cleaned up) keeps the last counts and tries again.
 */
export function useJobProgress(jobId: string | null | undefined, active: boolean, intervalMs = 250): JobProgress {
  const [counts, setCounts] = useState<{ readonly done: number; readonly total: number }>(IDLE);

  useEffect(() => {
    if (!jobId || !active) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const s = await call('jobs.status', { jobId });
        if (!stopped)
          setCounts((prev) =>
            prev.done === s.done && prev.total === s.total ? prev : { done: s.done, total: s.total },
          );
      } catch {
        // Keep the last known counts; the call settles the job's fate, not this poll.
      }
      if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
    };
    void tick();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      setCounts(IDLE);
    };
  }, [jobId, active, intervalMs]);

  const { done, total } = counts;
  const percent = total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 0;
  return { done, total, percent };
}
