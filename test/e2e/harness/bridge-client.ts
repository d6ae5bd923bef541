// The script put into the page before it loads: a `window.ganbu` shaped like the preload's, over HTTP.
import { CALL_NAME_LIST } from '../../../shared/ipc/names';
import { BRIDGE_GLOBAL } from '../../../shared/ipc/window-api';
import { CALL_PATH, EVENTS_PATH } from './bridge-server';

export function bridgeInitScript(): string {
  return `(() => {
    const names = ${JSON.stringify(CALL_NAME_LIST)};
    const call = (name) => (input) =>
      fetch(${JSON.stringify(CALL_PATH)}, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, input }),
      }).then((r) => r.json());
    const listeners = new Set();
    const closeListeners = new Set();
    let events = null;
    const bridge = {
      calls: Object.freeze(Object.fromEntries(names.map((n) => [n, call(n)]))),
      onLocked(listener) {
        listeners.add(listener);
        if (!events) {
          events = new EventSource(${JSON.stringify(EVENTS_PATH)});
          events.onmessage = (m) => listeners.forEach((l) => l(m.data));
        }
        return () => listeners.delete(listener);
      },
      // No window to close here: a test presses the close button with window.__ganbuRequestClose().
      onCloseRequested(listener) {
        closeListeners.add(listener);
        return () => closeListeners.delete(listener);
      },
    };
    Object.defineProperty(window, '__ganbuRequestClose', { value: () => closeListeners.forEach((l) => l()) });
    Object.defineProperty(window, ${JSON.stringify(BRIDGE_GLOBAL)}, { value: Object.freeze(bridge) });
  })();`;
}
