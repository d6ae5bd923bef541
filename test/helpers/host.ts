// An AppHost with its dispatcher over a temp folder: the same code path the window's calls take.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { AppHost, type HostOptions } from '../../db/app/host';
import type { OpenPurpose, SavePurpose } from '../../db/app/io';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatcher';
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import type { ApiErrorData } from '../../shared/ipc/errors';
import type { PickedFile } from '../../shared/roster/views';
import { ScriptedDialogs } from './dialogs';
import { ADMIN, fast, onCleanup, tempDir } from './tmp-store';

export interface TestHost {
  readonly host: AppHost;
  readonly dispatch: Dispatch;
  /** The store folder (not created until setup.createStore). */
  readonly dir: string;
  /** The host's open/save dialogs: queue the user's answers before a files.pickOpen / files.pickSave. */
  readonly dialogs: ScriptedDialogs;
  /** Makes a call that must succeed and returns its value. */
  ok<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  /** Makes a call that must fail and returns its typed error. */
  err(name: string, input: unknown): Promise<ApiErrorData>;
  /** The user picks these files (or one folder for 'lrmxFolder') in the open dialog: files.pickOpen's answer. */
  pickOpen(purpose: OpenPurpose, ...paths: string[]): Promise<readonly PickedFile[]>;
  /** The user chooses this path in the save dialog: the token files.pickSave hands the window. */
  pickSave(purpose: SavePurpose, path: string, suggestedName?: string): Promise<string>;
}

/** What the stand-in printer returns: a one-page PDF (a catalog, its page tree and one page). */
export const STAND_IN_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n' +
    '2 0 obj\n<</Type /Pages /Kids [3 0 R] /Count 1>>\nendobj\n' +
    '3 0 obj\n<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>\nendobj\n' +
    'trailer\n<</Root 1 0 R>>\n%%EOF\n',
);

export function newHost(opts: Partial<HostOptions> & { dir?: string } = {}): TestHost {
  const t = makeHost(tempDir('ganbu-host-'), opts);
  onCleanup(() => t.host.dispose());
  return t;
}

function makeHost(root: string, opts: Partial<HostOptions> & { dir?: string }): TestHost {
  const dialogs = new ScriptedDialogs();
  const host = new AppHost({
    configDir: join(root, 'config'),
    defaultStoreDir: join(root, 'store'),
    storeOptions: fast,
    // Automatic backups write audit entries after login; tests that count entries must not race them.
    autoBackup: false,
    fileDialogs: dialogs,
    // Electron's printToPDF cannot run here: a one-page PDF stands in (e2e tests print the real views in Chromium).
    printPdf: async () => [STAND_IN_PDF],
    ...opts,
  });
  // Internal errors would be logged; a test that expects none fails on them through `ok`.
  const dispatch = createDispatcher(host, () => undefined);
  const t: TestHost = {
    host,
    dispatch,
    dir: opts.dir ?? join(root, 'store'),
    dialogs,
    async ok(name, input) {
      const r = await dispatch(name, input);
      if (!r.ok) expect.fail(`${name} failed: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    },
    async err(name, input) {
      const r = await dispatch(name, input);
      if (r.ok) expect.fail(`${name} succeeded but was expected to fail`);
      return r.error;
    },
    async pickOpen(purpose, ...paths) {
      dialogs.answerOpen(...paths);
      return t.ok('files.pickOpen', { purpose });
    },
    async pickSave(purpose, path, suggestedName = '导出') {
      dialogs.answerSave(path);
      const picked = await t.ok('files.pickSave', { purpose, suggestedName });
      if (!picked) return expect.fail('files.pickSave returned null for a chosen path');
      return picked.token;
    },
  };
  return t;
}

/** A host whose store was just created through setup.createStore; the administrator is logged in. */
export async function newHostWithStore(
  opts: Partial<HostOptions> & { dir?: string } = {},
): Promise<TestHost & { recoveryCode: string }> {
  const h = newHost(opts);
  const { recoveryCode } = await h.ok('setup.createStore', { dir: h.dir, ...ADMIN });
  return { ...h, recoveryCode };
}

/**
 * A host with a new store for a whole file or describe block (made in beforeAll): unlike newHostWithStore it is not
 * disposed after each test, so call `dispose` in afterAll (it closes the store and removes its folder).
 */
export async function newSuiteHostWithStore(): Promise<TestHost & { recoveryCode: string; dispose(): Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), 'ganbu-suite-'));
  const h = makeHost(root, { autoBackup: false });
  const { recoveryCode } = await h.ok('setup.createStore', { dir: h.dir, ...ADMIN });
  return {
    ...h,
    recoveryCode,
    async dispose() {
      await h.host.dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
