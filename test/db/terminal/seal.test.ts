// The sealed files of 评议终端包 and returns: a round trip, and every kind of bad file refused by name.
import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { newPackageId, newPackagePassword, normalizePackagePassword, seatSecrets } from '../../../db/terminal/codes';
import { readHeader, seal, unseal, type SealHeader } from '../../../db/terminal/seal';

const header = (kind: 'package' | 'return'): Omit<SealHeader, 'contentBytes' | 'keyCheck'> => ({
  format: 'ganbu-terminal',
  version: 1,
  kind,
  packageId: newPackageId(),
  terminalNo: 3,
  assessmentId: 7,
  storeId: 'store-1',
  kdf: { name: 'scrypt', N: 1024, r: 8, p: 1, salt: randomBytes(16).toString('base64') },
});
const schema = z.object({ hello: z.string() });
const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('sealed files', () => {
  const key = randomBytes(32);
  const file = seal(header('return'), key, { hello: '评议' });

  test('round trip; the content is not readable in the file', () => {
    expect(unseal(file, 'return', key, schema).content).toEqual({ hello: '评议' });
    expect(file.includes(Buffer.from('评议'))).toBe(false);
  });

  test('a changed byte anywhere (content, tag or header) is refused as tampered', () => {
    for (const at of [file.length - 1, file.length - 20, readHeader(file, 'return').headEnd + 3]) {
      const bad = Buffer.from(file);
      bad[at]! ^= 0x40;
      expect(message(() => unseal(bad, 'return', key, schema))).toContain('已被篡改或损坏');
    }
    const head = Buffer.from(file);
    head.write('"terminalNo":4', head.indexOf('"terminalNo":3'));
    expect(message(() => unseal(head, 'return', key, schema))).toContain('已被篡改或损坏');
  });

  test('truncated, padded, foreign, of the other kind, or under another key: each refused by name', () => {
    expect(message(() => unseal(file.subarray(0, file.length - 1), 'return', key, schema))).toContain('截断');
    expect(message(() => unseal(file.subarray(0, 30), 'return', key, schema))).toContain('截断');
    expect(message(() => unseal(Buffer.concat([file, Buffer.from('x')]), 'return', key, schema))).toContain('多余内容');
    expect(message(() => unseal(Buffer.from('PK\x03\x04 not ours'), 'return', key, schema))).toContain(
      '不是本系统的评议终端文件',
    );
    expect(message(() => unseal(file, 'package', key, schema))).toContain('这是评议终端回收文件，请选择评议终端包');
    expect(message(() => unseal(file, 'return', randomBytes(32), schema))).toContain('密钥不符');
    expect(message(() => unseal(seal(header('return'), key, { other: 1 }), 'return', key, schema))).toContain(
      '不符合格式',
    );
  });
});

describe('codes and passwords', () => {
  test('a package password: 16 symbols of the code alphabet, typed in any case with or without dashes', () => {
    const p = newPackagePassword();
    expect(p).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    expect(normalizePackagePassword(p.toLowerCase().replace(/-/g, ' '))).toBe(p.replace(/-/g, ''));
  });

  test('lookup and tag come from the same seat secret but neither gives the other; another salt gives others', async () => {
    const cost = { N: 1024, r: 8, p: 1 };
    const salt = randomBytes(16);
    const a = await seatSecrets('a'.repeat(64), salt, cost);
    expect(a.lookup).not.toBe(a.tag);
    expect(await seatSecrets('a'.repeat(64), salt, cost)).toEqual(a);
    expect((await seatSecrets('a'.repeat(64), randomBytes(16), cost)).lookup).not.toBe(a.lookup);
  });
});
