// The harness's own check (no app behaviour): what a loaded CI machine does to a dialog's zoom-in, made to happen every
// time. The question 放弃未保存的内容？ is held at its first keyframe (scale 0.2, as seen stalled under load) and moves
// on as soon as the button is pressed. A plain Playwright click presses the tiny button and releases beside it: the
// click is lost. clickSettled waits for the zoom to end and its click is answered.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from './harness/app';
import { animationsDone } from './harness/browser';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let page: Page;

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-settled-click-');
  await app.call('units.save', { name: '乌兰镇', categoryCode: 'C1', sort: 1 });
  page = await app.openPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.locator('.ant-menu-item', { hasText: '干部名册' }).click();
  await page.getByRole('button', { name: /新增干部/ }).click();
  await page.getByTestId('cadre-form').locator('input#name').fill('其木格');
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const question = () => page.locator('.ant-modal-confirm-title', { hasText: '放弃未保存的内容？' });
const keepTyping = () => page.getByRole('button', { name: '继续填写' });

/**
 * The next confirm's zoom-in stalls on its first frame, as under load. It moves on (to its end) when the button is
 * pressed, or after `resumeAfterMs`. Every press is logged with the dialog's motion class at that moment.
 */
async function stallNextZoom(resumeAfterMs?: number) {
  await page.evaluate((resumeAfter) => {
    const w = window as unknown as { __presses: string[] };
    w.__presses = [];
    const held: Animation[] = [];
    const resume = () => held.splice(0).forEach((a) => a.finish());
    const observer = new MutationObserver(() => {
      const zooming = document.querySelector('.ant-modal-confirm.ant-zoom-appear-active');
      if (zooming === null) return;
      observer.disconnect();
      for (const a of zooming.getAnimations()) {
        a.pause();
        a.currentTime = 0;
        held.push(a);
      }
      if (resumeAfter !== undefined) setTimeout(resume, resumeAfter);
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'], childList: true });
    const onPress = () => {
      w.__presses.push(document.querySelector('.ant-modal-confirm')?.className ?? '');
      resume();
    };
    window.addEventListener('pointerdown', onPress, { capture: true, once: true });
  }, resumeAfterMs);
}
const presses = () => page.evaluate(() => (window as unknown as { __presses: string[] }).__presses);

describe('a click on a dialog that is still zooming in', () => {
  test('a plain click presses the tiny button of the stalled zoom and is lost (why clickSettled exists)', async () => {
    await stallNextZoom();
    await page.keyboard.press('Escape');
    await question().waitFor();
    await keepTyping().click();
    expect((await presses())[0]).toContain('ant-zoom-appear');
    // The release landed beside the button, which never saw a click: the question is still asked.
    await animationsDone(page);
    expect(await question().isVisible()).toBe(true);
    await keepTyping().click();
    await question().waitFor({ state: 'hidden' });
  }, 60_000);

  test('clickSettled waits for the zoom to end, then its click is answered', async () => {
    await stallNextZoom(1_500);
    await page.keyboard.press('Escape');
    await question().waitFor();
    await clickSettled(keepTyping());
    await question().waitFor({ state: 'hidden', timeout: 5_000 });
    expect((await presses())[0]).not.toContain('ant-zoom-appear');
    expect(await page.getByTestId('cadre-form').locator('input#name').inputValue()).toBe('其木格');
  }, 60_000);
});
