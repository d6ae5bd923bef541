// catalog.renameGroup: the fixed sections (S1–S6) and dimensions (D1–D5) renamed by an administrator, audited,
// shown wherever the dossier and portrait name them; empty, duplicate and unknown refused with the store unchanged.
import { describe, expect, test } from 'vitest';
import type { TestHost } from '../../helpers/host';
import { newHostWithStore } from '../../helpers/host';
import { addEntry, dossierCadre } from '../../helpers/dossier';
import { auditEntries, lastAudit, loginAdmin, loginAs } from '../../helpers/roster';

async function groupState(h: TestHost) {
  const db = h.host.session().db;
  const [sections, dimensions] = await Promise.all([
    db.selectFrom('catalog_sections').selectAll().orderBy('code').execute(),
    db.selectFrom('catalog_dimensions').selectAll().orderBy('code').execute(),
  ]);
  return { sections, dimensions, audit: (await auditEntries(h)).length };
}

describe('renaming sections and dimensions', () => {
  test('a section renamed shows in the catalog, the admin view, the dossier and its search; audited with old and new name', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const entry = await addEntry(h, cadreId);
    const code = entry.section.code;
    const old = entry.section.name;
    const v = await h.ok('catalog.renameGroup', { kind: 'section', code, name: '教育培训情况' });
    expect(v.sections.find((s) => s.code === code)?.name).toBe('教育培训情况');
    expect(await lastAudit(h)).toMatchObject({
      action: 'catalog.renameGroup',
      target: `${code} 教育培训情况`,
      detail: { operation: '修改档案板块名称', name: [old, '教育培训情况'] },
    });
    expect((await h.ok('catalog.get', {})).sections.find((s) => s.code === code)?.name).toBe('教育培训情况');
    const d = await h.ok('dossier.get', { cadreId });
    expect(d.entries[0]!.section).toMatchObject({ code, name: '教育培训情况' });
    const hits = await h.ok('dossier.search', { text: entry.title.slice(0, 4) });
    expect(hits.hits[0]?.section).toMatchObject({ code, name: '教育培训情况' });
  });

  test('a dimension renamed shows in the catalog and the cadre’s portrait', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    await h.ok('catalog.renameGroup', { kind: 'dimension', code: 'D1', name: '政治忠诚度' });
    expect(await lastAudit(h)).toMatchObject({ target: 'D1 政治忠诚度', detail: { operation: '修改评价维度名称' } });
    expect((await h.ok('catalog.admin', {})).dimensions[0]).toMatchObject({ code: 'D1', name: '政治忠诚度' });
    const p = await h.ok('portrait.get', { cadreId });
    expect(JSON.stringify(p)).toContain('"code":"D1","name":"政治忠诚度"');
  });

  test.each([
    [
      'an empty name',
      { kind: 'section', code: 'S1', name: '  ' },
      { code: 'VALIDATION', field: 'name', message: '请填写名称' },
    ],
    [
      'a name another section has',
      { kind: 'section', code: 'S1', name: '@S2' },
      { code: 'VALIDATION', field: 'name', message: /^已有名为“.+”的档案板块（S2）$/ },
    ],
    [
      'a name another dimension has',
      { kind: 'dimension', code: 'D2', name: '@D1' },
      { code: 'VALIDATION', field: 'name', message: /^已有名为“.+”的评价维度（D1）$/ },
    ],
    [
      'an unknown section',
      { kind: 'section', code: 'S9', name: '新板块' },
      { code: 'NOT_FOUND', message: '找不到编码为 S9 的档案板块' },
    ],
    [
      'another kind',
      { kind: 'subItem', code: 'S1.1', name: '新名称' },
      { code: 'VALIDATION', message: '目录类型不正确' },
    ],
  ] as const)('%s is refused with a Chinese message; the store is unchanged', async (_name, input, error) => {
    const h = await newHostWithStore();
    const v = await h.ok('catalog.admin', {});
    const named = (code: string) => [...v.sections, ...v.dimensions].find((g) => g.code === code)!.name;
    const name = input.name.startsWith('@') ? named(input.name.slice(1)) : input.name;
    const before = await groupState(h);
    const e = await h.err('catalog.renameGroup', { ...input, name } as never);
    const { message, ...rest } = error;
    expect(e).toMatchObject(rest);
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
    expect(await groupState(h)).toEqual(before);
  });

  test('sections are not retired or reordered; only administrators rename', async () => {
    const h = await newHostWithStore();
    expect(await h.err('catalog.setRetired', { kind: 'section', code: 'S1', retired: true } as never)).toMatchObject({
      code: 'VALIDATION',
      message: '目录类型不正确',
    });
    const { sections, dimensions } = await groupState(h);
    for (const role of ['dossierClerk', 'reviewer', 'assessmentClerk'] as const) {
      await loginAs(h, role);
      expect(await h.err('catalog.renameGroup', { kind: 'section', code: 'S1', name: '越权' }), role).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    await loginAdmin(h);
    expect(await groupState(h)).toMatchObject({ sections, dimensions });
  });
});
