// The page the print window loads (#/print/<jobId>): the job's document laid out for every copy, then a flag on
// <html> tells the printer (Electron's printToPDF, or page.pdf in tests) that the pages are final.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RankingsView } from '../../../shared/assessment';
import type {
  DossierJobView,
  HandoverJobView,
  PacketJobView,
  PanelJobView,
  RankingsJobView,
  RenmianJobView,
  ReviewJobView,
  SlipsJobView,
} from '../../../shared/print/types';
import { RenmianDocument } from './RenmianDocument';
import { groupsOf } from '../../../shared/assessment/groups';
import type { PrintDocumentSpec } from './blocks';
import { panelDocument } from './PanelDocument';
import { formatPrintProgress, SHEETS_PER_PART } from '../../../shared/print/progress';
import { call, errorMessage } from '../../lib/api';
import { CodeSlips } from './CodeSlips';
import { HandoverDocument } from './HandoverDocument';
import { loadDossierPrintData, loadIssuingOrgan } from './dossier-data';
import { loadPacketPrintData, type PacketPrintData } from './packet-data';
import { dossierDocument } from './DossierDocument';
import { Paginated, type Layout } from './Paginated';
import { collectGarbage } from './memory';
import { afterPaint } from './frame';
import { packetDocument } from './PacketDocument';
import { rankingsDocument } from './RankingsDocument';
import { loadReviewPrintData, type ReviewPrintPart } from './review-data';
import { reviewsDocument } from './ReviewDocument';

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
  const [slips, setSlips] = useState<SlipsJobView | null>(null);
  const [renmian, setRenmian] = useState<RenmianJobView | null>(null);
  const [handover, setHandover] = useState<HandoverJobView | null>(null);
  const [state, setState] = useState<{ job: DossierJobView | PacketJobView; data: PacketPrintData } | null>(null);
  const [panel, setPanel] = useState<{ job: PanelJobView; doc: PrintDocumentSpec } | null>(null);
  const [review, setReview] = useState<{ job: ReviewJobView; parts: ReviewPrintPart[] } | null>(null);
  const [ranking, setRanking] = useState<{
    job: RankingsJobView;
    view: RankingsView;
    name: string;
    organ: string;
  } | null>(null);
  // A packet's contents get their page numbers from a first layout; the second one is printed.
  const [tocPages, setTocPages] = useState<Readonly<Record<string, number>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const itemsRef = useRef(1);
  useEffect(() => {
    document.title = '打印';
    document.body.style.background = '#fff';
    call('print.job', { jobId })
      .then(async (job) => {
        // Chromium writes the page's title as the PDF's: a reader's title bar shows the document's name.
        document.title = job.title;
        if (job.kind === 'slips') return setSlips(job);
        if (job.kind === 'renmian') return setRenmian(job);
        if (job.kind === 'review') {
          itemsRef.current = job.cadreIds.length;
          report(0, job.cadreIds.length);
          return setReview({ job, parts: await loadReviewPrintData(job.cadreIds, job.period, job.asOf) });
        }
        if (job.kind === 'handover') return setHandover(job);
        const items = job.kind === 'packet' ? job.cadreIds.length + job.assessmentIds.length : 1;
        itemsRef.current = items;
        report(0, items);
        if (job.kind === 'panel') {
          const detail = await call('assessments.get', { id: job.assessmentId });
          const group = groupsOf(detail.members).find((g) => g.ref === job.group);
          if (!group) throw new Error('该考核没有这个测评分组');
          return setPanel({ job, doc: panelDocument(detail, job.ballot, group) });
        }
        if (job.kind === 'rankings') {
          const [view, detail, organ] = await Promise.all([
            call('rankings.get', { assessmentId: job.assessmentId }),
            call('assessments.get', { id: job.assessmentId }),
            loadIssuingOrgan(),
          ]);
          return setRanking({ job, view, name: detail.name, organ });
        }
        const data =
          job.kind === 'dossier'
            ? await loadDossierPrintData(job.cadreId).then((d) => ({ rankings: [], dossiers: [d], organ: d.organ }))
            : await loadPacketPrintData(job.cadreIds, job.assessmentIds, (done) => report(done, items), {
                reviews: job.reviews === true,
                renmian: job.renmian === true,
                asOf: job.date,
              });
        setState({ job, data });
      })
      .catch((e: unknown) => {
        setError(errorMessage(e));
        flag('error');
      });
  }, [jobId]);
  const doc = useMemo(() => {
    if (panel) return panel.doc;
    if (review) return reviewsDocument(review.parts);
    if (ranking)
      return rankingsDocument(ranking.view, ranking.name, 'r', undefined, ranking.organ, ranking.job.comments);
    if (!state) return null;
    const { job, data } = state;
    return job.kind === 'dossier'
      ? dossierDocument(data.dossiers[0]!, job.date)
      : packetDocument(job.title, job.date, data, tocPages, job.comments);
  }, [state, ranking, panel, review, tocPages]);
  const numbered = useRef(false);
  const job = panel?.job ?? ranking?.job ?? review?.job ?? state?.job;
  const copies = job?.copies.length ?? 1;
  const onLaid = useCallback(
    (layout: Layout) => {
      report(itemsRef.current + 1, itemsRef.current);
      if (state?.job.kind === 'packet' && !numbered.current) {
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
    [state, copies],
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
  if (slips) return <SlipsRoute job={slips} />;
  if (renmian) return <RenmianRoute job={renmian} />;
  if (handover) return <HandoverRoute job={handover} />;
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
