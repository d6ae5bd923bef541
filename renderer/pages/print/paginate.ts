// Lays measured blocks into fixed A4 content boxes: a cover alone on its page, table rows never split, a table's
// header repeated wherever its rows start on a page, a heading never left alone at the foot of a page. A block
// taller than a page (documents cut long text into rows of their own, so this is the last resort) is shown in
// slices, one page each, rather than clipped.

export interface MeasuredBlock {
  readonly kind: 'page' | 'flow' | 'row';
  /** Height in CSS px as measured at the content width. */
  readonly height: number;
  /** Rows only: which table they belong to (its header is measured once). */
  readonly table?: string;
  /** A heading: kept on the page of the block after it. */
  readonly keepWithNext?: boolean;
  /** Kept on the page of the block before it (制表人/审核人/日期 under their table's last row). */
  readonly keepWithPrevious?: boolean;
  /** Starts a new page (a section of the packet). */
  readonly breakBefore?: boolean;
}

/** How much of a sliced block the next slice shows again, so a line cut at a page's foot is whole on the next. */
export const SLICE_OVERLAP_PX = 32;

/** How far (px) into a sliced block its `k`-th slice (0-based) starts. */
export const sliceOffset = (k: number, pageHeight: number) => k * (pageHeight - SLICE_OVERLAP_PX);

/** The offsets of the slices a block of `height` needs on pages of `pageHeight`. */
export function sliceOffsets(height: number, pageHeight: number): number[] {
  const out = [0];
  while (out.at(-1)! + pageHeight < height) out.push(sliceOffset(out.length, pageHeight));
  return out;
}

/**
 * Where each slice page of `pages` (as paginate lays them out) starts into its block, by page index (0-based): a run
 * of pages holding the same block alone is that block in slices.
 */
export function sliceStarts(pages: readonly (readonly number[])[], pageHeight: number): Record<number, number> {
  const out: Record<number, number> = {};
  let runStart = 0;
  pages.forEach((p, n) => {
    const same = (m: number) => pages[m]?.length === 1 && pages[m]![0] === p[0];
    if (p.length !== 1 || !(same(n - 1) || same(n + 1))) return;
    if (!same(n - 1)) runStart = n;
    out[n] = sliceOffset(n - runStart, pageHeight);
  });
  return out;
}

/** Page by page, the indices of the blocks on it; a sliced block's index is on each of its pages alone. */
export function paginate(
  blocks: readonly MeasuredBlock[],
  headerHeights: ReadonlyMap<string, number>,
  pageHeight: number,
): number[][] {
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
    if (cost(i, []) > pageHeight) {
      flush();
      sliceOffsets(cost(i, []), pageHeight).forEach(() => pages.push([i]));
      continue;
    }
    let need = cost(i, cur);
    // Headings take the blocks after them along (a sub-heading, a new table's header and first row) when deciding
    // whether they fit.
    // (A block that will be sliced starts on a page of its own whatever comes before it.)
    for (let j = i; blocks[j]!.keepWithNext && j + 1 < blocks.length && blocks[j + 1]!.kind !== 'page'; j++) {
      if (cost(j + 1, []) > pageHeight) break;
      need += cost(j + 1, [j]);
    }
    if (used + need > pageHeight && cur.length > 0) {
      // A block that belongs to the one before it takes that one along (and so on back), so a page never holds
      // only the signature lines; a heading that would then end the page comes along too. Never the whole page.
      const carried: number[] = [];
      for (let k = i; blocks[k]!.keepWithPrevious && cur.length > 1 && cur.at(-1) === k - 1; k--)
        carried.unshift(cur.pop()!);
      if (carried.length > 0) while (cur.length > 1 && blocks[cur.at(-1)!]!.keepWithNext) carried.unshift(cur.pop()!);
      flush();
      for (const c of carried) {
        used += cost(c, cur);
        cur.push(c);
      }
    }
    const own = cost(i, cur);
    cur.push(i);
    used += own;
  }
  flush();
  return pages;
}
