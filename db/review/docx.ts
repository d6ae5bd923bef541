// 政治素质审查意见 as a Word document for editing: one part per candidate, in the printed order (shared/review/outline.ts),
// GB/T 9704 page and fonts of the dossier's .docx.
import { reviewOutline, reviewTitle, type OutlineSection } from '../../shared/review/outline';
import type { ReviewDraft, ReviewRecord } from '../../shared/review/types';
import { docxPackage, run, table, TEXT_WIDTH, textPara, type CellSpec } from '../dossier';

const MARKING = '内部资料 注意保密';
const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

const h1 = (text: string) => `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run(text)}</w:p>`;

function sectionXml(s: OutlineSection): string {
  const parts = [h1(s.heading)];
  for (const p of s.paragraphs) parts.push(textPara(p, { font: 'body', size: 16 }, { indentChars: 2, align: 'both' }));
  if (s.table) {
    const widths = s.table.widths;
    const total = widths.reduce((a, b) => a + b, 0);
    const grid = widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
    const head: CellSpec[] = s.table.header.map((content) => ({ content, label: true }));
    const rows: CellSpec[][] = s.table.rows.map((r) => r.map((content) => ({ content })));
    parts.push(table(grid, [head, ...rows], { header: true }));
  }
  return parts.join('');
}

export function reviewBody(d: ReviewDraft, record: ReviewRecord | null): string {
  return [
    textPara(MARKING, { font: 'heading', size: 16 }, { align: 'left' }),
    `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>${run(reviewTitle(d.cadre.name))}</w:p>`,
    textPara(
      `${d.cadre.unitName}　${d.cadre.currentPost}`,
      { font: 'body', size: 16 },
      { align: 'center', after: 240 },
    ),
    ...reviewOutline(d, record).map(sectionXml),
  ].join('');
}

/** Candidates one after another, each from a new page. */
export function reviewsDocx(
  parts: readonly { draft: ReviewDraft; record: ReviewRecord | null }[],
  created = new Date().toISOString(),
): Promise<Buffer> {
  const first = parts[0];
  return docxPackage({
    title: parts.length === 1 && first ? reviewTitle(first.draft.cadre.name) : `政治素质审查意见（${parts.length} 人）`,
    marking: MARKING,
    body: parts.map((p) => reviewBody(p.draft, p.record)).join(PAGE_BREAK),
    pictures: [],
    created: created.replace(/\.\d{3}Z$/, 'Z'),
  });
}
