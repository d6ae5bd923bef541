// Units at benchmark scale: 400 units spread over the 8 default categories.
const KINDS = ['苏木', '镇', '局', '委', '办', '中心'];

export interface BenchUnit {
  readonly name: string;
  readonly categoryCode: string;
}

export function benchUnits(count = 400): BenchUnit[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `第${String(i + 1).padStart(3, '0')}${KINDS[i % KINDS.length]}`,
    categoryCode: `C${(i % 8) + 1}`,
  }));
}
