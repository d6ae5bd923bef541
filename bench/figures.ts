// Collects benchmark figures and prints them as one table at the end of a bench file.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll } from 'vitest';

interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: number;
}

const figures: Figure[] = [];

export function record(name: string, value: number, unit: string, target?: number): void {
  figures.push(target === undefined ? { name, value, unit } : { name, value, unit, target });
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** The longest time this thread's event loop could not run anything while `fn` ran, in ms. */
export async function longestStall<T>(fn: () => Promise<T>): Promise<{ stallMs: number; value: T }> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  try {
    const value = await fn();
    // The histogram hears of a stall when its timer finally runs: give it that turn before reading.
    await new Promise((r) => setTimeout(r, 20));
    return { stallMs: h.max / 1e6, value };
  } finally {
    h.disable();
  }
}

afterAll(() => {
  if (figures.length === 0) return;
  const lines = figures.map((f) => {
    const verdict =
      f.target === undefined
        ? ''
        : f.value <= f.target
          ? `  (target ≤ ${f.target} ${f.unit}: met)`
          : `  (target ≤ ${f.target} ${f.unit}: MISSED)`;
    return `  ${f.name.padEnd(70)} ${f.value.toFixed(1).padStart(9)} ${f.unit}${verdict}`;
  });
  console.log(`\nBenchmark figures\n${lines.join('\n')}\n`);
  figures.length = 0;
});
