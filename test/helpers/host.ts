// An AppHost with its dispatcher over a temp folder: the same code path the window's calls take.
import { join } from 'node:path';
import { expect } from 'vitest';
import { AppHost, type HostOptions } from '../../db/app/host';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatcher';
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import type { ApiErrorData } from '../../shared/ipc/errors';
import { ADMIN, fast, onCleanup, tempDir } from './tmp-store';

export interface TestHost {
  readonly host: AppHost;
  readonly dispatch: Dispatch;
  /** The store folder (not created until setup.createStore). */
  readonly dir: string;
  /** Makes a call that must succeed and returns its value. */
  ok<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  /** Makes a call that must fail and returns its typed error. */
  err(name: string, input: unknown): Promise<ApiErrorData>;
}

export function newHost(opts: Partial<HostOptions> & { dir?: string } = {}): TestHost {
  const root = tempDir('ganbu-host-');
  const host = new AppHost({
    configDir: join(root, 'config'),
    defaultStoreDir: join(root, 'store'),
    storeOptions: fast,
    ...opts,
  });
  onCleanup(() => host.dispose());
  // Internal errors would be logged; a test that expects none fails on them through `ok`.
  const dispatch = createDispatcher(host, () => undefined);
  return {
    host,
    dispatch,
    dir: opts.dir ?? join(root, 'store'),
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
  };
}

/** A host whose store was just created through setup.createStore; the administrator is logged in. */
export async function newHostWithStore(opts: Partial<HostOptions> & { dir?: string } = {}): Promise<TestHost & { recoveryCode: string }> {
  const h = newHost(opts);
  const { recoveryCode } = await h.ok('setup.createStore', { dir: h.dir, ...ADMIN });
  return { ...h, recoveryCode };
}
