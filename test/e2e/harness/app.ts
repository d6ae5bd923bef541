// The set-up end-to-end tests share: a temp folder, the bridge serving the built renderer (with the Chromium
// printer, for the print views), a new store signed in as the administrator, a dispatcher for seeding through the
// real calls, and the browser the printer and the test's pages use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Dispatch } from '../../../electron/ipc/dispatcher';
import type { CallInput, CallName, CallOutput } from '../../../shared/ipc/contract';
import type { Role } from '../../../shared/roles';
import { ScriptedDialogs } from '../../helpers/dialogs';
import { startBridge, type Bridge } from './bridge-server';
import { launchBrowser, openApp } from './browser';
import { chromiumPrinter } from './print';

export const TEST_ADMIN = { username: 'admin', displayName: '王管理员', password: 'Zzb@2025!' };

export interface TestUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** The password the test signs in with (the account's first one is changed to it, as at a first login). */
  readonly password: string;
}

export interface TestApp {
  readonly work: string;
  readonly bridge: Bridge;
  readonly dialogs: ScriptedDialogs;
  readonly dispatch: Dispatch;
  /** A call that must succeed; its value. */
  must<T>(name: string, input: unknown): Promise<T>;
  /** The same, typed by the contract. */
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  /**
   * Adds an account and makes its first-login password change, so a window can sign in with `password` straight
   * away; the administrator is signed in again afterwards.
   */
  addUser(user: TestUser): Promise<void>;
  /** Launches the browser (after seeding, so seeding does not compete with it). */
  launch(): Promise<Browser>;
  /** Launches the browser and opens the app, once `ready` (a text of the first screen) shows. */
  openPage(ready?: string): Promise<Page>;
  /** Ends the instance; `keepFolder` leaves its folder for a new instance on it (the app started again). */
  close(keepFolder?: boolean): Promise<void>;
}

export interface StartOptions {
  /** false: no store is created (a 评议终端 laptop, which shows the setup screen first). Default true. */
  readonly store?: boolean;
  /** The folder of an earlier instance, closed with keepFolder: this one starts on it, as the app run again. */
  readonly work?: string;
}

export async function startTestApp(prefix: string, opts: StartOptions = {}): Promise<TestApp> {
  const work = opts.work ?? mkdtempSync(join(tmpdir(), prefix));
  const dialogs = new ScriptedDialogs();
  let browser: Browser | undefined;
  const bridge: Bridge = await startBridge(join(process.cwd(), 'out', 'renderer'), {
    configDir: join(work, 'config'),
    defaultStoreDir: join(work, 'store'),
    fileDialogs: dialogs,
    printPdf: chromiumPrinter(
      () => browser!,
      () => bridge.url,
    ),
  });
  const dispatch = bridge.dispatch;
  const must = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as T;
  };
  if (opts.store !== false && !opts.work) await must('setup.createStore', { dir: join(work, 'store'), ...TEST_ADMIN });
  const app: TestApp = {
    work,
    bridge,
    dialogs,
    dispatch,
    must,
    call: (name, input) => must(name, input),
    async addUser({ password, ...user }) {
      const first = `${password}#1`;
      await must('users.create', { ...user, password: first });
      await must('session.login', { username: user.username, password: first });
      await must('me.changePassword', { currentPassword: first, newPassword: password });
      await must('session.login', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    },
    async launch() {
      browser = await launchBrowser();
      return browser;
    },
    async openPage(ready = '干部名册') {
      const page = await openApp(await app.launch(), bridge.url);
      await page.getByText(ready).first().waitFor();
      return page;
    },
    async close(keepFolder = false) {
      await browser?.close();
      await bridge.close();
      if (!keepFolder) rmSync(work, { recursive: true, force: true });
    },
  };
  return app;
}
