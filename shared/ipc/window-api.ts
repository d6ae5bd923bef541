// The one object the preload puts on the window (and the test bridge imitates): a function per call, plus the lock event.
import type { CallInput, CallName, CallOutput } from './contract';
import type { CallResult } from './errors';

export type WireCalls = { readonly [N in CallName]: (input: CallInput<N>) => Promise<CallResult<CallOutput<N>>> };

export interface WindowBridge {
  readonly calls: WireCalls;
  /** The main process locked the app (idle timer, Ctrl+L from the menu); returns an unsubscribe function. */
  onLocked(listener: (reason: 'manual' | 'idle' | 'crashed') => void): () => void;
  /** The window's close button was pressed in 评议终端 mode: ask for the clerk's password (kiosk.exit with close). */
  onCloseRequested(listener: () => void): () => void;
}

export const BRIDGE_GLOBAL = 'ganbu';
