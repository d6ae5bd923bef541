// How a print view tells its printer how far it is: two data attributes on <html>. printReady is "true" once the
// pages are final ("error" if the view failed); printProgress is "done/total" while it loads and lays out. The
// view's total counts each item it reads (cadre or ranking table), one step for the layout and one for the PDF the
// printer makes afterwards, so a progress bar never reaches its end before the file exists.

export interface PrintProgress {
  readonly done: number;
  readonly total: number;
}

/** Steps of a print with `items` documents to read: reading each, laying out, writing the PDF. */
export const printSteps = (items: number) => items + 2;

export const formatPrintProgress = (done: number, total: number) => `${done}/${total}`;

/** What a printer read from the page (an array of the two attributes); anything malformed reads as "no progress". */
export function readPrintState(raw: unknown): { ready: string; progress: PrintProgress | null } {
  const [ready, progress] = Array.isArray(raw) ? raw : [];
  const m = typeof progress === 'string' ? /^(\d{1,6})\/(\d{1,6})$/.exec(progress) : null;
  const done = m ? Number(m[1]) : 0;
  const total = m ? Number(m[2]) : 0;
  return { ready: typeof ready === 'string' ? ready : '', progress: m && total > 0 && done <= total ? { done, total } : null };
}

/** The window's wording of a print's step, from the counts jobs.status gives. */
export function printStepLabel({ done, total }: PrintProgress): string {
  const items = total - 2;
  if (total <= 0) return '正在准备…';
  if (done < items) return `正在读取材料：${done} / ${items}`;
  if (done === items) return '正在排版…';
  if (done < total) return '正在生成 PDF…';
  return '已生成';
}

/** What a printer's wait needs: read the two attributes off the page, and forward progress (which may throw). */
export interface PrintWait {
  readonly readState: () => Promise<unknown>;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  readonly timeoutMs: number;
  readonly pollMs: number;
}

/**
 * Waits until the print view's pages are final, the same way for Electron's window and the test Chromium. Progress
 * is forwarded at every poll and once more when the layout is done, so a cancel asked for during a long layout
 * stops before the PDF is made.
 */
export async function waitForPrintView({ readState, onProgress, timeoutMs, pollMs }: PrintWait): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { ready, progress } = readPrintState(await readState());
    if (ready === 'error') throw new Error('print view reported an error');
    if (progress) onProgress?.(progress.done, progress.total);
    if (ready === 'true') return;
    if (Date.now() > deadline) throw new Error('print view did not finish its layout');
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
