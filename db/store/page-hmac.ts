// Verifies every page of an SQLCipher-4-format file against its HMAC: the job of SQLCipher's
// PRAGMA cipher_integrity_check, which SQLite3 Multiple Ciphers does not implement (there the pragma is unknown,
// so SQLite ignores it and returns no rows whatever the file holds).
import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

// SQLCipher 4 defaults (legacy=4): 4096-byte pages, each ending in a 16-byte IV and a 64-byte HMAC-SHA512.
const PAGE = 4096;
const IV = 16;
const MAC = 64;
const RESERVE = IV + MAC;
const SALT = 16;

export interface PageCheck {
  readonly pages: number;
  /** Page numbers (1-based) whose HMAC does not match. */
  readonly badPages: readonly number[];
  /** Page size and reserved bytes in the decrypted header of page 1 (4096 and 80 when the key and format fit). */
  readonly header: { pageSize: number; reserve: number };
}

/**
 * Checks each page's HMAC-SHA512 over its ciphertext, IV and page number (little-endian), under the HMAC key
 * SQLCipher derives from a raw key: PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations, 32 bytes); page 1 starts
 * with the salt, which is outside the MAC. Reads page by page, so a large file costs no memory.
 */
export function checkPageHmacs(file: string, rawKey: Buffer): PageCheck {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0 || size % PAGE !== 0)
      throw new Error(`${file}: ${size} bytes is not a whole number of ${PAGE}-byte pages`);
    const page = Buffer.alloc(PAGE);
    const read = (p: number) => {
      if (readSync(fd, page, 0, PAGE, (p - 1) * PAGE) !== PAGE) throw new Error(`${file}: page ${p} is short`);
    };
    read(1);
    const salt = Buffer.from(page.subarray(0, SALT));
    const hmacKey = pbkdf2Sync(rawKey, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
    // Page 1 decrypted: bytes 16.. of the SQLite header (16-17 page size, 20 reserved bytes per page).
    const decipher = createDecipheriv('aes-256-cbc', rawKey, page.subarray(PAGE - RESERVE, PAGE - MAC)).setAutoPadding(
      false,
    );
    const plain = Buffer.concat([decipher.update(page.subarray(SALT, PAGE - RESERVE)), decipher.final()]);
    const header = { pageSize: plain.readUInt16BE(0), reserve: plain[4]! };
    const pages = size / PAGE;
    const badPages: number[] = [];
    const pgno = Buffer.alloc(4);
    for (let p = 1; p <= pages; p += 1) {
      if (p > 1) read(p);
      pgno.writeUInt32LE(p);
      const mac = createHmac('sha512', hmacKey)
        .update(page.subarray(p === 1 ? SALT : 0, PAGE - MAC))
        .update(pgno)
        .digest();
      if (!mac.equals(page.subarray(PAGE - MAC))) badPages.push(p);
    }
    hmacKey.fill(0);
    return { pages, badPages, header };
  } finally {
    closeSync(fd);
  }
}
