// attachments.preview: what the in-app viewer shows for a stored attachment, checked on this side first so a
// damaged file gets a clear Chinese message instead of a blank viewer.
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import type { AttachmentPreview } from '../../shared/dossier/types';
import type { Database } from '../schema';
import { docxBlocks } from './docx';

export const LEGACY_WORD_MESSAGE = '旧版 Word（.doc）文件无法在应用内预览，请用 Word 另存为 .docx 后重新上传';

/**
 * A whole PDF ends with %%EOF after its startxref (incremental updates append another pair); a file cut short
 * in copying or scanning loses that tail. pdf.js would try to "repair" it and may show blank or partial pages.
 */
function pdfLooksWhole(data: Buffer): boolean {
  const tail = data.subarray(Math.max(0, data.length - 2048)).toString('latin1');
  return /startxref\s+\d+\s+%%EOF\s*$/.test(tail);
}

export async function previewAttachment(db: Kysely<Database>, id: number): Promise<AttachmentPreview> {
  const row = await db
    .selectFrom('dossier_attachments')
    .select(['file_name', 'mime', 'data'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return fail('NOT_FOUND', '找不到该附件，可能已被删除', 'id');
  return previewOf(row.file_name, row.mime, Buffer.from(row.data));
}

/** What the viewer shows of a stored file (a dossier attachment or one still waiting for 审核). */
export async function previewOf(fileName: string, mime: string, data: Buffer): Promise<AttachmentPreview> {
  if (mime.startsWith('image/')) return { kind: 'image', fileName, mime: mime, base64: data.toString('base64') };
  if (mime === 'application/pdf') {
    if (!pdfLooksWhole(data))
      fail('VALIDATION', `附件“${fileName}”已损坏或不完整（文件结尾缺失），无法预览，请重新上传完整的 PDF 文件`, 'id');
    return { kind: 'pdf', fileName, mime: mime, base64: data.toString('base64') };
  }
  if (mime === 'application/msword') return { kind: 'unsupported', fileName, message: LEGACY_WORD_MESSAGE };
  if (mime === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') {
    return { kind: 'word', fileName, ...(await docxBlocks(data, fileName)) };
  }
  return { kind: 'unsupported', fileName, message: `附件“${fileName}”的类型不能在应用内预览` };
}
