// End to end (issue 18, a second app instance): the main PC exports a 测评包; a laptop (its own app instance on its
// own folder, no store) opens it from the setup screen as a 评议终端, three codes vote on the kiosk screens, 结束评议
// writes the return; started again, the laptop is an ordinary app. The main PC imports the return, settles the 冲突
// of a code also used on its own kiosk, and the rankings count the ballots.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PanelCodeSheet } from '../../shared/assessment/panel';
import { tempDir } from '../helpers/tmp-store';
import { startTestApp, TEST_ADMIN, type TestApp } from './harness/app';
import { animationsDone, chooseTab, openApp, SCREENSHOT_DIR, settledScreenshot } from './harness/browser';
import { ASSESSMENT_NAME as NAME, CHIEFS, seedTerminalAssessment } from './harness/seed';
import { clickSettled } from './harness/settled-click';

let main: TestApp;
let laptop: TestApp | undefined;
let page: Page;
let assessmentId = 0;
let ids: Record<string, number> = {};
let sheet: PanelCodeSheet;

beforeAll(async () => {
  main = await startTestApp('ganbu-e2e-laptop-main-');
  ({ assessmentId, ids, sheet } = await seedTerminalAssessment(main, 'staff'));
  page = await main.openPage();
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await laptop?.close();
  await main?.close();
});

async function openTab() {
  await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
  const title = page.getByTestId('assessment-title').filter({ hasText: NAME });
  if ((await title.count()) === 0) await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
  await title.waitFor();
  await chooseTab(page, '评议终端包');
}

async function exportPackage(terminalNo = 1): Promise<{ file: string; password: string }> {
  const file = join(tempDir('e2e-laptop-gpkg-'), `终端${terminalNo}.gpkg`);
  main.dialogs.answerSave(file);
  await page.getByRole('button', { name: '导出评议终端包' }).click();
  await page.getByTestId('handover').waitFor();
  const password = (await page.getByTestId('package-password').textContent()) ?? '';
  if (terminalNo !== 1) {
    await clickSettled(page.getByRole('button', { name: '我已抄录或打印交接单' }));
    await page.getByTestId('handover').waitFor({ state: 'detached' });
    return { file, password };
  }
  // The 交接单 printed to PDF: digest, terminal, groups, password, signature lines.
  const pdf = join(tempDir('e2e-laptop-handover-'), '交接单.pdf');
  main.dialogs.answerSave(pdf);
  await settledScreenshot(page, 'terminal-laptop-handover');
  await clickSettled(page.getByTestId('handover-print'));
  await page.getByText('已保存交接单 交接单.pdf').waitFor({ timeout: 60_000 });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('评议终端包交接单');
  expect(text).toContain('终端 1');
  expect(text).toContain(password);
  expect(text).toContain('接收人（签字）');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    pdf,
    join(SCREENSHOT_DIR, 'terminal-laptop-handover-pdf'),
  ]);
  await clickSettled(page.getByRole('button', { name: '我已抄录或打印交接单' }));
  await page.getByTestId('handover').waitFor({ state: 'detached' });
  return { file, password };
}

/** One staff ballot on the laptop's kiosk screen: the code, a grade per cadre, 核对, 确认. */
async function vote(lp: Page, code: string, grades: readonly [string, string, string], shot?: string) {
  await lp.getByTestId('kiosk-code').fill(code);
  await lp.getByTestId('kiosk-open').click();
  await lp.getByTestId('kiosk-form').or(lp.getByTestId('kiosk-problem')).waitFor({ timeout: 30_000 });
  expect(await lp.getByTestId('kiosk-problem').count(), code).toBe(0);
  for (const [i, name] of CHIEFS.entries()) await lp.getByTestId(`kiosk-staff-${name}`).getByText(grades[i]!).click();
  if (shot) await settledScreenshot(lp, shot);
  await lp.getByTestId('kiosk-submit').click();
  await lp.getByTestId('kiosk-review-lines').waitFor();
  await lp.getByTestId('kiosk-confirm').click();
  // Back at an empty code entry (the previous ballot's message may still be showing beside this one's).
  await lp.getByTestId('kiosk-form').waitFor({ state: 'detached' });
  await lp.getByText('评议票已提交，感谢您的参与').first().waitFor();
  await lp.getByTestId('kiosk-code').waitFor();
  expect(await lp.getByTestId('kiosk-code').inputValue()).toBe('');
}

