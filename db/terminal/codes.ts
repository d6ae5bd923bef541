// Codes on a 评议终端: the package carries no code, only a slow keyed lookup per seat; the terminal derives the same
// lookup from a typed code. Each ballot carries a tag from the same slow secret, so the main PC (which holds each
// seat's code hash) can find one code's ballot when it must (a conflict, a revoked code) and nobody holding only the
// package and the return can: pairing a lookup with a tag needs the code itself, i.e. 2^40 scrypt guesses.
import { createHmac, randomBytes, randomInt, scrypt } from 'node:crypto';
import { CODE_ALPHABET } from '../../shared/assessment/panel';

export interface CodeCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}
/** About 5–10 ms a code: an export of 300 seats takes a second or two, a guess at all 2^40 codes centuries of CPU. */
export const CODE_COST: CodeCost = { N: 2 ** 12, r: 8, p: 1 };

/** The main store's hash of a normalised code (the same as panel-codes.ts codeHasher, from its key). */
export const mainCodeHash = (codeKey: Buffer, code: string): string =>
  createHmac('sha256', codeKey).update(code).digest('hex');

export interface SeatSecrets {
  /** In the package: what a typed code must match. */
  readonly lookup: string;
  /** On each ballot: which code cast it, for the main PC only. */
  readonly tag: string;
}

/** From a seat's main code hash: its lookup and ballot tag under this package's salt. */
export function seatSecrets(codeHash: string, salt: Buffer, cost: CodeCost = CODE_COST): Promise<SeatSecrets> {
  return new Promise((resolve, reject) =>
    scrypt(codeHash, salt, 32, { ...cost, maxmem: 256 * cost.N * cost.r + 16 * 1024 * 1024 }, (err, s) => {
      if (err) return reject(err);
      resolve({
        lookup: createHmac('sha256', s).update('lookup').digest('hex'),
        tag: createHmac('sha256', s).update('tag').digest('hex'),
      });
    }),
  );
}

/** Many seats at once (scrypt runs on libuv's pool), in chunks so memory stays small. */
export async function manySeatSecrets(hashes: readonly string[], salt: Buffer, cost: CodeCost = CODE_COST) {
  const out: SeatSecrets[] = [];
  for (let i = 0; i < hashes.length; i += 16)
    out.push(...(await Promise.all(hashes.slice(i, i + 16).map((h) => seatSecrets(h, salt, cost)))));
  return out;
}

/** A package password: 16 characters of the codes' alphabet (80 bits), in groups of four to read off the 交接单. */
export function newPackagePassword(): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s.match(/.{4}/g)!.join('-');
}

/** What a typed package password is compared as: upper case, no spaces or dashes. */
export const normalizePackagePassword = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

export const newPackageId = (): string => randomBytes(16).toString('hex');
