// The audit page's one-line reading of an entry's detail, for the import's per-cadre changes in particular.
import { describe, expect, test } from 'vitest';
import { describeDetail } from '../../../renderer/pages/audit/detail';

describe('describeDetail', () => {
  test('an import names each changed cadre with old → new per field', () => {
    const detail = {
      file: '名册.xlsx',
      created: 0,
      updated: 1,
      unchanged: 2,
      changed: [
        {
          cadreId: 7,
          name: '巴特尔',
          changes: { 入党时间: ['2001.06', '2001.07'], 奖惩情况: ['摘要 0123456789ab', ''] },
        },
      ],
    };
    expect(describeDetail(JSON.stringify(detail))).toBe(
      '文件：名册.xlsx；新增：0；更新：1；无变化：2；变更：巴特尔（入党时间 2001.06 → 2001.07、奖惩情况 摘要 0123456789ab → （空））',
    );
  });

  test('a hand edit lists its changed fields (two of them are not an old → new pair)', () => {
    expect(describeDetail(JSON.stringify({ cadreId: 3, changed: ['职级', '民族'] }))).toBe(
      '干部编号：3；变更：职级、民族',
    );
  });

  test('a long list of cadres ends with “等 N 人”, and a list of files is joined', () => {
    const changed = Array.from({ length: 25 }, (_, i) => ({
      cadreId: i,
      name: `干部${i}`,
      changes: { 民族: ['汉族', '蒙古族'] },
    }));
    const text = describeDetail(JSON.stringify({ files: ['a.lrmx', 'b.lrmx'], changed }));
    expect(text.startsWith('文件：a.lrmx、b.lrmx；变更：干部0（民族 汉族 → 蒙古族），')).toBe(true);
    expect(text.endsWith('干部19（民族 汉族 → 蒙古族） 等 25 人')).toBe(true);
  });
});

test('a registered signing key shows as the tail of its public key, not as an object', () => {
  expect(
    describeDetail(
      JSON.stringify({
        displayName: '查阅员',
        signingKey: { userId: 2, publicKey: 'MCowBQYDK2VwAyEAabcdefghijklmnop=' },
      }),
    ),
  ).toBe('姓名：查阅员；登记签名公钥：…efghijklmnop');
});
