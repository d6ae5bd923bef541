// Debian's Chromium driven by playwright-core, with the flags this closed network needs.
import { expect } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { bridgeInitScript } from './bridge-client';
import { ENTRY_TAB, ENTRY_TABS } from '../../../renderer/pages/assessment/entry-tabs';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // As the app's renderers (electron/main.ts): the print view collects garbage between the parts of a print.
      '--js-flags=--expose-gc',
    ],
  });
}

/** Uncaught errors of the pages openApp opened, not yet claimed: the e2e setup (no-page-errors.ts) fails a test that
 *  leaves one, since a user's window would have met it too. */
const pageErrors: string[] = [];
export const takePageErrors = (): string[] => pageErrors.splice(0);

export async function openApp(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 820 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.addInitScript({ content: bridgeInitScript() });
  // An uncaught error in the page shows in the test output: a test that then times out says why.
  page.on('pageerror', (e) => {
    console.error(`[page error] ${e.message}`);
    pageErrors.push(e.message);
  });
  await page.goto(url);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * A screenshot once toasts and spinners are gone. The pointer moves off first: antd keeps a message open while it is
 * hovered, and the pointer often rests where the last click put it. A notice already fading out does not count:
 * headless Chromium sometimes leaves one in its leave animation long after it has turned transparent.
 */
export async function settledScreenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 1);
  await expect
    .poll(() => page.locator('.ant-message-notice:not(.ant-message-fade-leave), .ant-spin-spinning').count(), {
      timeout: 15_000,
    })
    .toBe(0);
  await animationsDone(page);
  await screenshot(page, name);
}

/**
 * Waits until the print preview shows its first page drawn. The preview draws the pages near the scroll position
 * only, once its IntersectionObserver has reported: until then every page is an empty sheet of the right size, so
 * waiting for a `.print-page` alone can read an empty preview.
 */
export async function previewDrawn(preview: Locator, timeout?: number): Promise<void> {
  await preview
    .locator('.print-page:not(:empty)')
    .first()
    .waitFor(timeout === undefined ? undefined : { timeout });
}

/**
 * Waits until no finite CSS animation or transition is running (a modal's or drawer's opening, a fade): what a fixed
 * sleep used to wait for. Spinners animate forever and do not count.
 */
export async function animationsDone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
}

/**
 * Opens a tab by its name as a user would: a ballot-entry tab of the assessment (上级排名 … 评议终端包) after opening
 * 测评录入, which holds them. Should a bar not fit, antd moves the tabs that do not fit behind its “…” menu, where a
 * click on the hidden tab itself would land on whatever covers it: those are chosen through the menu.
 */
export async function chooseTab(page: Page, name: string): Promise<void> {
  if (ENTRY_TABS.some((t) => t.label === name)) await chooseVisibleTab(page, ENTRY_TAB.label);
  await chooseVisibleTab(page, name);
}

async function chooseVisibleTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true }).first();
  await tab.waitFor({ state: 'attached' });
  const hidden = await tab.evaluate((el) => {
    const wrap = el.closest('.ant-tabs-nav-wrap')?.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return wrap !== undefined && (r.left < wrap.left - 1 || r.right > wrap.right + 1);
  });
  if (!hidden) {
    await tab.click();
    return;
  }
  const nav = page.locator('.ant-tabs-nav', { has: tab }).first();
  await nav.locator('.ant-tabs-nav-more').hover();
  await page.locator('.ant-tabs-dropdown:visible .ant-tabs-dropdown-menu-item', { hasText: name }).first().click();
}
