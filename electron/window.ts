// The one application window (hardened in electron/hardened-window.ts), and its kiosk mode.
import type { BrowserWindow } from 'electron';
import { createHardenedWindow } from './hardened-window';

export const WINDOW_TITLE = '干部政治素质档案与“双比双评”考核系统';

export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/preload.cjs). */
  readonly preload: string;
  /** DevTools only while developing; a packaged app has none. */
  readonly devTools: boolean;
}

export function createMainWindow({ preload, devTools }: MainWindowOptions): BrowserWindow {
  const win = createHardenedWindow(
    {
      title: WINDOW_TITLE,
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 700,
      show: false,
      backgroundColor: '#ffffff',
    },
    { preload, devTools },
  );
  // The page sets its own <title>; keep the product name in the title bar regardless.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  return win;
}

/**
 * 评议终端 (kiosk) mode makes the window a kiosk: full screen and on top of other windows, no menu bar, not
 * minimisable. What an app cannot do: keep the operating system's own keys (Alt+Tab, the Windows key,
 * Ctrl+Alt+Del) from working; a kiosk PC should be a locked-down Windows account (assigned access) for that.
 */
export function setKioskWindow(win: BrowserWindow, on: boolean): void {
  win.setKiosk(on);
  win.setAlwaysOnTop(on, 'screen-saver');
  win.setMenuBarVisibility(!on);
  win.setMinimizable(!on);
}

/**
 * While `inKiosk()`, closing the window (its close button, Alt+F4) is refused and `askPassword` runs instead: the
 * clerk who started the kiosk types their password, and the window closes once kiosk mode has ended that way.
 */
export function guardKioskClose(win: BrowserWindow, inKiosk: () => boolean, askPassword: () => void): void {
  win.on('close', (event) => {
    if (!inKiosk()) return;
    event.preventDefault();
    askPassword();
  });
}
