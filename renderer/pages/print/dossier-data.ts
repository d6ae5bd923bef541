// Everything a cadre's printed dossier shows, read through the existing calls (profile, dossier, portrait, catalog).
import type { CatalogSection } from '../../../shared/catalog/types';
import type { Dossier } from '../../../shared/dossier/types';
import type { PortraitView } from '../../../shared/portrait/view';
import type { CadreProfile } from '../../../shared/roster/views';
import { call } from '../../lib/api';

export interface DossierPrintData {
  readonly profile: CadreProfile;
  readonly dossier: Dossier;
  readonly portrait: PortraitView;
  readonly sections: readonly Pick<CatalogSection, 'code' | 'name'>[];
  /** 发文机关 from 系统设置 ('' while unset). */
  readonly organ: string;
}

/** The issuing organ the documents print (a packet reads it once for all its dossiers). */
export const loadIssuingOrgan = async (): Promise<string> => (await call('settings.get', {})).issuingOrgan;

export async function loadDossierPrintData(cadreId: number, organ?: string): Promise<DossierPrintData> {
  const [profile, dossier, portrait, catalog, issuing] = await Promise.all([
    call('cadres.get', { id: cadreId }),
    call('dossier.get', { cadreId }),
    call('portrait.get', { cadreId }),
    call('catalog.get', {}),
    organ ?? loadIssuingOrgan(),
  ]);
  return { profile, dossier, portrait, sections: catalog.sections, organ: issuing };
}
