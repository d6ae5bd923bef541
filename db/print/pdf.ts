// PDFs as Chromium writes them: counting their pages, and joining the parts of a long print into one file.
import { PDFDocument } from 'pdf-lib';

/** The pages of a PDF, read from its page tree (pdf-lib), not by searching its text for page objects. */
export async function countPdfPages(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
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
