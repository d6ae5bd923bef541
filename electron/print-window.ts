// PDFs from the app's own print views: a hidden window, hardened like the main one, loads #/print/<jobId>, waits
// until the paginator has laid out every page, then prints with the page size the CSS gives (A4, no margins).
import type { BrowserWindow } from 'electron';
import { createHardenedWindow } from './hardened-window';
import type { PrintControl } from '../db/app/io';
import { printView } from '../shared/print/progress';

/** How long a packet may take to lay out before the print is given up. */
const LAYOUT_TIMEOUT_MS = 180_000;
// Often enough that a short print is not kept waiting (each poll is one small script in the page).
const POLL_MS = 30;

export interface PrintWindowOptions {
  readonly preload: string;
  /** The page the main window loads (app://ganbu/index.html, or the dev server). */
  readonly pageUrl: string;
  /** Every print window's web contents, so the IPC check can accept its calls while it is open. */
  readonly open: Set<Electron.WebContents>;
}

export function createPrintWindow(preload: string): BrowserWindow {
  return createHardenedWindow(
    { show: false, width: 794, height: 1123 },
    // Never shown: without backgroundThrottling off a hidden page's timers and frames may be held back.
    { preload, devTools: false, backgroundThrottling: false },
  );
}

/** The host's PdfPrinter: one hidden window per document, closed whatever happens. */
export function pdfPrinter({
  preload,
  pageUrl,
  open,
}: PrintWindowOptions): (route: string, control?: PrintControl) => Promise<Uint8Array[]> {
  return async (route, control) => {
    const win = createPrintWindow(preload);
    const contents = win.webContents;
    open.add(contents);
    try {
      await win.loadURL(`${pageUrl}#/${route}`);
      // May throw CANCELLED (the user stopped the print): the window is destroyed below.
      return await printView({
        evaluate: (script) => contents.executeJavaScript(script),
        printPdf: () =>
          contents.printToPDF({
            preferCSSPageSize: true,
            printBackground: true,
            margins: { top: 0, bottom: 0, left: 0, right: 0 },
          }),
        onProgress: control?.onProgress,
        timeoutMs: LAYOUT_TIMEOUT_MS,
        pollMs: POLL_MS,
      });
    } finally {
      open.delete(contents);
      if (!win.isDestroyed()) win.destroy();
    }
  };
}
