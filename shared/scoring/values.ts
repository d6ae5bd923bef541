// Ballot values per cadre in two flat arrays (one slice per cadre), built without a small array per cadre.

/** The values of cadre i are `values[start[i]]` up to, not including, `values[start[i + 1]]`, in ballot order. */
export interface ValuesByCadre {
  start: Int32Array;
  values: Float64Array;
}

/** Collects (cadre, value) pairs in ballot order, then lays them out by cadre with a counting sort. */
export class ValuesCollector {
  private cadres: Int32Array;
  private values: Float64Array;
  private size = 0;

  /** `capacity` is a guess; the arrays grow when it is short. */
  constructor(capacity: number) {
    this.cadres = new Int32Array(Math.max(16, capacity));
    this.values = new Float64Array(Math.max(16, capacity));
  }

  add(cadre: number, value: number): void {
    if (this.size === this.cadres.length) {
      const cadres = new Int32Array(this.size * 2);
      cadres.set(this.cadres);
      this.cadres = cadres;
      const values = new Float64Array(this.size * 2);
      values.set(this.values);
      this.values = values;
    }
    this.cadres[this.size] = cadre;
    this.values[this.size] = value;
    this.size++;
  }

  build(cadreCount: number): ValuesByCadre {
    const start = countsToStarts(this.cadres, this.size, cadreCount);
    return { start, values: scatter(this.cadres, this.values, this.size, start) };
  }
}

// One loop per function: on the first call V8 optimizes a hot loop mid-run (OSR), and a function holding several
// loops is then thrown back to the interpreter at the next loop, which has no type feedback yet.

/** Cadre i's slice starts at start[i]; start[cadreCount] is the total. */
function countsToStarts(cadres: Int32Array, size: number, cadreCount: number): Int32Array {
  const start = new Int32Array(cadreCount + 1);
  countInto(start, cadres, size);
  prefixSums(start);
  return start;
}

/** start[c + 1] += 1 for each entry of cadre c. */
function countInto(start: Int32Array, cadres: Int32Array, size: number): void {
  for (let k = 0; k < size; k++) {
    const slot = (cadres[k] ?? 0) + 1;
    start[slot] = (start[slot] ?? 0) + 1;
  }
}

/** Turns counts (shifted by one) into bucket starts, in place. */
export function prefixSums(start: Int32Array): void {
  for (let i = 1; i < start.length; i++) start[i] = (start[i] ?? 0) + (start[i - 1] ?? 0);
}

/** Counting sort of the values by cadre, ballot order kept within each cadre. */
function scatter(cadres: Int32Array, from: Float64Array, size: number, start: Int32Array): Float64Array {
  const next = start.slice(0, start.length - 1);
  const values = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const cadre = cadres[k] ?? 0;
    const at = next[cadre] ?? 0;
    values[at] = from[k] ?? 0;
    next[cadre] = at + 1;
  }
  return values;
}
