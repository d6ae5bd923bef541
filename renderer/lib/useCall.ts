// Loads one call's answer (or one put together from several calls) and keeps it fresh; a late answer never overwrites a
// newer one.
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

export interface LoadOptions {
  /** Told each failure's Chinese message (usually `message.error`). */
  onError?: (message: string) => void;
  /** A screen's refresh counter: a new one loads again with the same input. */
  version?: number;
  /**
   * A new input (or version) hides the answer to the old one until its own arrives, for screens that show a spinner
   * rather than another quarter's or selection's figures; `reload` still keeps the answer shown.
   */
  clearOnNewInput?: boolean;
}

/**
 * `input` null means "not yet" (nothing is loaded). The input is compared by value, so a literal written in
 * the render does not reload on every render.
 */
export function useCall<N extends CallName>(
  name: N,
  input: CallInput<N> | null,
  options: LoadOptions = {},
): CallState<CallOutput<N>> {
  const key = input === null ? null : JSON.stringify([name, input]);
  return useLoad(key, () => (input === null ? Promise.reject(new Error('no input')) : call(name, input)), options);
}

/**
 * The same for an answer put together from several calls (a print's data): `key` names what is loaded (null: not
 * yet), and a new key loads again; `load` is read when a load starts, so it need not be stable. `current` tells a
 * load that reports progress whether it still counts.
 */
export function useLoad<T>(
  key: string | null,
  load: (current: () => boolean) => Promise<T>,
  options: LoadOptions = {},
): CallState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(key !== null);
  const fullKey = key === null ? null : JSON.stringify([key, options.version ?? 0]);
  // The newest loader and error handler, read at load time so that neither has to be a dependency.
  const latest = useRef({ load, onError: options.onError, clear: options.clearOnNewInput === true });
  const gate = useRef<LatestGate | null>(null);
  // Declared first so these run before the load below (effects run in order).
  useEffect(() => {
    latest.current = { load, onError: options.onError, clear: options.clearOnNewInput === true };
  });
  useEffect(() => {
    // A gate per mount (strict mode mounts twice); retiring it drops the answers that come after unmount.
    const g = latestGate();
    gate.current = g;
    return () => g.retire();
  }, []);

  const reload = useCallback(async () => {
    const g = gate.current;
    if (fullKey === null || g === null) return;
    const ticket = g.begin();
    setLoading(true);
    try {
      const value = await latest.current.load(() => g.isCurrent(ticket));
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
  }, [fullKey]);

  // `reload` changes only with the key: this is the load of a new input.
  useEffect(() => {
    if (latest.current.clear) {
      setData(undefined);
      setError(null);
    }
    void reload();
  }, [reload]);
  const patch = useCallback((change: (now: T) => T) => {
    setData((now) => (now === undefined ? now : change(now)));
  }, []);
  return { data, error, loading, reload, patch };
}
