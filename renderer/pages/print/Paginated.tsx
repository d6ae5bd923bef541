// Measures a document's blocks at the content width, lays them into A4 pages, and prints every page once per copy.
import { Fragment, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { PrintCopy } from '../../../shared/print/types';
import type { PrintBlock, PrintDocumentSpec, PrintTable } from './blocks';
import { CONTENT_HEIGHT_PX } from './geometry';
import { paginate, sliceStarts } from './paginate';
import { PrintPage } from './PrintPage';
import { collectGarbage } from './memory';
import './print.css';

export interface Layout {
  readonly pages: number[][];
  /** Page number (1-based, within a copy) where each anchored block lands. */
  readonly anchors: Readonly<Record<string, number>>;
  /** Pages (0-based) showing a slice of a block taller than a page: how far into the block (px) the page starts. */
  readonly slices: Readonly<Record<number, number>>;
}

export interface PaginatedProps {
  readonly doc: PrintDocumentSpec;
  readonly copies: readonly PrintCopy[];
  readonly printedBy: string;
  /** The audit head to print on every page (see PrintPage). */
  readonly auditHead?: { readonly count: number; readonly digest: string } | undefined;
  /** Called once the pages are laid out (the print window waits for it). */
  readonly onLaid?: (layout: Layout) => void;
  /** Screen preview: shadows between pages. */
  readonly screen?: boolean;
  /**
   * Documents with the same key share one layout: a packet's second pass only fills in the contents' page numbers
   * (rows of the same height), so its 400 pages are not measured again.
   */
  readonly layoutKey?: string;
  /**
   * Only these sheets (counted over all copies) are put in the DOM: the printer prints a long document a part at a
   * time, so a 400-page packet is never laid out for print all at once.
   */
  readonly sheets?: { readonly from: number; readonly count: number };
}

const tableClass = (t: PrintTable) => (t.variant ? `pt ${t.variant}` : 'pt');

const Cols = ({ table }: { table: PrintTable }) => (
  <colgroup>
    {table.cols.map((w, i) => (
      <col key={i} style={{ width: w }} />
    ))}
  </colgroup>
);

function PageContent({ doc, indices }: { doc: PrintDocumentSpec; indices: readonly number[] }) {
  const out: ReactNode[] = [];
  let i = 0;
  while (i < indices.length) {
    const b = doc.blocks[indices[i]!]!;
    if (b.kind !== 'row') {
      out.push(
        b.kind === 'page' ? (
          <Fragment key={b.key}>{b.node}</Fragment>
        ) : (
          <div key={b.key} className="pb">
            {b.node}
          </div>
        ),
      );
      i++;
      continue;
    }
    const rows: PrintBlock[] = [];
    while (
      i < indices.length &&
      doc.blocks[indices[i]!]!.kind === 'row' &&
      doc.blocks[indices[i]!]!.table === b.table
    ) {
      rows.push(doc.blocks[indices[i]!]!);
      i++;
    }
    const table = doc.tables[b.table!]!;
    out.push(
      <table key={b.key} className={tableClass(table)}>
        <Cols table={table} />
        {table.header && <thead>{table.header}</thead>}
        <tbody>
          {rows.map((r) => (
            <Fragment key={r.key}>{r.node}</Fragment>
          ))}
        </tbody>
      </table>,
    );
  }
  return <>{out}</>;
}

/** Blocks measured per round: a packet's 15 000 blocks are never all in the DOM at once, so memory stays low. */
const MEASURE_BATCH = 400;

/**
 * The hidden copy of the blocks, measured a batch at a time, each block on its own (outside any scaled preview, at
 * true size); once the last batch is measured the blocks are laid into pages.
 */
function Measure({ doc, onMeasured }: { doc: PrintDocumentSpec; onMeasured: (layout: Layout) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [from, setFrom] = useState(0);
  const heights = useRef<number[]>([]);
  const headers = useRef(new Map<string, number>());
  useEffect(() => {
    let live = true;
    void document.fonts.ready.then(() => {
      const root = ref.current;
      if (!live || !root) return;
      const height = (sel: string) =>
        (root.querySelector(sel) as HTMLElement | null)?.getBoundingClientRect().height ?? 0;
      if (from === 0) {
        for (const [id, t] of Object.entries(doc.tables))
          if (t.header) headers.current.set(id, height(`[data-h="${CSS.escape(id)}"]`));
      }
      const end = Math.min(from + MEASURE_BATCH, doc.blocks.length);
      for (let i = from; i < end; i++)
        heights.current[i] = doc.blocks[i]!.kind === 'page' ? 0 : height(`[data-i="${i}"]`);
      if (end < doc.blocks.length) {
        // The batches measured so far are garbage: collected every few batches where gc() exists (PrintRoute.tsx).
        if ((end / MEASURE_BATCH) % 4 === 0) collectGarbage();
        return setFrom(end);
      }
      // A document of one batch made little garbage: a dossier is not held up by a collection.
      if (doc.blocks.length > MEASURE_BATCH) collectGarbage();
      const measured = doc.blocks.map((b, i) => ({
        kind: b.kind,
        height: heights.current[i]!,
        ...(b.table ? { table: b.table } : {}),
        ...(b.keepWithNext ? { keepWithNext: true } : {}),
        ...(b.keepWithPrevious ? { keepWithPrevious: true } : {}),
        ...(b.breakBefore ? { breakBefore: true } : {}),
      }));
      const pages = paginate(measured, headers.current, CONTENT_HEIGHT_PX);
      const slices = sliceStarts(pages, CONTENT_HEIGHT_PX);
      const anchors: Record<string, number> = {};
      pages.forEach((p, n) =>
        p.forEach((i) => {
          const a = doc.blocks[i]!.anchor;
          if (a && anchors[a] === undefined) anchors[a] = n + 1;
        }),
      );
      onMeasured({ pages, anchors, slices });
    });
    return () => {
      live = false;
    };
  }, [doc, from, onMeasured]);
  const batch = doc.blocks.slice(from, from + MEASURE_BATCH);
  return createPortal(
    <div ref={ref} className="print-doc print-measure" aria-hidden>
      {from === 0 &&
        Object.entries(doc.tables).map(([id, t]) =>
          t.header ? (
            <table key={id} className={tableClass(t)} data-h={id}>
              <Cols table={t} />
              <thead>{t.header}</thead>
            </table>
          ) : null,
        )}
      {batch.map((b, k) => {
        const i = from + k;
        return b.kind === 'page' ? null : b.kind === 'row' ? (
          <table key={b.key} className={tableClass(doc.tables[b.table!]!)} data-i={i}>
            <Cols table={doc.tables[b.table!]!} />
            <tbody>{b.node}</tbody>
          </table>
        ) : (
          <div key={b.key} className="pb" data-i={i}>
            {b.node}
          </div>
        );
      })}
    </div>,
    document.body,
  );
}

/** The nearest ancestor that scrolls (the preview's box), or null for the window. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement)
    if (/(auto|scroll)/.test(getComputedStyle(p).overflowY)) return p;
  return null;
}

/** Which of the preview's pages are on screen (with a margin): the others are drawn as empty sheets of the same size. */
function useVisibleSheets(
  root: RefObject<HTMLDivElement | null>,
  enabled: boolean,
  count: number,
): ReadonlySet<number> {
  const [visible, setVisible] = useState<ReadonlySet<number>>(() => new Set());
  useEffect(() => {
    const el = root.current;
    if (!enabled || !el) return;
    const shown = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const n = Number((e.target as HTMLElement).dataset['sheet']);
          if (e.isIntersecting) shown.add(n);
          else shown.delete(n);
        }
        setVisible(new Set(shown));
      },
      { root: scrollParent(el), rootMargin: '1500px 0px' },
    );
    el.querySelectorAll(':scope > .print-page').forEach((s) => observer.observe(s));
    return () => observer.disconnect();
  }, [root, enabled, count]);
  return visible;
}

