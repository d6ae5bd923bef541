// The roster screen with 10,000 cadres in Chromium: time until the table shows them, and scrolling frame times.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startBridge, type Bridge } from '../test/e2e/harness/bridge-server';
import { launchBrowser, openApp } from '../test/e2e/harness/browser';
import { ScriptedDialogs } from '../test/helpers/dialogs';
import { generatedRosterRows, rosterWorkbook } from '../test/helpers/roster';
import { benchUnits } from './roster-data';
import { percentile, record } from './figures';

const work = mkdtempSync(join(tmpdir(), 'bench-render-'));
let bridge: Bridge | undefined;

afterAll(async () => {
  await bridge?.close();
  rmSync(work, { recursive: true, force: true });
});

test('the roster screen renders 10,000 cadres and scrolls', async () => {
  const dialogs = new ScriptedDialogs();
  bridge = await startBridge(join(process.cwd(), 'out', 'renderer'), {
    configDir: join(work, 'config'),
    defaultStoreDir: join(work, 'store'),
    fileDialogs: dialogs,
    storeOptions: { kdfCost: { N: 2 ** 10, r: 8, p: 1 } },
  });
  const dispatch = bridge.dispatch;
  const call = async (name: string, input: unknown) => {
    const r = await dispatch(name, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as never;
  };
  await call('setup.createStore', {
    dir: join(work, 'store'),
    username: 'admin',
    displayName: '管理员',
    password: 'Bench@2025',
  });
  const units = benchUnits(400);
  for (const [i, u] of units.entries())
    await call('units.save', { name: u.name, categoryCode: u.categoryCode, sort: i });
  const file = join(work, 'roster.xlsx');
  writeFileSync(
    file,
    await rosterWorkbook(
      generatedRosterRows(
        10_000,
        units.map((u) => u.name),
      ),
    ),
  );
  dialogs.answerOpen(file);
  const [picked] = (await call('files.pickOpen', { purpose: 'excel' })) as { token: string }[];
  const preview = (await call('roster.previewExcel', { token: picked!.token })) as { jobId: string };
  await call('roster.commitExcel', { jobId: preview.jobId, excludedRows: [], confirmedRows: [] });

  const browser = await launchBrowser();
  try {
    const t0 = Date.now();
    const page = await openApp(browser, bridge.url);
    await page.getByText('共 10000 人').waitFor({ timeout: 60_000 });
    await page.getByTestId('cadre-name').first().waitFor();
    record('app start in Chromium until the roster shows 10,000 rows', Date.now() - t0, 'ms');
    // The screen itself: from the menu click to the table showing every row.
    await page.locator('.ant-menu-item', { hasText: '单位管理' }).click();
    await page.getByText('共 400 个单位').waitFor();
    const t1 = Date.now();
    await page.locator('.ant-menu-item', { hasText: '干部名册' }).click();
    await page.getByText('共 10000 人').waitFor({ timeout: 60_000 });
    await page.getByTestId('cadre-name').first().waitFor();
    record('roster screen: menu click until 10,000 rows are shown', Date.now() - t1, 'ms', 1500);

    // Scroll the virtual list from top to bottom in steps, one step per animation frame; collect frame times.
    const frames = await page.evaluate(async () => {
      const holder = document.querySelector('.ant-table-tbody-virtual-holder') as HTMLElement | null;
      if (!holder) return [];
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 240; i += 1) {
        holder.scrollTop += 400;
        holder.dispatchEvent(new Event('scroll'));
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times;
    });
    expect(frames.length).toBe(240);
    record('roster scrolling: median frame time (240 steps of 400 px)', percentile(frames, 50), 'ms');
    record('roster scrolling: 95th percentile frame time', percentile(frames, 95), 'ms', 50);
  } finally {
    await browser.close();
  }
});
