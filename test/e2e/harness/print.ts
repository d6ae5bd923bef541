// The test bridge's printer: the app's print route opened in Chromium and printed with page.pdf, exactly as the
// hidden Electron window does with printToPDF (CSS page size, no printer margins, backgrounds on).
import type { Browser } from 'playwright-core';
import type { PrintControl } from '../../../db/app/io';
import { waitForPrintView } from '../../../shared/print/progress';
import { bridgeInitScript } from './bridge-client';

const LAYOUT_TIMEOUT_MS = 180_000;
const POLL_MS = 100;

export function chromiumPrinter(browser: () => Browser, url: () => string): (route: string, control?: PrintControl) => Promise<Uint8Array> {
  return async (route, control) => {
    const context = await browser().newContext({ locale: 'zh-CN' });
    try {
      const t0 = performance.now();
      const page = await context.newPage();
      await page.addInitScript({ content: bridgeInitScript() });
      await page.goto(`${url()}#/${route}`);
      // The same wait as electron/print-window.ts (may throw CANCELLED; the context is closed below).
      await waitForPrintView({
        readState: () => page.evaluate(() => [document.documentElement.dataset['printReady'] ?? '', document.documentElement.dataset['printProgress'] ?? '']),
        onProgress: control?.onProgress,
        timeoutMs: LAYOUT_TIMEOUT_MS,
        pollMs: POLL_MS,
      });
      const t1 = performance.now();
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      if (process.env['PRINT_TIMING']) console.log(`PRINT_TIMING layout ${Math.round(t1 - t0)} ms, pdf ${Math.round(performance.now() - t1)} ms`);
      return pdf;
    } finally {
      await context.close();
    }
  };
}
