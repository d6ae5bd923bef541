// Lays measured blocks into fixed A4 content boxes: a cover alone on its page, table rows never split, a table's
// header repeated wherever its rows start on a page, a heading never left alone at the foot of a page.

export interface MeasuredBlock {
  readonly kind: 'page' | 'flow' | 'row';
  /** Height in CSS px as measured at the content width. */
  readonly height: number;
  /** Rows only: which table they belong to (its header is measured once). */
  readonly table?: string;
  /** A heading: kept on the page of the block after it. */
  readonly keepWithNext?: boolean;
  /** Starts a new page (a section of the packet). */
  readonly breakBefore?: boolean;
}

/** Page by page, the indices of the blocks on it. */
export function paginate(blocks: readonly MeasuredBlock[], headerHeights: ReadonlyMap<string, number>, pageHeight: number): number[][] {
  const pages: number[][] = [];
  let cur: number[] = [];
  let used = 0;
  const flush = () => {
    if (cur.length > 0) pages.push(cur);
    cur = [];
    used = 0;
  };
  // A row carries its table's header when it is the first row of that table on the page.
  const cost = (i: number, onPage: readonly number[]): number => {
    const b = blocks[i]!;
    if (b.kind !== 'row') return b.height;
    const prev = onPage.length > 0 ? blocks[onPage[onPage.length - 1]!] : undefined;
    const continues = prev?.kind === 'row' && prev.table === b.table;
    return b.height + (continues ? 0 : (headerHeights.get(b.table ?? '') ?? 0));
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'page') {
      flush();
      pages.push([i]);
      continue;
    }
    if (b.breakBefore) flush();
    let need = cost(i, cur);
    // Headings take the blocks after them along (a sub-heading, a new table's header and first row) when deciding
    // whether they fit.
    for (let j = i; blocks[j]!.keepWithNext && j + 1 < blocks.length && blocks[j + 1]!.kind !== 'page'; j++) need += cost(j + 1, [j]);
    if (used + need > pageHeight && cur.length > 0) {
      flush();
    }
    const own = cost(i, cur);
    cur.push(i);
    used += own;
  }
  flush();
  return pages;
}
