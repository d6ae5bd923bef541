// The one catalog reader: every view (in use, administration, portrait, dossier checks) is taken from its rows, so
// they agree on order and retirement; a corrupt JSON column is a clear error naming the column, not a wrong shape.
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { readCatalogAdmin } from '../../../db/catalog/admin-read';
import { kindRows } from '../../../db/catalog/admin-rows';
import { readCatalogs } from '../../../db/catalog/read';
import { readCatalogRows } from '../../../db/catalog/rows';
import { readDossierCatalog } from '../../../db/dossier/catalog';
import { readPortraitCatalog } from '../../../db/portrait/catalog';
import { DEFAULT_CATALOGS } from '../../../shared/catalog/defaults';
import { newRosterHost } from '../../helpers/roster';

describe('readCatalogRows', () => {
  test('gives every row in the configured order, retired ones flagged, and the views agree with it', async () => {
    const h = await newRosterHost();
    await h.ok('catalog.setRetired', { kind: 'subItem', code: 'S1.2', retired: true });
    await h.ok('catalog.setRetired', { kind: 'listItem', code: 'P1', retired: true });
    await h.ok('catalog.move', { kind: 'channel', code: DEFAULT_CATALOGS.channels[1]!.code, direction: 'up' });
    const db = h.host.session().db;
    const rows = await readCatalogRows(db);

    expect(rows.sections.map((s) => s.code)).toEqual(DEFAULT_CATALOGS.sections.map((s) => s.code));
    expect(rows.subItems.find((r) => r.code === 'S1.2')).toMatchObject({ retired: true, sectionCode: 'S1' });
    expect(rows.listItems.find((r) => r.code === 'P1')).toMatchObject({ retired: true, dimensions: ['D3', 'D1'] });
    const channelOrder = rows.channels.map((c) => c.code);
    expect(channelOrder.slice(0, 2)).toEqual([DEFAULT_CATALOGS.channels[1]!.code, DEFAULT_CATALOGS.channels[0]!.code]);

    // In use: retired rows left out, order kept.
    const inUse = await readCatalogs(db);
    expect(inUse.sections[0]!.subItems.map((i) => i.code)).not.toContain('S1.2');
    expect(inUse.listItems.map((i) => i.code)).not.toContain('P1');
    expect(inUse.channels.map((c) => c.code)).toEqual(channelOrder);
    // Administration, portrait and dossier checks: retired rows kept and flagged.
    const admin = await readCatalogAdmin(db);
    expect(admin.sections[0]!.items.find((i) => i.code === 'S1.2')?.retired).toBe(true);
    expect(admin.channels.map((c) => c.code)).toEqual(channelOrder);
    expect((await kindRows(db, 'channel')).map((c) => c.code)).toEqual(channelOrder);
    expect((await readPortraitCatalog(db)).listItems.find((i) => i.code === 'P1')?.retired).toBe(true);
    expect((await readDossierCatalog(db)).subItems.get('S1.2')).toEqual({
      name: DEFAULT_CATALOGS.sections[0]!.subItems[1]!.name,
      retired: true,
      sectionCode: 'S1',
    });
  });

  test('a list item whose dimensions column is corrupt is refused with the column named', async () => {
    const h = await newRosterHost();
    const db = h.host.session().db;
    await sql`UPDATE catalog_list_items SET dimensions = '{"D1"' WHERE code = 'P1'`.execute(db);
    await expect(readCatalogRows(db)).rejects.toThrow(/catalog_list_items\.dimensions.*不是有效的 JSON/);
    await sql`UPDATE catalog_list_items SET dimensions = '[1]' WHERE code = 'P1'`.execute(db);
    await expect(readCatalogRows(db)).rejects.toThrow(/已损坏（catalog_list_items\.dimensions）/);
  });
});
