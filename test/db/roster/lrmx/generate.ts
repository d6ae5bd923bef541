// Deterministic, realistic .lrmx persons of any number, for round trips and the 1,000-file benchmark (own PRNG).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkDigit } from '../../../../shared/roster/idcard';
import type { LrmxFamilyMember, LrmxPerson } from '../../../../shared/roster/lrmx-types';

/** mulberry32: tiny, fast and good enough to make test data. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/lrmx/', import.meta.url));

/** The JPEG of the 巴特尔 sample, base64. */
export const SAMPLE_PHOTO = /<ZhaoPian>([^<]*)<\/ZhaoPian>/.exec(readFileSync(`${FIXTURES}巴特尔.lrmx`, 'utf8'))![1]!;

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN_MALE = '伟强军磊勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林志国建文东海峰';
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀玲桂英华梅兰琳洁燕红萍雪琴云莉婷慧颖佳欣悦';
const MONGOL_MALE = [
  '巴特尔',
  '额尔敦',
  '苏和',
  '朝鲁',
  '宝音',
  '巴图',
  '斯琴',
  '阿拉坦',
  '孟和',
  '那顺',
  '乌力吉',
  '布和',
];
const MONGOL_FEMALE = ['其其格', '萨仁', '乌兰', '娜仁', '托娅', '斯琴高娃', '阿茹娜', '琪琪格', '塔娜'];
const PLACES = [
  '内蒙古鄂托克旗',
  '内蒙古杭锦旗',
  '内蒙古乌审旗',
  '内蒙古达拉特旗',
  '内蒙古准格尔旗',
  '山西忻州',
  '陕西榆林',
  '河北张家口',
  '宁夏银川',
];
const TOWNS = ['乌兰镇', '棋盘井镇', '蒙西镇', '木凯淖尔镇', '阿尔巴斯苏木', '苏米图苏木'];
const BUREAUS = [
  '财政局',
  '农牧局',
  '教育体育局',
  '水利局',
  '审计局',
  '自然资源局',
  '交通运输局',
  '市场监督管理局',
  '住房和城乡建设局',
  '卫生健康委员会',
];
const SCHOOLS = [
  ['内蒙古大学', '汉语言文学专业', '文学学士'],
  ['内蒙古农业大学', '草原管理专业', '农学学士'],
  ['内蒙古财经大学', '财政学专业', '经济学学士'],
  ['内蒙古师范大学', '数学与应用数学专业', '理学学士'],
  ['内蒙古工业大学', '土木工程专业', '工学学士'],
  ['鄂尔多斯职业学院', '会计专业', ''],
] as const;
const PARTIES = ['民建会员', '民盟盟员', '九三学社社员', '无党派人士'];
const RESULTS = ['称职', '称职', '称职', '优秀', '优秀', '基本称职'];

export interface GeneratedPost {
  readonly unit: string; // 乌兰镇 / 鄂托克旗财政局
  readonly post: string; // 现任职务
}

/** Every unit the generator can post a cadre to, as a roster would hold them. */
export const GENERATED_UNITS: readonly { id: number; name: string }[] = [
  ...TOWNS.map((t, i) => ({ id: i + 1, name: t })),
  ...BUREAUS.map((b, i) => ({ id: 100 + i, name: `鄂托克旗${b}` })),
];

const pad = (n: number) => String(n).padStart(2, '0');

/** A post and whether it is a 正职 (for the suggestions' checks). */
function postFor(rand: () => number, pick: <T>(xs: readonly T[]) => T): { unit: string; post: string; chief: boolean } {
  if (rand() < 0.5) {
    const town = pick(TOWNS);
    const head = town.endsWith('苏木') ? '苏木达' : '镇长';
    const deputyHead = town.endsWith('苏木') ? '副苏木达' : '副镇长';
    const [role, chief] = pick([
      ['党委书记', true],
      [`党委副书记、${head}`, true],
      ['党委副书记', false],
      [deputyHead, false],
      ['党委委员、纪委书记', false],
      ['党委委员、武装部部长', false],
      [`党委委员、${deputyHead}`, false],
    ] as const);
    return { unit: town, post: `${town}${role}`, chief };
  }
  const bureau = `鄂托克旗${pick(BUREAUS)}`;
  const head = bureau.endsWith('委员会') ? '主任' : '局长';
  const [role, chief] = pick([
    [`党组书记、${head}`, true],
    [`党组成员、副${head}`, false],
    [`副${head}`, false],
  ] as const);
  return { unit: bureau, post: `${bureau}${role}`, chief };
}

/** One generated person and what a correct import must conclude about it. */
export interface GeneratedPerson {
  readonly person: LrmxPerson;
  readonly unitName: string;
  readonly chief: boolean;
  readonly postSince: string; // 'YYYY-MM'
}

