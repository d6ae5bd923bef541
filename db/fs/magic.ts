// What a file from outside is, by its first bytes (never by its name): the one table of signatures, one bound rule.
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** The signature bytes at the offsets where each kind has them; every one must be present. */
const SIGNATURES = {
  jpeg: [[0, [0xff, 0xd8, 0xff]]],
  png: [[0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]],
  gif87: [[0, ascii('GIF87a')]],
  gif89: [[0, ascii('GIF89a')]],
  bmp: [[0, ascii('BM')]],
  webp: [
    [0, ascii('RIFF')],
    [8, ascii('WEBP')],
  ],
  pdf: [[0, ascii('%PDF-')]],
  /** An OLE compound file: an old .doc or .xls, or an encrypted .xlsx. */
  ole: [[0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]]],
  /** A zip package's first local file header: .docx, .xlsx. */
  zip: [[0, [0x50, 0x4b, 0x03, 0x04]]],
} as const satisfies Record<string, readonly (readonly [number, readonly number[]])[]>;

export type MagicKind = keyof typeof SIGNATURES;

/** True when `bytes` carries the signature of `kind`; a file too short to hold it does not. */
export function hasSignature(bytes: Uint8Array, kind: MagicKind): boolean {
  return SIGNATURES[kind].every(
    ([at, sig]) => bytes.length >= at + sig.length && sig.every((x, i) => bytes[at + i] === x),
  );
}

/** A photo's MIME type: JPEG or PNG by their first bytes, otherwise null. */
export function photoMimeOf(bytes: Uint8Array): 'image/jpeg' | 'image/png' | null {
  if (hasSignature(bytes, 'jpeg')) return 'image/jpeg';
  if (hasSignature(bytes, 'png')) return 'image/png';
  return null;
}
