// The test bridge's printer: the app's print route opened in Chromium and printed with page.pdf, exactly as the
// hidden Electron window does with printToPDF (CSS page size, no printer margins, backgrounds on).
import type { Browser } from 'playwright-core';
import { bridgeInitScript } from './bridge-client';

export function chromiumPrinter(browser: () => Browser, url: () => string): (route: string) => Promise<Uint8Array> {
  return async (route) => {
    const context = await browser().newContext({ locale: 'zh-CN' });
    try {
      const t0 = performance.now();
      const page = await context.newPage();
      await page.addInitScript({ content: bridgeInitScript() });
      await page.goto(`${url()}#/${route}`);
      await page.waitForFunction(() => document.documentElement.dataset['printReady'] === 'true' || document.documentElement.dataset['printReady'] === 'error', null, {
        timeout: 180_000,
      });
      const t1 = performance.now();
      if ((await page.evaluate(() => document.documentElement.dataset['printReady'])) !== 'true') throw new Error('print view failed');
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      if (process.env['PRINT_TIMING']) console.log(`PRINT_TIMING layout ${Math.round(t1 - t0)} ms, pdf ${Math.round(performance.now() - t1)} ms`);
      return pdf;
    } finally {
      await context.close();
    }
  };
}