export function generateDetailed(count: number, seed: number): GeneratedPerson[] {
  const rand = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: GeneratedPerson[] = [];
  for (let n = 0; n < count; n += 1) {
    const male = rand() < 0.65;
    const mongol = rand() < 0.25;
    const surname = pick([...SURNAMES]);
    const given = male ? GIVEN_MALE : GIVEN_FEMALE;
    const name = mongol
      ? pick(male ? MONGOL_MALE : MONGOL_FEMALE)
      : surname + pick([...given]) + (rand() < 0.6 ? pick([...given]) : '');
    const by = int(1966, 1993);
    const bm = int(1, 12);
    const bd = int(1, 28);
    const seq = `${pad(int(0, 99))}${male ? pick(['1', '3', '5', '7', '9']) : pick(['0', '2', '4', '6', '8'])}`;
    const first17 = `150624${by}${pad(bm)}${pad(bd)}${seq}`;
    const id = first17 + checkDigit(first17);

    const workYear = by + int(21, 24);
    const party = rand() < 0.9 ? `${by + int(20, 28)}${pad(int(1, 12))}` : pick(PARTIES);
    const [school, major, degree] = pick(SCHOOLS);
    const { unit, post, chief } = postFor(rand, pick);

    // 简历: study, then 3–7 jobs, the last one open and naming the current post.
    const lines: string[] = [`${workYear - 4}.09--${workYear}.07  ${school}${major}学习`];
    const jobs = int(3, 7);
    let y = workYear;
    let m = 7;
    const span = Math.max(1, Math.floor((2024 - workYear) / jobs));
    for (let j = 0; j < jobs - 1; j += 1) {
      const ny = Math.min(2023, y + int(1, span));
      const nm = int(1, 12);
      lines.push(
        `${y}.${pad(m)}--${ny}.${pad(nm)} ` +
          ` ${pick([`鄂托克旗${pick(BUREAUS)}科员`, `${pick(TOWNS)}副镇长`, `鄂托克旗${pick(BUREAUS)}股长`, `${pick(TOWNS)}党委委员`])}`,
      );
      y = ny;
      m = nm;
    }
    lines.push(`${y}.${pad(m)}--         ${post}`);

    const spouseMale = !male;
    const family: LrmxFamilyMember[] = [
      {
        chengWei: spouseMale ? '丈夫' : '妻子',
        xingMing: pick([...SURNAMES]) + pick([...(spouseMale ? GIVEN_MALE : GIVEN_FEMALE)]),
        chuShengRiQi: `${by + int(-3, 3)}${pad(int(1, 12))}`,
        zhengZhiMianMao: pick(['中共党员', '群众']),
        gongZuoDanWeiJiZhiWu: pick(['鄂托克旗第一中学教师', '鄂托克旗人民医院医生', '鄂托克旗公安局民警', '个体经营']),
      },
    ];
    const children = int(1, 3);
    for (let k = 0; k < children; k += 1) {
      const son = rand() < 0.5;
      family.push({
        chengWei: son ? '儿子' : '女儿',
        xingMing: mongol
          ? pick(son ? MONGOL_MALE : MONGOL_FEMALE)
          : surname + pick([...(son ? GIVEN_MALE : GIVEN_FEMALE)]),
        chuShengRiQi: `${by + int(24, 32)}${pad(int(1, 12))}`,
        zhengZhiMianMao: pick(['共青团员', '群众']),
        gongZuoDanWeiJiZhiWu: pick(['内蒙古大学学生', '鄂托克旗第二中学学生', '待业']),
      });
    }

    const person: LrmxPerson = {
      xingMing: name,
      xingBie: male ? '男' : '女',
      chuShengNianYue: `${by}${pad(bm)}`,
      minZu: mongol ? '蒙古族' : pick(['汉族', '汉族', '汉族', '回族', '满族']),
      jiGuan: pick(PLACES),
      chuShengDi: pick(PLACES),
      ruDangShiJian: party,
      canJiaGongZuoShiJian: `${workYear}07`,
      jianKangZhuangKuang: '健康',
      zhuanYeJiShuZhiWu: pick(['', '', '经济师', '农艺师', '工程师']),
      shuXiZhuanYeYouHeZhuanChang: pick(['熟悉基层党建工作', '熟悉财政金融工作', '熟悉农牧业工作', '熟悉城乡建设工作']),
      quanRiZhiJiaoYuXueLi: degree ? '大学' : '大专',
      quanRiZhiJiaoYuXueWei: degree,
      quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi: `${school}${major}`,
      quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi: degree ? school : '',
      zaiZhiJiaoYuXueLi: rand() < 0.4 ? '研究生' : '',
      zaiZhiJiaoYuXueWei: '',
      zaiZhiJiaoYuXueLiBiYeYuanXiaoXi: '',
      zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi: '',
      xianRenZhiWu: post,
      niRenZhiWu: '',
      niMianZhiWu: '',
      jianLi: lines.join('\n'),
      jiangChengQingKuang: rand() < 0.6 ? '无' : `${int(2015, 2024)}年被评为全旗优秀共产党员。`,
      nianDuKaoHeJieGuo: `2022年度${pick(RESULTS)}；2023年度${pick(RESULTS)}；2024年度${pick(RESULTS)}。`,
      renMianLiYou: '',
      jiaTingChengYuan: family,
      chengBaoDanWei: '中共鄂托克旗委组织部',
      jiSuanNianLingShiJian: '202512',
      tianBiaoShiJian: '20251201',
      tianBiaoRen: '张敏',
      shenFenZheng: id,
      zhaoPian: SAMPLE_PHOTO,
      version: '3.2.1.16',
    };
    out.push({ person, unitName: unit, chief, postSince: `${y}-${pad(m)}` });
  }
  return out;
}

/** `count` realistic persons, the same for the same seed. */
export const generatePersons = (count: number, seed: number): LrmxPerson[] =>
  generateDetailed(count, seed).map((g) => g.person);
