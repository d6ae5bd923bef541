// How a print view and its printer talk: data attributes on <html>. The view sets printReady to "true" once the
// pages are final ("error" if it failed), printProgress to "done/total" while it loads and lays out, printSheets to
// how many sheets the print has (every copy's pages) and printShown to the first sheet it shows. The view's total
// counts each item it reads (cadre or ranking table), one step for the layout and one for the PDF the printer makes
// afterwards, so a progress bar never reaches its end before the file exists. Each step is STEP_UNITS units, so the
// printer can move the bar through the PDF step part by part.
//
// A long print is made in parts of SHEETS_PER_PART sheets: the printer sets printFrom, waits until the view shows
// those sheets, and prints again. Chromium's memory while it prints grows with the pages in the DOM; in parts a
// 400-page packet costs what 60 pages do (the parts are joined into one file by db/print/pdf.ts).

/** Both Node and the page have a timer; shared/ is typed without either host (tsconfig.shared.json), so it is named here. */
const sleep = (ms: number) =>
  new Promise<void>((resolve) => (globalThis as unknown as HostTimers).setTimeout(resolve, ms));
interface HostTimers {
  setTimeout(callback: () => void, ms: number): unknown;
}

export interface PrintProgress {
  readonly done: number;
  readonly total: number;
}

/** Units of progress in one step. */
export const STEP_UNITS = 100;

/** Progress units of a print with `items` documents to read: reading each, laying out, writing the PDF. */
export const printSteps = (items: number) => (items + 2) * STEP_UNITS;

/** The view's progress attribute after `steps` whole steps of a print with `items` documents. */
export const formatPrintProgress = (steps: number, items: number) => `${steps * STEP_UNITS}/${printSteps(items)}`;

/** Sheets the printer prints at a time. */
export const SHEETS_PER_PART = 60;

/** The script a printer runs in the view to read its state (Electron's executeJavaScript, Playwright's evaluate). */
export const PRINT_STATE_SCRIPT =
  '(() => { const d = document.documentElement.dataset; return [d.printReady ?? "", d.printProgress ?? "", ' +
  'd.printSheets ?? "", d.printShown ?? ""]; })()';

/** The script that asks the view for the part starting at sheet `from`. */
export const showPartScript = (from: number) =>
  `void (document.documentElement.dataset.printFrom = "${Math.trunc(from)}")`;

export interface PrintViewState {
  readonly ready: string;
  readonly progress: PrintProgress | null;
  /** Sheets in the print; 0 when the view does not say (slips: one part). */
  readonly sheets: number;
  /** The first sheet the view shows, or -1. */
  readonly shown: number;
}

const count = (v: unknown, fallback: number) => (typeof v === 'string' && /^\d{1,7}$/.test(v) ? Number(v) : fallback);

/** What a printer read from the page (an array of the attributes); anything malformed reads as "not given". */
export function readPrintState(raw: unknown): PrintViewState {
  const [ready, progress, sheets, shown] = Array.isArray(raw) ? raw : [];
  const m = typeof progress === 'string' ? /^(\d{1,6})\/(\d{1,6})$/.exec(progress) : null;
  const done = m ? Number(m[1]) : 0;
  const total = m ? Number(m[2]) : 0;
  return {
    ready: typeof ready === 'string' ? ready : '',
    progress: m && total > 0 && done <= total ? { done, total } : null,
    sheets: count(sheets, 0),
    shown: count(shown, -1),
  };
}

/** The window's wording of a print's step, from the counts jobs.status gives. */
export function printStepLabel({ done, total }: PrintProgress): string {
  if (total <= 0) return '正在准备…';
  const items = total / STEP_UNITS - 2;
  const step = Math.floor(done / STEP_UNITS);
  if (step < items) return `正在读取材料：${step} / ${items}`;
  if (step === items) return '正在排版…';
  if (done < total) return '正在生成 PDF…';
  return '已生成';
}

/** What a printer gives the shared print loop: its page (window or tab) and its PDF call. */
export interface PrintDriver {
  /** Runs a script in the print view and returns its value. */
  readonly evaluate: (script: string) => Promise<unknown>;
  /** Prints what the view shows now (A4 from the CSS page size, no margins, backgrounds). */
  readonly printPdf: () => Promise<Uint8Array>;
  /** Forwards progress; may throw (CANCELLED) to stop the print. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  readonly timeoutMs: number;
  readonly pollMs: number;
}

/**
 * Polls the view until `until` holds. Progress is reported at every poll (by default the view's own), so a cancel
 * asked for during a long layout stops before the PDF is made, and one asked for between parts stops before the next.
 */
async function waitForView(
  d: PrintDriver,
  until: (s: PrintViewState) => boolean,
  report: (s: PrintViewState) => void = (s) => s.progress && d.onProgress?.(s.progress.done, s.progress.total),
): Promise<PrintViewState> {
  const deadline = Date.now() + d.timeoutMs;
  for (;;) {
    const state = readPrintState(await d.evaluate(PRINT_STATE_SCRIPT));
    if (state.ready === 'error') throw new Error('print view reported an error');
    report(state);
    if (until(state)) return state;
    if (Date.now() > deadline) throw new Error('print view did not finish its layout');
    await sleep(d.pollMs);
  }
}

/**
 * Prints a print view the same way in Electron's window and the test Chromium: waits for the layout, then prints
 * it a part of SHEETS_PER_PART sheets at a time. The PDFs of the parts, in order.
 */
export async function printView(d: PrintDriver): Promise<Uint8Array[]> {
  const { sheets, progress } = await waitForView(d, (s) => s.ready === 'true');
  const partCount = Math.max(1, Math.ceil(sheets / SHEETS_PER_PART));
  const parts = [await d.printPdf()];
  for (let from = SHEETS_PER_PART; from < sheets; from += SHEETS_PER_PART) {
    // The PDF step moves on by each part printed; a cancel asked for meanwhile stops here.
    const done = progress ? progress.total - STEP_UNITS + Math.floor((parts.length / partCount) * STEP_UNITS) : 0;
    const report = () => progress && d.onProgress?.(done, progress.total);
    report();
    await d.evaluate(showPartScript(from));
    await waitForView(d, (s) => s.shown === from, report);
    parts.push(await d.printPdf());
  }
  return parts;
}
