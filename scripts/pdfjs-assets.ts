// Vite plugin: copies pdf.js's CMaps, standard fonts and no-wasm image decoders into the renderer build under
// pdfjs/, so Chinese PDFs render offline from the app's own origin ('self'), never fetched from anywhere else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** Where the renderer finds them, relative to index.html; renderer/pages/dossier/pdf-view.ts uses the same. */
export const PDFJS_ASSET_DIR = 'pdfjs';

// The .wasm files are left out on purpose: the CSP has no 'wasm-unsafe-eval', so pdf.js runs its JS decoders.
const FOLDERS: ReadonlyArray<{ from: string; keep: (name: string) => boolean }> = [
  { from: 'cmaps', keep: (n) => n.endsWith('.bcmap') },
  { from: 'standard_fonts', keep: (n) => n.endsWith('.pfb') || n.endsWith('.ttf') },
  { from: 'wasm', keep: (n) => n.endsWith('_nowasm_fallback.js') },
];

/** `root` is the pdfjs-dist package folder (the config is bundled elsewhere, so it cannot find it itself). */
export function pdfjsAssets(root: string): Plugin {
  return {
    name: 'ganbu-pdfjs-assets',
    apply: 'build',
    generateBundle() {
      for (const { from, keep } of FOLDERS) {
        for (const name of readdirSync(join(root, from)).filter(keep)) {
          this.emitFile({
            type: 'asset',
            fileName: `${PDFJS_ASSET_DIR}/${from}/${name}`,
            source: readFileSync(join(root, from, name)),
          });
        }
      }
    },
  };
}
