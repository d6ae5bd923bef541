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
}

export async function loadDossierPrintData(cadreId: number): Promise<DossierPrintData> {
  const [profile, dossier, portrait, catalog] = await Promise.all([
    call('cadres.get', { id: cadreId }),
    call('dossier.get', { cadreId }),
    call('portrait.get', { cadreId }),
    call('catalog.get', {}),
  ]);
  return { profile, dossier, portrait, sections: catalog.sections };
}
