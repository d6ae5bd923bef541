// Everything a 审议材料 packet prints: the chosen assessments' ranking tables and the chosen cadres' dossiers, read
// through the same calls the single documents use. The preview and the print view both load it.
import type { RankingsView } from '../../../shared/assessment';
import type { LrmxPerson } from '../../../shared/roster/lrmx-types';
import { call } from '../../lib/api';
import { loadDossierPrintData, loadSharedPrintData, type DossierPrintData } from './dossier-data';
import { loadReviewPrintData, type ReviewPrintPart } from './review-data';

export interface PacketRanking {
  readonly assessmentId: number;
  readonly name: string;
  readonly view: RankingsView;
}

export interface PacketPrintData {
  readonly rankings: readonly PacketRanking[];
  readonly dossiers: readonly DossierPrintData[];
  /** 发文机关 from 系统设置 ('' while unset). */
  readonly organ: string;
  /** Per cadre (by id), the 政治素质审查意见 printed before the dossier, when the packet includes them. */
  readonly reviews?: ReadonlyMap<number, ReviewPrintPart>;
  /** Per cadre (by id), the 干部任免审批表 printed first, when the packet includes them. */
  readonly renmian?: ReadonlyMap<number, LrmxPerson>;
}

/** The 审查意见 a packet adds: 近三年 up to the packet's date. */
export interface PacketReviewOptions {
  readonly reviews: boolean;
  readonly asOf: string;
  readonly renmian?: boolean;
}

/** A few cadres at a time: a 50-cadre packet must not send 200 reads at once. `onLoaded` counts what has arrived. */
export async function loadPacketPrintData(
  cadreIds: readonly number[],
  assessmentIds: readonly number[],
  onLoaded?: (done: number, total: number) => void,
  options?: PacketReviewOptions,
): Promise<PacketPrintData> {
  const total = cadreIds.length + assessmentIds.length;
  const shared = await loadSharedPrintData();
  const { organ } = shared;
  const rankings: PacketRanking[] = [];
  for (const assessmentId of assessmentIds) {
    const [view, detail] = await Promise.all([
      call('rankings.get', { assessmentId }),
      call('assessments.get', { id: assessmentId }),
    ]);
    rankings.push({ assessmentId, name: detail.name, view });
    onLoaded?.(rankings.length, total);
  }
  const dossiers: DossierPrintData[] = [];
  for (let i = 0; i < cadreIds.length; i += 5) {
    dossiers.push(...(await Promise.all(cadreIds.slice(i, i + 5).map((id) => loadDossierPrintData(id, shared)))));
    onLoaded?.(rankings.length + dossiers.length, total);
  }
  // Each 审查意见 as it was signed (its conclusion's 统计期); unsigned ones 近三年 to the packet's date.
  const parts = options?.reviews ? await loadReviewPrintData(cadreIds, 'threeYears', options.asOf, true) : null;
  // The same forms print.renderRenmian prints, each cadre's latest 任免事项 on it.
  const forms = options?.renmian ? await call('appointments.forms', { cadreIds: [...cadreIds] }) : null;
  return {
    rankings,
    dossiers,
    organ,
    ...(parts ? { reviews: new Map(parts.map((p) => [p.draft.cadre.id, p])) } : {}),
    ...(forms ? { renmian: new Map(forms.map((p, i): [number, LrmxPerson] => [cadreIds[i] ?? 0, p])) } : {}),
  };
}
