// A long print makes garbage faster than Chromium collects it: the measured batches of blocks, and the layouts made
// for each printed part. Collecting it at those points keeps the print window at one part's worth of memory.

/**
 * A full collection, where the renderer was started with --expose-gc (electron/main.ts, and the test Chromium);
 * elsewhere nothing: the collector then runs in its own time.
 */
export const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();
