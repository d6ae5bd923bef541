// The printed 政治素质审查意见 of one or more candidates as blocks, each from a new page, in the order of
// shared/review/outline.ts (一票否决 first when there is one); the 份号, marking and page numbers are PrintPage's.
import { reviewOutline, reviewTitle } from '../../../shared/review/outline';
import type { PrintBlock, PrintDocumentSpec, PrintTable } from './blocks';
import type { ReviewPrintPart } from './review-data';
import { textRows } from './text-rows';

const th = (cells: readonly string[]) => (
  <tr>
    {cells.map((c) => (
      <th key={c}>{c}</th>
    ))}
  </tr>
);

/** One candidate's 审查意见 (as of its 统计期's last day); `anchor` names its first block for a packet's contents. */
export function reviewDocument(part: ReviewPrintPart, prefix = 'rv', anchor?: string): PrintDocumentSpec {
  const k = (s: string) => `${prefix}-${s}`;
  const { draft, record } = part;
  const blocks: PrintBlock[] = [
    {
      key: k('title'),
      kind: 'flow',
      breakBefore: true,
      keepWithNext: true,
      node: <div className="pb-title">{reviewTitle(draft.cadre.name)}</div>,
      ...(anchor ? { anchor } : {}),
    },
    {
      key: k('sub'),
      kind: 'flow',
      keepWithNext: true,
      node: (
        <div className="pb-note rv-sub">
          {draft.cadre.unitName}　{draft.cadre.currentPost}　　审查基准日期：{draft.period.to.replace(/-/g, '.')}
        </div>
      ),
    },
  ];
  const tables: Record<string, PrintTable> = {};
  for (const s of reviewOutline(draft, record)) {
    blocks.push({
      key: k(`h-${s.key}`),
      kind: 'flow',
      keepWithNext: true,
      node: <div className={s.alert ? 'pb-h1 rv-alert' : 'pb-h1'}>{s.heading}</div>,
    });
    s.paragraphs.forEach((p, i) =>
      blocks.push({
        key: k(`p-${s.key}-${i}`),
        kind: 'flow',
        // The signature line stays under the conclusion it signs.
        ...(s.key === 'conclusion' && i > 0 ? { keepWithPrevious: true } : {}),
        node: <div className={s.alert ? 'pb-p rv-alert' : 'pb-p'}>{p}</div>,
      }),
    );
    const t = s.table;
    if (!t) continue;
    const id = k(`t-${s.key}`);
    tables[id] = { cols: t.widths.map((w) => `${w}%`), header: th(t.header) };
    const last = t.header.length - 1;
    t.rows.forEach((r, i) =>
      blocks.push(
        ...textRows({
          key: k(`r-${s.key}-${i}`),
          table: id,
          cells: r.map((c, j) => (j === last ? null : c)),
          classes: r.map((_, j) => (j === 0 ? 'c d' : undefined)),
          textAt: last,
          text: r[last] ?? '',
        }),
      ),
    );
  }
  return { blocks, tables };
}

/** Several candidates, one after another. */
export function reviewsDocument(parts: readonly ReviewPrintPart[]): PrintDocumentSpec {
  const blocks: PrintBlock[] = [];
  const tables: Record<string, PrintTable> = {};
  parts.forEach((p, i) => {
    const doc = reviewDocument(p, `rv${i}`);
    blocks.push(...doc.blocks);
    Object.assign(tables, doc.tables);
  });
  return { blocks, tables };
}
