// Opens PDF bytes with pdf.js: its worker, CMaps and standard fonts all come from the app's own origin (bundled by
// the build, see scripts/pdfjs-assets.ts), so nothing is fetched from elsewhere and no plugin or <object> is needed.
import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

const asset = (dir: string) => new URL(`pdfjs/${dir}/`, document.baseURI).href;

/** The loading task: its promise gives the document, destroy() ends the worker's part of it. */
export function openPdf(data: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
    data,
    cMapUrl: asset('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: asset('standard_fonts'),
    wasmUrl: asset('wasm'),
    // The CSP allows no WebAssembly compilation; pdf.js then uses its JavaScript image decoders.
    useWasm: false,
    enableXfa: false,
    // Missing fonts come from the bundled standard fonts, never from the system or the network.
    useSystemFonts: false,
    stopAtErrors: false,
  });
}
