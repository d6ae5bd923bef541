// Between a .lrmx person and the roster's cadre profile: import (personToCadre) and export (cadreToPerson).
import { formatAnnualText, readAnnualText } from '../../../shared/roster/annual-results';
import { formatYearMonth, parseYearMonth, yearMonthOf } from '../../../shared/roster/dates';
import { validateIdNumber } from '../../../shared/roster/idcard';
import { LRMX_EXPORT_VERSION, type LrmxFamilyMember, type LrmxPerson } from '../../../shared/roster/lrmx-types';
import type { CadreInput, FamilyMember, Gender } from '../../../shared/roster/types';
import type { AppointmentMatterInput } from '../../../shared/renmian/matter';
import { photoMimeOf } from '../../fs/magic';
import { postSinceFromResume } from './resume';
import { joinSchools, splitSchool } from './schools';
import { splitPosts } from './suggest';

export { suggestPosition, suggestUnit } from './suggest';
export { joinSchools } from './schools';

/** The profile fields a .lrmx file can fill (the unit, 正职/副职 and status are chosen on import). */
export type LrmxCadreFields = Omit<CadreInput, 'unitId' | 'position' | 'status'>;

export interface PersonToCadreResult {
  /** Trust a field only when no issue names it: an unreadable value becomes '' (or, for 性别, a stand-in). */
  readonly fields: LrmxCadreFields;
  readonly photo: Buffer | null;
  /** Chinese sentences, one per problem found in the content. */
  readonly issues: string[];
}

// JS trim: also the full-width space (U+3000) people type in Chinese forms.
const clean = (s: string | undefined): string => (s ?? '').trim();
const lines = (s: string): string => s.replace(/\r\n?/g, '\n');

/** “王　五” (a two-character name spaced out to align with three-character ones) → 王五. */
function cleanName(raw: string): string {
  const name = clean(raw);
  return /^\p{Script=Han}\s+\p{Script=Han}$/u.test(name) ? name.replace(/\s+/g, '') : name;
}

/** Looks like a date (digits and date punctuation only), so 入党时间 is parsed rather than kept as text. */
const looksLikeDate = (s: string) => /^[\d\s.．\-/年月日]+$/.test(s);

function photoOf(base64: string, issues: string[]): Buffer | null {
  const b64 = base64.replace(/\s+/g, '');
  if (!b64) return null;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 === 1) {
    issues.push('照片数据已损坏（不是有效的 base64 编码），未导入照片');
    return null;
  }
  const photo = Buffer.from(b64, 'base64');
  if (photoMimeOf(photo) === null) {
    issues.push('照片不是 JPEG 或 PNG 图片，未导入照片');
    return null;
  }
  return photo;
}

function genderOf(raw: string): Gender | null {
  const g = clean(raw);
  if (g === '男' || g === '男性') return '男';
  if (g === '女' || g === '女性') return '女';
  return null;
}

/**
 * 入党时间: a date; free text for non-members (a 民主党派's name); or both, “199506；九三学社” (a date and a party).
 * There is no 政治面貌 on a cadre, so of both the date is kept and the rest named in an issue.
 */
function partyJoinOf(text: string, month: (text: string) => string, issues: string[]): string {
  if (!text || looksLikeDate(text)) return text && month(text);
  const both =
    /^([\d.．\-/年月日]{4,})\s*[；;，,、/／\s]\s*(\S.*)$/u.exec(text) ??
    /^(.*\S)\s*[；;，,、/／\s]\s*([\d.．\-/年月日]{4,})$/u.exec(text);
  if (!both) return text;
  const [date, rest] = looksLikeDate(both[1]!) ? [both[1]!, both[2]!] : [both[2]!, both[1]!];
  const value = month(date);
  if (value)
    issues.push(`入党时间“${shown(text)}”中的“${shown(rest)}”不是日期，只导入了日期（干部信息中没有政治面貌一项）`);
  return value || text;
}

