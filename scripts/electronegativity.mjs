// Runs @doyensec/electronegativity over the Electron and renderer sources and fails on any finding above LOW
// that is not in the reviewed allow-list below. Offline: the tool's two network look-ups are stubbed out.
// Usage: node scripts/electronegativity.mjs [projectRoot]   (exit code 1 on a finding above LOW or an unparsable file)
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const projectRoot = resolve(process.argv[2] ?? resolve(import.meta.dirname, '..'));

/**
 * Findings reviewed and judged false positives, matched on check id + file (relative to the project root).
 * Each one says why; keep this list as short as honest.
 */
const ALLOWED = [
  // Every window (the main one and the hidden print window) is made in electron/hardened-window.ts.
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'electron/hardened-window.ts',
    reason:
      'The preload is our own bundled file (out/preload/preload.cjs) that exposes only the typed contract through ' +
      'contextBridge, with sandbox and contextIsolation on.',
  },
  {
    id: 'AUXCLICK_JS_CHECK',
    file: 'electron/hardened-window.ts',
    reason:
      "'Auxclick' is no longer a Blink runtime feature (auxclick shipped in Chrome 55), so disableBlinkFeatures cannot " +
      'switch it off; what it guards against, a middle-click opening a window or navigating, is refused by ' +
      'setWindowOpenHandler and will-navigate/will-frame-navigate in electron/security.ts; the print window is never ' +
      'shown (no clicks).',
  },
  {
    id: 'CUSTOM_ARGUMENTS_JS_CHECK',
    file: 'electron/main.ts',
    reason:
      'The one switch is --js-flags=--expose-gc: it lets our own print view call gc() between the parts of a long ' +
      "print; it turns off no sandbox, isolation or web-security feature, and only our own scripts run in the app's renderers (CSP).",
  },
];

/**
 * Checks not run at all. AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release list from GitHub on
 * every run: it cannot work offline, and its answer changes by the day; Electron updates are handled by dependency
 * review, not by this gate.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const SEVERITY_ORDER = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const aboveLow = (name) => SEVERITY_ORDER.indexOf(name) > SEVERITY_ORDER.indexOf('LOW');

// --- offline: the tool fetches translations (i18n) and the releases list with `got`; answer both with an error,
// which it already handles (it falls back to its bundled English texts).
const toolRequire = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity/package.json'));
const gotPath = toolRequire.resolve('got');
const offlineGot = () => Promise.reject(new Error('electronegativity runs offline here'));
offlineGot.head = offlineGot;
offlineGot.default = offlineGot;
toolRequire.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offlineGot };

// --- what to scan: a copy of the sources the tool understands (it reads .ts/.tsx with Babel's TypeScript plugin),
// plus package.json for the Electron version. The built out/ adds only bundled third-party code (React, antd, zod,
// kysely), whose patterns (e.g. Function() in libraries) are noise for this gate, so it is not scanned.
const SOURCES = ['package.json', 'electron', 'renderer'];
const stage = mkdtempSync(join(tmpdir(), 'electronegativity-'));
for (const source of SOURCES) {
  const from = join(projectRoot, source);
  if (!existsSync(from)) continue;
  cpSync(from, join(stage, source), { recursive: true, filter: (path) => !path.includes('node_modules') });
}
if (!existsSync(join(projectRoot, 'renderer', 'index.html'))) {
  console.warn('electronegativity: renderer/index.html is missing, so the CSP meta tag cannot be checked');
}

const { default: run } = await import('@doyensec/electronegativity');

// The tool prints progress and translation notices through console.log; keep our output to the findings.
const log = console.log;
console.log = () => undefined;
let result;
try {
  result = await run({
    input: stage,
    isRelative: true,
    excludeFromScan: EXCLUDED_CHECKS,
    electronVersion: JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).devDependencies.electron,
  });
} finally {
  console.log = log;
  rmSync(stage, { recursive: true, force: true });
}

const parseErrors = result.errors.filter((e) => !e.tolerable);
for (const e of parseErrors)
  console.error(`electronegativity: could not parse ${relative(stage, e.file)}: ${e.message}`);

let blocking = 0;
let allowed = 0;
for (const issue of result.issues) {
  const file = issue.file === 'N/A' ? 'N/A' : issue.file.split('\\').join('/');
  const severity = issue.severity.name;
  const where = `${file}:${issue.location.line}:${issue.location.column}`;
  const tag = `[${severity}/${issue.confidence.name}]`;
  const allow = aboveLow(severity) ? ALLOWED.find((a) => a.id === issue.id && a.file === file) : undefined;
  if (allow) {
    allowed++;
    console.log(`${tag} ${issue.id} ${where} — allowed: ${allow.reason}`);
  } else if (aboveLow(severity)) {
    blocking++;
    console.log(`${tag} ${issue.id} ${where} — ${issue.description} (${issue.shortenedURL})`);
  } else {
    console.log(`${tag} ${issue.id} ${where} — ${issue.description}`);
  }
}

console.log(
  `electronegativity: ${result.issues.length} findings, ${blocking} above low` +
    (allowed > 0 ? ` (${allowed} above low reviewed and allowed)` : '') +
    (parseErrors.length > 0 ? `, ${parseErrors.length} files not parsed` : ''),
);
process.exit(blocking > 0 || parseErrors.length > 0 ? 1 : 0);
