// Units and categories for selects and filters, loaded once per page and reloadable after edits.
import { useCallback, useEffect, useState } from 'react';
import { App as AntApp } from 'antd';
import type { CatalogCategory } from '../../shared/catalog/types';
import type { Unit } from '../../shared/roster/types';
import { call, errorMessage } from './api';

export function useUnitsAndCategories() {
  const [units, setUnits] = useState<readonly Unit[]>([]);
  const [categories, setCategories] = useState<readonly CatalogCategory[]>([]);
  const [loading, setLoading] = useState(true);
  const { message } = AntApp.useApp();
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const [u, c] = await Promise.all([call('units.list', {}), call('catalog.get', {})]);
      setUnits(u);
      setCategories(c.categories);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [message]);
  useEffect(() => void reload(), [reload]);
  return { units, categories, loading, reload };
}
