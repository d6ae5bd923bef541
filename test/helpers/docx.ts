// Reading a written .docx back: its zip parts, and LibreOffice's PDF of it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { tempDir } from './tmp-store';

/** Every part of a zip by name. */
export async function unzip(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) out.set(entry.name, await entry.async('nodebuffer'));
  return out;
}

export const hasLibreOffice = (): boolean => ['/usr/bin/soffice', '/usr/bin/libreoffice'].some(existsSync);

/** Converts a document to PDF with LibreOffice headless, in a private profile so parallel runs never share one. */
export function libreOfficePdf(path: string): string {
  const out = tempDir('ganbu-lo-out-');
  const profile = tempDir('ganbu-lo-profile-');
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, path],
    {
      stdio: 'pipe',
      timeout: 120_000,
    },
  );
  const pdf = join(out, path.replace(/^.*\//, '').replace(/\.[^.]+$/, '.pdf'));
  if (!existsSync(pdf) || readFileSync(pdf).length === 0) throw new Error(`LibreOffice wrote no PDF for ${path}`);
  return pdf;
}