export function Paginated({ doc, copies, printedBy, auditHead, onLaid, screen, layoutKey, sheets }: PaginatedProps) {
  const [laid, setLaid] = useState<{ doc: PrintDocumentSpec | string; layout: Layout } | null>(null);
  const layout = laid && laid.doc === (layoutKey ?? doc) ? laid.layout : null;
  const docRef = useRef<PrintDocumentSpec | string>(layoutKey ?? doc);
  docRef.current = layoutKey ?? doc;
  const onMeasured = useRef((l: Layout) => setLaid({ doc: docRef.current, layout: l })).current;
  // A new document is measured from its first block again.
  const measureKey = useRef({ doc, n: 0 });
  if (measureKey.current.doc !== doc && !layoutKey) measureKey.current = { doc, n: measureKey.current.n + 1 };
  // With a shared layout the effect below does not run again for a new document: tell the caller once it renders.
  const [shown, setShown] = useState(doc);
  useEffect(() => {
    if (layout && shown !== doc) {
      setShown(doc);
      laidRef.current?.(layout);
    }
  }, [doc, layout, shown]);
  const laidRef = useRef(onLaid);
  laidRef.current = onLaid;
  // Told only once the pages are in the DOM: the printer prints as soon as it hears.
  useEffect(() => {
    if (layout) laidRef.current?.(layout);
  }, [layout]);
  const root = useRef<HTMLDivElement>(null);
  const total = layout ? layout.pages.length * copies.length : 0;
  const visible = useVisibleSheets(root, !!screen && !!layout, total);
  const first = sheets?.from ?? 0;
  const last = sheets ? Math.min(total, sheets.from + sheets.count) : total;
  return (
    <div ref={root} className={`print-doc${screen ? ' print-screen' : ''}`}>
      {!layout && <Measure key={measureKey.current.n} doc={doc} onMeasured={onMeasured} />}
      {layout &&
        copies.flatMap((c, k) =>
          layout.pages.map((p, n) => {
            const sheet = k * layout.pages.length + n;
            if (sheet < first || sheet >= last) return null;
            const own = p.length === 1 ? doc.blocks[p[0]!] : undefined;
            if (own?.sheet) return <Fragment key={`${c.serial}-${n}`}>{own.node}</Fragment>;
            // Off-screen preview pages are blank sheets of the same size, so the scroll bar stays true.
            const blank = !!screen && !visible.has(sheet);
            return (
              <PrintPage
                key={`${c.serial}-${n}`}
                serial={c.serial}
                printedBy={printedBy}
                auditHead={auditHead}
                number={n + 1}
                sheet={sheet}
                blank={blank}
              >
                {layout.slices[n] === undefined ? (
                  <PageContent doc={doc} indices={p} />
                ) : (
                  // One slice of a block taller than a page: the page's window onto it.
                  <div className="pp-slice">
                    <div style={{ marginTop: -layout.slices[n] }}>
                      <PageContent doc={doc} indices={p} />
                    </div>
                  </div>
                )}
              </PrintPage>
            );
          }),
        )}
    </div>
  );
}
