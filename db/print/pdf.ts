// PDFs as Chromium writes them: counting their pages, and joining the parts of a long print into one file.
import { PDFDocument } from 'pdf-lib';

// Chromium writes its page objects as plain, uncompressed dictionaries, and so does joinPdfs.
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/**
 * One PDF of the parts' pages in order (a long document is printed in parts to keep Chromium's memory low). The
 * first part's document information (title, producer) is kept.
 */
export async function joinPdfs(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const [first, ...rest] = parts;
  if (!first) throw new Error('no PDF parts to join');
  const out = await PDFDocument.load(first, { updateMetadata: false });
  for (const part of rest) {
    const src = await PDFDocument.load(part, { updateMetadata: false });
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  }
  return out.save({ useObjectStreams: false });
}
