// The dossier on screen after a save: the saved entry where `dossier.get` would list it, without reading it all again.
import { describe, expect, test } from 'vitest';
import type { Dossier, DossierEntry } from '../../../shared/dossier/types';
import { withSavedEntry } from '../../../renderer/pages/dossier/saved-entry';

const entry = (id: number, date: string, more: Partial<DossierEntry> = {}): DossierEntry => ({
  id,
  cadreId: 1,
  date,
  quarter: `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`,
  section: { code: 'S1', name: '政治忠诚', retired: false },
  subItem: { code: 'S1.1', name: '理论学习', retired: false },
  channel: { code: 'CH01', name: '组织部门', retired: false },
  title: `材料${id}`,
  content: '',
  polarity: 'neutral',
  listItem: null,
  standards: [],
  origin: 'manual',
  editable: true,
  sourceRecordIds: [],
  batchId: null,
  intakeSource: null,
  enteredBy: { id: 1, name: '管理员' },
  enteredAt: '2025-01-01T00:00:00.000Z',
  verifiedBy: null,
  verifiedAt: null,
  version: 1,
  updatedAt: '2025-01-01T00:00:00.000Z',
  attachments: [],
  ...more,
});

const dossier = (entries: DossierEntry[], total = entries.length): Dossier => ({
  cadre: { id: 1, name: '巴特尔', unitName: '阿尔巴斯苏木', currentPost: '党委书记', birthMonth: '1975.03' },
  entries,
  total,
});
const ids = (d: Dossier) => d.entries.map((e) => e.id);

describe('a saved entry in the dossier on screen', () => {
  const three = dossier([entry(1, '2025-01-10'), entry(2, '2025-03-01'), entry(3, '2025-06-30')]);

  test('a new entry is added in date order (then id) and counted', () => {
    const d = withSavedEntry(three, entry(4, '2025-03-01'), {}, true);
    expect(ids(d)).toEqual([1, 2, 4, 3]);
    expect(d.total).toBe(4);
    expect(ids(withSavedEntry(three, entry(5, '2026-01-01'), {}, true))).toEqual([1, 2, 3, 5]);
    expect(ids(withSavedEntry(three, entry(6, '2024-12-31'), {}, true))).toEqual([6, 1, 2, 3]);
  });

  test('an edited entry replaces its older version, moves with its new date, and is not counted again', () => {
    const edited = entry(1, '2025-05-05', { title: '改过的标题', version: 2 });
    const d = withSavedEntry(three, edited, {}, false);
    expect(ids(d)).toEqual([2, 1, 3]);
    expect(d.entries[1]!.title).toBe('改过的标题');
    expect(d.total).toBe(3);
  });

  test('the filters on screen decide whether it shows, as dossier.get would', () => {
    const negative = entry(7, '2025-02-02', { polarity: 'negative' });
    const d = withSavedEntry(three, negative, { polarity: 'neutral' }, true);
    expect(ids(d)).toEqual([1, 2, 3]);
    expect(d.total).toBe(4);
    // An edit that takes it out of the filtered view removes it from the list.
    expect(
      ids(withSavedEntry(three, entry(2, '2025-03-01', { quarter: '2025Q1' }), { quarter: '2025Q2' }, false)),
    ).toEqual([1, 3]);
    const withStandard = entry(8, '2025-04-01', {
      standards: [{ code: 'B01', name: '对党忠诚', retired: false, dimensionCode: 'D1' }],
    });
    expect(ids(withSavedEntry(three, withStandard, { standardCode: 'B01', sectionCode: 'S1' }, true))).toContain(8);
    expect(ids(withSavedEntry(three, withStandard, { standardCode: 'B02' }, true))).not.toContain(8);
  });
});
