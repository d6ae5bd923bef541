// Opens what a unit returned: the .xlsx alone, or a .zip holding it and the evidence files it names. Attachments are
// inflated one by one under the attachment cap, so an oversized or bomb entry is named, not loaded.
import { basename } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../../shared/dossier/types';
import { ApiError, fail } from '../../shared/ipc/errors';
import { checkAttachmentBytes, attachmentTypeProblem, type CheckedAttachment } from '../dossier';
import { inflateEntry, zipEntries, ZipLimitError, type ZipEntry } from '../fs/zip';
import { hasSignature } from '../fs/magic';
import { MAX_FILE_BYTES } from '../excel/open';

/** A named file of the zip: its checked bytes, or why attachments refuse it. */
export type PackageFile =
  { readonly ok: true; readonly file: CheckedAttachment } | { readonly ok: false; readonly problem: string };

export interface ReturnedPackage {
  readonly workbook: Buffer;
  /** By file name (the last path part, NFC); null for a bare .xlsx (no files came with it). */
  readonly files: ReadonlyMap<string, PackageFile> | null;
}

export const nameKey = (name: string) => basename(name.replace(/\\/gu, '/')).normalize('NFC').trim().toLowerCase();

const isJunk = (name: string) => /(^|\/)(__MACOSX\/|\.DS_Store$|~\$|Thumbs\.db$)/iu.test(name);

async function inflateCapped(bytes: Buffer, e: ZipEntry, cap: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  await inflateEntry(bytes, e, cap, (c) => parts.push(c));
  return Buffer.concat(parts);
}

async function readFileEntry(bytes: Buffer, e: ZipEntry, fileName: string): Promise<PackageFile> {
  const typeProblem = attachmentTypeProblem(fileName);
  if (typeProblem) return { ok: false, problem: typeProblem };
  try {
    const data = await inflateCapped(bytes, e, MAX_ATTACHMENT_BYTES);
    return { ok: true, file: checkAttachmentBytes(fileName, data, 'file') };
  } catch (err) {
    if (err instanceof ZipLimitError && err.reason === 'tooLarge')
      return { ok: false, problem: `附件“${fileName}”超过 20 MB 的上限` };
    if (err instanceof ZipLimitError) return { ok: false, problem: `附件“${fileName}”在压缩包中已损坏，无法读取` };
    if (err instanceof ApiError) return { ok: false, problem: err.message };
    throw err;
  }
}

/** The workbook and files of a returned package; a Chinese refusal for a zip without exactly one workbook. */
export async function readReturnedPackage(bytes: Buffer, fileName: string): Promise<ReturnedPackage> {
  if (!/\.zip$/iu.test(fileName)) return { workbook: bytes, files: null };
  if (!hasSignature(bytes, 'zip')) fail('VALIDATION', `“${fileName}”不是有效的 zip 压缩包`, 'file');
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes).filter((e) => !e.name.endsWith('/') && !isJunk(e.name));
  } catch {
    return fail('VALIDATION', `“${fileName}”已损坏，无法作为 zip 压缩包读取`, 'file');
  }
  const books = entries.filter((e) => /\.xlsx$/iu.test(e.name));
  if (books.length === 0) fail('VALIDATION', `压缩包“${fileName}”中没有填报表（.xlsx）`, 'file');
  if (books.length > 1)
    fail('VALIDATION', `压缩包“${fileName}”中有 ${books.length} 个 Excel 工作簿，请每个压缩包只放一份填报表`, 'file');
  let workbook: Buffer;
  try {
    workbook = await inflateCapped(bytes, books[0]!, MAX_FILE_BYTES);
  } catch (err) {
    if (err instanceof ZipLimitError && err.reason === 'tooLarge')
      return fail('VALIDATION', `压缩包中的填报表超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，已拒绝读取`, 'file');
    return fail('VALIDATION', `压缩包“${fileName}”中的填报表已损坏，无法读取`, 'file');
  }
  const files = new Map<string, PackageFile>();
  for (const e of entries) {
    if (e === books[0]) continue;
    const name = basename(e.name.replace(/\\/gu, '/'));
    files.set(nameKey(name), await readFileEntry(bytes, e, name));
  }
  return { workbook, files };
}
