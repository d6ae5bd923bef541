// Dossier input rules: the schema's Chinese messages, quarters, and the catalog/cadre checks of an entry.
import { describe, expect, test } from 'vitest';
import {
  bulkEntrySchema,
  entryInputSchema,
  trainingClassSchema,
  type EntryCommonInput,
} from '../../../shared/dossier/schema';
import { isCalendarDate, quarterLabel, quarterOf, quarterRange } from '../../../shared/dossier/quarter';
import { checkEntry, type CatalogCodeRow, type EntryCatalog } from '../../../shared/dossier/validate';

const valid = {
  cadreId: 1,
  date: '2025-08-14',
  subItemCode: 'S2.2',
  channelCode: 'CH09',
  title: '春季主体班优秀学员',
  content: '',
  polarity: 'positive' as const,
  standardCodes: ['D4.2'],
  listItemCode: 'P3',
};
const firstMessage = (input: unknown) => {
  const r = entryInputSchema.safeParse(input);
  return r.success ? null : r.error.issues[0]!.message;
};

describe('entry schema', () => {
  test('a valid entry parses, trimmed', () => {
    expect(entryInputSchema.parse({ ...valid, title: '  题目 ' }).title).toBe('题目');
  });
  test.each([
    [{ title: '' }, '请填写标题'],
    [{ title: '   ' }, '请填写标题'],
    [{ title: '字'.repeat(101) }, '标题不能超过 100 个字'],
    [{ content: '字'.repeat(5001) }, '内容不能超过 5000 个字'],
    [{ date: '2025/08/14' }, '日期格式应为 2025-03-14'],
    [{ date: '2025-02-30' }, '日期不是有效的日期'],
    [{ date: '' }, '请填写日期'],
    [{ polarity: 'good' }, '请选择性质（正面、负面或中性）'],
    [{ subItemCode: '' }, '请选择材料类别（子项）'],
    [{ standardCodes: ['D1.1', 'D1.1'] }, '评价标准有重复'],
    [{ cadreId: 0 }, '干部无效'],
  ])('%o is refused with “%s”', (over, message) => {
    expect(firstMessage({ ...valid, ...over })).toBe(message);
  });
  test('bulk entry needs at least one cadre and no cadre twice', () => {
    const { cadreId: _c, ...common } = valid;
    expect(bulkEntrySchema.safeParse({ common, rows: [] }).error?.issues[0]?.message).toBe('请至少选择一名干部');
    const row = { cadreId: 1, hours: 40, note: '' };
    expect(bulkEntrySchema.safeParse({ common, rows: [row, row] }).error?.issues[0]?.message).toBe(
      '名单中有重复的干部',
    );
  });
  test('a training class may not end before it starts', () => {
    const r = trainingClassSchema.safeParse({
      name: '班',
      startDate: '2025-03-10',
      endDate: '2025-03-01',
      hours: 40,
      organizer: '党校',
    });
    expect(r.error?.issues[0]).toMatchObject({ message: '结业日期不能早于开班日期', path: ['endDate'] });
  });
});

describe('quarters', () => {
  test.each([
    ['2025-01-01', '2025Q1'],
    ['2025-03-31', '2025Q1'],
    ['2025-04-01', '2025Q2'],
    ['2025-09-30', '2025Q3'],
    ['2025-12-31', '2025Q4'],
  ])('%s is in %s', (date, q) => expect(quarterOf(date)).toBe(q));
  test('labels and ranges', () => {
    expect(quarterLabel('2025Q3')).toBe('2025年第三季度');
    expect(quarterRange('2024Q1')).toEqual(['2024-01-01', '2024-03-31']);
    expect(quarterRange('2025Q4')).toEqual(['2025-10-01', '2025-12-31']);
  });
  test('calendar days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
  });
});

describe('checkEntry', () => {
  const row = (name: string, extra: Partial<CatalogCodeRow> = {}): CatalogCodeRow => ({
    name,
    retired: false,
    ...extra,
  });
  const catalog: EntryCatalog = {
    subItems: new Map([
      ['S2.2', row('结业评价')],
      ['S2.9', row('旧子项', { retired: true })],
    ]),
    channels: new Map([['CH09', row('培训机构')]]),
    standards: new Map([
      ['D4.2', row('政治领悟力')],
      ['D4.9', row('旧标准', { retired: true })],
    ]),
    listItems: new Map([
      ['P3', row('成绩优秀', { polarity: 'positive' })],
      ['N3', row('不达标', { polarity: 'negative' })],
    ]),
  };
  const { cadreId: _c, ...common } = valid;
  const check = (over: Partial<EntryCommonInput>, kept = {}) =>
    checkEntry({ ...common, ...over }, { catalog, today: '2025-09-01', birthMonth: '1978-03', kept });

  test('a valid entry passes', () => expect(check({})).toBeNull());
  test('a future date is refused; today is fine', () => {
    expect(check({ date: '2025-09-02' })).toEqual({ field: 'date', message: '日期不能晚于今天（2025-09-01）' });
    expect(check({ date: '2025-09-01' })).toBeNull();
  });
  test('a date before the birth month is refused; the birth month itself is fine', () => {
    expect(check({ date: '1978-02-28' })).toEqual({
      field: 'date',
      message: '日期不能早于该干部的出生年月（1978.03）',
    });
    expect(check({ date: '1978-03-01' })).toBeNull();
  });
  test('an unknown standard is named as from another catalog version', () => {
    expect(check({ standardCodes: ['D4.2', 'X9.9'] })).toEqual({
      field: 'standardCodes',
      message: '评价标准“X9.9”不在当前目录中（可能来自其他版本的目录），请重新选择',
    });
  });
  test('a retired code is refused for new use but may stay on an entry that had it', () => {
    expect(check({ standardCodes: ['D4.9'] })).toEqual({
      field: 'standardCodes',
      message: '评价标准“旧标准”已停用，不能用于新的材料，请重新选择',
    });
    expect(check({ standardCodes: ['D4.9'] }, { standardCodes: ['D4.9'] })).toBeNull();
    expect(check({ subItemCode: 'S2.9' })?.field).toBe('subItemCode');
    expect(check({ subItemCode: 'S2.9' }, { subItemCode: 'S2.9' })).toBeNull();
  });
  test('the list item must have the entry’s polarity', () => {
    expect(check({ listItemCode: 'N3' })).toEqual({
      field: 'listItemCode',
      message: '正负面清单事项“不达标”属于负面清单，与材料性质“正面”不一致',
    });
    expect(check({ polarity: 'neutral', listItemCode: 'P3' })?.field).toBe('listItemCode');
    expect(check({ polarity: 'neutral', listItemCode: null })).toBeNull();
  });
});
