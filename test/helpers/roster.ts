// Shared pieces of the roster's integration tests: valid 身份证号, complete cadre inputs, units, users of each role,
// real photos, roster workbooks written with exceljs, and a digest of everything an import could touch.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS, ROSTER_SHEET, type ColumnKey } from '../../db/roster/excel/columns';
import { checkDigit } from '../../shared/roster/idcard';
import type { z } from 'zod';
import type { cadreInputSchema } from '../../shared/roster/schema';
import type { Unit } from '../../shared/roster/types';
import type { CadreProfile } from '../../shared/roster/views';
import { ROLE_LABELS, type Role } from '../../shared/roles';
import { newHostWithStore, type TestHost } from './host';
import { ADMIN } from './tmp-store';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const fixturePath = (name: string): string => `${FIXTURES}${name}`;

/** A valid 身份证号: region + birth date (YYYYMMDD) + a 3-digit sequence whose last digit's parity is the gender. */
export function makeId(birth: string, gender: '男' | '女', seq = 1, region = '150624'): string {
  const s = String(seq % 1000).padStart(3, '0');
  const last = Number(s[2]);
  const fixed = gender === '男' ? (last % 2 === 1 ? last : (last + 1) % 10) : last % 2 === 0 ? last : (last + 1) % 10;
  const first17 = `${region}${birth}${s.slice(0, 2)}${fixed}`;
  return first17 + checkDigit(first17);
}

/** The same 身份证号 with a wrong check digit. */
export const withWrongCheckDigit = (id: string): string => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

/** A profile as the window sends it (cadres.create / cadres.update's `input`). */
export type CadreForm = z.input<typeof cadreInputSchema>;

/** A complete, valid profile: every text filled (so a read-back proves each column is stored and returned). */
export function cadreInput(unitId: number, over: Partial<CadreForm> = {}): CadreForm {
  return {
    name: '巴特尔',
    gender: '男',
    ethnicity: '蒙古族',
    birthMonth: '1978-03',
    nativePlace: '内蒙古鄂托克旗',
    birthPlace: '内蒙古鄂托克旗乌兰镇',
    partyJoin: '2001-06',
    workStart: '1999-07',
    health: '健康',
    techTitle: '农艺师',
    expertise: '熟悉基层党建和农牧业工作',
    fulltimeEducation: '大学',
    fulltimeDegree: '农学学士',
    fulltimeSchool: '内蒙古农业大学草原管理专业',
    parttimeEducation: '研究生',
    parttimeDegree: '管理学硕士',
    parttimeSchool: '内蒙古党校经济管理专业',
    currentPost: '阿尔巴斯苏木党委书记',
    postSince: '2019-05',
    rank: '正科级',
    unitId,
    position: 'chief',
    resume:
      '1999.07--2006.03  鄂托克旗草原站干部\n2006.03--2019.05  鄂托克旗乌兰镇副镇长\n2019.05--  阿尔巴斯苏木党委书记',
    rewards: '2021年被评为全旗优秀党务工作者',
    idNumber: '150624197803153018',
    familiarFields: '基层党建、农牧业',
    traits: '政治坚定，扎根基层',
    shortcomings: '理论学习有待加强',
    annualResultsNote: '',
    status: '在职',
    annualResults: [
      { year: 2023, result: '优秀' },
      { year: 2021, result: '称职' },
      { year: 2022, result: '称职' },
    ],
    family: [
      {
        relation: '妻子',
        name: '王丽',
        birthMonth: '1980-04',
        politicalStatus: '中共党员',
        workUnitPost: '鄂托克旗第一中学教师',
      },
      {
        relation: '儿子',
        name: '巴音',
        birthMonth: '2005-09',
        politicalStatus: '共青团员',
        workUnitPost: '内蒙古大学学生',
      },
      {
        relation: '女儿',
        name: '萨仁',
        birthMonth: '2009-01',
        politicalStatus: '群众',
        workUnitPost: '鄂托克旗第二中学学生',
      },
    ],
    ...over,
  };
}

/** What the edit form sends back for a stored profile: the profile without its read-only fields. */
export function formOf(p: CadreProfile): CadreForm {
  const {
    id: _i,
    version: _v,
    age: _a,
    unitName: _u,
    categoryName: _c,
    photo: _p,
    idNumberMasked: _m,
    updatedAt: _t,
    ...input
  } = p;
  return { ...input, annualResults: [...input.annualResults], family: [...input.family] };
}

