// Account key pairs and key grants: the store's keys sealed to an account's X25519 public key, so an administrator
// can hand a new store key to every account without knowing any password (see rekey.ts for why that matters).
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';

/** The store's keys: `dbKey` encrypts the pages and changes with every re-keying; `rootKey` never changes (audit
 *  chain and code hashes are keyed from it, so entries written before a re-keying still verify). */
export interface StoreKeys {
  readonly keyId: string;
  readonly dbKey: Buffer;
  readonly rootKey: Buffer;
}

export interface Grant {
  readonly keyId: string;
  /** The sender's one-time public key (raw, base64). */
  readonly epk: string;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

export interface AccountKeyPair {
  /** Raw 32-byte X25519 public key, base64. */
  readonly publicKey: string;
  /** Raw 32-byte private key; the caller wraps it under the password and wipes it. */
  readonly privateKey: Buffer;
}

const b64u = (s: string) => Buffer.from(s, 'base64url');

export function newAccountKeyPair(): AccountKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { publicKey: b64u(publicKey.export({ format: 'jwk' }).x!).toString('base64'), privateKey: b64u(jwk.d!) };
}

const publicKeyObject = (raw: Buffer): KeyObject =>
  createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });

function privateKeyObject(raw: Buffer, publicRaw: Buffer): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', d: raw.toString('base64url'), x: publicRaw.toString('base64url') },
    format: 'jwk',
  });
}

/** The AES key of one grant: HKDF over the X25519 secret, bound to both public keys and to where the grant sits. */
function grantKey(shared: Buffer, epk: Buffer, recipient: Buffer, context: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epk, recipient]), `ganbu key grant v1|${context}`, 32));
}

const grantContext = (storeId: string, slotId: string, keyId: string) => `${storeId}|${slotId}|${keyId}`;

/** Seals the store's keys to one account (ephemeral-static X25519, HKDF-SHA256, AES-256-GCM). */
export function sealGrant(recipientPublicKey: string, keys: StoreKeys, storeId: string, slotId: string): Grant {
  const recipient = Buffer.from(recipientPublicKey, 'base64');
  const eph = generateKeyPairSync('x25519');
  const epk = b64u(eph.publicKey.export({ format: 'jwk' }).x!);
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyObject(recipient) });
  const key = grantKey(shared, epk, recipient, grantContext(storeId, slotId, keys.keyId));
  shared.fill(0);
  const iv = Buffer.from(hkdfSync('sha256', epk, Buffer.alloc(0), 'iv', 12)); // the key is used once: any fixed IV would do
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(Buffer.concat([keys.dbKey, keys.rootKey])), cipher.final()]);
  key.fill(0);
  return {
    keyId: keys.keyId,
    epk: epk.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** Opens a grant with the account's private key; null when it was not sealed to this account (or was altered). */
export function openGrant(
  privateKey: Buffer,
  publicKey: string,
  grant: Grant,
  storeId: string,
  slotId: string,
): StoreKeys | null {
  try {
    const recipient = Buffer.from(publicKey, 'base64');
    const epk = Buffer.from(grant.epk, 'base64');
    const shared = diffieHellman({
      privateKey: privateKeyObject(privateKey, recipient),
      publicKey: publicKeyObject(epk),
    });
    const key = grantKey(shared, epk, recipient, grantContext(storeId, slotId, grant.keyId));
    shared.fill(0);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(grant.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(grant.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(grant.data, 'base64')), decipher.final()]);
    key.fill(0);
    if (plain.length !== 64) return null;
    const keys = {
      keyId: grant.keyId,
      dbKey: Buffer.from(plain.subarray(0, 32)),
      rootKey: Buffer.from(plain.subarray(32)),
    };
    plain.fill(0);
    return keys;
  } catch {
    return null;
  }
}