const ISSUE_LABEL_MAX = 20;
const shown = (s: string) => (s.length > ISSUE_LABEL_MAX ? `${s.slice(0, ISSUE_LABEL_MAX)}…` : s);

/** Reads a .lrmx person as cadre profile fields; what it could not read is named in `issues`. */
export function personToCadre(person: LrmxPerson, opts: { today: Date }): PersonToCadreResult {
  const issues: string[] = [];
  const max = yearMonthOf(opts.today);
  const month = (raw: string, label: string, required: boolean): string => {
    const text = clean(raw);
    if (!text && !required) return '';
    const r = parseYearMonth(text, label, { max });
    if (r.ok) return r.value;
    issues.push(r.reason);
    return '';
  };

  const name = cleanName(person.xingMing);
  if (!name) issues.push('姓名为空');

  // 出生年月 missing or unreadable: the 身份证号 (checked below) can give it, with an issue saying so.
  const rawBirth = clean(person.chuShengNianYue);
  const birthIssuesAt = issues.length;
  let birthMonth = month(rawBirth, '出生年月', true);

  let idNumber = '';
  let idGender: Gender | null = null;
  const rawId = clean(person.shenFenZheng);
  if (rawId) {
    const id = validateIdNumber(rawId, opts.today);
    if (!id.ok) issues.push(`身份证号“${shown(rawId)}”无效：${id.reason}，未导入身份证号`);
    else {
      idNumber = id.idNumber;
      idGender = id.gender;
      const idMonth = id.birthDate.slice(0, 7);
      if (!birthMonth) {
        birthMonth = idMonth;
        const taken = `已按身份证号取“${formatYearMonth(idMonth)}”`;
        if (rawBirth) issues[birthIssuesAt] = `${issues[birthIssuesAt]}，${taken}`;
        else issues.splice(birthIssuesAt, 1, `缺少出生年月，${taken}`);
      } else if (id.birthDate.slice(0, 7) !== birthMonth) {
        issues.push(`出生年月（${formatYearMonth(birthMonth)}）与身份证号中的出生日期（${id.birthDate}）不一致`);
      }
    }
  }

  let gender = genderOf(person.xingBie);
  if (!gender) {
    const raw = clean(person.xingBie);
    const what = raw ? `性别“${shown(raw)}”无法识别，应为“男”或“女”` : '性别为空';
    issues.push(idGender ? `${what}，已按身份证号取“${idGender}”` : what);
    gender = idGender ?? '男'; // a stand-in: the issue above keeps the file from being imported unchecked
  } else if (idGender && idGender !== gender) {
    issues.push(`性别“${gender}”与身份证号显示的性别“${idGender}”不一致`);
  }

  const partyJoin = partyJoinOf(clean(person.ruDangShiJian), (text) => month(text, '入党时间', false), issues);

  const annual = readAnnualText(person.nianDuKaoHeJieGuo ?? '');
  if (annual.unreadable.length > 0) {
    const what = annual.unreadable.map((s) => `“${shown(s)}”`).join('、');
    issues.push(`年度考核结果${what}无法识别为逐年结果，已按原文保存在“年度考核结果（原文）”中`);
  }

  const family: FamilyMember[] = [];
  (person.jiaTingChengYuan ?? []).forEach((m: LrmxFamilyMember) => {
    const relation = clean(m.chengWei);
    const memberName = cleanName(m.xingMing);
    const rest = [m.chuShengRiQi, m.zhengZhiMianMao, m.gongZuoDanWeiJiZhiWu].map(clean);
    if (!relation && !memberName && rest.every((x) => !x)) return; // the editor's blank rows
    const who = memberName || relation || `第 ${family.length + 1} 位`;
    if (!relation || !memberName) issues.push(`家庭成员“${who}”缺少${relation ? '姓名' : '称谓'}`);
    family.push({
      relation,
      name: memberName,
      birthMonth: month(m.chuShengRiQi, `家庭成员“${who}”的出生日期`, false),
      politicalStatus: rest[1]!,
      workUnitPost: rest[2]!,
    });
  });

  const currentPost = clean(person.xianRenZhiWu);
  const resume = lines(clean(person.jianLi));
  const fields: LrmxCadreFields = {
    name,
    gender,
    ethnicity: clean(person.minZu),
    birthMonth,
    nativePlace: clean(person.jiGuan),
    birthPlace: clean(person.chuShengDi),
    partyJoin,
    workStart: month(person.canJiaGongZuoShiJian, '参加工作时间', false),
    health: clean(person.jianKangZhuangKuang),
    techTitle: clean(person.zhuanYeJiShuZhiWu),
    expertise: clean(person.shuXiZhuanYeYouHeZhuanChang),
    fulltimeEducation: clean(person.quanRiZhiJiaoYuXueLi),
    fulltimeDegree: clean(person.quanRiZhiJiaoYuXueWei),
    fulltimeSchool: joinSchools(
      person.quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi,
      person.quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi,
      person.quanRiZhiJiaoYuXueWei,
    ),
    parttimeEducation: clean(person.zaiZhiJiaoYuXueLi),
    parttimeDegree: clean(person.zaiZhiJiaoYuXueWei),
    parttimeSchool: joinSchools(
      person.zaiZhiJiaoYuXueLiBiYeYuanXiaoXi,
      person.zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi,
      person.zaiZhiJiaoYuXueWei,
    ),
    currentPost,
    postSince: postSinceFromResume(resume, currentPost, max),
    rank: '', // not in the format
    resume,
    rewards: lines(clean(person.jiangChengQingKuang)),
    idNumber,
    familiarFields: '', // 熟悉领域, 主要特点, 存在不足: the roster's own assessment fields, not in the format
    traits: '',
    shortcomings: '',
    annualResults: annual.results,
    annualResultsNote: annual.note,
    family,
  };
  return { fields, photo: photoOf(person.zhaoPian ?? '', issues), issues };
}

