// 任免事项 through the dispatcher: a dated history beside the profile (never changing it), audited, refused with a
// Chinese message naming the field; written into the .lrmx export and read back on import (a new store and the same).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CallInput } from '../../../shared/ipc/contract';
import type { TestHost } from '../../helpers/host';
import { addUnit, cadreInput, fixturePath, lastAudit, newRosterHost, rosterState } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';

const BATEER = fixturePath('lrmx/巴特尔.lrmx');

async function hostWithBateer() {
  const h = await newRosterHost();
  const sumu = await addUnit(h, '阿尔巴斯苏木', 'C1', 1);
  const files = await h.pickOpen('lrmx', BATEER);
  const p = await h.ok('roster.previewLrmx', { tokens: files.map((f) => f.token) });
  await h.ok('roster.commitLrmx', {
    jobId: p.jobId,
    files: [{ index: 0, unitId: sumu.id, position: 'chief', confirmMatch: false }],
  });
  const id = (await h.ok('roster.query', { text: '巴特尔' }))[0]!.id;
  return { h, sumu: sumu.id, id };
}

const matter = (cadreId: number, over: Partial<CallInput<'appointments.create'>> = {}) => ({
  cadreId,
  matterDate: '2026-03-05',
  proposedPost: '鄂托克旗乌兰镇党委书记',
  proposedRemoval: '阿尔巴斯苏木党委书记',
  reason: '工作需要，经旗委常委会研究。',
  reportingUnit: '中共鄂托克旗委员会组织部',
  ageAt: '2026-03',
  filledBy: '王干事',
  ...over,
});

const count = async (h: TestHost) => (await rosterState(h)).counts;

