// The zod schema of a cadre profile: every message Chinese and naming its field (used by the contract and imports).
import { z } from 'zod';
import { CADRE_STATUSES, GENDERS } from './types';
import { validateIdNumber } from './idcard';

const YM = /^\d{4}-(0[1-9]|1[0-2])$/;

const str = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`);
const req = (label: string, max: number) => str(label, max).min(1, `请填写${label}`);
const ym = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .regex(YM, `${label}应为“年-月”，例如 1975-03`);
const optionalYm = (label: string) =>
  z.union([z.literal(''), ym(label)], { error: `${label}应为“年-月”，例如 1975-03` });

export const CADRE_FIELD_LABELS = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthMonth: '出生年月',
  nativePlace: '籍贯',
  birthPlace: '出生地',
  partyJoin: '入党时间',
  workStart: '参加工作时间',
  health: '健康状况',
  techTitle: '专业技术职务',
  expertise: '熟悉专业有何专长',
  fulltimeEducation: '全日制学历',
  fulltimeDegree: '全日制学位',
  fulltimeSchool: '全日制毕业院校系及专业',
  parttimeEducation: '在职学历',
  parttimeDegree: '在职学位',
  parttimeSchool: '在职毕业院校系及专业',
  currentPost: '现任职务',
  postSince: '任职时间',
  rank: '职级',
  unitId: '单位',
  position: '正职/副职',
  resume: '简历',
  rewards: '奖惩情况',
  idNumber: '身份证号',
  familiarFields: '熟悉领域',
  traits: '主要特点',
  shortcomings: '存在不足',
  status: '状态',
  annualResults: '年度考核结果',
  annualResultsNote: '年度考核结果（原文）',
  family: '家庭主要成员',
} as const;

const L = CADRE_FIELD_LABELS;

export const annualResultSchema = z.strictObject(
  {
    year: z
      .number({ error: '考核年度必须是数字' })
      .int('考核年度必须是整数')
      .min(1950, '考核年度不正确')
      .max(2100, '考核年度不正确'),
    result: req('考核结果', 20),
  },
  { error: '年度考核结果格式不正确' },
);

export const familyMemberSchema = z.strictObject(
  {
    relation: req('家庭成员称谓', 20),
    name: req('家庭成员姓名', 40),
    birthMonth: optionalYm('家庭成员出生年月'),
    politicalStatus: str('家庭成员政治面貌', 40),
    workUnitPost: str('家庭成员工作单位及职务', 200),
  },
  { error: '家庭主要成员格式不正确' },
);

export const cadreInputSchema = z
  .strictObject(
    {
      name: req(L.name, 40),
      gender: z.enum(GENDERS, { error: '性别应为“男”或“女”' }),
      ethnicity: str(L.ethnicity, 20),
      birthMonth: ym(L.birthMonth),
      nativePlace: str(L.nativePlace, 60),
      birthPlace: str(L.birthPlace, 60),
      partyJoin: str(L.partyJoin, 40),
      workStart: optionalYm(L.workStart),
      health: str(L.health, 40),
      techTitle: str(L.techTitle, 60),
      expertise: str(L.expertise, 200),
      fulltimeEducation: str(L.fulltimeEducation, 20),
      fulltimeDegree: str(L.fulltimeDegree, 40),
      fulltimeSchool: str(L.fulltimeSchool, 200),
      parttimeEducation: str(L.parttimeEducation, 20),
      parttimeDegree: str(L.parttimeDegree, 40),
      parttimeSchool: str(L.parttimeSchool, 200),
      currentPost: req(L.currentPost, 100),
      postSince: optionalYm(L.postSince),
      rank: str(L.rank, 20),
      unitId: z.number({ error: '请选择单位' }).int('请选择单位').positive('请选择单位'),
      position: z.enum(['chief', 'deputy'], { error: '请选择正职或副职' }),
      resume: str(L.resume, 5000),
      rewards: str(L.rewards, 2000),
      idNumber: z.string({ error: '身份证号必须是文字' }).trim().toUpperCase(),
      familiarFields: str(L.familiarFields, 500),
      traits: str(L.traits, 1000),
      shortcomings: str(L.shortcomings, 1000),
      status: z.enum(CADRE_STATUSES, { error: `状态应为${CADRE_STATUSES.join('、')}之一` }),
      annualResults: z
        .array(annualResultSchema, { error: '年度考核结果格式不正确' })
        .max(60, '年度考核结果过多')
        .readonly(),
      annualResultsNote: str(L.annualResultsNote, 2000),
      family: z.array(familyMemberSchema, { error: '家庭主要成员格式不正确' }).max(30, '家庭成员过多').readonly(),
    },
    { error: '干部信息格式不正确' },
  )
  .superRefine((c, ctx) => {
    if (c.idNumber) {
      const id = validateIdNumber(c.idNumber);
      if (!id.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: id.reason });
      else if (id.birthDate.slice(0, 7) !== c.birthMonth) {
        // An empty 出生年月 is named as such (never “与出生年月（）不一致”); its own check says to fill it in.
        const message = c.birthMonth
          ? `身份证号中的出生日期（${id.birthDate.slice(0, 7)}）与出生年月（${c.birthMonth}）不一致`
          : `身份证号中的出生日期为 ${id.birthDate.slice(0, 7)}，请填写出生年月`;
        ctx.addIssue({ code: 'custom', path: ['idNumber'], message });
      } else if (id.gender !== c.gender) {
        ctx.addIssue({
          code: 'custom',
          path: ['idNumber'],
          message: `身份证号显示性别为“${id.gender}”，与所填性别不一致`,
        });
      }
    }
    const years = new Set<number>();
    c.annualResults.forEach((r, i) => {
      if (years.has(r.year))
        ctx.addIssue({ code: 'custom', path: ['annualResults', i, 'year'], message: `${r.year} 年度的考核结果重复` });
      years.add(r.year);
    });
    if (c.workStart && c.workStart < c.birthMonth) {
      ctx.addIssue({ code: 'custom', path: ['workStart'], message: '参加工作时间不能早于出生年月' });
    }
  });

export type CadreInputParsed = z.output<typeof cadreInputSchema>;
