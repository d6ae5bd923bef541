// Attachments of dossier entries: images, PDF and Word up to 20 MB, type checked by content against the extension.
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import { MAX_ATTACHMENT_BYTES, type AttachmentContent } from '../../shared/dossier/types';
import type { Database } from '../schema';
import { hasSignature } from '../fs/magic';
import { readUserFile } from '../fs/user-file';

interface Kind {
  readonly label: string;
  readonly mime: string;
  readonly matches: (b: Buffer) => boolean;
}

const JPEG: Kind = { label: 'JPEG 图片', mime: 'image/jpeg', matches: (b) => hasSignature(b, 'jpeg') };
const KINDS: Readonly<Record<string, Kind>> = {
  jpg: JPEG,
  jpeg: JPEG,
  png: { label: 'PNG 图片', mime: 'image/png', matches: (b) => hasSignature(b, 'png') },
  gif: {
    label: 'GIF 图片',
    mime: 'image/gif',
    matches: (b) => hasSignature(b, 'gif87') || hasSignature(b, 'gif89'),
  },
  bmp: { label: 'BMP 图片', mime: 'image/bmp', matches: (b) => hasSignature(b, 'bmp') },
  webp: { label: 'WebP 图片', mime: 'image/webp', matches: (b) => hasSignature(b, 'webp') },
  pdf: { label: 'PDF 文件', mime: 'application/pdf', matches: (b) => hasSignature(b, 'pdf') },
  doc: { label: 'Word 文档', mime: 'application/msword', matches: (b) => hasSignature(b, 'ole') },
  docx: {
    label: 'Word 文档',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    // A .docx is a zip package holding word/document.xml.
    matches: (b) => hasSignature(b, 'zip') && b.includes('word/'),
  },
};

export const ALLOWED_EXTENSIONS = Object.keys(KINDS);

export interface CheckedAttachment {
  readonly fileName: string;
  readonly mime: string;
  readonly data: Buffer;
  readonly sha256: string;
}

const typeRefusal = (fileName: string) =>
  `附件“${fileName}”的类型不支持：只能上传图片（jpg、png、gif、bmp、webp）、PDF 或 Word（doc、docx）`;
export const tooLargeRefusal = (fileName: string, size: number) =>
  `附件“${fileName}”有 ${(size / 1024 / 1024).toFixed(1)} MB，超过 20 MB 的上限`;

/** The Chinese refusal of a file name's type, or null when attachments take it (checked before reading it). */
export function attachmentTypeProblem(fileName: string): string | null {
  return KINDS[extname(fileName).slice(1).toLowerCase()] ? null : typeRefusal(fileName);
}

/** Checks bytes read from elsewhere (a picked file, a zip entry): type by content, size, not empty. */
export function checkAttachmentBytes(fileName: string, data: Buffer, field = 'token'): CheckedAttachment {
  const ext = extname(fileName).slice(1).toLowerCase();
  const kind = KINDS[ext];
  if (!kind) fail('VALIDATION', typeRefusal(fileName), field);
  if (data.length > MAX_ATTACHMENT_BYTES) fail('VALIDATION', tooLargeRefusal(fileName, data.length), field);
  if (data.length === 0) fail('VALIDATION', `附件“${fileName}”是空文件`, field);
  if (!kind!.matches(data)) {
    fail('VALIDATION', `附件“${fileName}”的内容不是${kind!.label}，与扩展名“.${ext}”不符，已拒绝上传`, field);
  }
  return { fileName, mime: kind!.mime, data, sha256: createHash('sha256').update(data).digest('hex') };
}

/** Checks a picked file and reads it; every refusal names the file and says why, in Chinese, before anything is written. */
export function readAttachmentFile(path: string, field = 'token'): CheckedAttachment {
  const fileName = basename(path);
  if (attachmentTypeProblem(fileName)) fail('VALIDATION', typeRefusal(fileName), field);
  const data = readUserFile(path, {
    maxBytes: MAX_ATTACHMENT_BYTES,
    tooLarge: (size) => tooLargeRefusal(fileName, size),
    field,
  });
  return checkAttachmentBytes(fileName, data, field);
}

export async function insertAttachment(
  db: Kysely<Database>,
  entryId: number,
  file: { fileName: string; mime: string; data: Buffer; sha256: string },
  userId: number,
): Promise<number> {
  const row = await db
    .insertInto('dossier_attachments')
    .values({
      entry_id: entryId,
      file_name: file.fileName,
      mime: file.mime,
      size: file.data.length,
      sha256: file.sha256,
      data: file.data,
      added_by: userId,
      added_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function attachmentRow(db: Kysely<Database>, id: number) {
  const row = await db
    .selectFrom('dossier_attachments')
    .innerJoin('dossier_entries', 'dossier_entries.id', 'dossier_attachments.entry_id')
    .select([
      'dossier_attachments.id',
      'dossier_attachments.entry_id',
      'dossier_attachments.file_name',
      'dossier_entries.title',
      'dossier_entries.cadre_id',
    ])
    .where('dossier_attachments.id', '=', id)
    .executeTakeFirst();
  return row ?? fail('NOT_FOUND', '找不到该附件，可能已被删除', 'id');
}

export async function readAttachment(db: Kysely<Database>, id: number): Promise<AttachmentContent> {
  const row = await db
    .selectFrom('dossier_attachments')
    .select(['file_name', 'mime', 'data'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return fail('NOT_FOUND', '找不到该附件，可能已被删除', 'id');
  return { fileName: row.file_name, mime: row.mime, base64: Buffer.from(row.data).toString('base64') };
}