describe('任免事项', () => {
  test('kept dated on the cadre, newest first, audited; the profile stays exactly as it was', async () => {
    const { h, id } = await hostWithBateer();
    const before = await h.ok('cadres.get', { id });
    const first = await h.ok('appointments.create', matter(id, { matterDate: '2025-06-01', ageAt: '2025-06' }));
    expect(first).toMatchObject({ cadreId: id, matterDate: '2025-06-01', createdBy: expect.any(String) });
    expect(await lastAudit(h)).toMatchObject({
      action: 'appointments.create',
      target: '巴特尔（阿尔巴斯苏木）',
      detail: { cadreId: id, matterDate: '2025-06-01', proposedPost: '鄂托克旗乌兰镇党委书记', ageAt: '2025-06' },
    });
    await h.ok('appointments.create', matter(id, { proposedPost: '鄂托克旗副旗长' }));
    const list = await h.ok('appointments.list', { cadreId: id });
    expect(list.map((m) => [m.matterDate, m.proposedPost])).toEqual([
      ['2026-03-05', '鄂托克旗副旗长'],
      ['2025-06-01', '鄂托克旗乌兰镇党委书记'],
    ]);
    const after = await h.ok('cadres.get', { id });
    expect(after).toEqual(before);
  });

  test('bad input: a Chinese message naming the field, nothing stored', async () => {
    const { h, id } = await hostWithBateer();
    const cases: [Partial<CallInput<'appointments.create'>>, string, RegExp][] = [
      [{ matterDate: '2026-02-30' }, 'matterDate', /任免日期不是有效的日期/],
      [{ matterDate: '2026.03.05' }, 'matterDate', /任免日期格式应为/],
      [{ ageAt: '2026-13' }, 'ageAt', /计算年龄时间格式应为/],
      [{ proposedPost: '', proposedRemoval: '' }, 'proposedPost', /请填写拟任职务或拟免职务/],
      [{ reason: '长'.repeat(1001) }, 'reason', /任免理由不能超过 1000 个字/],
      [{ reportingUnit: '长'.repeat(61) }, 'reportingUnit', /呈报单位不能超过 60 个字/],
    ];
    const audits = (await count(h)).audit;
    for (const [over, field, message] of cases) {
      const e = await h.err('appointments.create', matter(id, over));
      expect(e, field).toMatchObject({ code: 'VALIDATION', field });
      expect(e.message).toMatch(message);
    }
    expect(await h.err('appointments.create', matter(9999))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.ok('appointments.list', { cadreId: id })).toEqual([]);
    expect((await count(h)).audit).toBe(audits);
  });

  test('the .lrmx export carries the latest 任免事项, and an import reads it back into the history (once)', async () => {
    const { h, sumu, id } = await hostWithBateer();
    await h.ok('appointments.create', matter(id, { matterDate: '2025-01-01', proposedPost: '旧的拟任' }));
    await h.ok('appointments.create', matter(id));
    const dir = tempDir('ganbu-renmian-');
    const path = join(dir, '巴特尔.lrmx');
    await h.ok('cadres.exportLrmx', { id, token: await h.pickSave('lrmx', path) });
    const xml = readFileSync(path, 'utf8');
    expect(xml).toContain('<NiRenZhiWu>鄂托克旗乌兰镇党委书记</NiRenZhiWu>');
    expect(xml).toContain('<NiMianZhiWu>阿尔巴斯苏木党委书记</NiMianZhiWu>');
    expect(xml).toContain('<RenMianLiYou>工作需要，经旗委常委会研究。</RenMianLiYou>');
    expect(xml).toContain('<ChengBaoDanWei>中共鄂托克旗委员会组织部</ChengBaoDanWei>');
    expect(xml).toContain('<JiSuanNianLingShiJian>202603</JiSuanNianLingShiJian>');
    expect(xml).toContain('<TianBiaoShiJian>20260305</TianBiaoShiJian>');
    expect(xml).toContain('<TianBiaoRen>王干事</TianBiaoRen>');

    // Into a new store: the cadre and the matter.
    const other = await newRosterHost();
    const unit = await addUnit(other, '阿尔巴斯苏木', 'C1', 1);
    const reimport = async (host: TestHost, unitId: number) => {
      const files = await host.pickOpen('lrmx', path);
      const p = await host.ok('roster.previewLrmx', { tokens: files.map((f) => f.token) });
      await host.ok('roster.commitLrmx', {
        jobId: p.jobId,
        files: [{ index: 0, unitId, position: 'chief', confirmMatch: false }],
      });
    };
    await reimport(other, unit.id);
    const newId = (await other.ok('roster.query', { text: '巴特尔' }))[0]!.id;
    const got = await other.ok('appointments.list', { cadreId: newId });
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ ...matter(newId) });

    // Back into the same store (an unchanged profile): the matter is there already, not added twice.
    await reimport(h, sumu);
    expect((await h.ok('appointments.list', { cadreId: id })).map((m) => m.proposedPost)).toEqual([
      '鄂托克旗乌兰镇党委书记',
      '旧的拟任',
    ]);
  });

  test('appointments.forms: the forms a packet prints, in the order asked, each with its latest 任免事项', async () => {
    const { h, sumu, id } = await hostWithBateer();
    const other = (await h.ok('cadres.create', { input: cadreInput(sumu, { name: '其其格', idNumber: '' }) })).id;
    await h.ok('appointments.create', matter(id, { matterDate: '2025-01-01', proposedPost: '旧的拟任' }));
    await h.ok('appointments.create', matter(id));
    const audits = (await count(h)).audit;
    const forms = await h.ok('appointments.forms', { cadreIds: [other, id], ageAt: '2026-03' });
    expect(forms.map((p) => [p.xingMing, p.niRenZhiWu])).toEqual([
      ['其其格', ''],
      ['巴特尔', '鄂托克旗乌兰镇党委书记'],
    ]);
    expect((await count(h)).audit).toBe(audits); // a read: nothing audited
    expect(await h.err('appointments.forms', { cadreIds: [id, id] })).toMatchObject({
      code: 'VALIDATION',
      field: 'cadreIds',
      message: '同一名干部不能重复选择',
    });
    expect(await h.err('appointments.forms', { cadreIds: [id, 9999] })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'cadreIds',
    });
  });

  test('a file without 拟任/拟免 adds no 任免事项', async () => {
    const { h, id } = await hostWithBateer();
    expect(await h.ok('appointments.list', { cadreId: id })).toEqual([]);
  });
});
