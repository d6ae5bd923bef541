// The test bridge's printer: the app's print route opened in Chromium and printed with page.pdf, exactly as the
// hidden Electron window does with printToPDF (CSS page size, no printer margins, backgrounds on).
import type { Browser } from 'playwright-core';
import type { PrintControl } from '../../../db/app/io';
import { printView } from '../../../shared/print/progress';
import { bridgeInitScript } from './bridge-client';

const LAYOUT_TIMEOUT_MS = 180_000;
// Often enough that a short print is not kept waiting (each poll is one small script in the page).
const POLL_MS = 30;

export function chromiumPrinter(
  browser: () => Browser,
  url: () => string,
): (route: string, control?: PrintControl) => Promise<Uint8Array[]> {
  return async (route, control) => {
    const context = await browser().newContext({ locale: 'zh-CN' });
    try {
      const t0 = performance.now();
      const page = await context.newPage();
      await page.addInitScript({ content: bridgeInitScript() });
      await page.goto(`${url()}#/${route}`);
      // The same loop as electron/print-window.ts (may throw CANCELLED; the context is closed below).
      let t1 = 0;
      const parts = await printView({
        evaluate: (script) => page.evaluate(script),
        printPdf: async () => {
          t1 ||= performance.now();
          return page.pdf({ preferCSSPageSize: true, printBackground: true });
        },
        onProgress: control?.onProgress,
        timeoutMs: LAYOUT_TIMEOUT_MS,
        pollMs: POLL_MS,
      });
      if (process.env['PRINT_TIMING'])
        console.log(
          `PRINT_TIMING layout ${Math.round(t1 - t0)} ms, pdf ${Math.round(performance.now() - t1)} ms, ${parts.length} parts`,
        );
      return parts;
    } finally {
      await context.close();
    }
  };
}
