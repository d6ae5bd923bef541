// The page the print window loads (#/print/<jobId>): the job's document laid out for every copy, then a flag on
// <html> tells the printer (Electron's printToPDF, or page.pdf in tests) that the pages are final.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HandoverJobView, RenmianJobView, SlipsJobView } from '../../../shared/print/types';
import { formatPrintProgress, SHEETS_PER_PART } from '../../../shared/print/progress';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useCall';
import { CodeSlips } from './CodeSlips';
import { HandoverDocument } from './HandoverDocument';
import { RenmianDocument } from './RenmianDocument';
import { Paginated, type Layout } from './Paginated';
import { collectGarbage } from './memory';
import { afterPaint } from './frame';
import { documentOf, itemsOf, loadJobData } from './print-job';

export const READY_ATTRIBUTE = 'printReady';

const flag = (value: string) => {
  document.documentElement.dataset[READY_ATTRIBUTE] = value;
};

// The printer forwards this to the job's progress (shared/print/progress.ts), so the window can show it.
const report = (done: number, items: number) => {
  document.documentElement.dataset['printProgress'] = formatPrintProgress(done, items);
};

/** The first sheet the printer asks for (data-print-from, set by shared/print/progress.ts's printView). */
function usePrintFrom(): number {
  const [from, setFrom] = useState(0);
  useEffect(() => {
    const html = document.documentElement;
    const observer = new MutationObserver(() => setFrom(Number(html.dataset['printFrom'] ?? 0) || 0));
    observer.observe(html, { attributes: true, attributeFilter: ['data-print-from'] });
    return () => observer.disconnect();
  }, []);
  return from;
}

// Slips are laid out by CSS alone (ten to a sheet): they are final once painted.
function SlipsRoute({ job }: { job: SlipsJobView }) {
  useEffect(() => {
    afterPaint(() => flag('true'));
  }, [job]);
  return <CodeSlips slips={job.slips} />;
}

// The 交接单 is one page laid out by CSS alone: final once the fonts are loaded and it is painted.
function HandoverRoute({ job }: { job: HandoverJobView }) {
  useEffect(() => {
    void document.fonts.ready.then(() => afterPaint(() => flag('true')));
  }, [job]);
  return <HandoverDocument job={job} />;
}

// The 任免审批表 is laid out by shared/renmian/sheets.ts before it is drawn: final once the photos are decoded and
// the fonts loaded, then painted.
function RenmianRoute({ job }: { job: RenmianJobView }) {
  useEffect(() => {
    const images = [...document.querySelectorAll<HTMLImageElement>('img.rm-photo')];
    void Promise.all([document.fonts.ready, ...images.map((img) => img.decode().catch(() => undefined))]).then(() =>
      afterPaint(() => flag('true')),
    );
  }, [job]);
  return <RenmianDocument persons={job.persons} />;
}

export function PrintRoute({ jobId }: { jobId: string }) {
  // A packet's contents get their page numbers from a first layout; the second one is printed.
  const [tocPages, setTocPages] = useState<Readonly<Record<string, number>> | null>(null);
  const itemsRef = useRef(1);
  useEffect(() => {
    document.title = '打印';
    document.body.style.background = '#fff';
  }, []);
  const { data: loaded, error } = useLoad(
    jobId,
    async () => {
      const job = await call('print.job', { jobId });
      // Chromium writes the page's title as the PDF's: a reader's title bar shows the document's name.
      document.title = job.title;
      const items = itemsOf(job);
      if (items !== null) {
        itemsRef.current = items;
        report(0, items);
      }
      return loadJobData(job, (done) => report(done, items ?? 1));
    },
    { onError: () => flag('error') },
  );
  const paged = useMemo(() => (loaded ? documentOf(loaded, tocPages) : null), [loaded, tocPages]);
  const numbered = useRef(false);
  const job = paged?.job;
  const doc = paged?.doc;
  const copies = job?.copies.length ?? 1;
  const onLaid = useCallback(
    (layout: Layout) => {
      report(itemsRef.current + 1, itemsRef.current);
      if (loaded?.kind === 'packet' && !numbered.current) {
        numbered.current = true;
        setTocPages(layout.anchors);
        return;
      }
      afterPaint(() => {
        const sheets = layout.pages.length * copies;
        // Only a print made in parts gains from starting clean; a short one is printed at once.
        if (sheets > SHEETS_PER_PART) collectGarbage();
        const data = document.documentElement.dataset;
        data['printSheets'] = String(sheets);
        data['printShown'] = '0';
        flag('true');
      });
    },
    [loaded, copies],
  );
  // The printer prints a part, then asks for the next: it is shown once painted.
  const from = usePrintFrom();
  useEffect(() => {
    if (from === 0) return;
    afterPaint(() => {
      collectGarbage();
      document.documentElement.dataset['printShown'] = String(from);
    });
  }, [from]);
  if (error) return <div style={{ padding: 40 }}>无法生成打印文件：{error}</div>;
  if (loaded?.kind === 'slips') return <SlipsRoute job={loaded.job} />;
  if (loaded?.kind === 'renmian') return <RenmianRoute job={loaded.job} />;
  if (loaded?.kind === 'handover') return <HandoverRoute job={loaded.job} />;
  if (!job || !doc) return null;
  return (
    <Paginated
      doc={doc}
      copies={job.copies}
      printedBy={job.printedBy}
      auditHead={job.auditHead}
      onLaid={onLaid}
      layoutKey={jobId}
      sheets={{ from, count: SHEETS_PER_PART }}
    />
  );
}
