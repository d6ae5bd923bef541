// The portrait's view of the catalog from a real store: retired list items stay and still count; edits are used.
import { describe, expect, test } from 'vitest';
import { readPortraitCatalog } from '../../../db/portrait/catalog';
import { computePortrait, DEFAULT_PORTRAIT_CONFIG } from '../../../shared/portrait';
import { newRosterHost } from '../../helpers/roster';

describe('portrait catalog', () => {
  test('a retired list item is still known to the model and its evidence still counts; changed points are used', async () => {
    const h = await newRosterHost();
    await h.ok('catalog.setRetired', { kind: 'listItem', code: 'P1', retired: true });
    await h.ok('catalog.saveListItem', {
      code: 'N4',
      polarity: 'negative',
      name: '受到提醒、函询、诫勉',
      points: -10,
      dimensions: ['D5'],
      veto: false,
    });
    await h.ok('catalog.setRetired', { kind: 'standard', code: 'D2.2', retired: true });
    const catalog = await readPortraitCatalog(h.host.session().db);
    expect(catalog.listItems.find((i) => i.code === 'P1')).toMatchObject({
      retired: true,
      points: 5,
      dimensions: ['D3', 'D1'],
    });
    expect(catalog.dimensions.find((d) => d.code === 'D2')?.standards?.map((s) => s.code)).toEqual([
      'D2.1',
      'D2.2',
      'D2.3',
    ]);
    const r = computePortrait({
      catalog,
      config: DEFAULT_PORTRAIT_CONFIG,
      asOf: '2025-06-30',
      evidence: [
        { id: 1, date: '2025-01-01', listItemCode: 'P1', standards: [], polarity: 'positive' },
        { id: 2, date: '2025-02-01', listItemCode: 'N4', standards: ['D2.2'], polarity: 'negative' },
      ],
    });
    expect(r.dimensions.map((d) => d.index)).toEqual([85, 80, 85, 80, 70]);
    expect(r.dimensions.find((d) => d.code === 'D2')?.relatedEntryIds).toEqual([2]);
  });
});
