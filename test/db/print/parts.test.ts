// A long print comes from the printer in parts (shared/print/progress.ts prints SHEETS_PER_PART sheets at a time);
// the host joins them into the one file the user saves, pages in order, and counts its pages right.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { expect, test } from 'vitest';
import { newHostWithStore } from '../../helpers/host';
import { dossierCadre } from '../../helpers/dossier';
import { tempDir } from '../../helpers/tmp-store';
import { countPdfPages, joinPdfs } from '../../../db/print/pdf';

/** A PDF of `pages` pages whose widths tell them apart (width = tag + index). */
async function taggedPdf(tag: number, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([tag + i, 842]);
  return doc.save({ useObjectStreams: false });
}

const widths = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPages().map((p) => p.getWidth());

test('joinPdfs keeps every page of every part, in order, and the page count still reads', async () => {
  const joined = await joinPdfs([await taggedPdf(100, 3), await taggedPdf(200, 2), await taggedPdf(300, 1)]);
  expect(await widths(joined)).toEqual([100, 101, 102, 200, 201, 300]);
  expect(await countPdfPages(joined)).toBe(6);
  await expect(joinPdfs([])).rejects.toThrow();
});

test('a print made in three parts is saved as one file of all their pages', async () => {
  const parts = [await taggedPdf(100, 60), await taggedPdf(200, 60), await taggedPdf(300, 5)];
  const h = await newHostWithStore({ printPdf: async () => parts });
  const cadreId = await dossierCadre(h, '巴特尔');
  const r = await h.ok('print.renderDossier', { cadreId, copies: 1, recipients: [] });
  expect(r.pages).toBe(125);
  const out = join(tempDir('ganbu-parts-'), '巴特尔.pdf');
  await h.ok('print.save', { jobId: r.jobId, token: await h.pickSave('printPdf', out) });
  const saved = await widths(readFileSync(out));
  expect(saved).toHaveLength(125);
  expect([saved[0], saved[59], saved[60], saved[120], saved[124]]).toEqual([100, 159, 200, 300, 304]);
});
