// What the print window reads for a job: the job itself and, for a paginated document, the data its pages are drawn
// from; and that document, once its contents' page numbers are known.
import type { RankingsView } from '../../../shared/assessment';
import { groupsOf } from '../../../shared/assessment/groups';
import type {
  DossierJobView,
  HandoverJobView,
  PacketJobView,
  PanelJobView,
  PrintJobView,
  RankingsJobView,
  RenmianJobView,
  ReviewJobView,
  SlipsJobView,
} from '../../../shared/print/types';
import { call } from '../../lib/api';
import type { PrintDocumentSpec } from './blocks';
import { loadDossierPrintData, loadIssuingOrgan, type DossierPrintData } from './dossier-data';
import { dossierDocument } from './DossierDocument';
import { packetDocument } from './PacketDocument';
import { loadPacketPrintData, type PacketPrintData } from './packet-data';
import { panelDocument } from './PanelDocument';
import { rankingsDocument } from './RankingsDocument';
import { reviewsDocument } from './ReviewDocument';
import { loadReviewPrintData, type ReviewPrintPart } from './review-data';

export type PrintJobData =
  // Laid out by CSS alone: nothing more to read.
  | { readonly kind: 'slips'; readonly job: SlipsJobView }
  | { readonly kind: 'renmian'; readonly job: RenmianJobView }
  | { readonly kind: 'handover'; readonly job: HandoverJobView }
  // Paginated.
  | { readonly kind: 'panel'; readonly job: PanelJobView; readonly doc: PrintDocumentSpec }
  | { readonly kind: 'review'; readonly job: ReviewJobView; readonly parts: ReviewPrintPart[] }
  | {
      readonly kind: 'rankings';
      readonly job: RankingsJobView;
      readonly view: RankingsView;
      readonly name: string;
      readonly organ: string;
    }
  | { readonly kind: 'dossier'; readonly job: DossierJobView; readonly dossier: DossierPrintData }
  | { readonly kind: 'packet'; readonly job: PacketJobView; readonly data: PacketPrintData };

/** How many items a paginated job reads (cadres and ranking tables), for its progress; null: not paginated. */
export function itemsOf(job: PrintJobView): number | null {
  if (job.kind === 'slips' || job.kind === 'renmian' || job.kind === 'handover') return null;
  if (job.kind === 'review') return job.cadreIds.length;
  return job.kind === 'packet' ? job.cadreIds.length + job.assessmentIds.length : 1;
}

/** Reads what `job` prints; `progress` is told each item read of a packet. */
export async function loadJobData(job: PrintJobView, progress: (done: number) => void): Promise<PrintJobData> {
  switch (job.kind) {
    case 'slips':
      return { kind: 'slips', job };
    case 'renmian':
      return { kind: 'renmian', job };
    case 'handover':
      return { kind: 'handover', job };
    case 'review':
      return { kind: 'review', job, parts: await loadReviewPrintData(job.cadreIds, job.period, job.asOf) };
    case 'panel': {
      const detail = await call('assessments.get', { id: job.assessmentId });
      const group = groupsOf(detail.members).find((g) => g.ref === job.group);
      if (!group) throw new Error('该考核没有这个测评分组');
      return { kind: 'panel', job, doc: panelDocument(detail, job.ballot, group) };
    }
    case 'rankings': {
      const [view, detail, organ] = await Promise.all([
        call('rankings.get', { assessmentId: job.assessmentId }),
        call('assessments.get', { id: job.assessmentId }),
        loadIssuingOrgan(),
      ]);
      return { kind: 'rankings', job, view, name: detail.name, organ };
    }
    case 'dossier':
      return { kind: 'dossier', job, dossier: await loadDossierPrintData(job.cadreId) };
    case 'packet': {
      const data = await loadPacketPrintData(job.cadreIds, job.assessmentIds, progress, {
        reviews: job.reviews === true,
        renmian: job.renmian === true,
        asOf: job.date,
      });
      return { kind: 'packet', job, data };
    }
  }
}

/** The paginated document of `d` (null: laid out by CSS); a packet's contents get `tocPages` once known. */
export function documentOf(
  d: PrintJobData,
  tocPages: Readonly<Record<string, number>> | null,
): {
  job: PanelJobView | ReviewJobView | RankingsJobView | DossierJobView | PacketJobView;
  doc: PrintDocumentSpec;
} | null {
  switch (d.kind) {
    case 'slips':
    case 'renmian':
    case 'handover':
      return null;
    case 'panel':
      return { job: d.job, doc: d.doc };
    case 'review':
      return { job: d.job, doc: reviewsDocument(d.parts) };
    case 'rankings':
      return { job: d.job, doc: rankingsDocument(d.view, d.name, 'r', undefined, d.organ, d.job.comments) };
    case 'dossier':
      return { job: d.job, doc: dossierDocument(d.dossier, d.job.date) };
    case 'packet':
      return { job: d.job, doc: packetDocument(d.job.title, d.job.date, d.data, tocPages, d.job.comments) };
  }
}