/** The smallest profile the schema accepts (optional texts empty, no 身份证号). */
export function minimalCadre(unitId: number, over: Partial<CadreForm> = {}): CadreForm {
  const blank = Object.fromEntries(
    Object.entries(cadreInput(unitId)).map(([k, v]) => [k, typeof v === 'string' ? '' : v]),
  );
  return {
    ...(blank as unknown as CadreForm),
    name: '张伟',
    gender: '男',
    birthMonth: '1980-01',
    currentPost: '科员',
    unitId,
    position: 'deputy',
    status: '在职',
    annualResults: [],
    family: [],
    ...over,
  };
}

/**
 * A host with a new store, the administrator logged in, and no automatic backup (its audit entry would land at an
 * unpredictable moment, and these tests compare the audit log before and after).
 */
export const newRosterHost = () => newHostWithStore({ autoBackup: false });

export const addUnit = (h: TestHost, name: string, categoryCode = 'C1', sort = 0): Promise<Unit> =>
  h.ok('units.save', { name, categoryCode, sort });

export const PASSWORDS: Readonly<Record<Role, string>> = {
  admin: 'Admin2@2025',
  dossierClerk: 'Dossier@2025',
  assessmentClerk: 'Assess@2025',
  reviewer: 'Review@2025',
};

/**
 * As the administrator, adds a user of the role (once) and logs in as that user. The administrator's password is
 * temporary, so the user first replaces it with PASSWORDS[role], as the forced change requires.
 */
export async function loginAs(h: TestHost, role: Role): Promise<void> {
  const username = `${role.toLowerCase()}1`;
  if (h.host.status().user?.role !== 'admin') await loginAdmin(h);
  const users = await h.ok('users.list', {});
  if (!users.some((u) => u.username === username)) {
    await addUser(h, { username, displayName: `${ROLE_LABELS[role]}甲`, role, password: PASSWORDS[role] });
  }
  await h.ok('session.login', { username, password: PASSWORDS[role] });
}

/** The administrator adds an account; its owner logs in once and sets `password`; the administrator is back. */
export async function addUser(
  h: TestHost,
  user: { username: string; displayName: string; role: Role; password: string },
): Promise<void> {
  const admin = h.host.status().user?.username ?? ADMIN.username;
  const temporary = `${user.password}#T`;
  await h.ok('users.create', { ...user, password: temporary });
  await h.ok('session.login', { username: user.username, password: temporary });
  await h.ok('me.changePassword', { currentPassword: temporary, newPassword: user.password });
  await h.ok('session.login', {
    username: admin,
    password: admin === ADMIN.username ? ADMIN.password : PASSWORDS.admin,
  });
}

export const loginAdmin = (h: TestHost) =>
  h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });

/** The 巴特尔 sample's photo: a real JPEG (90×120). */
export const sampleJpeg = (): Buffer =>
  Buffer.from(
    /<ZhaoPian>([^<]*)<\/ZhaoPian>/.exec(readFileSync(fixturePath('lrmx/巴特尔.lrmx'), 'utf8'))![1]!,
    'base64',
  );

/** A valid 2×2 RGB PNG, built chunk by chunk. */
export function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // RGB
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]); // filter byte + 2 pixels, twice
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Whole years of age at `today` for a 'YYYY-MM' birth month (the month counts as begun), computed independently. */
export function expectedAge(birthMonth: string, today = new Date()): number {
  const [y, m] = birthMonth.split('-').map(Number) as [number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m) age -= 1;
  return age;
}

const sha = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

