// Reading zip packages from outside (.docx, .xlsx) with a cap on the bytes inflation actually produces.
// The sizes a zip declares are the attacker's to choose: every entry is inflated as a stream and counted, and the
// read stops the moment the count passes the cap, whatever the headers say.
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  readonly method: number;
  readonly compressedSize: number;
  /** Where the local file header starts. */
  readonly localOffset: number;
}

/** Why a package could not be read: broken (not a zip we read) or too big once inflated. */
export class ZipLimitError extends Error {
  constructor(readonly reason: 'corrupt' | 'tooLarge') {
    super(reason === 'corrupt' ? 'not a readable zip package' : 'zip package inflates beyond its cap');
  }
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const MAX_ENTRIES = 10_000;

/** The central directory's entries (read from the end of the file, as unzip tools do). */
export function zipEntries(buf: Uint8Array): ZipEntry[] {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const corrupt = () => {
    throw new ZipLimitError('corrupt');
  };
  let eocd = -1;
  // The end record sits in the last 22 bytes plus a comment of up to 65,535 bytes.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return corrupt();
  const count = b.readUInt16LE(eocd + 10);
  const cdOffset = b.readUInt32LE(eocd + 16);
  // A zip64 package marks these as 0xffff / 0xffffffff; no document the app reads needs one.
  if (count === 0xffff || cdOffset === 0xffffffff || count > MAX_ENTRIES) return corrupt();
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CEN_SIG) return corrupt();
    const method = b.readUInt16LE(p + 10);
    const compressedSize = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const localOffset = b.readUInt32LE(p + 42);
    if (p + 46 + nameLen > b.length) return corrupt();
    const name = b.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({ name, method, compressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
function compressedData(b: Buffer, e: ZipEntry): Buffer {
  const at = e.localOffset;
  if (at + 30 > b.length || b.readUInt32LE(at) !== LOC_SIG) throw new ZipLimitError('corrupt');
  const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
  if (start + e.compressedSize > b.length) throw new ZipLimitError('corrupt');
  return b.subarray(start, start + e.compressedSize);
}

const FEED = 64 * 1024;

/**
 * Inflates one entry chunk by chunk, handing each produced chunk to `onData`, and aborts with ZipLimitError
 * ('tooLarge') as soon as more than `cap` bytes have come out. Memory stays at one chunk plus what onData keeps.
 */
export function inflateEntry(
  buf: Uint8Array,
  e: ZipEntry,
  cap: number,
  onData: (chunk: Buffer) => void,
): Promise<number> {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const data = compressedData(b, e);
  if (e.method === 0) {
    if (data.length > cap) return Promise.reject(new ZipLimitError('tooLarge'));
    onData(data);
    return Promise.resolve(data.length);
  }
  if (e.method !== 8) return Promise.reject(new ZipLimitError('corrupt'));
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: FEED });
    let produced = 0;
    let done = false;
    const finish = (err: Error | null) => {
      if (done) return;
      done = true;
      if (err) {
        inflate.destroy();
        reject(err);
      } else resolve(produced);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (done) return;
      produced += chunk.length;
      if (produced > cap) return finish(new ZipLimitError('tooLarge'));
      try {
        onData(chunk);
      } catch (err) {
        finish(err as Error);
      }
    });
    inflate.on('error', () => finish(new ZipLimitError('corrupt')));
    inflate.on('end', () => finish(null));
    // Fed in slices with back-pressure, so a bomb never has more than one slice's output in flight.
    let at = 0;
    const feed = () => {
      while (!done && at < data.length) {
        const slice = data.subarray(at, at + FEED);
        at += slice.length;
        if (!inflate.write(slice)) {
          inflate.once('drain', feed);
          return;
        }
      }
      if (!done && at >= data.length) inflate.end();
    };
    feed();
  });
}

/** One entry's bytes, refused (ZipLimitError 'tooLarge') past `cap` bytes actually inflated; null when absent. */
export async function readZipEntry(buf: Uint8Array, name: string, cap: number): Promise<Buffer | null> {
  const entry = zipEntries(buf).find((e) => e.name === name);
  if (!entry) return null;
  const parts: Buffer[] = [];
  await inflateEntry(buf, entry, cap, (c) => parts.push(c));
  return Buffer.concat(parts);
}
