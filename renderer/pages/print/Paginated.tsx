// Measures a document's blocks at the content width, lays them into A4 pages, and prints every page once per copy.
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { PrintCopy } from '../../../shared/print/types';
import type { PrintBlock, PrintDocumentSpec, PrintTable } from './blocks';
import { CONTENT_HEIGHT_PX } from './geometry';
import { paginate } from './paginate';
import { PrintPage } from './PrintPage';
import './print.css';

export interface Layout {
  readonly pages: number[][];
  /** Page number (1-based, within a copy) where each anchored block lands. */
  readonly anchors: Readonly<Record<string, number>>;
}

export interface PaginatedProps {
  readonly doc: PrintDocumentSpec;
  readonly copies: readonly PrintCopy[];
  readonly printedBy: string;
  /** Called once the pages are laid out (the print window waits for it). */
  readonly onLaid?: (layout: Layout) => void;
  /** Screen preview: shadows between pages. */
  readonly screen?: boolean;
  /**
   * Documents with the same key share one layout: a packet's second pass only fills in the contents' page numbers
   * (rows of the same height), so its 400 pages are not measured again.
   */
  readonly layoutKey?: string;
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
      out.push(b.kind === 'page' ? <Fragment key={b.key}>{b.node}</Fragment> : <div key={b.key} className="pb">{b.node}</div>);
      i++;
      continue;
    }
    const rows: PrintBlock[] = [];
    while (i < indices.length && doc.blocks[indices[i]!]!.kind === 'row' && doc.blocks[indices[i]!]!.table === b.table) {
      rows.push(doc.blocks[indices[i]!]!);
      i++;
    }
    const table = doc.tables[b.table!]!;
    out.push(
      <table key={b.key} className={tableClass(table)}>
        <Cols table={table} />
        {table.header && <thead>{table.header}</thead>}
        <tbody>{rows.map((r) => <Fragment key={r.key}>{r.node}</Fragment>)}</tbody>
      </table>,
    );
  }
  return <>{out}</>;
}

/** The hidden copy of every block, each measured on its own (outside any scaled preview, at true size). */
function Measure({ doc, onMeasured }: { doc: PrintDocumentSpec; onMeasured: (layout: Layout) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    void document.fonts.ready.then(() => {
      const root = ref.current;
      if (!live || !root) return;
      const height = (sel: string) => (root.querySelector(sel) as HTMLElement | null)?.getBoundingClientRect().height ?? 0;
      const headers = new Map<string, number>();
      for (const [id, t] of Object.entries(doc.tables)) if (t.header) headers.set(id, height(`[data-h="${CSS.escape(id)}"]`));
      const measured = doc.blocks.map((b, i) => ({
        kind: b.kind,
        height: b.kind === 'page' ? 0 : height(`[data-i="${i}"]`),
        ...(b.table ? { table: b.table } : {}),
        ...(b.keepWithNext ? { keepWithNext: true } : {}),
        ...(b.breakBefore ? { breakBefore: true } : {}),
      }));
      const pages = paginate(measured, headers, CONTENT_HEIGHT_PX);
      const anchors: Record<string, number> = {};
      pages.forEach((p, n) =>
        p.forEach((i) => {
          const a = doc.blocks[i]!.anchor;
          if (a && anchors[a] === undefined) anchors[a] = n + 1;
        }),
      );
      onMeasured({ pages, anchors });
    });
    return () => {
      live = false;
    };
  }, [doc, onMeasured]);
  return createPortal(
    <div ref={ref} className="print-doc print-measure" aria-hidden>
      {Object.entries(doc.tables).map(([id, t]) =>
        t.header ? (
          <table key={id} className={tableClass(t)} data-h={id}>
            <Cols table={t} />
            <thead>{t.header}</thead>
          </table>
        ) : null,
      )}
      {doc.blocks.map((b, i) =>
        b.kind === 'page' ? null : b.kind === 'row' ? (
          <table key={b.key} className={tableClass(doc.tables[b.table!]!)} data-i={i}>
            <Cols table={doc.tables[b.table!]!} />
            <tbody>{b.node}</tbody>
          </table>
        ) : (
          <div key={b.key} className="pb" data-i={i}>
            {b.node}
          </div>
        ),
      )}
    </div>,
    document.body,
  );
}

export function Paginated({ doc, copies, printedBy, onLaid, screen, layoutKey }: PaginatedProps) {
  const [laid, setLaid] = useState<{ doc: PrintDocumentSpec | string; layout: Layout } | null>(null);
  const layout = laid && laid.doc === (layoutKey ?? doc) ? laid.layout : null;
  const docRef = useRef<PrintDocumentSpec | string>(layoutKey ?? doc);
  docRef.current = layoutKey ?? doc;
  const onMeasured = useRef((l: Layout) => setLaid({ doc: docRef.current, layout: l })).current;
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
  return (
    <div className={`print-doc${screen ? ' print-screen' : ''}`}>
      {!layout && <Measure doc={doc} onMeasured={onMeasured} />}
      {layout &&
        copies.map((c) =>
          layout.pages.map((p, n) => (
            <PrintPage key={`${c.serial}-${n}`} serial={c.serial} printedBy={printedBy} number={n + 1}>
              <PageContent doc={doc} indices={p} />
            </PrintPage>
          )),
        )}
    </div>
  );
}
