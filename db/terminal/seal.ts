// The sealed file both ways between the main PC and a 评议终端: a plaintext header naming what the file is and which
// package it belongs to, then the content encrypted and authenticated (AES-256-GCM, the header as associated data)
// under a key derived from the package key. A tampered, truncated or foreign file is refused by name.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { z } from 'zod';
import { fail } from '../../shared/ipc/errors';

const MAGIC = Buffer.from('GANBU-TERMINAL\n', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAX_HEADER = 64 * 1024;

export type SealedKind = 'package' | 'return';
export const SEALED_KIND_LABELS: Readonly<Record<SealedKind, string>> = {
  package: '评议终端包',
  return: '评议终端回收文件',
};

export const sealHeaderSchema = z
  .object({
    format: z.literal('ganbu-terminal'),
    version: z.literal(1),
    kind: z.enum(['package', 'return']),
    packageId: z.string().regex(/^[0-9a-f]{32}$/),
    terminalNo: z.number().int().min(1).max(999),
    assessmentId: z.number().int().positive(),
    storeId: z.string().min(1).max(200),
    /** scrypt parameters of the package password (the same KDF as the key slots). */
    kdf: z.object({
      name: z.literal('scrypt'),
      N: z
        .number()
        .int()
        .min(2)
        .max(2 ** 20),
      r: z.number().int().min(1).max(32),
      p: z.number().int().min(1).max(16),
      salt: z.string().min(8).max(64),
    }),
    /** Tells a wrong password from a damaged file before the content is tried. */
    keyCheck: z.string().regex(/^[0-9a-f]{32}$/),
    contentBytes: z.number().int().nonnegative(),
  })
  .strict();
export type SealHeader = z.infer<typeof sealHeaderSchema>;

const subKey = (packageKey: Buffer, label: string) =>
  Buffer.from(hkdfSync('sha256', packageKey, Buffer.alloc(0), `ganbu terminal ${label} v1`, 32));

export const keyCheckOf = (packageKey: Buffer): string =>
  createHmac('sha256', subKey(packageKey, 'key check')).update('ganbu terminal').digest('hex').slice(0, 32);

/** SHA-256 of a whole file, as printed on the 交接单 (the clerk compares it with the file that reaches the laptop). */
export const fileDigest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function seal(
  header: Omit<SealHeader, 'contentBytes' | 'keyCheck'>,
  packageKey: Buffer,
  content: unknown,
): Buffer {
  const plain = Buffer.from(JSON.stringify(content), 'utf8');
  const full: SealHeader = { ...header, keyCheck: keyCheckOf(packageKey), contentBytes: plain.length };
  const head = Buffer.from(JSON.stringify(full), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', subKey(packageKey, header.kind), iv);
  cipher.setAAD(Buffer.concat([MAGIC, len, head]));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, len, head, iv, body, cipher.getAuthTag()]);
}

const refuse = (kind: SealedKind, why: string): never =>
  fail('VALIDATION', `所选文件不是有效的${SEALED_KIND_LABELS[kind]}：${why}。未作任何修改`, 'file');

/** Reads the plaintext header; a file that is not ours, of the other kind or cut short is refused by name. */
export function readHeader(bytes: Buffer, kind: SealedKind): { header: SealHeader; headEnd: number } {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
    refuse(kind, '不是本系统的评议终端文件');
  const headLen = bytes.readUInt32LE(MAGIC.length);
  const headEnd = MAGIC.length + 4 + headLen;
  if (headLen > MAX_HEADER) refuse(kind, '文件头已损坏');
  if (bytes.length < headEnd) refuse(kind, '文件不完整（可能被截断）');
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.subarray(MAGIC.length + 4, headEnd).toString('utf8'));
  } catch {
    return refuse(kind, '文件头已损坏');
  }
  const h = sealHeaderSchema.safeParse(parsed);
  if (!h.success) return refuse(kind, '文件头已损坏');
  if (h.data.kind !== kind) refuse(kind, `这是${SEALED_KIND_LABELS[h.data.kind]}，请选择${SEALED_KIND_LABELS[kind]}`);
  const want = headEnd + IV_BYTES + h.data.contentBytes + TAG_BYTES;
  if (bytes.length < want) refuse(kind, '文件不完整（可能被截断）');
  if (bytes.length > want) refuse(kind, '文件末尾有多余内容（可能被篡改）');
  return { header: h.data, headEnd };
}

/** True when the key is the package's (checked before decrypting, so a wrong password is told from a damaged file). */
export function keyMatches(header: SealHeader, packageKey: Buffer): boolean {
  return timingSafeEqual(Buffer.from(keyCheckOf(packageKey), 'hex'), Buffer.from(header.keyCheck, 'hex'));
}

/** Decrypts and authenticates the content; any changed byte (header or content) is refused as tampered. */
export function unseal<T>(
  bytes: Buffer,
  kind: SealedKind,
  packageKey: Buffer,
  schema: z.ZodType<T>,
): { header: SealHeader; content: T } {
  const { header, headEnd } = readHeader(bytes, kind);
  if (!keyMatches(header, packageKey)) refuse(kind, '密钥不符（不是该评议终端包的文件，或密码不正确）');
  const iv = bytes.subarray(headEnd, headEnd + IV_BYTES);
  const body = bytes.subarray(headEnd + IV_BYTES, bytes.length - TAG_BYTES);
  let plain: Buffer;
  try {
    const d = createDecipheriv('aes-256-gcm', subKey(packageKey, kind), iv);
    d.setAAD(bytes.subarray(0, headEnd));
    d.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    plain = Buffer.concat([d.update(body), d.final()]);
  } catch {
    return refuse(kind, '文件内容校验失败（已被篡改或损坏）');
  }
  let json: unknown;
  try {
    json = JSON.parse(plain.toString('utf8'));
  } catch {
    return refuse(kind, '文件内容已损坏');
  }
  const c = schema.safeParse(json);
  if (!c.success) return refuse(kind, '文件内容不符合格式');
  return { header, content: c.data };
}
