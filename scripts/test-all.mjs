// `npm test`: typecheck, layer check, build, every Vitest project, the Electron security scan; then one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const REPORT = '.vitest-report.json';
let passed = 0;
let failed = 0;

function step(title, cmd, args) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  console.log(`--- ${title}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function count(ok) {
  if (ok) passed += 1;
  else failed += 1;
}

count(step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']));
count(step('layer check', process.execPath, ['scripts/check-layers.mjs']));
const built = step('build (electron-vite)', bin('electron-vite'), ['build']);
count(built);

rmSync(REPORT, { force: true });
const projects = built ? [] : ['--project', 'unit']; // without a build the end-to-end tests cannot run
const vitestOk = step('vitest', bin('vitest'), ['run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`]);
if (existsSync(REPORT)) {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A suite that failed to load has no tests to count; it still fails the run.
  if (!vitestOk && (report.numFailedTests ?? 0) === 0) failed += 1;
} else {
  failed += 1;
}

count(step('electronegativity', process.execPath, ['scripts/electronegativity.mjs']));

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
