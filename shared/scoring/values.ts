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
    const start = new Int32Array(cadreCount + 1);
    for (let k = 0; k < this.size; k++) {
      const cadre = this.cadres[k] ?? 0;
      start[cadre + 1] = (start[cadre + 1] ?? 0) + 1;
    }
    for (let i = 0; i < cadreCount; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
    const next = start.slice(0, cadreCount);
    const values = new Float64Array(this.size);
    for (let k = 0; k < this.size; k++) {
      const cadre = this.cadres[k] ?? 0;
      const at = next[cadre] ?? 0;
      values[at] = this.values[k] ?? 0;
      next[cadre] = at + 1;
    }
    return { start, values };
  }
}
