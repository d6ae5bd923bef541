// `npm test`: typecheck, format, lint (with the layer rules), build, every Vitest project, the Electron security scan;
// then one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
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

// One tsconfig per layer (shared: neither DOM nor Node; renderer: no Node; db and electron: no DOM), then the tests.
for (const project of ['shared', 'renderer', 'node', '']) {
  const config = project ? `tsconfig.${project}.json` : 'tsconfig.json';
  count(step(`typecheck ${config}`, bin('tsc'), ['--noEmit', '-p', config]));
}
count(step('format (prettier)', bin('prettier'), ['--check', '--log-level', 'warn', '.']));
count(step('lint (eslint: layers and style)', bin('eslint'), ['--max-warnings', '0', '.']));
const built = step('build (electron-vite)', bin('electron-vite'), ['build']);
count(built);

// The projects run one after the other: end-to-end timings would suffer from the unit suite's load on two cores.
function vitestProject(project) {
  const report = `.vitest-report-${project}.json`;
  rmSync(report, { force: true });
  const ok = step(`vitest ${project}`, bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    failed += 1;
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  // A suite that failed to load has no tests to count; it still fails the run.
  if (!ok && (r.numFailedTests ?? 0) === 0) failed += 1;
}

vitestProject('unit');
if (built) vitestProject('e2e');
else failed += 1; // without a build the end-to-end tests cannot run

count(step('electronegativity', process.execPath, ['scripts/electronegativity.mjs']));

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
