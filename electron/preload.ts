// The sandboxed preload: puts exactly one object on the page, a function per contract call plus the lock event.
// It imports only the call names (no zod, no schemas) so the bundle stays tiny and CommonJS-only, as sandboxing needs.
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_CHANNEL, CALL_NAME_LIST, KIOSK_CLOSE_CHANNEL, LOCKED_CHANNEL } from '../shared/ipc/names';
import { BRIDGE_GLOBAL, type WindowBridge, type WireCalls } from '../shared/ipc/window-api';

type LockReason = Parameters<Parameters<WindowBridge['onLocked']>[0]>[0];

const calls = Object.freeze(
  Object.fromEntries(
    // The main process answers with the CallResult's JSON text (it passes the engine's answer on unparsed).
    CALL_NAME_LIST.map(
      (name) =>
        [
          name,
          async (input: unknown) =>
            JSON.parse((await ipcRenderer.invoke(CALL_CHANNEL, name, input)) as string) as unknown,
        ] as const,
    ),
  ),
) as unknown as WireCalls;

const bridge: WindowBridge = Object.freeze({
  calls,
  onLocked(listener: (reason: LockReason) => void): () => void {
    // The IPC event object never reaches the page: it carries `sender`, which would hand the page ipcRenderer.
    const handler = (_event: unknown, reason: unknown): void => {
      if (reason === 'manual' || reason === 'idle' || reason === 'crashed') listener(reason);
    };
    ipcRenderer.on(LOCKED_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(LOCKED_CHANNEL, handler);
    };
  },
  onCloseRequested(listener: () => void): () => void {
    const handler = (): void => listener();
    ipcRenderer.on(KIOSK_CLOSE_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(KIOSK_CLOSE_CHANNEL, handler);
    };
  },
});

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
