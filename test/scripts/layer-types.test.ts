// Each layer is type-checked with only its own host's types: shared/ sees neither the DOM nor Node, the renderer no
// Node, db/ and electron/ no DOM (tsconfig.<layer>.json). A probe file in each layer must fail on the other host's names.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const root = process.cwd();
const scratch = mkdtempSync(join(root, 'test-results', 'layer-types-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** tsc's diagnostics for `source` checked under the layer's config (the probe replaces the layer's own files). */
function diagnostics(layerConfig: string, source: string): string {
  const probe = join(scratch, `${layerConfig}.probe.ts`);
  writeFileSync(probe, `${source}\nexport {};\n`);
  const config = join(scratch, `${layerConfig}.json`);
  writeFileSync(
    config,
    JSON.stringify({ extends: join(root, layerConfig), include: [], files: [relative(scratch, probe)] }),
  );
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', config], { encoding: 'utf8' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout);
  }
}

test.each([
  ['tsconfig.shared.json', 'export const b = Buffer.from("x");', "Cannot find name 'Buffer'"],
  ['tsconfig.shared.json', 'export const d = document.title;', "Cannot find name 'document'"],
  ['tsconfig.renderer.json', 'export const p = process.pid;', "Cannot find name 'process'"],
  ['tsconfig.node.json', 'export const w = window.innerWidth;', "Cannot find name 'window'"],
])('%s refuses %s', (config, source, message) => {
  expect(diagnostics(config, source)).toContain(message);
});

test('each host still type-checks its own names', () => {
  expect(diagnostics('tsconfig.renderer.json', 'export const d = document.title;')).toBe('');
  expect(diagnostics('tsconfig.node.json', 'export const b = Buffer.from("x");')).toBe('');
  expect(diagnostics('tsconfig.shared.json', 'export const n = [1, 2].at(-1);')).toBe('');
});
