// The layer check fails on each kind of crossing and passes the project itself.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { checkLayers } from '../../scripts/check-layers.mjs';

const check = checkLayers as (root: string) => string[];
let root: string;

function tree(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

test('the project itself keeps the layers', () => {
  root = mkdtempSync(join(tmpdir(), 'layers-'));
  expect(check(process.cwd())).toEqual([]);
});

test.each([
  ['shared/a.ts', "import { x } from '../db/x';", 'shared/ may not import db/'],
  ['shared/a.ts', "import { readFileSync } from 'node:fs';", 'no Node built-ins'],
  ['shared/a.ts', "import type { BrowserWindow } from 'electron';", 'no Electron'],
  ['db/a.ts', "import { app } from 'electron';", 'db/ is plain Node'],
  ['db/a.ts', "export { x } from '../renderer/x';", 'db/ may not import renderer/'],
  ['renderer/a.tsx', "import { openStore } from '../db';", 'renderer/ may not import db/'],
  ['renderer/a.tsx', "const fs = require('fs');", 'no Node built-ins'],
  ['renderer/a.tsx', "import Database from 'better-sqlite3-multiple-ciphers';", 'only through the IPC contract'],
  ['renderer/a.tsx', "const m = await import('../electron/main');", 'renderer/ may not import electron/'],
  ['electron/a.ts', "import { App } from '../renderer/App';", 'electron/ may not import renderer/'],
])('%s importing %s is refused', (file, source, reason) => {
  const violations = check(tree({ [file]: source, 'db/x.ts': '', 'renderer/x.ts': '' }));
  expect(violations).toHaveLength(1);
  expect(violations[0]).toContain(reason);
});

test('allowed imports pass', () => {
  const violations = check(
    tree({
      'shared/a.ts': "import { z } from 'zod';\nimport { b } from './b';",
      'shared/b.ts': 'export const b = 1;',
      'db/a.ts': "import { join } from 'node:path';\nimport { b } from '../shared/b';",
      'electron/a.ts': "import { app } from 'electron';\nimport { a } from '../db/a';",
      'renderer/a.tsx': "import { Button } from 'antd';\nimport { b } from '../shared/b';",
      'test/a.ts': "import { a } from '../db/a';\nimport { x } from '../renderer/a';",
    }),
  );
  expect(violations).toEqual([]);
});
