// Build of the three parts: ESM main (out/main/main.js), CommonJS sandboxed preload (out/preload/preload.cjs),
// and the renderer page (renderer/ → out/renderer), served to the window from app://ganbu.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { pdfjsAssets } from './scripts/pdfjs-assets';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // The native cipher module stays a real node_modules package (its .node binary is unpacked from the asar);
      // the pure-JS dependencies are bundled so the main process loads one file instead of hundreds from the asar.
      externalizeDeps: { exclude: ['kysely', 'zod'] },
      rolldownOptions: {
        // The engine (store and services) runs in a worker thread of its own: electron/engine/worker.ts.
        input: { main: resolve(root, 'electron/main.ts'), engine: resolve(root, 'electron/engine/worker.ts') },
        external: ['better-sqlite3-multiple-ciphers'],
        // package.json has "type": "module" and Electron ≥ 28 runs an ESM main, so main.js is plain ESM.
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot load ES modules nor require anything but 'electron': one self-contained CJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve(root, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // React 19's automatic JSX runtime, done by Vite's own oxc transform (no React plugin needed).
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    plugins: [pdfjsAssets(resolve(root, 'node_modules/pdfjs-dist'))],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
        // antd marks its modules "use client" (a React Server Components hint); meaningless in a client-only bundle.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
    },
  },
});
