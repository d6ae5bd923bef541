// Hardening for every session and web contents: the CSP, permissions denied, navigation and new windows refused.
import type { Session, WebContents } from 'electron';

/**
 * The renderer's Content-Security-Policy, sent as a header by the app:// handler and repeated in renderer/index.html.
 * antd's CSS-in-JS needs inline styles; scripts are only our own bundled files (no inline script, no eval).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface SessionHardeningOptions {
  /** The electron-vite dev server origin (dev only); in production no http(s)/ws request may leave the page. */
  readonly devServerOrigin?: string | null;
}

/** Denies every permission (camera, notifications, HID, USB, serial…) and cancels network requests to anywhere. */
export function hardenSession(session: Session, options: SessionHardeningOptions = {}): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Defence in depth behind the CSP: the app never talks to a server, so a request out of the page is a bug or an attack.
  const devOrigin = options.devServerOrigin ?? null;
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => {
      callback({ cancel: !isDevServerRequest(details.url, devOrigin) });
    },
  );
}

function isDevServerRequest(url: string, devOrigin: string | null): boolean {
  if (devOrigin === null) return false;
  try {
    const u = new URL(url);
    const dev = new URL(devOrigin);
    // The Vite client opens its HMR websocket on the same host and port.
    return (
      u.host === dev.host &&
      (u.protocol === dev.protocol || u.protocol === (dev.protocol === 'https:' ? 'wss:' : 'ws:'))
    );
  } catch {
    return false;
  }
}

/** The page may never navigate, redirect, open windows or attach webviews: everything happens inside the one page. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