/** Row counts and a digest of everything the roster's changes touch (cadres and children, units, categories, audit log). */
export async function rosterState(h: TestHost) {
  const db = h.host.session().db;
  const [cadres, results, family, photos, units, categories, audit] = await Promise.all([
    db.selectFrom('cadres').selectAll().orderBy('id').execute(),
    db.selectFrom('cadre_annual_results').selectAll().orderBy('cadre_id').orderBy('year').execute(),
    db.selectFrom('cadre_family').selectAll().orderBy('id').execute(),
    db.selectFrom('cadre_photos').selectAll().orderBy('cadre_id').execute(),
    db.selectFrom('units').selectAll().orderBy('id').execute(),
    db.selectFrom('catalog_categories').selectAll().orderBy('code').execute(),
    db.selectFrom('audit_log').select(['id', 'action', 'hash']).orderBy('id').execute(),
  ]);
  const photoDigest = photos.map((p) => ({
    cadre_id: p.cadre_id,
    mime: p.mime,
    data: sha(Buffer.from(p.data).toString('base64')),
  }));
  return {
    counts: {
      cadres: cadres.length,
      results: results.length,
      family: family.length,
      photos: photos.length,
      units: units.length,
      audit: audit.length,
    },
    digest: sha({ cadres, results, family, photoDigest, units, categories, audit }),
  };
}

export const auditEntries = async (h: TestHost) =>
  h.host.session().db.selectFrom('audit_log').selectAll().orderBy('id').execute();

export const lastAudit = async (h: TestHost) => {
  const rows = await auditEntries(h);
  const last = rows.at(-1)!;
  return { ...last, detail: JSON.parse(last.detail) as Record<string, unknown> };
};

export type RosterSheetRow = Partial<Record<ColumnKey, string>>;

/**
 * A 干部名册 workbook as a user's own sheet would be: row 1 the column labels (all template columns, or only
 * `columns`), then one row per cadre, every cell text. Written by exceljs, read back by the app's real parser.
 */
export async function rosterWorkbook(
  rows: readonly RosterSheetRow[],
  columns: readonly ColumnKey[] = ROSTER_COLUMNS.map((c) => c.key),
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(ROSTER_SHEET);
  ws.addRow(columns.map((k) => ROSTER_COLUMNS.find((c) => c.key === k)!.label));
  for (const r of rows) ws.addRow(columns.map((k) => r[k] ?? ''));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟强军磊勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林志国建文东海峰芳娜敏静丽艳娟霞秀玲桂英梅兰琳洁燕红萍';
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * `count` valid, distinct roster rows spread over the units (deterministic): each with a unique 身份证号 that agrees
 * with its 出生年月 and 性别, a 现任职务, 职级, 学历, 简历 and 年度考核结果.
 */
export function generatedRosterRows(count: number, unitNames: readonly string[]): RosterSheetRow[] {
  const rows: RosterSheetRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const gender = i % 3 === 0 ? '女' : '男';
    const year = 1966 + (i % 28);
    const month = 1 + ((i * 7) % 12);
    const day = 1 + ((i * 13) % 28);
    // Region and sequence from the row number: 500 rows per region, sequence 2k (+1 for men) — never the same twice.
    const id = makeId(`${year}${pad2(month)}${pad2(day)}`, gender, (i % 500) * 2, String(110101 + Math.floor(i / 500)));
    const unit = unitNames[i % unitNames.length]!;
    const chief = i % 4 === 0;
    rows.push({
      name:
        SURNAMES[i % SURNAMES.length]! +
        GIVEN[(i * 7) % GIVEN.length]! +
        (i % 2 === 0 ? GIVEN[(i * 11) % GIVEN.length]! : ''),
      gender,
      ethnicity: '汉族',
      birthMonth: `${year}.${pad2(month)}`,
      currentPost: `${unit}${chief ? '局长' : '副局长'}`,
      postSince: '2021.03',
      rank: chief ? '正科级' : '副科级',
      unit,
      position: chief ? '正职' : '副职',
      idNumber: id,
      fulltimeEducation: i % 5 === 0 ? '研究生' : '大学',
      status: '在职',
      annualResults: '2022年度称职；2023年度优秀',
      resume: `${year + 22}.07--2021.03  ${unit}科员\n2021.03--  ${unit}${chief ? '局长' : '副局长'}`,
    });
  }
  return rows;
}

/**
 * A units sheet as a department keeps it: a title row, then 单位名称 / 单位类别 / 排序号 headers (`headers` to vary
 * them), one row per unit, every cell text. Written by exceljs, read back by the app's real parser.
 */
export async function unitsWorkbook(
  rows: readonly (readonly string[])[],
  headers: readonly string[] = ['单位名称', '单位类别', '排序号'],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位');
  ws.addRow(['某旗科级单位一览表']);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
