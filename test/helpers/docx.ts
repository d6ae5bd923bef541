// Reading a written .docx back: its zip parts (central directory + inflate) and LibreOffice's PDF of it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { tempDir } from './tmp-store';

/** Every part of a zip by name (stored or deflated entries; no zip64). */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export const hasLibreOffice = (): boolean => ['/usr/bin/soffice', '/usr/bin/libreoffice'].some(existsSync);

/** Converts a document to PDF with LibreOffice headless, in a private profile so parallel runs never share one. */
export function libreOfficePdf(path: string): string {
  const out = tempDir('ganbu-lo-out-');
  const profile = tempDir('ganbu-lo-profile-');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, path], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const pdf = join(out, path.replace(/^.*\//, '').replace(/\.[^.]+$/, '.pdf'));
  if (!existsSync(pdf) || readFileSync(pdf).length === 0) throw new Error(`LibreOffice wrote no PDF for ${path}`);
  return pdf;
}
