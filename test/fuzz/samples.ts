// One valid input per call, the starting point of the near-valid mutations; a call without one gets a sample built
// from its zod schema, so a call added to the contract later is fuzzed near its valid shape too.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { defaultAssessmentConfig } from '../../shared/assessment/config-schema';
import type { CallName } from '../../shared/ipc/contract';

/** A complete profile (every text filled, family, annual results, a 身份证号 matching birth month and gender). */
export const CADRE_SAMPLE = {
  name: '模糊测试员',
  gender: '男',
  ethnicity: '汉族',
  birthMonth: '1978-03',
  nativePlace: '内蒙古鄂托克旗',
  birthPlace: '内蒙古鄂托克旗乌兰镇',
  partyJoin: '2001-06',
  workStart: '1999-07',
  health: '健康',
  techTitle: '农艺师',
  expertise: '基层党建',
  fulltimeEducation: '大学',
  fulltimeDegree: '农学学士',
  fulltimeSchool: '内蒙古农业大学',
  parttimeEducation: '研究生',
  parttimeDegree: '管理学硕士',
  parttimeSchool: '内蒙古党校',
  currentPost: '乌兰镇党委书记',
  postSince: '2019-05',
  rank: '正科级',
  unitId: 1,
  position: 'chief',
  resume: '1999.07--2019.05  乌兰镇干部\n2019.05--  乌兰镇党委书记',
  rewards: '无',
  idNumber: '150624197803153018',
  familiarFields: '基层党建',
  traits: '政治坚定',
  shortcomings: '理论学习有待加强',
  annualResultsNote: '',
  status: '在职',
  annualResults: [
    { year: 2022, result: '称职' },
    { year: 2023, result: '优秀' },
  ],
  family: [
    {
      relation: '妻子',
      name: '王丽',
      birthMonth: '1980-04',
      politicalStatus: '中共党员',
      workUnitPost: '乌兰镇中学教师',
    },
  ],
};

/** A dossier entry every field of which is filled and valid. */
export const ENTRY_SAMPLE = {
  date: '2025-08-14',
  subItemCode: 'S2.2',
  channelCode: 'CH09',
  title: '春季中青班优秀学员',
  content: '学习期间表现突出',
  polarity: 'positive',
  standardCodes: ['D4.2'],
  listItemCode: 'P3',
};

/**
 * Hand-written valid inputs, keyed by call name (a renamed call fails the type check). Their values are checked at
 * run time against each call's schema instead of typed: a schema that changes makes the fuzz test's first test fail
 * and name the stale sample. `neverCreatedDir` is a folder inside the test's temp root that is never created.
 */
