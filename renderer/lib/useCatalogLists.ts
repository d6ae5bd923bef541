// Units and categories for selects and filters, loaded once per page and reloadable after edits.
import { useCallback } from 'react';
import { App as AntApp } from 'antd';
import type { CatalogCategory } from '../../shared/catalog/types';
import type { Unit } from '../../shared/roster/types';
import { useCall } from './useCall';

const NO_UNITS: readonly Unit[] = [];
const NO_CATEGORIES: readonly CatalogCategory[] = [];

export function useUnitsAndCategories() {
  const { message } = AntApp.useApp();
  const onError = (t: string) => message.error(t);
  const units = useCall('units.list', {}, { onError });
  const catalog = useCall('catalog.get', {}, { onError });
  const { reload: reloadUnits } = units;
  const { reload: reloadCatalog } = catalog;
  const reload = useCallback(async () => {
    await Promise.all([reloadUnits(), reloadCatalog()]);
  }, [reloadUnits, reloadCatalog]);
  return {
    units: units.data ?? NO_UNITS,
    categories: catalog.data?.categories ?? NO_CATEGORIES,
    loading: units.loading || catalog.loading,
    reload,
  };
}