/** What a 任免事项 puts into the form (拟任/拟免, 任免理由, 呈报单位, 计算年龄时间, 填表人). */
export type MatterFields = Omit<AppointmentMatterInput, 'cadreId' | 'matterDate'> & { readonly matterDate?: string };

/**
 * The 任免事项 a file carries, or null when it names neither 拟任 nor 拟免 职务 (an archive copy, not an occasion).
 * 计算年龄时间 unreadable or missing: the file's 填表时间, else the import's month.
 */
export function matterOfPerson(
  person: LrmxPerson,
  opts: { today: Date },
): (MatterFields & { readonly matterDate: string }) | null {
  const proposedPost = clean(person.niRenZhiWu);
  const proposedRemoval = clean(person.niMianZhiWu);
  if (!proposedPost && !proposedRemoval) return null;
  const monthOf = (raw: string) => {
    const r = parseYearMonth(clean(raw), '计算年龄时间');
    return r.ok ? r.value : null;
  };
  return {
    proposedPost,
    proposedRemoval,
    reason: lines(clean(person.renMianLiYou)),
    reportingUnit: clean(person.chengBaoDanWei),
    ageAt: monthOf(person.jiSuanNianLingShiJian) ?? monthOf(person.tianBiaoShiJian) ?? yearMonthOf(opts.today),
    filledBy: clean(person.tianBiaoRen),
    matterDate: dayOf(clean(person.tianBiaoShiJian)) ?? localDay(opts.today),
  };
}

