// What the 干部任免审批表 prints in each of its cells, from the .lrmx person the export would write (so the paper
// and the file say the same), with ages at the form's 计算年龄时间.
import type { LrmxPerson } from '../roster/lrmx-types';

export interface RenmianFamilyRow {
  readonly relation: string;
  readonly name: string;
  readonly age: string;
  readonly politicalStatus: string;
  readonly workUnitPost: string;
}

export interface RenmianForm {
  readonly name: string;
  readonly gender: string;
  /** “1975.03\n（51岁）”. */
  readonly birth: string;
  readonly ethnicity: string;
  readonly nativePlace: string;
  readonly birthPlace: string;
  readonly partyJoin: string;
  readonly workStart: string;
  readonly health: string;
  readonly techTitle: string;
  readonly expertise: string;
  /** 学历 and 学位, one a line. */
  readonly fulltimeEducation: string;
  readonly fulltimeSchool: string;
  readonly parttimeEducation: string;
  readonly parttimeSchool: string;
  readonly currentPost: string;
  readonly proposedPost: string;
  readonly proposedRemoval: string;
  readonly resume: string;
  readonly rewards: string;
  readonly annualResults: string;
  readonly reason: string;
  readonly family: readonly RenmianFamilyRow[];
  readonly reportingUnit: string;
  /** “2026年3月5日” under the 呈报单位, or ''. */
  readonly reportDate: string;
  readonly filledBy: string;
  /** A data: URL, or null. */
  readonly photo: string | null;
}

/** 'YYYYMM', 'YYYYMMDD', '1975.03', '1975-03' → [year, month], or null. */
export function yearMonthParts(raw: string): [number, number] | null {
  const m = /^(\d{4})[.\-/年]?(\d{1,2})/.exec(raw.trim());
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? [Number(m[1]), month] : null;
}

/** Whole years at the 计算年龄时间 (both year-months; the birth month counts as begun, as the editor counts). */
export function ageAtMonth(birth: string, at: string): number | null {
  const b = yearMonthParts(birth);
  const a = yearMonthParts(at);
  if (!b || !a) return null;
  const months = (a[0] - b[0]) * 12 + (a[1] - b[1]);
  return months < 0 ? null : Math.floor(months / 12);
}

/** 197503 → 1975.03; free text (a 民主党派's name) as it is. */
export function dotted(raw: string): string {
  const t = raw.trim();
  const m = /^(\d{4})[.\-/]?(\d{2})(?:\d{2})?$/.exec(t);
  return m ? `${m[1]}.${m[2]}` : t;
}

const joinLines = (...parts: string[]) => {
  const kept = parts.map((p) => p.trim()).filter((p, i, all) => p !== '' && all.indexOf(p) === i);
  return kept.join('\n');
};

function photoUrl(base64: string): string | null {
  if (!base64) return null;
  if (base64.startsWith('/9j/')) return `data:image/jpeg;base64,${base64}`;
  if (base64.startsWith('iVBOR')) return `data:image/png;base64,${base64}`;
  return null;
}

function reportDate(raw: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw.trim());
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
}

export function renmianForm(p: LrmxPerson): RenmianForm {
  const at = p.jiSuanNianLingShiJian;
  const age = ageAtMonth(p.chuShengNianYue, at);
  return {
    name: p.xingMing,
    gender: p.xingBie,
    birth: joinLines(dotted(p.chuShengNianYue), age === null ? '' : `（${age}岁）`),
    ethnicity: p.minZu,
    nativePlace: p.jiGuan,
    birthPlace: p.chuShengDi,
    partyJoin: dotted(p.ruDangShiJian),
    workStart: dotted(p.canJiaGongZuoShiJian),
    health: p.jianKangZhuangKuang,
    techTitle: p.zhuanYeJiShuZhiWu,
    expertise: p.shuXiZhuanYeYouHeZhuanChang,
    fulltimeEducation: joinLines(p.quanRiZhiJiaoYuXueLi, p.quanRiZhiJiaoYuXueWei),
    fulltimeSchool: joinLines(p.quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi, p.quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi),
    parttimeEducation: joinLines(p.zaiZhiJiaoYuXueLi, p.zaiZhiJiaoYuXueWei),
    parttimeSchool: joinLines(p.zaiZhiJiaoYuXueLiBiYeYuanXiaoXi, p.zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi),
    currentPost: p.xianRenZhiWu,
    proposedPost: p.niRenZhiWu,
    proposedRemoval: p.niMianZhiWu,
    resume: p.jianLi,
    rewards: p.jiangChengQingKuang,
    annualResults: p.nianDuKaoHeJieGuo,
    reason: p.renMianLiYou,
    family: p.jiaTingChengYuan.map((m) => {
      const a = ageAtMonth(m.chuShengRiQi, at);
      return {
        relation: m.chengWei,
        name: m.xingMing,
        age: a === null ? '' : String(a),
        politicalStatus: m.zhengZhiMianMao,
        workUnitPost: m.gongZuoDanWeiJiZhiWu,
      };
    }),
    reportingUnit: p.chengBaoDanWei,
    reportDate: p.chengBaoDanWei ? reportDate(p.tianBiaoShiJian) : '',
    filledBy: p.tianBiaoRen,
    photo: photoUrl(p.zhaoPian),
  };
}
