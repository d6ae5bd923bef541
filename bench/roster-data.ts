// Deterministic roster data at benchmark scale: 400 units in 8 categories and cadres with valid 身份证号.
import { checkDigit } from '../shared/roster/idcard';
import type { ColumnKey } from '../db/roster/excel/columns';

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰萍红鹏飞建国志宏海波宁斌亮俊峰春梅晓东旭辉林东';
const KINDS = ['苏木', '镇', '局', '委', '办', '中心'];
const POSTS = ['党委书记', '党委副书记', '副局长', '局长', '主任', '副主任', '副镇长'];

export interface BenchUnit {
  readonly name: string;
  readonly categoryCode: string;
}

export function benchUnits(count = 400): BenchUnit[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `第${String(i + 1).padStart(3, '0')}${KINDS[i % KINDS.length]}`,
    categoryCode: `C${(i % 8) + 1}`,
  }));
}

/** Rows as a user's filled template would hold them (text cells). */
export function benchRosterRows(count: number, units: readonly BenchUnit[], seed = 7): Partial<Record<ColumnKey, string>>[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(rnd() * xs.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const year = 1965 + Math.floor(rnd() * 30);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const male = rnd() < 0.7;
    // The serial encodes the row number so every 身份证号 is unique; its last digit carries the gender.
    const serial = String((i % 500) * 2 + (male ? 1 : 0)).padStart(3, '0');
    const region = String(150600 + Math.floor(i / 500)).padStart(6, '0');
    const first17 = `${region}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${serial}`;
    const unit = units[i % units.length]!;
    const post = pick<string>(POSTS);
    return {
      name: pick<string>(SURNAMES) + pick<string>(GIVEN) + (rnd() < 0.6 ? pick<string>(GIVEN) : ''),
      gender: male ? '男' : '女',
      ethnicity: rnd() < 0.8 ? '汉族' : '蒙古族',
      birthMonth: `${year}.${String(month).padStart(2, '0')}`,
      nativePlace: '内蒙古鄂尔多斯',
      currentPost: `${unit.name}${post}`,
      unit: unit.name,
      position: post.includes('副') ? '副职' : '正职',
      idNumber: first17 + checkDigit(first17),
      fulltimeEducation: rnd() < 0.7 ? '大学' : '大专',
      rank: rnd() < 0.5 ? '正科级' : '副科级',
      status: '在职',
      annualResults: '2022年度称职；2023年度优秀；2024年度称职。',
      resume: `${year + 22}.07--${year + 30}.03  某单位干部\n${year + 30}.03--  ${unit.name}${post}`,
    };
  });
}
