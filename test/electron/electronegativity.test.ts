// The electronegativity gate: clean on our sources, and it really fails when the hardening is undone.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const script = join(root, 'scripts/electronegativity.mjs');

function scan(projectRoot?: string): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [script, ...(projectRoot ? [projectRoot] : [])], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout + r.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'ganbu-eng-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('scripts/electronegativity.mjs', () => {
  it('finds nothing above LOW in electron/ and renderer/ (beyond the reviewed allow-list)', () => {
    const { status, stdout } = scan();
    expect(stdout).toMatch(/^electronegativity: \d+ findings, 0 above low/m);
    expect(status).toBe(0);
  });

  it('fails when a window turns off sandbox and context isolation, or the code calls openExternal', () => {
    const bad = join(scratch, 'weakened');
    for (const entry of ['package.json', 'electron']) cpSync(join(root, entry), join(bad, entry), { recursive: true });
    const windowFile = join(bad, 'electron/hardened-window.ts');
    writeFileSync(
      windowFile,
      readFileSync(windowFile, 'utf8')
        .replace('sandbox: true', 'sandbox: false')
        .replace('contextIsolation: true', 'contextIsolation: false'),
    );
    writeFileSync(
      join(bad, 'electron/open.ts'),
      "import { shell } from 'electron';\nexport const open = (url: string) => shell.openExternal(url);\n",
    );
    const { status, stdout } = scan(bad);
    expect(stdout).toMatch(/SANDBOX_JS_CHECK/);
    expect(stdout).toMatch(/CONTEXT_ISOLATION_JS_CHECK/);
    expect(stdout).toMatch(/OPEN_EXTERNAL_JS_CHECK/);
    expect(stdout).toMatch(/^electronegativity: \d+ findings, [1-9]\d* above low/m);
    expect(status).toBe(1);
  });
});
