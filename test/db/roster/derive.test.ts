// The derived search columns: pinyin keys (surname readings included), the highest education, the search text.
import { expect, test } from 'vitest';
import { highestEducation, pinyinKeys } from '../../../db/roster/derive';

test.each([
  ['张三丰', ['zsf', 'zhangsanfeng']],
  ['单雄信', ['sxx', 'shanxiongxin', 'dxx']], // 单 as a surname reads shan; the plain reading stays findable
  ['曾国藩', ['zgf', 'zengguofan']],
  ['王五', ['ww', 'wangwu']],
  ['巴特尔', ['bte', 'bateer']],
])('pinyin keys of %s include %j', (name, keys) => {
  const all = pinyinKeys(name).split(' ');
  for (const k of keys) expect(all).toContain(k);
});

test('the highest of the full-time and in-service education', () => {
  expect(highestEducation({ fulltimeEducation: '大学', parttimeEducation: '研究生' })).toBe('研究生');
  expect(highestEducation({ fulltimeEducation: '大专', parttimeEducation: '' })).toBe('大专');
  expect(highestEducation({ fulltimeEducation: '大学本科', parttimeEducation: '中专' })).toBe('大学');
  expect(highestEducation({ fulltimeEducation: '', parttimeEducation: '' })).toBe('');
});
