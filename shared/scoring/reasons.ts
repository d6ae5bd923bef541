// Invalid-ballot reason codes (rule 2 of docs/scoring.md), shared by the ballot checks of every kind.

/**
 * Reasons are kept as small codes in a byte per ballot while validating (0: the ballot counts), and named only
 * when reported: one typed array per kind instead of a 200,000-slot array of strings to fill and scan.
 */
export const invalidReasons = {
  unknownCadre: 1,
  notWholeGroup: 2,
  self: 3,
  otherGroup: 4,
  indicators: 5,
  outOfRange: 6,
  duplicate: 7,
} as const;

/** The reason strings of docs/scoring.md, indexed by code. */
export const reasonNames: readonly string[] = [
  '',
  'unknownCadre',
  'superior.notWholeGroup',
  'peer.self',
  'peer.otherGroup',
  'peer.indicators',
  'outOfRange',
  'duplicate',
];

/** Per ballot index, the code of the reason it is invalid, or 0 when it counts. */
export type Reasons = Uint8Array;

export function noReasons(length: number): Reasons {
  return new Uint8Array(length);
}

export function isScore(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 100;
}