describe('评议终端 laptop: a second app instance', () => {
  test('export, open as a terminal, vote with three codes, 结束评议, import, settle the 冲突, see the rankings', async () => {
    await openTab();
    const pkg = await exportPackage();
    // After the export, slip 1 is voted on the main PC's own kiosk; a copy of it is used again on the laptop.
    await main.call('kiosk.start', { assessmentId });
    await main.call('kiosk.submit', {
      code: sheet.slips[0]!.code,
      ballot: { kind: 'staff', votes: CHIEFS.map((n) => ({ targetId: ids[n]!, grade: 'good' as const })) },
    });
    await main.call('kiosk.exit', { password: TEST_ADMIN.password });

    // The laptop: no store of its own; the setup screen offers to open the package as a terminal.
    laptop = await startTestApp('ganbu-e2e-laptop-', { store: false });
    let lp = await openApp(await laptop.launch(), laptop.bridge.url);
    await lp.setViewportSize({ width: 1366, height: 768 });
    await lp.getByText('初始设置').first().waitFor();
    // On the laptop's 768 px screen the link and the whole setup form are in view without scrolling.
    await animationsDone(lp);
    for (const shown of [lp.getByTestId('terminal-start'), lp.getByRole('button', { name: '创建档案库' })]) {
      const box = await shown.boundingBox();
      expect(box ? box.y + box.height : Infinity).toBeLessThanOrEqual(768);
    }
    expect(await lp.evaluate(() => window.scrollY)).toBe(0);
    await settledScreenshot(lp, 'terminal-laptop-00-setup-1366x768');
    await lp.getByTestId('terminal-start').click();
    const open = lp.locator('.ant-modal', { hasText: '作为评议终端打开测评包' });
    await open.waitFor();
    await animationsDone(lp);
    laptop.dialogs.answerOpen(pkg.file);
    await clickSettled(lp.getByTestId('terminal-pick'));
    await expect.poll(() => lp.getByTestId('terminal-pick').innerText()).toContain('终端1.gpkg');
    // A wrong password is refused by name; nothing opened.
    await lp.getByTestId('terminal-open-password').fill('AAAA-BBBB-CCCC-DDDD');
    await clickSettled(lp.getByTestId('terminal-open-ok'));
    // The package key is derived slowly (scrypt), as a store's: wait for the answer, then read it.
    await lp.getByTestId('terminal-open-problem').waitFor({ timeout: 30_000 });
    expect(await lp.getByTestId('terminal-open-problem').innerText()).toContain('评议终端包密码不正确');
    await settledScreenshot(lp, 'terminal-laptop-open-wrong-password');
    await lp.getByTestId('terminal-open-password').fill(pkg.password.toLowerCase());
    await clickSettled(lp.getByTestId('terminal-open-ok'));
    await lp.getByTestId('terminal-screen').waitFor({ timeout: 30_000 });
    await expect.poll(() => lp.getByTestId('terminal-screen').innerText()).toContain('评议终端 1');
    // Nothing else of the app: no menu on screen, and the calls the window could make are refused.
    expect(await lp.locator('.ant-menu-item').count()).toBe(0);
    await settledScreenshot(lp, 'terminal-laptop-code-entry');
    const refused = await laptop.dispatch('roster.query', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await laptop.dispatch('session.login', { username: 'admin', password: TEST_ADMIN.password })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    // The groups this terminal takes ballots for, under the code entry; a wrong code is refused in Chinese.
    await expect.poll(() => lp.getByTestId('terminal-screen').innerText()).toContain('本终端负责：正职·苏木镇（街道）');
    await lp.getByTestId('kiosk-code').fill('ZZZZ-ZZZZ');
    await lp.getByTestId('kiosk-open').click();
    await expect.poll(() => lp.getByTestId('kiosk-problem').innerText()).toBe('评议码不正确，请核对后重新输入');
    // 放弃并返回: a fresh code entry with the groups again, the code still unused (it votes below).
    await lp.getByTestId('kiosk-code').fill(sheet.slips[0]!.code);
    await lp.getByTestId('kiosk-open').click();
    await lp.getByTestId('kiosk-form').waitFor({ timeout: 30_000 });
    await lp.getByRole('button', { name: '放弃并返回' }).click();
    await lp.getByTestId('kiosk-code').waitFor();
    expect(await lp.getByTestId('kiosk-code').inputValue()).toBe('');
    expect(await lp.getByTestId('kiosk-problem').count()).toBe(0);
    expect(await lp.getByText('本终端负责：').count()).toBe(1);

    await vote(lp, sheet.slips[0]!.code, ['优秀', '较好', '一般'], 'terminal-laptop-staff-form');
    await vote(lp, sheet.slips[1]!.code, ['较好', '优秀', '较好']);
    await vote(lp, sheet.slips[2]!.code, ['一般', '较好', '优秀']);
    // Each code once on this terminal.
    await lp.getByTestId('kiosk-code').fill(sheet.slips[1]!.code);
    await lp.getByTestId('kiosk-open').click();
    await expect.poll(() => lp.getByTestId('kiosk-problem').innerText()).toContain('已使用');

    // 结束评议: the package password, then where to save the return.
    await lp.getByTestId('terminal-finish').click();
    const dialog = lp.locator('.ant-modal', { hasText: '本终端已收到' });
    await dialog.waitFor();
    await expect.poll(() => dialog.innerText()).toContain('本终端已收到 3 张评议票');
    await animationsDone(lp);
    await lp.getByTestId('terminal-password').fill(pkg.password);
    await settledScreenshot(lp, 'terminal-laptop-finish');
    const ret = join(tempDir('e2e-laptop-gret-'), '终端1回收.gret');
    laptop.dialogs.answerSave(ret);
    await clickSettled(lp.getByTestId('terminal-password-ok'));
    await lp.getByTestId('terminal-finished').waitFor({ timeout: 30_000 });
    await expect.poll(() => lp.getByTestId('terminal-finished').innerText()).toContain(ret);
    await settledScreenshot(lp, 'terminal-laptop-finished');
    expect(existsSync(ret)).toBe(true);

    // Started again: the ordinary first screen, no terminal left.
    const work = laptop.work;
    await laptop.close(true);
    laptop = await startTestApp('ganbu-e2e-laptop-', { store: false, work });
    lp = await openApp(await laptop.launch(), laptop.bridge.url);
    await lp.getByText('初始设置').first().waitFor();
    expect(await lp.getByTestId('terminal-screen').count()).toBe(0);
    expect(await laptop.call('app.status', {})).toMatchObject({ phase: 'setup', terminal: null });

    // The main PC (its window reloaded: the kiosk above ran through calls, not through this window): import the
    // return, the 冲突 with its own kiosk settled, the rankings.
    await page.reload();
    await openTab();
    main.dialogs.answerOpen(ret);
    await page.getByRole('button', { name: '导入评议终端回收' }).click();
    const modal = page.locator('.ant-modal', { hasText: '导入评议终端回收' });
    await modal.getByRole('table').waitFor();
    await settledScreenshot(page, 'terminal-laptop-import-preview');
    await clickSettled(modal.getByRole('button', { name: '确认合并' }));
    await modal.waitFor({ state: 'detached' });
    const conflicts = page.getByTestId('terminal-conflicts');
    await conflicts.waitFor();
    await expect.poll(() => conflicts.textContent()).toContain('终端 1、主机评议终端');
    await conflicts.getByRole('button', { name: '采用主机的票' }).click();
    const pop = page.locator('.ant-popover', { hasText: '采用主机评议终端的票' });
    await clickSettled(pop.getByRole('button', { name: /确\s?定|OK/ }));
    await expect.poll(() => conflicts.textContent()).toContain('采用主机评议终端的票');
    await settledScreenshot(page, 'terminal-laptop-conflict-settled');
    const list = await main.call('terminals.list', { assessmentId });
    expect(list.packages.map((p) => [p.terminalNo, p.merged])).toEqual([[1, 2]]);
    const rankings = await main.call('rankings.get', { assessmentId });
    const staffBallots = rankings.result.groups[0]!.rows.map((r) => r.components.staff?.ballots);
    expect(staffBallots).toEqual([3, 3, 3]);

    // Terminal 2's laptop is lost: 作废终端包 with a reason.
    await exportPackage(2);
    await page.getByTestId('terminal-cancel-2').click();
    const cancel = page.locator('.ant-modal', { hasText: '作废终端 2 的评议终端包' });
    await cancel.waitFor();
    await animationsDone(page);
    await expect.poll(() => cancel.innerText()).toContain('没有其他终端的票在等终端 2 交回');
    await cancel.getByTestId('terminal-cancel-reason').fill('终端笔记本丢失');
    // Not undoable: confirmed by typing the terminal number.
    await cancel.getByTestId('terminal-cancel-confirm').fill('2');
    await clickSettled(cancel.getByTestId('terminal-cancel-ok'));
    await cancel.waitFor({ state: 'detached' });
    await page.getByText('已作废').first().waitFor();
    await settledScreenshot(page, 'terminal-laptop-cancelled');
    const after = await main.call('terminals.list', { assessmentId });
    expect(after.packages[1]?.cancelled).toMatchObject({ reason: '终端笔记本丢失' });

    await chooseTab(page, '排名结果');
    await page.getByText('阿古拉').first().waitFor();
    await settledScreenshot(page, 'terminal-laptop-rankings');
  }, 240_000);
});