const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** 填表时间 as a day (YYYYMMDD, 2026.03.05 …), or null. */
function dayOf(raw: string): string | null {
  const m = /^(\d{4})[.\-/年]?(\d{2})[.\-/月]?(\d{2})日?$/.exec(raw);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** 'YYYY-MM' → 'YYYYMM' (the format's dates); anything else (free text, '') as it is. */
const toLrmxMonth = (ym: string): string => (/^\d{4}-\d{2}$/.test(ym) ? ym.replace('-', '') : ym);

/** Unit names a post may use for the unit: the name, without 中共, without 人民政府/委员会/党委 … */
function mentionsUnit(post: string, unitName: string): boolean {
  const full = unitName.trim();
  if (!full) return true;
  const core = full.replace(/^中共/, '').replace(/(人民政府|委员会|党工委|党委|党组|政府)$/, '');
  return post.includes(full) || (core.length >= 2 && post.includes(core));
}

/**
 * A cadre as a .lrmx person, for export to the national tools. Not carried by the format: 职级, 熟悉领域, 主要特点,
 * 存在不足, 正职/副职 and status; 任职时间 only through the 简历's open last line. The 现任职务 gets the unit's name in
 * front when it does not name the unit itself (“党委副书记” of 乌兰镇 → “乌兰镇党委副书记”), as the form expects a
 * full title.
 */
export function cadreToPerson(
  c: CadreInput & { unitName: string },
  photo: Buffer | null,
  opts: { today: Date; matter?: MatterFields | null },
): LrmxPerson {
  const t = opts.today;
  const m = opts.matter;
  const post = c.currentPost.trim();
  const firstPost = splitPosts(post)[0] ?? '';
  const currentPost = post && !mentionsUnit(firstPost, c.unitName) ? `${c.unitName.trim()}${post}` : post;
  const full = splitSchool(c.fulltimeSchool, c.fulltimeDegree);
  const part = splitSchool(c.parttimeSchool, c.parttimeDegree);
  return {
    xingMing: c.name,
    xingBie: c.gender,
    chuShengNianYue: toLrmxMonth(c.birthMonth),
    minZu: c.ethnicity,
    jiGuan: c.nativePlace,
    chuShengDi: c.birthPlace,
    ruDangShiJian: toLrmxMonth(c.partyJoin),
    canJiaGongZuoShiJian: toLrmxMonth(c.workStart),
    jianKangZhuangKuang: c.health,
    zhuanYeJiShuZhiWu: c.techTitle,
    shuXiZhuanYeYouHeZhuanChang: c.expertise,
    quanRiZhiJiaoYuXueLi: c.fulltimeEducation,
    quanRiZhiJiaoYuXueWei: c.fulltimeDegree,
    quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi: full.xueLi,
    quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi: full.xueWei,
    zaiZhiJiaoYuXueLi: c.parttimeEducation,
    zaiZhiJiaoYuXueWei: c.parttimeDegree,
    zaiZhiJiaoYuXueLiBiYeYuanXiaoXi: part.xueLi,
    zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi: part.xueWei,
    xianRenZhiWu: currentPost,
    niRenZhiWu: m?.proposedPost ?? '',
    niMianZhiWu: m?.proposedRemoval ?? '',
    jianLi: c.resume,
    jiangChengQingKuang: c.rewards,
    nianDuKaoHeJieGuo: formatAnnualText(c.annualResults, c.annualResultsNote),
    renMianLiYou: m?.reason ?? '',
    jiaTingChengYuan: c.family.map((m) => ({
      chengWei: m.relation,
      xingMing: m.name,
      chuShengRiQi: toLrmxMonth(m.birthMonth),
      zhengZhiMianMao: m.politicalStatus,
      gongZuoDanWeiJiZhiWu: m.workUnitPost,
    })),
    chengBaoDanWei: m?.reportingUnit ?? '',
    jiSuanNianLingShiJian: m ? toLrmxMonth(m.ageAt) : `${t.getFullYear()}${pad(t.getMonth() + 1)}`,
    // With a 任免事项, the form was filled in on the matter's day.
    tianBiaoShiJian: m?.matterDate
      ? m.matterDate.replace(/-/g, '')
      : `${t.getFullYear()}${pad(t.getMonth() + 1)}${pad(t.getDate())}`,
    tianBiaoRen: m?.filledBy ?? '',
    shenFenZheng: c.idNumber,
    zhaoPian: photo ? photo.toString('base64') : '',
    version: LRMX_EXPORT_VERSION,
  };
}
