// The one place a BrowserWindow is made: every renderer hardening flag, kept literal here so scanners can read them.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

export interface HardenedPreferences {
  /** Absolute path of the built preload (out/preload/preload.cjs). */
  readonly preload: string;
  /** DevTools only while developing; a packaged app has none. */
  readonly devTools: boolean;
  /** Only a never-shown window sets false, so its timers and frames are not held back while it lays out. */
  readonly backgroundThrottling?: false;
}

/** A window with the app's hardened web preferences; the caller gives only size, title and visibility. */
export function createHardenedWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  { preload, devTools, backgroundThrottling }: HardenedPreferences,
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools,
      preload,
      ...(backgroundThrottling === false ? { backgroundThrottling } : {}),
    },
  });
}
