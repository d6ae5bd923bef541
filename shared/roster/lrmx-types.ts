// The 干部任免审批表 (.lrmx 3.0) record as the file holds it: one property per element, text as written.

/** One `JiaTingChengYuan/Item`: a family member as the file writes it. */
export interface LrmxFamilyMember {
  readonly chengWei: string; // 称谓
  readonly xingMing: string; // 姓名
  readonly chuShengRiQi: string; // 出生日期, usually YYYYMM
  readonly zhengZhiMianMao: string; // 政治面貌
  readonly gongZuoDanWeiJiZhiWu: string; // 工作单位及职务
}

/**
 * A whole .lrmx file. Every text is the element's text with outer whitespace (space, tab, CR, LF) trimmed; an
 * absent or empty element is ''. Nothing is interpreted here (dates stay '197803', '1975.03' …): mapping to a
 * cadre is db/roster/lrmx/map.ts's job. `zhaoPian` is the base64 photo with any whitespace removed.
 */
export interface LrmxPerson {
  readonly xingMing: string;
  readonly xingBie: string;
  readonly chuShengNianYue: string;
  readonly minZu: string;
  readonly jiGuan: string;
  readonly chuShengDi: string;
  readonly ruDangShiJian: string;
  readonly canJiaGongZuoShiJian: string;
  readonly jianKangZhuangKuang: string;
  readonly zhuanYeJiShuZhiWu: string;
  readonly shuXiZhuanYeYouHeZhuanChang: string;
  readonly quanRiZhiJiaoYuXueLi: string;
  readonly quanRiZhiJiaoYuXueWei: string;
  readonly quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi: string;
  readonly quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi: string;
  readonly zaiZhiJiaoYuXueLi: string;
  readonly zaiZhiJiaoYuXueWei: string;
  readonly zaiZhiJiaoYuXueLiBiYeYuanXiaoXi: string;
  readonly zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi: string;
  readonly xianRenZhiWu: string;
  readonly niRenZhiWu: string;
  readonly niMianZhiWu: string;
  readonly jianLi: string;
  readonly jiangChengQingKuang: string;
  readonly nianDuKaoHeJieGuo: string;
  readonly renMianLiYou: string;
  readonly jiaTingChengYuan: readonly LrmxFamilyMember[];
  readonly chengBaoDanWei: string;
  readonly jiSuanNianLingShiJian: string;
  readonly tianBiaoShiJian: string;
  readonly tianBiaoRen: string;
  readonly shenFenZheng: string;
  readonly zhaoPian: string;
  readonly version: string;
}

export type LrmxTextKey = Exclude<keyof LrmxPerson, 'jiaTingChengYuan'>;

export interface LrmxElement<K extends string> {
  readonly key: K;
  readonly element: string;
  readonly label: string;
}

