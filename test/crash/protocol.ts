// What the crash harness's writer and its parent agree on: the seeded PRNG, the data of transaction n, the lines.
// Imported by the child too, so it must not import vitest (nor anything that does).
import type { CallName } from '../../shared/ipc/contract';
import { checkDigit } from '../../shared/roster/idcard';

/** The administrator both sides log in as (the store is created by the parent). */
export const CRASH_ADMIN = { username: 'admin', displayName: '王管理员', password: 'Crash@2025' } as const;

/** mulberry32: a tiny seeded PRNG, so a failing schedule can be replayed from the printed seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The four kinds of change the writer makes, each one call of the contract (its audit entry's action). */
export const KINDS = {
  unit: 'units.save',
  create: 'cadres.create',
  update: 'cadres.update',
  setting: 'settings.update',
} as const satisfies Record<string, CallName>;
export type Kind = keyof typeof KINDS;

/** Transaction n's unit: its name carries n. */
export const unitName = (n: number): string => `压测单位${n}`;

/** Transaction n's new cadre: gender, birth month and a 身份证号 unique to n (region and sequence encode it). */
export function cadreIdentity(n: number): { gender: '男' | '女'; birthMonth: string; idNumber: string } {
  const gender = n % 3 === 0 ? '女' : '男';
  const year = 1965 + (n % 30);
  const month = 1 + (n % 12);
  const day = 1 + (n % 28);
  const pad2 = (x: number) => String(x).padStart(2, '0');
  const seq = String((n % 500) * 2 + (gender === '男' ? 1 : 0)).padStart(3, '0');
  const first17 = `${110000 + Math.floor(n / 500)}${year}${pad2(month)}${pad2(day)}${seq}`;
  return { gender, birthMonth: `${year}-${pad2(month)}`, idNumber: first17 + checkDigit(first17) };
}

/** What transaction n writes into 熟悉专业有何专长 (a create, or an update that must be seen whole or not at all). */
export const expertiseTag = (n: number): string => `压测事务${n}`;

/** Every stress cadre keeps exactly this many yearly results and family members (a torn rewrite shows). */
export const RESULTS_PER_CADRE = 3;
export const FAMILY_PER_CADRE = 2;

/** The profile transaction n saves (create: a new cadre; update: `identity` and unit of the cadre it edits). */
export function cadreForm(n: number, unitId: number, identity = cadreIdentity(n)) {
  const results = ['优秀', '称职', '基本称职'];
  return {
    name: '巴特尔',
    gender: identity.gender,
    ethnicity: '蒙古族',
    birthMonth: identity.birthMonth,
    nativePlace: '内蒙古鄂托克旗',
    birthPlace: '内蒙古鄂托克旗乌兰镇',
    partyJoin: '2001-06',
    workStart: '',
    health: '健康',
    techTitle: '农艺师',
    expertise: expertiseTag(n),
    fulltimeEducation: '大学',
    fulltimeDegree: '农学学士',
    fulltimeSchool: '内蒙古农业大学草原管理专业',
    parttimeEducation: '研究生',
    parttimeDegree: '管理学硕士',
    parttimeSchool: '内蒙古党校经济管理专业',
    currentPost: n % 2 === 0 ? '苏木党委书记' : '苏木党委副书记',
    postSince: '2019-05',
    rank: '正科级',
    unitId,
    position: n % 2 === 0 ? ('chief' as const) : ('deputy' as const),
    resume: `1999.07--2019.05  鄂托克旗草原站干部\n2019.05--  第${n}次保存`,
    rewards: '2021年被评为全旗优秀党务工作者',
    idNumber: identity.idNumber,
    familiarFields: '基层党建、农牧业',
    traits: '政治坚定，扎根基层',
    shortcomings: '理论学习有待加强',
    annualResultsNote: '',
    status: '在职' as const,
    annualResults: Array.from({ length: RESULTS_PER_CADRE }, (_, i) => ({
      year: 2021 + i,
      result: results[(n + i) % 3]!,
    })),
    family: Array.from({ length: FAMILY_PER_CADRE }, (_, i) => ({
      relation: i === 0 ? '妻子' : '儿子',
      name: `家属${n}-${i}`,
      birthMonth: '1980-04',
      politicalStatus: '群众',
      workUnitPost: '鄂托克旗第一中学教师',
    })),
  };
}

