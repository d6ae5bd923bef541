// Every assessment cadre picker finds a member by pinyin initials, full pinyin, name or unit, with the roster's keys
// read through assessments.get on a real store.
import { expect, test } from 'vitest';
import { filterMember, memberOption } from '../../../renderer/pages/assessment/member-search';
import { createC1, seedRoster } from '../../helpers/assessment';
import { newRosterHost } from '../../helpers/roster';

test('pinyin initials, full pinyin, name and unit find the member; group headers never match themselves', async () => {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const detail = await h.ok('assessments.get', { id: (await createC1(h)).id });
  const options = detail.members.map((m) => memberOption(detail, m));
  const found = (text: string) => options.filter((o) => filterMember(text, o)).map((o) => o.label);
  expect(found('agl')).toEqual(['阿古拉（乌兰镇）']);
  expect(found('AGL')).toEqual(['阿古拉（乌兰镇）']);
  expect(found('chaolu')).toEqual(['朝鲁（阿尔巴斯苏木）']);
  expect(found('乌兰镇')).toEqual(['阿古拉（乌兰镇）', '德力格尔（乌兰镇）', '额尔敦（乌兰镇）']);
  expect(found('乌兰 e')).toEqual(['德力格尔（乌兰镇）', '额尔敦（乌兰镇）']);
  expect(found('xyz')).toEqual([]);
  expect(detail.memberPinyin?.[String(r.b)]).toContain('bte');
  expect(filterMember('agl', { label: '正职·苏木镇（街道）' } as never)).toBe(false);
});
