// The layer rule of shared/docs/architecture.md as a check: an import that crosses the table fails the run.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const LAYERS = ['shared', 'db', 'electron', 'renderer', 'test'];

/** Which of our layers each layer may import. */
const MAY_IMPORT = {
  shared: ['shared'],
  db: ['shared', 'db'],
  electron: ['shared', 'db', 'electron'],
  renderer: ['shared', 'renderer'],
  test: LAYERS,
};

const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const UI = /^(react|react-dom|antd|@ant-design\/|recharts|dayjs)/;
const STORE = /^(better-sqlite3|kysely)/;

/** Packages (or Node built-ins) a layer must not import: the reason names the rule. */
function forbiddenPackage(layer, spec) {
  const isNode = NODE.has(spec) || NODE.has(spec.split('/')[0]);
  if (layer === 'shared') {
    if (isNode) return 'shared/ runs anywhere: no Node built-ins';
    if (spec === 'electron' || UI.test(spec) || STORE.test(spec))
      return 'shared/ imports no Electron, UI or store library';
  }
  if (layer === 'db' && (spec === 'electron' || UI.test(spec))) return 'db/ is plain Node: no Electron or UI';
  if (layer === 'renderer') {
    if (isNode) return 'renderer/ is a sandboxed page: no Node built-ins';
    if (spec === 'electron' || STORE.test(spec)) return 'renderer/ reaches the store only through the IPC contract';
  }
  if (layer === 'electron' && UI.test(spec)) return 'electron/ holds no UI code';
  return null;
}

const IMPORT_RE =
  /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(name)) yield path;
  }
}

export function checkLayers(root) {
  const violations = [];
  for (const layer of LAYERS) {
    let files;
    try {
      files = [...sourceFiles(join(root, layer))];
    } catch {
      continue;
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT_RE)) {
        const spec = m[1] ?? m[2];
        const where = `${relative(root, file)}: '${spec}'`;
        if (spec.startsWith('.')) {
          const target = relative(root, resolve(dirname(file), spec)).split(sep)[0];
          if (LAYERS.includes(target) && !MAY_IMPORT[layer].includes(target)) {
            violations.push(`${where} — ${layer}/ may not import ${target}/`);
          } else if (!LAYERS.includes(target) && layer !== 'test') {
            violations.push(`${where} — imports outside the layers`);
          }
        } else {
          const reason = forbiddenPackage(layer, spec);
          if (reason) violations.push(`${where} — ${reason}`);
        }
      }
    }
  }
  return violations;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const violations = checkLayers(root);
  for (const v of violations) console.error(`layer violation: ${v}`);
  console.log(`layer check: ${violations.length === 0 ? 'ok' : `${violations.length} violation(s)`}`);
  process.exit(violations.length === 0 ? 0 : 1);
}