/** Transaction n's idle-lock time; the writer steps it when it equals the current one, so a change always shows. */
export const settingValue = (n: number, current: number): number => {
  const v = 1 + (n % 240);
  return v === current ? 1 + (v % 240) : v;
};

/** What a transaction is about, sent before it starts (so the parent knows the change in flight when a kill lands). */
export interface Intent {
  readonly n: number;
  readonly kind: Kind;
  /** update: the cadre edited; setting: the new value. */
  readonly cadreId?: number;
  readonly value?: number;
}

/** Sent after the call returned, i.e. after COMMIT returned. */
export interface Committed extends Intent {
  /** The id of the change's audit entry (read once the commit returned: the newest entry of its action). */
  readonly auditId: number;
  /** unit: the unit's id; create and update: the cadre's id. */
  readonly entityId?: number;
}

/**
 * The writer's stdout, one line each (written with process.stdout.write, synchronous for pipes on Linux):
 *   ready                     logged in, about to write
 *   begin <Intent json>       about to make the call
 *   inside <n>                BEGIN has run: the change's statements are executing (busy work may follow)
 *   committed <json>          the call returned after COMMIT
 */
export type WriterLine =
  | { t: 'ready' }
  | { t: 'begin'; intent: Intent }
  | { t: 'inside'; n: number }
  | { t: 'committed'; committed: Committed };

export function formatLine(l: WriterLine): string {
  switch (l.t) {
    case 'ready':
      return 'ready\n';
    case 'begin':
      return `begin ${JSON.stringify(l.intent)}\n`;
    case 'inside':
      return `inside ${l.n}\n`;
    case 'committed':
      return `committed ${JSON.stringify(l.committed)}\n`;
  }
}

/** A complete line (without its newline); anything else is a protocol error. */
export function parseLine(line: string): WriterLine {
  const sp = line.indexOf(' ');
  const tag = sp === -1 ? line : line.slice(0, sp);
  const rest = sp === -1 ? '' : line.slice(sp + 1);
  if (tag === 'ready' && rest === '') return { t: 'ready' };
  if (tag === 'begin') return { t: 'begin', intent: JSON.parse(rest) as Intent };
  if (tag === 'inside') return { t: 'inside', n: Number(rest) };
  if (tag === 'committed') return { t: 'committed', committed: JSON.parse(rest) as Committed };
  throw new Error(`writer sent an unknown line: ${JSON.stringify(line)}`);
}

/** The writer's start arguments (one JSON argv): enough to load, nothing that touches the store. */
export interface WriterBoot {
  readonly configDir: string;
  readonly storeDir: string;
  /** Scrypt cost of the store (FAST_KDF), passed so the writer imports nothing from the test helpers. */
  readonly kdfCost: { N: number; r: number; p: number };
}

/**
 * The one line the parent sends on the writer's stdin when the previous writer's kill has been checked. Until then
 * the writer only loads its modules, so the next writer starts while the parent checks the last kill.
 */
export interface WriterGo {
  /** Seeds the writer's choices of kind, target and busy work. */
  readonly seed: number;
  /** The number of its first transaction (numbers are global across writers). */
  readonly firstN: number;
  /** Upper bound of the random busy work inside a transaction, in ms. */
  readonly busyMaxMs: number;
  /** A small wal_autocheckpoint (pages) so checkpoints, and kills during them, happen; null keeps the app's. */
  readonly walAutocheckpoint: number | null;
}
