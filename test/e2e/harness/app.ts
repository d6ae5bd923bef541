// The set-up end-to-end tests share: a temp folder, the bridge serving the built renderer (with the Chromium
// printer, for the print views), a new store signed in as the administrator, a dispatcher for seeding through the
// real calls, and the browser the printer and the test's pages use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createDispatcher, type Dispatch } from '../../../electron/ipc/dispatcher';
import { ScriptedDialogs } from '../../helpers/dialogs';
import { startBridge, type Bridge } from './bridge-server';
import { launchBrowser } from './browser';
import { chromiumPrinter } from './print';

export const TEST_ADMIN = { username: 'admin', displayName: '王管理员', password: 'Zzb@2025!' };

export interface TestApp {
  readonly work: string;
  readonly bridge: Bridge;
  readonly dialogs: ScriptedDialogs;
  readonly dispatch: Dispatch;
  /** A call that must succeed; its value. */
  must<T>(name: string, input: unknown): Promise<T>;
  /** Launches the browser (after seeding, so seeding does not compete with it). */
  launch(): Promise<Browser>;
  close(): Promise<void>;
}

export async function startTestApp(prefix: string): Promise<TestApp> {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const dialogs = new ScriptedDialogs();
  let browser: Browser | undefined;
  const bridge: Bridge = await startBridge(join(process.cwd(), 'out', 'renderer'), {
    configDir: join(work, 'config'),
    defaultStoreDir: join(work, 'store'),
    fileDialogs: dialogs,
    printPdf: chromiumPrinter(() => browser!, () => bridge.url),
  });
  await bridge.host.createStore({ dir: join(work, 'store'), ...TEST_ADMIN });
  const dispatch = createDispatcher(bridge.host, () => undefined);
  return {
    work,
    bridge,
    dialogs,
    dispatch,
    async must<T>(name: string, input: unknown): Promise<T> {
      const r = await dispatch(name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as T;
    },
    async launch() {
      browser = await launchBrowser();
      return browser;
    },
    async close() {
      await browser?.close();
      await bridge.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
