// The lint's layer rules (eslint.config.mjs) refuse each kind of crossing and let the allowed imports through.
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The rule ids and messages ESLint reports for `source` as if it were the file at `filePath`. */
async function problems(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = 1;\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== '@typescript-eslint/no-unused-vars')
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const from = (a: string, b: string) => `from elements of type "${a}" to elements of type "${b}"`;

describe('crossings are refused', () => {
  test.each([
    ['shared/probe.ts', "import { Store } from '../db/store/store';", from('shared', 'db-infra')],
    ['shared/probe.ts', "import { readFileSync } from 'node:fs';", 'no Node built-ins'],
    ['shared/probe.ts', "import type { BrowserWindow } from 'electron';", 'no Electron'],
    ['db/probe.ts', "import { app } from 'electron';", 'db/ is plain Node'],
    ['db/roster/probe.ts', "export { App } from '../../renderer/App';", 'to elements of type "renderer"'],
    ['renderer/probe.tsx', "import { openStore } from '../db';", from('renderer', 'db-root')],
    ['renderer/probe.tsx', "import Database from 'better-sqlite3-multiple-ciphers';", 'only through the IPC contract'],
    ['renderer/probe.tsx', "export const m = () => import('../electron/main');", from('renderer', 'electron')],
    ['electron/probe.ts', "import { App } from '../renderer/App';", from('electron', 'renderer')],
    // Inside db/: infrastructure imports no feature, and a feature reaches another only through its entry file.
    ['db/store/probe.ts', "import { readCadre } from '../roster';", from('db-infra', 'db-feature')],
    ['db/store/probe.ts', "import { createDispatcher } from '../app/handlers';", from('db-infra', 'db-app')],
    [
      'db/print/probe.ts',
      "import { readCadre } from '../roster/write';",
      'feature="print" to elements of type "db-feature"',
    ],
    ['bench/probe.ts', "import { App } from '../renderer/App';", from('bench', 'renderer')],
    ['scripts/probe.mjs', "import { Store } from '../db/store/store';", 'from elements of type "scripts"'],
    ['db/roster/probe.ts', "import { x } from '../nowhere';", 'unknown'],
  ])('%s: %s', async (file, source, reason) => {
    const found = await problems(file, source);
    expect(found.join('\n')).toContain(reason);
  });
});

test('allowed imports pass', async () => {
  const allowed: [string, string][] = [
    ['shared/probe.ts', "import { z } from 'zod';\nimport { ApiError } from './ipc/errors';"],
    ['db/store/probe.ts', "import { join } from 'node:path';\nimport type { Database } from '../schema';"],
    ['db/print/probe.ts', "import { readCadre } from '../roster';\nimport type { Handlers } from '../app/context';"],
    ['db/roster/probe.ts', "import { readCadre } from './write';\nimport { Store } from '../store/store';"],
    ['electron/probe.ts', "import { app } from 'electron';\nimport { createStore } from '../db';"],
    ['renderer/probe.tsx', "import { Button } from 'antd';\nimport { ApiError } from '../shared/ipc/errors';"],
    ['test/probe.ts', "import { createStore } from '../db';\nimport { App } from '../renderer/App';"],
  ];
  for (const [file, source] of allowed) expect(await problems(file, source), file).toEqual([]);
});

test('the house style: no any, no asserted object literal, no line over 140', async () => {
  const source = [
    'export const a: any = 1;',
    'export const b = { x: 1 } as { x: number };',
    `export const c = '${'长'.repeat(140)}';`,
  ].join('\n');
  const found = (await problems('shared/probe.ts', source)).join('\n');
  expect(found).toContain('no-explicit-any');
  expect(found).toContain('consistent-type-assertions');
  expect(found).toContain('max-len');
});
