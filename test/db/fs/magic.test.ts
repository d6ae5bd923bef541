// The one signature table for files from outside: each kind by its first bytes, the same bound for every kind (a
// file shorter than its signature is not that kind). Attachments, photos and workbooks all ask it.
import { describe, expect, test } from 'vitest';
import { hasSignature, photoMimeOf, type MagicKind } from '../../../db/fs/magic';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const SAMPLES: Record<MagicKind, Buffer> = {
  jpeg: bytes([0xff, 0xd8, 0xff]),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  gif87: bytes('GIF87a'),
  gif89: bytes('GIF89a'),
  bmp: bytes('BM'),
  webp: bytes('RIFF', [0, 0, 0, 0], 'WEBP'),
  pdf: bytes('%PDF-'),
  ole: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  zip: bytes('PK', [3, 4]),
};

describe('hasSignature', () => {
  test('a file exactly as long as its signature is that kind, and no other', () => {
    for (const [kind, sample] of Object.entries(SAMPLES)) {
      const matches = Object.keys(SAMPLES).filter((k) => hasSignature(sample, k as MagicKind));
      expect(matches, kind).toEqual([kind]);
    }
  });

  test('one byte short, or one byte wrong, is not', () => {
    for (const [kind, sample] of Object.entries(SAMPLES)) {
      expect(hasSignature(sample.subarray(0, sample.length - 1), kind as MagicKind), kind).toBe(false);
      const wrong = Buffer.from(sample);
      wrong[wrong.length - 1] = wrong[wrong.length - 1]! ^ 0xff;
      expect(hasSignature(wrong, kind as MagicKind), kind).toBe(false);
    }
    expect(hasSignature(new Uint8Array(), 'jpeg')).toBe(false);
  });

  test('photos are JPEG or PNG, even a three-byte JPEG header (the bound the photo readers disagreed on)', () => {
    expect(photoMimeOf(SAMPLES.jpeg)).toBe('image/jpeg');
    expect(photoMimeOf(Buffer.concat([SAMPLES.png, Buffer.from('IHDR')]))).toBe('image/png');
    expect(photoMimeOf(SAMPLES.png)).toBe('image/png');
    expect(photoMimeOf(SAMPLES.gif89)).toBeNull();
  });
});
