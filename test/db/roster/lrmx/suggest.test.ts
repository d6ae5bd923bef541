// suggestPosition (正职/副职 from the 现任职务) and suggestUnit (the unit a post names) on real-looking posts.
import { describe, expect, it } from 'vitest';
import { suggestPosition, suggestUnit } from '../../../../db/roster/lrmx/map';

describe('suggestPosition', () => {
  it.each([
    // heads of a 镇 / 苏木
    ['阿尔巴斯苏木党委书记', 'chief'],
    ['乌兰镇党委书记、人大主席', 'chief'],
    ['乌兰镇党委副书记、镇长', 'chief'], // the 镇长 is a head of the same 镇: 正职 even though 副书记 comes first
    ['阿尔巴斯苏木党委副书记、苏木达', 'chief'],
    ['棋盘井镇党委副书记，镇长（正科级）', 'chief'],
    ['木凯淖尔镇镇长', 'chief'],
    // heads of a 局 / 委 / 中心
    ['鄂托克旗财政局党组书记、局长', 'chief'],
    ['鄂托克旗农牧局局长', 'chief'],
    ['鄂托克旗卫生健康委员会主任', 'chief'],
    ['鄂托克旗教育体育局党组书记', 'chief'],
    ['鄂托克旗总工会主席', 'chief'],
    ['鄂托克旗人民医院院长', 'chief'],
    ['鄂托克旗草原工作站站长', 'chief'],
    ['鄂托克旗综合行政执法大队大队长', 'chief'],
    ['民盟鄂托克旗委员会主任委员', 'chief'],
    // deputies
    ['鄂托克旗财政局副局长', 'deputy'],
    ['乌兰镇党委副书记', 'deputy'],
    ['乌兰镇副镇长', 'deputy'],
    ['乌兰镇党委委员、副镇长', 'deputy'],
    ['阿尔巴斯苏木副苏木达', 'deputy'],
    ['乌兰镇党委副书记、政法委员', 'deputy'],
    ['乌兰镇党委副书记、人大主席', 'deputy'], // 人大 is a body inside the 镇, not its head
    ['鄂托克旗农牧局党组成员、副局长', 'deputy'],
    ['鄂托克旗农牧局党组成员', 'deputy'], // 党组成员 without a head title
    ['棋盘井镇党委委员、纪委书记', 'deputy'], // a 镇's 纪委书记 is a 班子 member, not its head
    ['棋盘井镇党委委员、人民武装部部长', 'deputy'],
    ['鄂托克旗人民检察院副检察长', 'deputy'],
    ['鄂托克旗人民政府办公室副主任', 'deputy'],
    ['鄂托克旗委办公室常务副主任', 'deputy'],
    ['鄂托克旗财政局副局长、鄂托克旗国有资产服务中心主任', 'deputy'], // 主任 of another unit
    ['鄂托克旗财政局一级主任科员', 'deputy'], // not a leading post
    ['', 'deputy'],
  ] as const)('%s → %s', (post, expected) => {
    expect(suggestPosition(post)).toBe(expected);
  });
});

describe('suggestUnit', () => {
  const units = [
    { id: 1, name: '乌兰镇' },
    { id: 2, name: '阿尔巴斯苏木人民政府' },
    { id: 3, name: '鄂托克旗财政局' },
    { id: 4, name: '鄂托克旗财政局国库支付中心' },
    { id: 5, name: '中共棋盘井镇委员会' },
    { id: 6, name: '鄂托克旗农牧局' },
    { id: 7, name: '鄂托克旗国有资产服务中心' },
    { id: 8, name: '鄂托克旗卫生健康委员会' },
    { id: 9, name: '乌兰镇人民政府' },
  ];

  it.each([
    ['乌兰镇党委书记', 1], // both 乌兰镇 and 乌兰镇人民政府 (→ 乌兰镇) match with 3 characters: the first listed wins
    ['阿尔巴斯苏木党委书记', 2], // 阿尔巴斯苏木人民政府 without 人民政府
    ['鄂托克旗财政局副局长', 3],
    ['鄂托克旗财政局国库支付中心主任', 4], // the longest name wins
    ['棋盘井镇党委副书记、镇长', 5], // 中共…委员会 without 中共 and 委员会
    ['财政局党组成员、副局长', 3], // the text before 党组 ends a unit's name
    ['鄂托克旗财政局副局长、鄂托克旗国有资产服务中心主任', 3], // the first listed post decides
    ['兼任鄂托克旗国有资产服务中心主任', 7],
    ['鄂托克旗卫生健康委员会副主任', 8],
    ['鄂托克旗卫生健康委党组成员、副主任', 8], // 委员会 shortened in the post
    ['杭锦旗财政局副局长', null],
    ['', null],
  ] as const)('%s → %s', (post, expected) => {
    expect(suggestUnit(post, units)).toBe(expected);
  });

  it('no units, no suggestion', () => {
    expect(suggestUnit('乌兰镇党委书记', [])).toBeNull();
  });
});