/** The elements of `Person` in the order the national editor writes them (the samples' order). */
export const LRMX_ELEMENTS: readonly LrmxElement<keyof LrmxPerson>[] = [
  { key: 'xingMing', element: 'XingMing', label: '姓名' },
  { key: 'xingBie', element: 'XingBie', label: '性别' },
  { key: 'chuShengNianYue', element: 'ChuShengNianYue', label: '出生年月' },
  { key: 'minZu', element: 'MinZu', label: '民族' },
  { key: 'jiGuan', element: 'JiGuan', label: '籍贯' },
  { key: 'chuShengDi', element: 'ChuShengDi', label: '出生地' },
  { key: 'ruDangShiJian', element: 'RuDangShiJian', label: '入党时间' },
  { key: 'canJiaGongZuoShiJian', element: 'CanJiaGongZuoShiJian', label: '参加工作时间' },
  { key: 'jianKangZhuangKuang', element: 'JianKangZhuangKuang', label: '健康状况' },
  { key: 'zhuanYeJiShuZhiWu', element: 'ZhuanYeJiShuZhiWu', label: '专业技术职务' },
  { key: 'shuXiZhuanYeYouHeZhuanChang', element: 'ShuXiZhuanYeYouHeZhuanChang', label: '熟悉专业有何专长' },
  { key: 'quanRiZhiJiaoYuXueLi', element: 'QuanRiZhiJiaoYu_XueLi', label: '全日制教育学历' },
  { key: 'quanRiZhiJiaoYuXueWei', element: 'QuanRiZhiJiaoYu_XueWei', label: '全日制教育学位' },
  {
    key: 'quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi',
    element: 'QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi',
    label: '全日制学历毕业院校系及专业',
  },
  {
    key: 'quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi',
    element: 'QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
    label: '全日制学位毕业院校系及专业',
  },
  { key: 'zaiZhiJiaoYuXueLi', element: 'ZaiZhiJiaoYu_XueLi', label: '在职教育学历' },
  { key: 'zaiZhiJiaoYuXueWei', element: 'ZaiZhiJiaoYu_XueWei', label: '在职教育学位' },
  {
    key: 'zaiZhiJiaoYuXueLiBiYeYuanXiaoXi',
    element: 'ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi',
    label: '在职学历毕业院校系及专业',
  },
  {
    key: 'zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi',
    element: 'ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
    label: '在职学位毕业院校系及专业',
  },
  { key: 'xianRenZhiWu', element: 'XianRenZhiWu', label: '现任职务' },
  { key: 'niRenZhiWu', element: 'NiRenZhiWu', label: '拟任职务' },
  { key: 'niMianZhiWu', element: 'NiMianZhiWu', label: '拟免职务' },
  { key: 'jianLi', element: 'JianLi', label: '简历' },
  { key: 'jiangChengQingKuang', element: 'JiangChengQingKuang', label: '奖惩情况' },
  { key: 'nianDuKaoHeJieGuo', element: 'NianDuKaoHeJieGuo', label: '年度考核结果' },
  { key: 'renMianLiYou', element: 'RenMianLiYou', label: '任免理由' },
  { key: 'jiaTingChengYuan', element: 'JiaTingChengYuan', label: '家庭主要成员' },
  { key: 'chengBaoDanWei', element: 'ChengBaoDanWei', label: '呈报单位' },
  { key: 'jiSuanNianLingShiJian', element: 'JiSuanNianLingShiJian', label: '计算年龄时间' },
  { key: 'tianBiaoShiJian', element: 'TianBiaoShiJian', label: '填表时间' },
  { key: 'tianBiaoRen', element: 'TianBiaoRen', label: '填表人' },
  { key: 'shenFenZheng', element: 'ShenFenZheng', label: '身份证号' },
  { key: 'zhaoPian', element: 'ZhaoPian', label: '照片' },
  { key: 'version', element: 'Version', label: '版本' },
];

/** The elements of one `JiaTingChengYuan/Item`, in file order. */
export const LRMX_FAMILY_ELEMENTS: readonly LrmxElement<keyof LrmxFamilyMember>[] = [
  { key: 'chengWei', element: 'ChengWei', label: '称谓' },
  { key: 'xingMing', element: 'XingMing', label: '姓名' },
  { key: 'chuShengRiQi', element: 'ChuShengRiQi', label: '出生日期' },
  { key: 'zhengZhiMianMao', element: 'ZhengZhiMianMao', label: '政治面貌' },
  { key: 'gongZuoDanWeiJiZhiWu', element: 'GongZuoDanWeiJiZhiWu', label: '工作单位及职务' },
];

/** The xmlns attributes of `Person` as the national editor (a .NET serializer) writes them. */
export const LRMX_PERSON_NAMESPACES: Readonly<Record<string, string>> = {
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
};

/** Version written on export (the samples' editor version). */
export const LRMX_EXPORT_VERSION = '3.2.1.16';

/** A person with every field empty: the base readers fill in. */
export function emptyLrmxPerson(): LrmxPerson {
  const p: Record<string, unknown> = {};
  for (const e of LRMX_ELEMENTS) p[e.key] = e.key === 'jiaTingChengYuan' ? [] : '';
  return p as unknown as LrmxPerson;
}

/** What reading one file gives: the person and what was odd about the file, or why it cannot be used at all. */
export type LrmxReadResult =
  | {
      ok: true;
      person: LrmxPerson;
      warnings: string[];
      /**
       * The fields the file does not have at all (an omitted element, a .lrm layout without that field). On re-import
       * an absent field keeps the stored value; a present but empty one is a change like any other.
       */
      absent: ReadonlySet<keyof LrmxPerson>;
    }
  | { ok: false; error: string };
