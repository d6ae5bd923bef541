// Everything a cadre's printed dossier shows, read through the existing calls (profile, dossier, portrait, catalog).
import type { CatalogSection } from '../../../shared/catalog/types';
import type { Dossier } from '../../../shared/dossier/types';
import type { PortraitView } from '../../../shared/portrait/view';
import type { CadreProfile } from '../../../shared/roster/views';
import { call } from '../../lib/api';
import { loadPendingResults, type PendingResult } from './pending-results';

export interface DossierPrintData {
  readonly profile: CadreProfile;
  readonly dossier: Dossier;
  readonly portrait: PortraitView;
  readonly sections: readonly Pick<CatalogSection, 'code' | 'name'>[];
  /** 发文机关 from 系统设置 ('' while unset). */
  readonly organ: string;
  /** Results of summarised assessments not yet archived (考核情况, marked 未归档). */
  readonly pending: readonly PendingResult[];
}

/** What a packet reads once and hands every dossier. */
export interface SharedPrintData {
  readonly organ: string;
  readonly pending: ReadonlyMap<number, readonly PendingResult[]>;
}

export const loadSharedPrintData = async (): Promise<SharedPrintData> => {
  const [organ, pending] = await Promise.all([loadIssuingOrgan(), loadPendingResults()]);
  return { organ, pending };
};

/** The issuing organ the documents print (a packet reads it once for all its dossiers). */
export const loadIssuingOrgan = async (): Promise<string> => (await call('settings.get', {})).issuingOrgan;

export async function loadDossierPrintData(cadreId: number, shared?: SharedPrintData): Promise<DossierPrintData> {
  const [profile, dossier, portrait, catalog, common] = await Promise.all([
    call('cadres.get', { id: cadreId }),
    call('dossier.get', { cadreId }),
    call('portrait.get', { cadreId }),
    call('catalog.get', {}),
    shared ?? loadSharedPrintData(),
  ]);
  return {
    profile,
    dossier,
    portrait,
    sections: catalog.sections,
    organ: common.organ,
    pending: common.pending.get(cadreId) ?? [],
  };
}
