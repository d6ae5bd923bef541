// Checks an uploaded .xlsx against the row, cell and size limits while inflating it, before exceljs loads it:
// exceljs inflates and parses everything first, so a flood of rows (or a zip bomb) would keep it busy for many
// seconds and fill memory before any limit after the load could say no.
import { inflateEntry, zipEntries, ZipLimitError } from '../fs/zip';

export interface WorkbookLimits {
  /** Row elements in one sheet (empty formatted rows and title rows included). */
  readonly rowsPerSheet: number;
  /** Cell elements and shared strings in the whole workbook. */
  readonly cells: number;
  /** Bytes the whole package inflates to, counted as inflation produces them. */
  readonly inflatedBytes: number;
}

export type BoundsResult = 'ok' | 'corrupt' | 'tooLarge' | 'tooManyRows' | 'tooManyCells';

/** Stops the inflation the moment a limit is passed. */
class Over extends Error {
  constructor(readonly result: BoundsResult) {
    super(result);
  }
}

/** Counts <row …> and <c …>/<si …> start tags in a stream of XML chunks, across chunk boundaries. */
class TagCounter {
  rows = 0;
  cells = 0;
  private carry = '';
  private static readonly TAG = /<(row|c|si)[\s>/]/g;

  feed(chunk: Buffer): void {
    // latin1 keeps bytes one-to-one; the tags are ASCII and UTF-8 never puts '<' inside a multi-byte character.
    const s = this.carry + chunk.toString('latin1');
    const last = s.lastIndexOf('<');
    // A tag name cut by the chunk's end is kept for the next chunk; a far-away '<' has already been decided.
    const cut = last >= 0 && s.length - last < 16 ? last : s.length;
    this.count(s.slice(0, cut));
    this.carry = s.slice(cut);
  }

  private count(s: string): void {
    for (const m of s.matchAll(TagCounter.TAG)) {
      if (m[1] === 'row') this.rows++;
      else this.cells++;
    }
  }
}

/** Inflates every entry once, counting rows per XML part and cells in all of them; nothing is kept. */
export async function checkWorkbookBounds(bytes: Uint8Array, limits: WorkbookLimits): Promise<BoundsResult> {
  let total = 0;
  let cells = 0;
  try {
    for (const entry of zipEntries(bytes)) {
      const xml = /\.(xml|rels)$/i.test(entry.name);
      const counter = new TagCounter();
      const produced = await inflateEntry(bytes, entry, limits.inflatedBytes - total, (chunk) => {
        if (!xml) return;
        const before = counter.cells;
        counter.feed(chunk);
        cells += counter.cells - before;
        if (counter.rows > limits.rowsPerSheet) throw new Over('tooManyRows');
        if (cells > limits.cells) throw new Over('tooManyCells');
      });
      total += produced;
    }
  } catch (e) {
    if (e instanceof Over) return e.result;
    if (e instanceof ZipLimitError) return e.reason;
    throw e;
  }
  return 'ok';
}
