// The cadre roster's domain: units, cadre profiles and their enumerations.
import type { PositionCode } from '../catalog/types';

export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

export const CADRE_STATUSES = ['在职', '调出', '退休', '免职', '辞职', '去世'] as const;
export type CadreStatus = (typeof CADRE_STATUSES)[number];

/** 职级 of 科级 cadres (default list; leadership posts first, then 职级 of the 公务员职务与职级并行 system). */
export const RANKS = [
  '正科级',
  '副科级',
  '一级主任科员',
  '二级主任科员',
  '三级主任科员',
  '四级主任科员',
  '四级调研员',
  '三级调研员',
] as const;

/** 学历 from highest to lowest; the roster filters by a cadre's highest one. */
export const EDUCATION_LEVELS = ['研究生', '大学', '大专', '中专', '高中及以下'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const POSITION_NAMES: Readonly<Record<PositionCode, string>> = { chief: '正职', deputy: '副职' };

export interface AnnualResult {
  readonly year: number;
  readonly result: string; // 优秀 / 称职 / 基本称职 / 不称职 / 不定等次 …
}

export interface FamilyMember {
  readonly relation: string; // 称谓
  readonly name: string;
  readonly birthMonth: string; // 'YYYY-MM' or ''
  readonly politicalStatus: string;
  readonly workUnitPost: string;
}

/** Everything a user edits on a cadre's profile (age is computed from birthMonth, never stored). */
export interface CadreInput {
  readonly name: string;
  readonly gender: Gender;
  readonly ethnicity: string;
  readonly birthMonth: string; // 'YYYY-MM'
  readonly nativePlace: string;
  readonly birthPlace: string;
  readonly partyJoin: string; // 'YYYY-MM', or free text for non-members (e.g. 民主党派名称)
  readonly workStart: string; // 'YYYY-MM' or ''
  readonly health: string;
  readonly techTitle: string;
  readonly expertise: string; // 熟悉专业有何专长
  readonly fulltimeEducation: string; // 全日制 学历
  readonly fulltimeDegree: string; // 全日制 学位
  readonly fulltimeSchool: string; // 全日制 毕业院校系及专业
  readonly parttimeEducation: string;
  readonly parttimeDegree: string;
  readonly parttimeSchool: string;
  readonly currentPost: string; // 现任职务
  readonly postSince: string; // 任职时间 'YYYY-MM' or ''
  readonly rank: string; // 职级
  readonly unitId: number;
  readonly position: PositionCode;
  readonly resume: string; // 简历, one period per line
  readonly rewards: string; // 奖惩情况
  readonly idNumber: string; // '' when unknown
  readonly familiarFields: string; // 熟悉领域
  readonly traits: string; // 主要特点
  readonly shortcomings: string; // 存在不足
  readonly status: CadreStatus;
  readonly annualResults: readonly AnnualResult[];
  /** 年度考核结果 text that could not be read as per-year results, kept verbatim (from imports or typed in). */
  readonly annualResultsNote: string;
  readonly family: readonly FamilyMember[];
}

export interface Unit {
  readonly id: number;
  readonly name: string;
  readonly categoryCode: string;
  readonly sort: number;
  readonly chiefCount: number;
  readonly deputyCount: number;
}
