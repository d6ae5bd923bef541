// Loads one call's answer for the given input and keeps it fresh; a late answer never overwrites a newer one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import { call, errorMessage } from './api';
import { latestGate, type LatestGate } from './latest';

export interface CallState<T> {
  /** The newest answer; kept while reloading and after a failed reload, as the screens always did. */
  data: T | undefined;
  /** The Chinese message of the newest failed load, or null. */
  error: string | null;
  loading: boolean;
  /** Loads again with the current input; resolves when that load is done (or superseded). */
  reload: () => Promise<void>;
  /**
   * Changes the shown answer in place, from what a save answered, instead of loading it all again. Use it only while
   * not `loading`: an answer on its way may predate the save.
   */
  patch: (change: (now: T) => T) => void;
}

/**
 * `input` null means "not yet" (nothing is loaded). The input is compared by value, so a literal written in
 * the render does not reload on every render. `onError` is told each failure (usually `message.error`);
 * a new `version` (a screen's refresh counter) loads again with the same input.
 */
export function useCall<N extends CallName>(
  name: N,
  input: CallInput<N> | null,
  options: { onError?: (message: string) => void; version?: number } = {},
): CallState<CallOutput<N>> {
  const [data, setData] = useState<CallOutput<N> | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const key = input === null ? null : JSON.stringify([input, options.version ?? 0]);
  // The newest input and error handler, read at load time so that neither has to be a dependency.
  const latest = useRef({ input, onError: options.onError });
  const gate = useRef<LatestGate | null>(null);
  // Declared first so these run before the load below (effects run in order).
  useEffect(() => {
    latest.current = { input, onError: options.onError };
  });
  useEffect(() => {
    // A gate per mount (strict mode mounts twice); retiring it drops the answers that come after unmount.
    const g = latestGate();
    gate.current = g;
    return () => g.retire();
  }, []);

  const reload = useCallback(async () => {
    const now = latest.current.input;
    const g = gate.current;
    if (key === null || now === null || g === null) return;
    const ticket = g.begin();
    setLoading(true);
    try {
      const value = await call(name, now);
      if (!g.isCurrent(ticket)) return;
      setData(value);
      setError(null);
    } catch (e) {
      if (!g.isCurrent(ticket)) return;
      const text = errorMessage(e);
      setError(text);
      latest.current.onError?.(text);
    } finally {
      if (g.isCurrent(ticket)) setLoading(false);
    }
  }, [name, key]);

  useEffect(() => {
    void reload();
  }, [reload]);
  const patch = useCallback((change: (now: CallOutput<N>) => CallOutput<N>) => {
    setData((now) => (now === undefined ? now : change(now)));
  }, []);
  return { data, error, loading, reload, patch };
}