export function handSamples(neverCreatedDir: string): Readonly<Record<string, unknown>> {
  const token = randomUUID();
  const jobId = randomUUID();
  return {
    'app.status': {},
    'setup.pickDirectory': {},
    'setup.createStore': { dir: neverCreatedDir, username: 'fuzzer', displayName: '模糊测试', password: 'Fuzz@2025x' },
    'setup.useExistingStore': { dir: neverCreatedDir },
    'session.login': { username: 'admin', password: 'not-the-password' },
    'session.recover': { recoveryCode: 'ABCD-EFGH-IJKL-MNOP', username: 'admin', newPassword: 'NewPass@2025' },
    'session.lock': {},
    'session.touch': {},
    'me.changePassword': { currentPassword: 'not-the-password', newPassword: 'NewPass@2025' },
    'catalog.get': {},
    'users.list': {},
    'users.create': { username: 'fuzzuser', displayName: '测试用户', role: 'reviewer', password: 'Fuzz@2025x' },
    'users.update': { userId: 2, displayName: '测试用户', role: 'reviewer' },
    'users.resetPassword': { userId: 2, newPassword: 'Fuzz@2025x' },
    'users.disable': { userId: 2 },
    'keys.rekey': {},
    'keys.newRecoveryCode': {},
    'audit.list': {
      username: 'admin',
      action: 'users.create',
      from: '2025-01-01',
      to: '2025-12-31',
      page: 1,
      pageSize: 50,
    },
    'audit.verify': {},
    'settings.get': {},
    'settings.update': { idleLockMinutes: 10 },
    'units.list': {},
    'units.save': { id: 1, name: '模糊测试单位', categoryCode: 'C1', sort: 1 },
    'units.delete': { id: 1 },
    'categories.save': { code: 'C1', name: '测试类别' },
    'roster.query': {
      unitId: 1,
      categoryCode: 'C1',
      position: 'chief',
      rank: '正科级',
      status: '在职',
      ageMin: 20,
      ageMax: 60,
      education: '大学',
      text: '王',
    },
    'cadres.get': { id: 1 },
    'cadres.create': { input: CADRE_SAMPLE },
    'cadres.update': { id: 1, version: 1, input: CADRE_SAMPLE },
    'cadres.setPhoto': { id: 1, token },
    'cadres.removePhoto': { id: 1 },
    'cadres.exportLrmx': { id: 1, token },
    'files.pickOpen': { purpose: 'excel' },
    'files.pickSave': { purpose: 'rosterExcel', suggestedName: '干部名册' },
    'roster.saveTemplate': { token },
    'roster.exportExcel': { token, filter: { status: '在职' } },
    'roster.previewExcel': { token },
    'units.previewExcel': { token },
    'units.commitExcel': { jobId, excludedRows: [2] },
    'roster.commitExcel': { jobId, excludedRows: [3, 4], confirmedRows: [5] },
    'roster.previewLrmx': { tokens: [token, randomUUID()] },
    'roster.commitLrmx': { jobId, files: [{ index: 0, unitId: 1, position: 'chief', confirmMatch: false }] },
    'jobs.status': { jobId },
    'jobs.cancel': { jobId },
    'portrait.getConfig': {},
    'catalog.admin': {},
    'catalog.saveEntry': { kind: 'subItem', parentCode: 'S2', name: '模糊测试子项' },
    'catalog.renameGroup': { kind: 'section', code: 'S2', name: '模糊测试板块' },
    'catalog.saveListItem': { polarity: 'negative', name: '模糊测试事项', points: -3, dimensions: ['D5'], veto: false },
    'catalog.setRetired': { kind: 'listItem', code: 'N6', retired: true },
    'catalog.move': { kind: 'channel', code: 'CH02', direction: 'down' },
    'portrait.saveConfig': {
      startValue: 80,
      windowYears: 2,
      clampMin: 0,
      clampMax: 100,
      goodMin: 90,
      fairlyGoodMin: 80,
      averageMin: 60,
      weakBelow: 70,
    },
    'portrait.get': { cadreId: 1, asOf: '2025-06-30' },
    'portrait.saveEvaluation': {
      cadreId: 1,
      abilities: '善于统筹协调',
      weaknesses: '有时急躁',
      familiarFields: '基层党建',
      baseVersion: 0,
    },
    'portrait.confirm': { cadreId: 1, grade: '较好', reason: '综合研判' },
    'dossier.get': { cadreId: 1, sectionCode: 'S2', quarter: '2025Q3', polarity: 'positive', standardCode: 'D4.2' },
    'entries.create': { input: { cadreId: 1, ...ENTRY_SAMPLE } },
    'entries.update': { id: 1, version: 1, input: { cadreId: 1, ...ENTRY_SAMPLE } },
    'entries.delete': { id: 1, version: 1 },
    'entries.verify': { id: 1, version: 1 },
    'entries.createBulk': {
      common: ENTRY_SAMPLE,
      rows: [
        { cadreId: 1, hours: 40, note: '优秀学员' },
        { cadreId: 2, hours: null, note: '' },
      ],
    },
    'attachments.add': { entryId: 1, token },
    'attachments.remove': { id: 1 },
    'attachments.read': { id: 1 },
    'attachments.preview': { id: 1 },
    'classes.list': {},
    'classes.save': {
      name: '春季中青班',
      startDate: '2025-03-01',
      endDate: '2025-03-20',
      hours: 40,
      organizer: '县委党校',
    },
    'classes.records': { classId: 1 },
    'classes.saveRecords': { classId: 1, rows: [{ cadreId: 1, hours: 40, result: 'excellent' }] },
    'training.previewYear': { year: 2025 },
    'training.commitYear': { year: 2025, token: 'x' },
    'training.batches': {},
    'training.withdrawBatch': { batchId: 'legacy:2025', reason: '误生成' },
    'dossier.completeness': { quarter: '2025Q3' },
    'dossier.exportMissing': { quarter: '2025Q3', unitId: 1, token },
    'collection.attestNone': { quarter: '2025Q3', sectionCode: 'S5', cadreIds: [1], note: '核查' },
    'appointments.list': { cadreId: 1 },
    'appointments.forms': { cadreIds: [1, 2], ageAt: '2026-03' },
    'appointments.create': {
      cadreId: 1,
      matterDate: '2026-03-01',
      proposedPost: '乌兰镇党委书记',
      proposedRemoval: '乌兰镇镇长',
      reason: '工作需要',
      reportingUnit: '中共某旗委',
      ageAt: '2026-03',
      filledBy: '张三',
    },
    'print.renderRenmian': { cadreIds: [1, 2], ageAt: '2026-03' },
    'reviews.get': { cadreId: 1, period: 'threeYears', asOf: '2025-12-31' },
    'reviews.conclude': {
      cadreId: 1,
      period: 'threeYears',
      asOf: '2025-12-31',
      conclusion: 'verify',
      reasons: '需核实诫勉整改情况',
      reviewer: '王干事',
      rechecker: '李科长',
      reviewDate: '2026-01-08',
    },
    'reviews.exportDocx': { cadreIds: [1, 2], period: 'year', token },
    'print.renderReview': { cadreIds: [1], period: 'sincePost', copies: 2, recipients: ['部务会'] },
    'collection.withdrawAttestation': { quarter: '2025Q3', sectionCode: 'S5', cadreId: 1 },
    'collection.setRequiredSections': { quarter: '2025Q3', sectionCodes: ['S1'] },
    'intake.generate': { quarter: '2025Q3', unitIds: [1], deadline: '2025-10-10', returnTo: '干部一科', token },
    'intake.generateChannel': {
      quarter: '2025Q3',
      channel: 'discipline',
      deadline: '2025-10-10',
      returnTo: '干部一科',
      token,
    },
    'intake.preview': { quarter: '2025Q3', token },
    'intake.commit': { jobId: token, leaveOut: [3] },
    'intake.list': { quarter: '2025Q3', status: 'pending' },
    'intake.counts': { quarter: '2025Q3' },
    'intake.accept': { rows: [{ id: 1, entry: ENTRY_SAMPLE }] },
    'intake.return': { ids: [1], reason: '不属实' },
    'intake.exportReturned': { quarter: '2025Q3', unitId: 1, token },
    'intake.previewAttachment': { id: 1 },
    'terminals.list': { assessmentId: 1 },
    'terminals.export': { assessmentId: 1, terminalNo: 1, groups: ['chief:C1'], token },
    'terminals.previewReturn': { assessmentId: 1, token },
    'terminals.importReturn': { assessmentId: 1, token },
    'terminals.resolveConflict': { assessmentId: 1, id: 1, choice: 'void' },
    'terminals.previewCancel': { assessmentId: 1, terminalNo: 1 },
    'terminals.cancel': { assessmentId: 1, terminalNo: 1, reason: '终端笔记本损坏', shown: [] },
    'terminal.pickPackage': {},
    'terminal.open': { token, password: 'ABCD-EFGH-JKLM-NPQR' },
    'terminal.resume': { password: 'ABCD-EFGH-JKLM-NPQR' },
    'terminal.form': { code: 'ABCD-EFGH' },
    'terminal.submit': { code: 'ABCD-EFGH', ballot: { kind: 'superior', order: [1, 2] } },
    'terminal.finish': { password: 'ABCD-EFGH-JKLM-NPQR' },
    'terminal.close': { password: 'ABCD-EFGH-JKLM-NPQR' },
    'dossier.exportDocx': { cadreId: 1, token },
    'dossier.search': { text: '优秀学员' },
    'assessments.list': {},
    'assessments.get': { id: 1 },
    'assessments.create': { name: '2025年度科级干部考核', year: 2025, scope: { categoryCodes: ['C1'], unitIds: [1] } },
    'assessments.updateConfig': { id: 1, version: 1, config: defaultAssessmentConfig() },
    'assessments.setState': { id: 1, version: 1, state: 'collecting' },
    'assessments.refreshMembers': { id: 1, version: 1 },
    'assessments.archive': { id: 1, version: 3 },
    'ballots.list': { assessmentId: 1, parts: ['superior', 'comments'] },
    'ballots.saveSuperior': {
      assessmentId: 1,
      raterLabel: '旗委书记',
      group: 'chief:C1',
      order: [1, 2],
      paperNo: 'S-1',
    },
    'ballots.savePeer': {
      assessmentId: 1,
      raterId: 1,
      ballots: [{ targetId: 2, scores: { zz1: 90, zz2: 85, zz3: 80 } }],
    },
    'ballots.saveStaff': { assessmentId: 1, counts: [{ targetId: 1, excellent: 3, good: 2, fair: 1, poor: 0 }] },
    'ballots.addStaffBallot': { assessmentId: 1, group: 'chief:C1', votes: [{ targetId: 1, grade: 'good' }] },
    'ballots.setVoidForms': { assessmentId: 1, group: 'chief:C1', reason: 'excellentCapExceeded', count: 1 },
    'ballots.saveService': { assessmentId: 1, targetId: 1, scores: [90, 88.5] },
    'ballots.delete': { assessmentId: 1, kind: 'service', id: 1 },
    'adjustments.add': { assessmentId: 1, targetId: 1, points: 2, date: '2025-05-01', reason: '获市级表彰' },
    'adjustments.delete': { assessmentId: 1, id: 1 },
    'adjustments.proposals': { assessmentId: 1 },
    'adjustments.dismissProposal': { assessmentId: 1, dossierEntryId: 1, dismissed: true },
    'vetoes.add': { assessmentId: 1, targetId: 1, reason: '违反政治纪律' },
    'vetoes.proposals': { assessmentId: 1 },
    'vetoes.delete': { assessmentId: 1, id: 1 },
    'ineligible.add': { assessmentId: 1, targetId: 1, reason: '本年度受诫勉' },
    'ineligible.delete': { assessmentId: 1, id: 1 },
    'ineligible.proposals': { assessmentId: 1 },
    'ineligible.dismissProposal': { assessmentId: 1, dossierEntryId: 1, dismissed: true },
    'participation.saveSheet': {
      assessmentId: 1,
      group: 'chief:C1',
      kind: 'staff',
      expected: 30,
      received: 28,
      invalid: 1,
      abstained: 1,
    },
    'rankings.get': { assessmentId: 1 },
    'rankings.whatIf': { assessmentId: 1, weights: defaultAssessmentConfig().weights },
    'grades.confirm': { assessmentId: 1, cadreId: 1, grade: 'competent', reason: '综合研判' },
    'grades.confirmSuggested': { assessmentId: 1, group: 'chief:C1', cadreIds: [1, 2] },
    'ballots.saveTemplate': { assessmentId: 1, token },
    'ballots.previewExcel': { assessmentId: 1, token },
    'ballots.commitExcel': {
      assessmentId: 1,
      jobId: '7d1e3f5a-2b4c-4d6e-8f0a-1b2c3d4e5f60',
      planKey: 'a'.repeat(64),
      modes: [{ group: 'deputy:1', mode: 'add' }],
      leftOut: [{ group: 'chief:C1', kind: 'peer', rater: '3' }],
    },
    'rankings.exportExcel': { assessmentId: 1, token },
    'ballots.exportSummary': { assessmentId: 1, token },
    'print.renderSlips': {
      assessmentId: 1,
      kind: 'superior',
      group: 'chief:C1',
      groupName: '正职组',
      slips: [{ seatLabel: '上级领导 第 1 号', code: 'ABCD-EFGH' }],
    },
    'print.saveSlips': { jobId, token },
    'print.renderHandover': { assessmentId: 1, terminalNo: 1, password: 'ABCD-EFGH-JKLM-NPQR' },
    'print.saveHandover': { jobId, token },
    'print.renderRankings': { assessmentId: 1, copies: 2, recipients: ['常委甲'], comments: true },
    'print.renderPanel': { assessmentId: 1, ballot: 'staff', group: 'deputy:1', copies: 120, recipients: [] },
  } satisfies { readonly [N in CallName]?: unknown };
}

