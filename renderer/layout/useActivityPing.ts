// Tells the host the user is active (keyboard, mouse) at most once a minute, so the idle lock counts real idleness.
import { useEffect } from 'react';
import { call } from '../lib/api';

const PING_EVERY_MS = 60_000;

export function useActivityPing(): void {
  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - last < PING_EVERY_MS) return;
      last = now;
      call('session.touch', {}).catch(() => undefined);
    };
    const events = ['keydown', 'mousedown', 'mousemove', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity);
    };
  }, []);
}
