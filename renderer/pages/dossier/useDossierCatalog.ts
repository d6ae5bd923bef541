// The active catalog (sections, channels, standards by dimension, list items) for the dossier's forms and filters.
import { App as AntApp } from 'antd';
import type { Catalogs } from '../../../shared/catalog/types';
import { useCall } from '../../lib/useCall';

export function useDossierCatalog(): Catalogs | null {
  const { message } = AntApp.useApp();
  return useCall('catalog.get', {}, { onError: (t) => message.error(t) }).data ?? null;
}

/** Options of a grouped standards select: one group per dimension. */
export const standardOptions = (c: Catalogs) =>
  c.dimensions.map((d) => ({
    label: `${d.code} ${d.name}`,
    title: d.name,
    options: d.standards.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` })),
  }));

/** Options of a grouped sub-item select: one group per section. */
export const subItemOptions = (c: Catalogs) =>
  c.sections.map((s) => ({
    label: `${s.code} ${s.name}`,
    title: s.name,
    options: s.subItems.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` })),
  }));
