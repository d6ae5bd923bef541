// Bundles the crash writer (TypeScript importing the app's modules) into one ESM file plain Node can run.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The dispatcher brings every handler, including the Excel importer and exporter the writer never calls; exceljs
 * alone would take most of a child's start-up, so it is replaced with an empty module.
 */
const STUBBED = ['exceljs'];
function stubUnusedImporters(): Plugin {
  const prefix = '\0crash-stub:';
  return {
    name: 'crash-writer-stubs',
    enforce: 'pre',
    resolveId: (id) => (STUBBED.includes(id) ? prefix + id : null),
    load: (id) => (id.startsWith(prefix) ? 'export default {};' : null),
  };
}

export interface WriterBundle {
  /** The bundled writer (run it with process.execPath). */
  readonly entry: string;
  /** The environment to run it in: Node's compile cache beside the bundle spares each start a recompile. */
  readonly env: NodeJS.ProcessEnv;
  remove(): void;
}

/**
 * One ESM file with every package inlined but the native better-sqlite3 module, which stays external and loads from
 * the project's node_modules at run time. ESM ignores NODE_PATH, so the output goes to a folder under
 * node_modules/.cache, from where Node's resolution walks up to the project's node_modules.
 */
export async function bundleWriter(script = 'writer.ts'): Promise<WriterBundle> {
  const outName = script.replace(/\.ts$/, '.mjs');
  const cache = join(PROJECT, 'node_modules', '.cache', 'crash-test');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'run-'));
  try {
    await build({
      configFile: false,
      root: PROJECT,
      logLevel: 'warn',
      publicDir: false,
      // Everything but the native module in one file: loading zod's or kysely's many small files costs more than
      // the whole bundle does.
      ssr: { target: 'node', noExternal: true, external: ['better-sqlite3-multiple-ciphers'] },
      plugins: [stubUnusedImporters()],
      build: {
        ssr: fileURLToPath(new URL(`./${script}`, import.meta.url)),
        outDir,
        emptyOutDir: false,
        target: 'node22',
        minify: false,
        sourcemap: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        rolldownOptions: {
          external: ['better-sqlite3-multiple-ciphers'],
          output: { format: 'es', entryFileNames: outName },
        },
      },
    });
  } catch (e) {
    rmSync(outDir, { recursive: true, force: true });
    throw e;
  }
  return {
    entry: join(outDir, outName),
    env: { ...process.env, NODE_COMPILE_CACHE: join(outDir, 'compile-cache') },
    remove: () => {
      rmSync(outDir, { recursive: true, force: true });
      // The shared folder goes too once no other run is using it.
      if (readdirSync(cache).length === 0) rmSync(cache, { recursive: true, force: true });
    },
  };
}