type AnySchema = z.ZodType;
interface Def {
  readonly type: string;
  readonly shape?: Readonly<Record<string, AnySchema>>;
  readonly innerType?: AnySchema;
  readonly in?: AnySchema;
  readonly element?: AnySchema;
  readonly options?: readonly AnySchema[];
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly values?: readonly unknown[];
}
const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const STRING_CANDIDATES = () => [
  'fuzzer',
  'Fuzz@2025x',
  '模糊测试',
  randomUUID(),
  '2025-01-01',
  '1978-03',
  'C1',
  'ab',
  'a',
];
const NUMBER_CANDIDATES = [1, 10, 2025, 0, 100];

/** A value the schema accepts where a simple guess will do (best effort: refinements may still refuse it). */
export function sampleFromSchema(schema: AnySchema): unknown {
  const accepts = (v: unknown) => schema.safeParse(v).success;
  const first = (cands: readonly unknown[]) => cands.find(accepts) ?? cands[0];
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, s]) => [k, sampleFromSchema(s)]));
    case 'string':
      return first(STRING_CANDIDATES());
    case 'number':
    case 'int':
      return first(NUMBER_CANDIDATES);
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'array': {
      const one = [sampleFromSchema(def.element!)];
      return accepts(one) ? one : [];
    }
    case 'union':
      return first((def.options ?? []).map(sampleFromSchema));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
      return sampleFromSchema(def.innerType!);
    case 'pipe':
      return sampleFromSchema(def.in!);
    default:
      return undefined;
  }
}
