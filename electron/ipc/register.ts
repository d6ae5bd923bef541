// Wires the engine's calls to ipcMain, answering only our own page in our window's main frame. Answers travel as the
// CallResult's JSON text, which the main thread passes on unparsed (electron/engine/client.ts) and the preload parses.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_CHANNEL } from '../../shared/ipc/names';
import type { CallResult } from '../../shared/ipc/errors';
import type { DispatchJson } from '../engine/client';

export const FORBIDDEN_SENDER: CallResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' },
};
const FORBIDDEN_SENDER_JSON = JSON.stringify(FORBIDDEN_SENDER);

export interface TrustedSender {
  /** The window's web contents, or null before it exists / after it is closed. */
  readonly contents: () => WebContents | null;
  /** Hidden print windows while they render a document (they read its data through the same calls). */
  readonly printContents?: () => ReadonlySet<WebContents>;
  /** URL prefixes of our page: `app://ganbu/`, plus the dev server's origin while developing. */
  readonly allowedUrlPrefixes: readonly string[];
}

/** True only for a call from the main frame of our window (or an open print window) loaded from our own origin. */
export function isTrustedSender(event: IpcMainInvokeEvent, trusted: TrustedSender): boolean {
  const main = trusted.contents();
  const contents =
    main && event.sender === main ? main : trusted.printContents?.().has(event.sender) ? event.sender : null;
  if (!contents || contents.isDestroyed() || event.sender !== contents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (frame.frameTreeNodeId !== contents.mainFrame.frameTreeNodeId) return false;
  const url = frame.url;
  return trusted.allowedUrlPrefixes.some((prefix) => url.startsWith(prefix));
}

/** Registers the handler; returns a function that removes it (used by tests and on shutdown). */
export function registerIpc(ipcMain: IpcMain, dispatchJson: DispatchJson, trusted: TrustedSender): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event, trusted)) return FORBIDDEN_SENDER_JSON;
    return dispatchJson(name, input);
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}
