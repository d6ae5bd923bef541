// Password-based key derivation (scrypt) and AES-256-GCM wrapping of the database key.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

export interface KdfParams {
  readonly name: 'scrypt';
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: string; // base64
}

// N=2^17, r=8: 128 MiB and a few hundred ms per try; the OWASP-recommended floor for scrypt.
export const DEFAULT_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;

export function newKdfParams(cost: { N: number; r: number; p: number } = DEFAULT_KDF): KdfParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

export function deriveKey(secret: string, params: KdfParams): Promise<Buffer> {
  const { N, r, p } = params;
  return new Promise((resolve, reject) => {
    scrypt(
      secret.normalize('NFC'),
      Buffer.from(params.salt, 'base64'),
      32,
      { N, r, p, maxmem: 256 * N * r + 16 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export interface WrappedKey {
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

export function wrapKey(kek: Buffer, dbKey: Buffer, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Returns null when the key-encryption key is wrong (the GCM tag does not verify). */
export function unwrapKey(kek: Buffer, wrapped: WrappedKey, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
