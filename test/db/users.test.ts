// Accounts through the real dispatcher and host: adding users, passwords, disabling, role refusal, input checks.
import { describe, expect, test } from 'vitest';
import { keyslotPath } from '../../db/store/files';
import { passwordSlotId, readKeySlots } from '../../db/store/keyslots';
import { contract, type CallInput, type CallName } from '../../shared/ipc/contract';
import { ROLES, ROLE_LABELS, type Role } from '../../shared/roles';
import { newHost, newHostWithStore, type TestHost } from '../helpers/host';
import { sha256File } from '../helpers/files';
import { addUnit, cadreInput } from '../helpers/roster';
import { defaultAssessmentConfig } from '../../shared/assessment/config-schema';
import { ADMIN } from '../helpers/tmp-store';
import { DEFAULT_PORTRAIT_CONFIG } from '../../shared/portrait/config';
import { DEFAULT_POST_ORDER } from '../../shared/roster/post-order';

const PASSWORDS: Record<Role, string> = {
  admin: 'Admin2@2025',
  dossierClerk: 'Dossier@2025',
  assessmentClerk: 'Assess@2025',
  reviewer: 'Review@2025',
};

/** What a change would touch: the users table and the audit log, read straight from the open store. */
async function snapshot(h: TestHost) {
  const db = h.host.session().db;
  const users = await db.selectFrom('users').selectAll().orderBy('id').execute();
  const audit = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id').execute();
  const settings = await db.selectFrom('settings').selectAll().orderBy('key').execute();
  const units = await db.selectFrom('units').selectAll().orderBy('id').execute();
  const categories = await db.selectFrom('catalog_categories').selectAll().orderBy('code').execute();
  const catalog = await Promise.all(
    (['catalog_sub_items', 'catalog_channels', 'catalog_standards', 'catalog_list_items'] as const).map((t) =>
      db.selectFrom(t).selectAll().orderBy('code').execute(),
    ),
  );
  const cadres = await db.selectFrom('cadres').selectAll().orderBy('id').execute();
  const photos = await db.selectFrom('cadre_photos').select('cadre_id').execute();
  return {
    users,
    audit,
    settings,
    units,
    categories,
    catalog,
    cadres,
    photos,
    keyslots: sha256File(keyslotPath(h.dir)),
  };
}

/** Logs in with the administrator's temporary password and replaces it at once, as the forced change requires. */
async function loginFirstTime(h: TestHost, username: string, temporary: string) {
  await h.ok('session.login', { username, password: temporary });
  await h.ok('me.changePassword', { currentPassword: temporary, newPassword: `${temporary}!own` });
}

async function addUser(h: TestHost, role: Role, username: string = `${role.toLowerCase()}1`) {
  return h.ok('users.create', { username, displayName: `${ROLE_LABELS[role]}甲`, role, password: PASSWORDS[role] });
}

describe('adding users', () => {
  test('an administrator adds a user of each role; each can log in, with their role, and must change the password', async () => {
    const h = await newHostWithStore();
    for (const role of ROLES) {
      const row = await addUser(h, role);
      expect(row).toMatchObject({
        username: `${role.toLowerCase()}1`,
        role,
        disabled: false,
        mustChangePassword: true,
        lastLoginAt: null,
      });
    }
    const list = await h.ok('users.list', {});
    expect(list.map((u) => [u.username, u.role])).toEqual([
      ['admin', 'admin'],
      ...ROLES.map((r) => [`${r.toLowerCase()}1`, r]),
    ]);

    for (const role of ROLES) {
      const user = await h.ok('session.login', { username: `${role}1`, password: PASSWORDS[role] });
      expect(user).toMatchObject({
        username: `${role.toLowerCase()}1`,
        role,
        mustChangePassword: true,
        displayName: `${ROLE_LABELS[role]}甲`,
      });
      expect(h.host.status()).toMatchObject({ phase: 'ready', user: { role }, lastUsername: `${role.toLowerCase()}1` });
    }
  });

  test('the user name is stored in lower case and logins ignore case', async () => {
    const h = await newHostWithStore();
    const row = await h.ok('users.create', {
      username: 'Wang.Wu_01',
      displayName: '王五',
      role: 'reviewer',
      password: 'Review@2025',
    });
    expect(row.username).toBe('wang.wu_01');
    await h.ok('session.login', { username: 'WANG.WU_01', password: 'Review@2025' });
  });

  test('a Chinese user name works', async () => {
    const h = await newHostWithStore();
    await h.ok('users.create', {
      username: '张三',
      displayName: '张三',
      role: 'dossierClerk',
      password: 'Dossier@2025',
    });
    expect(await h.ok('session.login', { username: '张三', password: 'Dossier@2025' })).toMatchObject({
      role: 'dossierClerk',
    });
  });

  test('a duplicate user name (in any case) is refused on the username field in Chinese, and nothing is written', async () => {
    const h = await newHostWithStore();
    await addUser(h, 'reviewer', 'reader');
    const before = await snapshot(h);
    for (const username of ['reader', 'READER', 'admin']) {
      const e = await h.err('users.create', {
        username,
        displayName: '重复',
        role: 'reviewer',
        password: 'Another@2025',
      });
      expect(e).toEqual({
        code: 'VALIDATION',
        field: 'username',
        message: `用户名“${username.toLowerCase()}”已存在，请换一个`,
      });
    }
    expect(await snapshot(h)).toEqual(before);
    // The existing user's password is unchanged.
    await h.ok('session.login', { username: 'reader', password: PASSWORDS.reviewer });
  });
});

describe('passwords', () => {
  test('me.changePassword: a wrong current password is refused on its field; after a change only the new password works', async () => {
    const h = await newHostWithStore();
    await addUser(h, 'reviewer', 'reader');
    await h.ok('session.login', { username: 'reader', password: PASSWORDS.reviewer });

    const before = await snapshot(h);
    const e = await h.err('me.changePassword', { currentPassword: 'not-my-password', newPassword: 'Mine@20250' });
    expect(e).toEqual({ code: 'WRONG_PASSWORD', field: 'currentPassword', message: '当前密码不正确' });
    const same = await h.err('me.changePassword', {
      currentPassword: PASSWORDS.reviewer,
      newPassword: PASSWORDS.reviewer,
    });
    expect(same).toEqual({ code: 'VALIDATION', field: 'newPassword', message: '新密码不能与当前密码相同' });
    // Nothing changed but the one audit entry of the wrong current password (等保: failed tries are recorded).
    const after = await snapshot(h);
    expect({ ...after, audit: after.audit.slice(0, -1) }).toEqual(before);
    const last = await h.host
      .session()
      .db.selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'session.loginFailed', target: 'reader' });

    await h.ok('me.changePassword', { currentPassword: PASSWORDS.reviewer, newPassword: 'Mine@20250' });
    expect(h.host.status().user?.mustChangePassword).toBe(false);
    await h.ok('session.lock', {});
    expect(await h.err('session.login', { username: 'reader', password: PASSWORDS.reviewer })).toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    expect(await h.ok('session.login', { username: 'reader', password: 'Mine@20250' })).toMatchObject({
      mustChangePassword: false,
    });
  });

  test('users.resetPassword: the old password stops working, the new one works and must be changed at login', async () => {
    const h = await newHostWithStore();
    const user = await addUser(h, 'assessmentClerk', 'clerk');
    await h.ok('session.login', { username: 'clerk', password: PASSWORDS.assessmentClerk });
    await h.ok('me.changePassword', { currentPassword: PASSWORDS.assessmentClerk, newPassword: 'Chosen@2025' });
    await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });

    const row = await h.ok('users.resetPassword', { userId: user.id, newPassword: 'Temp@20251' });
    expect(row).toMatchObject({ username: 'clerk', mustChangePassword: true, disabled: false });
    expect(await h.err('session.login', { username: 'clerk', password: 'Chosen@2025' })).toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    expect(await h.ok('session.login', { username: 'clerk', password: 'Temp@20251' })).toMatchObject({
      mustChangePassword: true,
    });
  });

  test('resetting the password of an unknown user id is NOT_FOUND', async () => {
    const h = await newHostWithStore();
    const before = await snapshot(h);
    expect(await h.err('users.resetPassword', { userId: 999, newPassword: 'Temp@20251' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'userId',
    });
    expect(await snapshot(h)).toEqual(before);
  });
});

describe('disabling', () => {
  test('a disabled user can no longer open the store and their wrapped key is gone from keyslots.json', async () => {
    const h = await newHostWithStore();
    const user = await addUser(h, 'dossierClerk', 'clerk');
    const file = readKeySlots(h.dir);
    const slotId = passwordSlotId(file.storeId, 'clerk');
    expect(file.slots.find((s) => s.id === slotId)?.wrapped).not.toBeNull();

    const row = await h.ok('users.disable', { userId: user.id });
    expect(row).toMatchObject({ username: 'clerk', disabled: true });
    const after = readKeySlots(h.dir).slots.find((s) => s.id === slotId);
    expect(after).toBeDefined();
    expect(after!.wrapped).toBeNull();

    // The right password of a disabled account gets the answer of a wrong one: nobody learns the account exists.
    const e = await h.err('session.login', { username: 'clerk', password: PASSWORDS.dossierClerk });
    expect(e).toEqual({ code: 'WRONG_PASSWORD', field: 'password', message: '用户名或密码错误，请重新输入' });
    // The refused login did not end the administrator's session.
    expect(h.host.status().user?.username).toBe('admin');
    expect(await h.err('users.disable', { userId: user.id })).toMatchObject({ code: 'VALIDATION', field: 'userId' });

    // Resetting the password makes a new slot and re-enables the account.
    expect(await h.ok('users.resetPassword', { userId: user.id, newPassword: 'Again@2025' })).toMatchObject({
      disabled: false,
    });
    expect(await h.ok('session.login', { username: 'clerk', password: 'Again@2025' })).toMatchObject({
      role: 'dossierClerk',
    });
  });

  test('an administrator cannot disable their own account', async () => {
    const h = await newHostWithStore();
    await addUser(h, 'admin', 'admin2'); // even with a second administrator
    const me = h.host.status().user!;
    const before = await snapshot(h);
    expect(await h.err('users.disable', { userId: me.id })).toEqual({
      code: 'VALIDATION',
      field: 'userId',
      message: '不能停用当前登录的账户',
    });
    expect(await snapshot(h)).toEqual(before);
  });

  test('the only administrator cannot be demoted', async () => {
    const h = await newHostWithStore();
    const me = h.host.status().user!;
    const before = await snapshot(h);
    expect(await h.err('users.update', { userId: me.id, displayName: '王管理员', role: 'reviewer' })).toEqual({
      code: 'VALIDATION',
      field: 'role',
      message: '不能更改唯一一名系统管理员的角色，请先添加另一名系统管理员',
    });
    expect(await snapshot(h)).toEqual(before);
  });

  test('with two administrators one may step down, and loses administrator calls at once', async () => {
    const h = await newHostWithStore();
    await addUser(h, 'admin', 'admin2');
    const me = h.host.status().user!;
    expect(await h.ok('users.update', { userId: me.id, displayName: '王管理员', role: 'reviewer' })).toMatchObject({
      role: 'reviewer',
    });
    expect(h.host.status().user?.role).toBe('reviewer');
    expect(await h.err('users.list', {})).toMatchObject({ code: 'FORBIDDEN' });
  });

  test('the last active administrator cannot be disabled, even by a session that still believes it is an administrator', async () => {
    // Two sessions on one store: A demotes nobody yet; B (an administrator) demotes A, then A tries to disable B.
    const a = await newHostWithStore();
    await addUser(a, 'admin', 'admin2');
    const b = newHost();
    await b.ok('setup.useExistingStore', { dir: a.dir });
    await loginFirstTime(b, 'admin2', PASSWORDS.admin);
    const idA = a.host.status().user!.id;
    const idB = b.host.status().user!.id;
    await b.ok('users.update', { userId: idA, displayName: '王管理员', role: 'dossierClerk' });

    const e = await a.err('users.disable', { userId: idB });
    // The service refuses it (or, if the session's role is re-read, the dispatcher does): B stays an active administrator.
    expect(['VALIDATION', 'FORBIDDEN']).toContain(e.code);
    if (e.code === 'VALIDATION') expect(e).toMatchObject({ field: 'userId', message: '不能停用唯一一名系统管理员' });
    const rows = await b.ok('users.list', {});
    expect(rows.find((u) => u.id === idB)).toMatchObject({ role: 'admin', disabled: false });
    await b.ok('session.login', { username: 'admin2', password: `${PASSWORDS.admin}!own` });
  });
});

const CALL_NAMES_OF_ROSTER_EDITORS = [
  'units.save',
  'units.previewExcel',
  'units.commitExcel',
  'units.delete',
  'categories.save',
  'cadres.create',
  'cadres.update',
  'cadres.setPhoto',
  'cadres.removePhoto',
  'cadres.exportLrmx',
  'roster.saveTemplate',
  'roster.exportExcel',
  'roster.previewExcel',
  'roster.commitExcel',
  'roster.previewLrmx',
  'roster.commitLrmx',
  'appointments.create',
  'appointments.forms',
  'print.renderRenmian',
] as const satisfies readonly CallName[];

describe('role refusal', () => {
  /** A valid input for every call that only some roles may make (the schema is checked before the role). */
  const TOKEN = '0b6f2c5e-8a4d-4f0e-9c3b-2d7e5a1f6c90';
  const ENTRY = {
    date: '2025-03-14',
    subItemCode: 'S1.1',
    channelCode: 'CH01',
    title: '越权材料',
    content: '',
    polarity: 'neutral' as const,
    standardCodes: [] as string[],
    listItemCode: null,
  };
  const JOB = '7d1e3f5a-2b4c-4d6e-8f0a-1b2c3d4e5f60';
  const restrictedInputs = (ids: {
    user: number;
    unit?: number;
    cadre?: number;
  }): { [N in CallName]?: CallInput<N> } => ({
    'units.save': { name: '越权单位', categoryCode: 'C1', sort: 1 },
    'units.delete': { id: ids.unit ?? 1 },
    'categories.save': { name: '越权类别' },
    'cadres.get': { id: ids.cadre ?? 1 },
    'cadres.create': { input: cadreInput(ids.unit ?? 1, { name: '越权者', idNumber: '' }) },
    'cadres.update': { id: ids.cadre ?? 1, version: 1, input: cadreInput(ids.unit ?? 1, { name: '改名' }) },
    'cadres.setPhoto': { id: ids.cadre ?? 1, token: TOKEN },
    'cadres.removePhoto': { id: ids.cadre ?? 1 },
    'cadres.exportLrmx': { id: ids.cadre ?? 1, token: TOKEN },
    'files.pickOpen': { purpose: 'excel' },
    'files.pickSave': { purpose: 'template', suggestedName: '干部名册导入模板' },
    'roster.saveTemplate': { token: TOKEN },
    'roster.exportExcel': { token: TOKEN, filter: {} },
    'roster.previewExcel': { token: TOKEN },
    'units.previewExcel': { token: TOKEN },
    'units.commitExcel': { jobId: JOB, excludedRows: [] },
    'roster.commitExcel': { jobId: JOB, excludedRows: [], confirmedRows: [] },
    'roster.previewLrmx': { tokens: [TOKEN] },
    'roster.commitLrmx': {
      jobId: JOB,
      files: [{ index: 0, unitId: ids.unit ?? 1, position: 'chief', confirmMatch: false }],
    },
    'backup.create': { token: TOKEN },
    'backup.listAuto': {},
    'backup.inspect': { token: TOKEN },
    'backup.unlock': { token: TOKEN, username: 'admin', password: ADMIN.password },
    'backup.restore': { jobId: JOB },
    'backup.discard': { jobId: JOB },
    'users.list': {},
    'users.create': { username: 'intruder', displayName: '越权者', role: 'admin', password: 'Intrude@2025' },
    'users.update': { userId: ids.user, displayName: '改名', role: 'admin' },
    'users.resetPassword': { userId: ids.user, newPassword: 'Intrude@2025' },
    'users.disable': { userId: 1 },
    'keys.rekey': {},
    'keys.newRecoveryCode': {},
    'audit.list': { page: 1, pageSize: 50 },
    'audit.verify': {},
    'settings.update': { idleLockMinutes: 1 },
    'portrait.saveConfig': { ...DEFAULT_PORTRAIT_CONFIG, windowYears: 1 },
    'catalog.admin': {},
    'catalog.saveEntry': { kind: 'channel', name: '越权来源' },
    'catalog.renameGroup': { kind: 'dimension', code: 'D1', name: '越权维度' },
    'catalog.saveListItem': {
      code: 'P1',
      polarity: 'positive',
      name: '越权改名',
      points: 50,
      dimensions: ['D1'],
      veto: false,
    },
    'catalog.setRetired': { kind: 'subItem', code: 'S1.1', retired: true },
    'catalog.move': { kind: 'standard', code: 'D1.2', direction: 'up' },
    'dossier.get': { cadreId: ids.cadre ?? 1 },
    'portrait.get': { cadreId: ids.cadre ?? 1 },
    'portrait.saveEvaluation': {
      cadreId: ids.cadre ?? 1,
      abilities: '越权',
      weaknesses: '',
      familiarFields: '',
      baseVersion: 0,
    },
    'portrait.confirm': { cadreId: ids.cadre ?? 1, grade: '好', reason: '越权' },
    'entries.create': { input: { cadreId: ids.cadre ?? 1, ...ENTRY } },
    'entries.update': { id: 1, version: 1, input: { cadreId: ids.cadre ?? 1, ...ENTRY } },
    'entries.delete': { id: 1, version: 1 },
    'entries.verify': { id: 1, version: 1 },
    'entries.createBulk': { common: ENTRY, rows: [{ cadreId: ids.cadre ?? 1, hours: 40, note: '' }] },
    'attachments.add': { entryId: 1, token: TOKEN },
    'attachments.remove': { id: 1 },
    'attachments.read': { id: 1 },
    'attachments.preview': { id: 1 },
    'classes.list': {},
    'classes.save': { name: '越权班', startDate: '2025-03-01', endDate: '2025-03-10', hours: 40, organizer: '党校' },
    'classes.records': { classId: 1 },
    'classes.saveRecords': { classId: 1, rows: [{ cadreId: ids.cadre ?? 1, hours: 40, result: 'excellent' }] },
    'training.previewYear': { year: 2025 },
    'training.batches': {},
    'training.commitYear': { year: 2025, token: 'x' },
    'training.withdrawBatch': { batchId: 'legacy:2025', reason: '误生成' },
    'dossier.completeness': { quarter: '2025Q3' },
    'dossier.exportMissing': { quarter: '2025Q3', unitId: ids.unit ?? 1, token: TOKEN },
    'collection.attestNone': { quarter: '2025Q3', sectionCode: 'S5', cadreIds: [ids.cadre ?? 1], note: '核查' },
    'appointments.list': { cadreId: ids.cadre ?? 1 },
    'appointments.forms': { cadreIds: [ids.cadre ?? 1] },
    'appointments.create': {
      cadreId: ids.cadre ?? 1,
      matterDate: '2026-03-01',
      proposedPost: '越权拟任',
      proposedRemoval: '',
      reason: '',
      reportingUnit: '',
      ageAt: '2026-03',
      filledBy: '',
    },
    'print.renderRenmian': { cadreIds: [ids.cadre ?? 1], ageAt: '2026-03' },
    'reviews.get': { cadreId: ids.cadre ?? 1 },
    'reviews.conclude': {
      cadreId: ids.cadre ?? 1,
      conclusion: 'verify',
      reasons: '越权结论',
      reviewer: '越权',
      rechecker: '',
      reviewDate: '2026-01-08',
    },
    'reviews.exportDocx': { cadreIds: [ids.cadre ?? 1], token: TOKEN },
    'print.renderReview': { cadreIds: [ids.cadre ?? 1], copies: 1, recipients: [] },
    'collection.withdrawAttestation': { quarter: '2025Q3', sectionCode: 'S5', cadreId: ids.cadre ?? 1 },
    'collection.setRequiredSections': { quarter: '2025Q3', sectionCodes: ['S1'] },
    'intake.generate': {
      quarter: '2025Q3',
      unitIds: [ids.unit ?? 1],
      deadline: '2025-10-10',
      returnTo: '干部一科',
      token: TOKEN,
    },
    'intake.generateChannel': {
      quarter: '2025Q3',
      channel: 'training',
      deadline: '2025-10-10',
      returnTo: '干部一科',
      token: TOKEN,
    },
    'intake.preview': { quarter: '2025Q3', token: TOKEN },
    'intake.commit': { jobId: TOKEN, leaveOut: [] },
    'intake.list': { quarter: '2025Q3' },
    'intake.counts': { quarter: '2025Q3' },
    'intake.accept': { rows: [{ id: 1 }] },
    'intake.return': { ids: [1], reason: '不属实' },
    'intake.exportReturned': { quarter: '2025Q3', unitId: ids.unit ?? 1, token: TOKEN },
    'intake.previewAttachment': { id: 1 },
    'dossier.exportDocx': { cadreId: ids.cadre ?? 1, token: TOKEN },
    'dossier.search': { text: '优秀' },
    'assessments.create': { name: '越权考核', year: 2025, scope: { categoryCodes: ['C1'], unitIds: [] } },
    'assessments.updateConfig': { id: 1, version: 1, config: defaultAssessmentConfig() },
    'assessments.setState': { id: 1, version: 1, state: 'collecting' },
    'assessments.refreshMembers': { id: 1, version: 1 },
    'assessments.archive': { id: 1, version: 1 },
    'ballots.list': { assessmentId: 1 },
    'ballots.saveSuperior': { assessmentId: 1, raterLabel: '越权', group: 'chief:C1', order: [ids.cadre ?? 1] },
    'ballots.savePeer': {
      assessmentId: 1,
      raterId: ids.cadre ?? 1,
      ballots: [{ targetId: 2, scores: { zz1: 1, zz2: 1, zz3: 1 } }],
    },
    'ballots.saveStaff': {
      assessmentId: 1,
      counts: [{ targetId: ids.cadre ?? 1, excellent: 1, good: 0, fair: 0, poor: 0 }],
    },
    'ballots.addStaffBallot': {
      assessmentId: 1,
      group: 'chief:C1',
      votes: [{ targetId: ids.cadre ?? 1, grade: 'good' }],
    },
    'ballots.setVoidForms': { assessmentId: 1, group: 'chief:C1', reason: 'excellentCapExceeded', count: 1 },
    'ballots.saveService': { assessmentId: 1, targetId: ids.cadre ?? 1, scores: [1] },
    'ballots.delete': { assessmentId: 1, kind: 'service', id: 1 },
    'adjustments.add': { assessmentId: 1, targetId: ids.cadre ?? 1, points: 1, date: '2025-01-01', reason: '越权' },
    'adjustments.delete': { assessmentId: 1, id: 1 },
    'adjustments.proposals': { assessmentId: 1 },
    'adjustments.dismissProposal': { assessmentId: 1, dossierEntryId: 1, dismissed: true },
    'vetoes.add': { assessmentId: 1, targetId: ids.cadre ?? 1, reason: '越权' },
    'vetoes.proposals': { assessmentId: 1 },
    'vetoes.delete': { assessmentId: 1, id: 1 },
    'ineligible.add': { assessmentId: 1, targetId: ids.cadre ?? 1, reason: '越权' },
    'ineligible.delete': { assessmentId: 1, id: 1 },
    'ineligible.proposals': { assessmentId: 1 },
    'ineligible.dismissProposal': { assessmentId: 1, dossierEntryId: 1, dismissed: true },
    'participation.saveSheet': {
      assessmentId: 1,
      group: 'chief:C1',
      kind: 'staff',
      expected: 1,
      received: 1,
      invalid: null,
      abstained: null,
    },
    'grades.confirm': { assessmentId: 1, cadreId: ids.cadre ?? 1, grade: 'competent' },
    'grades.confirmSuggested': { assessmentId: 1, cadreIds: [ids.cadre ?? 1] },
    'codes.list': { assessmentId: 1 },
    'codes.generate': { assessmentId: 1, kind: 'superior', group: 'chief:C1', count: 2 },
    'codes.regenerate': { assessmentId: 1, id: 1 },
    'codes.revoke': { assessmentId: 1, id: 1 },
    'codes.voidPanel': { assessmentId: 1, kind: 'superior', group: 'chief:C1' },
    'kiosk.start': { assessmentId: 1 },
    'kiosk.open': { code: 'ABCD-EFGH' },
    'kiosk.submit': { code: 'ABCD-EFGH', ballot: { kind: 'superior', order: [1, 2] } },
    'kiosk.exit': { password: 'whatever' },
    'paper.list': { assessmentId: 1 },
    'paper.enter': { assessmentId: 1, paperNo: 'P-1', ballot: { kind: 'superior', group: 'chief:C1', order: [1, 2] } },
    'paper.resolve': { assessmentId: 1, paperNo: 'P-1', entryNo: 1 },
    'paper.discard': { assessmentId: 1, paperNo: 'P-1', entryNo: 1 },
    'terminals.list': { assessmentId: 1 },
    'terminals.export': { assessmentId: 1, terminalNo: 1, token: TOKEN },
    'terminals.previewReturn': { assessmentId: 1, token: TOKEN },
    'terminals.importReturn': { assessmentId: 1, token: TOKEN },
    'terminals.resolveConflict': { assessmentId: 1, id: 1, choice: 'void' },
    'terminals.previewCancel': { assessmentId: 1, terminalNo: 1 },
    'terminals.cancel': { assessmentId: 1, terminalNo: 1, reason: '终端笔记本损坏', shown: [] },
    'ballots.saveTemplate': { assessmentId: 1, token: TOKEN },
    'ballots.previewExcel': { assessmentId: 1, token: TOKEN },
    'ballots.commitExcel': { assessmentId: 1, jobId: JOB, planKey: '0'.repeat(64), modes: [], leftOut: [] },
    'ballots.exportSummary': { assessmentId: 1, token: TOKEN },
    'packets.selections': {},
    'packets.saveSelection': { title: '越权', cadreIds: [ids.cadre ?? 1], assessmentIds: [] },
    'packets.deleteSelection': { name: '越权' },
    'print.job': { jobId: JOB },
    'print.renderDossier': { cadreId: ids.cadre ?? 1, copies: 1, recipients: [] },
    'print.renderPacket': { title: '越权审议材料', cadreIds: [ids.cadre ?? 1], copies: 1, recipients: [] },
    'print.renderRankings': { assessmentId: 1, copies: 1, recipients: [] },
    'print.renderPanel': { assessmentId: 1, ballot: 'peer', group: 'chief:C1', copies: 1, recipients: [] },
    'print.save': { jobId: JOB, token: TOKEN },
    'prints.list': {},
    'prints.markReturned': { id: 1 },
    'prints.export': { token: TOKEN },
    'print.renderSlips': {
      assessmentId: 1,
      kind: 'superior',
      group: 'chief:C1',
      groupName: '正职组',
      slips: [{ seatLabel: '上级领导 第 1 号', code: 'ABCD-EFGH' }],
    },
    'print.saveSlips': { jobId: JOB, token: TOKEN },
    'print.renderHandover': { assessmentId: 1, terminalNo: 1, password: 'ABCD-EFGH-JKLM-NPQR' },
    'print.saveHandover': { jobId: JOB, token: TOKEN },
  });

  test('every input in restrictedInputs passes its call’s schema (the refusal is the role, not the input)', () => {
    for (const [name, input] of Object.entries(restrictedInputs({ user: 2, unit: 1, cadre: 1 })) as [
      CallName,
      unknown,
    ][]) {
      const parsed = contract[name].input.safeParse(input);
      expect(parsed.success, `${name}: ${parsed.error?.issues[0]?.message}`).toBe(true);
    }
  });

  test.each(ROLES.filter((r) => r !== 'admin'))(
    '%s: every administrator call is FORBIDDEN and nothing changes',
    async (role) => {
      const h = await newHostWithStore();
      const user = await addUser(h, role, 'limited');
      // A unit and a cadre the roster calls could name.
      const unit = await addUnit(h, '阿尔巴斯苏木');
      const cadre = await h.ok('cadres.create', { input: cadreInput(unit.id) });
      await loginFirstTime(h, 'limited', PASSWORDS[role]);
      const inputs = restrictedInputs({ user: user.id, unit: unit.id, cadre: cadre.id });
      const before = await snapshot(h);
      let refused = 0;
      for (const [name, spec] of Object.entries(contract) as [CallName, (typeof contract)[CallName]][]) {
        if (typeof spec.access === 'string' || spec.access.includes(role)) continue;
        expect(inputs, `add a valid input for ${name} to restrictedInputs`).toHaveProperty([name]);
        const e = await h.err(name, inputs[name]);
        expect(e, name).toEqual({ code: 'FORBIDDEN', message: '当前账户的角色无权进行此操作' });
        refused += 1;
      }
      expect(refused).toBeGreaterThanOrEqual(8);
      expect(await snapshot(h)).toEqual(before);
      // Calls open to every session still work.
      expect(await h.ok('settings.get', {})).toEqual({
        idleLockMinutes: 15,
        autoBackupKeep: 7,
        trainingRequiredHours: 110,
        issuingOrgan: '',
        postOrder: DEFAULT_POST_ORDER,
      });
      expect((await h.ok('catalog.get', {})).sections.length).toBeGreaterThan(0);
      expect((await h.ok('units.list', {})).map((u) => u.name)).toEqual(['阿尔巴斯苏木']);
      const rows = await h.ok('roster.query', {});
      expect(rows.map((r) => r.name)).toEqual(['巴特尔']);
      // Only the roster's editors see the 身份证号 in full.
      expect(rows[0]!.idNumber).toBe(role === 'dossierClerk' ? '150624197803153018' : '150624********3018');
      if (role !== 'assessmentClerk') expect((await h.ok('cadres.get', { id: cadre.id })).name).toBe('巴特尔');
    },
  );

  test('the roster editors are the administrator and the dossier clerk; profiles are read by them and the reviewer', () => {
    const forRoles = (name: CallName) => contract[name].access;
    for (const name of CALL_NAMES_OF_ROSTER_EDITORS) expect(forRoles(name), name).toEqual(['admin', 'dossierClerk']);
    expect(forRoles('cadres.get')).toEqual(['admin', 'dossierClerk', 'reviewer']);
    // The dialogs are open to every session; each purpose is checked against the role by the handler (below).
    for (const name of [
      'units.list',
      'roster.query',
      'jobs.status',
      'jobs.cancel',
      'files.pickOpen',
      'files.pickSave',
    ] as const)
      expect(forRoles(name), name).toBe('session');
  });

  test('with no session every non-public call is NOT_LOGGED_IN', async () => {
    const h = newHost();
    for (const [name, spec] of Object.entries(contract) as [CallName, (typeof contract)[CallName]][]) {
      if (spec.access === 'public') continue;
      const input =
        name === 'me.changePassword'
          ? { currentPassword: 'x', newPassword: 'Whatever@1' }
          : (restrictedInputs({ user: 1 })[name] ?? {});
      expect(await h.err(name, input), name).toEqual({ code: 'NOT_LOGGED_IN', message: '请先登录' });
    }
  });

  test('after a lock the same calls say the system is locked', async () => {
    const h = await newHostWithStore();
    await h.ok('session.lock', {});
    expect(await h.err('users.list', {})).toEqual({ code: 'NOT_LOGGED_IN', message: '系统已锁定，请重新输入密码' });
  });

  test('an unknown call name is UNKNOWN_CALL', async () => {
    const h = await newHostWithStore();
    for (const name of ['users.delete', 'constructor', '__proto__', 'toString', '', 42, null]) {
      expect(await h.err(name as string, {})).toEqual({ code: 'UNKNOWN_CALL', message: '未知的操作请求' });
    }
  });
});

describe('invalid input is refused with a Chinese message naming the field, and nothing is written', () => {
  const good = { username: 'newuser', displayName: '新用户', role: 'reviewer', password: 'Newuser@2025' };
  const cases: [string, string, unknown, { field?: string; message: string }][] = [
    [
      'user name with a space',
      'users.create',
      { ...good, username: 'zhang san' },
      { field: 'username', message: '用户名只能包含文字、数字和 . _ -，不能有空格' },
    ],
    [
      'user name too short',
      'users.create',
      { ...good, username: 'z' },
      { field: 'username', message: '用户名至少 2 个字' },
    ],
    [
      'user name of the wrong type',
      'users.create',
      { ...good, username: 123 },
      { field: 'username', message: '请填写用户名' },
    ],
    [
      'missing user name',
      'users.create',
      { displayName: '新用户', role: 'reviewer', password: 'Newuser@2025' },
      { field: 'username', message: '请填写用户名' },
    ],
    [
      'blank display name',
      'users.create',
      { ...good, displayName: '   ' },
      { field: 'displayName', message: '请填写姓名' },
    ],
    [
      'unknown role',
      'users.create',
      { ...good, role: 'superuser' },
      { field: 'role', message: '角色必须是系统管理员、档案管理员、考核录入员、查阅人之一' },
    ],
    [
      'short password',
      'users.create',
      { ...good, password: 'short' },
      { field: 'password', message: '初始密码至少 8 位' },
    ],
    [
      'a password of digits only',
      'users.create',
      { ...good, password: '11111111' },
      { field: 'password', message: '初始密码须包含大写字母、小写字母、数字、符号中的至少三类' },
    ],
    [
      'a common password',
      'users.create',
      { ...good, password: 'Aa123456' },
      { field: 'password', message: '初始密码是常见密码，容易被猜中，请换一个' },
    ],
    ['an extra key', 'users.create', { ...good, isAdmin: true }, { message: '不支持的字段：isAdmin' }],
    ['id as a string', 'users.disable', { userId: '2' }, { field: 'userId', message: '用户必须是数字' }],
    [
      'id not an integer',
      'users.resetPassword',
      { userId: 1.5, newPassword: 'Newuser@2025' },
      { field: 'userId', message: '用户必须是整数' },
    ],
    [
      'short new password',
      'users.resetPassword',
      { userId: 1, newPassword: '1234567' },
      { field: 'newPassword', message: '新密码至少 8 位' },
    ],
    [
      'idle time of zero',
      'settings.update',
      { idleLockMinutes: 0 },
      { field: 'idleLockMinutes', message: '自动锁定时间至少 1 分钟' },
    ],
    [
      'idle time as text',
      'settings.update',
      { idleLockMinutes: '5' },
      { field: 'idleLockMinutes', message: '自动锁定时间必须是数字' },
    ],
    [
      'a bad date',
      'audit.list',
      { page: 1, pageSize: 20, from: '2025/01/01' },
      { field: 'from', message: '起始日期格式应为 2025-03-14' },
    ],
    ['arguments to a call that takes none', 'users.list', { all: true }, { message: '不支持的字段：all' }],
    [
      'a short new own password',
      'me.changePassword',
      { currentPassword: ADMIN.password, newPassword: 'abc' },
      { field: 'newPassword', message: '新密码至少 8 位' },
    ],
  ];

  test.each(cases)('%s', async (_label, name, input, expected) => {
    const h = await newHostWithStore();
    const before = await snapshot(h);
    const e = await h.err(name, input);
    expect(e).toEqual({ code: 'VALIDATION', ...expected });
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await snapshot(h)).toEqual(before);
  });

  test('an input that is not an object at all is refused in Chinese', async () => {
    const h = await newHostWithStore();
    const before = await snapshot(h);
    for (const input of ['x', 5, [], [good], true]) {
      const e = await h.err('users.create', input);
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await snapshot(h)).toEqual(before);
  });
});

describe('assessment roles', () => {
  test(
    'administrators manage assessments; the assessment clerk enters ballots and adjustments; the reviewer reads ' +
      '(archived only, checked by the service)',
    () => {
      const access = (name: CallName) => contract[name].access;
      for (const name of [
        'assessments.create',
        'assessments.updateConfig',
        'assessments.setState',
        'assessments.refreshMembers',
        'assessments.archive',
        'vetoes.add',
        'vetoes.proposals',
        'vetoes.delete',
        'ineligible.add',
        'ineligible.delete',
        'ineligible.proposals',
        'ineligible.dismissProposal',
        'grades.confirm',
        'grades.confirmSuggested',
        'adjustments.proposals',
        'adjustments.dismissProposal',
      ] as const) {
        expect(access(name), name).toEqual(['admin']);
      }
      for (const name of [
        'ballots.saveSuperior',
        'ballots.savePeer',
        'ballots.saveStaff',
        'ballots.addStaffBallot',
        'ballots.setVoidForms',
        'ballots.saveService',
        'ballots.delete',
        'adjustments.add',
        'adjustments.delete',
        'participation.saveSheet',
      ] as const) {
        expect(access(name), name).toEqual(['admin', 'assessmentClerk']);
      }
      for (const name of ['ballots.saveTemplate', 'ballots.previewExcel', 'ballots.commitExcel'] as const)
        expect(access(name), name).toEqual(['admin', 'assessmentClerk']);
      expect(access('ballots.exportSummary')).toEqual(['admin', 'assessmentClerk', 'dossierClerk']);
      for (const name of [
        'assessments.list',
        'assessments.get',
        'rankings.get',
        'rankings.whatIf',
        'rankings.exportExcel',
      ] as const) {
        expect(access(name), name).toEqual(['admin', 'assessmentClerk', 'dossierClerk', 'reviewer']);
      }
      // Who rated whom is not for the reviewer.
      expect(access('ballots.list')).toEqual(['admin', 'assessmentClerk', 'dossierClerk']);
    },
  );
});

describe('dialog purposes', () => {
  test.each([
    ['assessmentClerk', 'save', 'template', false],
    ['assessmentClerk', 'save', 'ballotTemplate', true],
    ['assessmentClerk', 'open', 'excel', false],
    ['assessmentClerk', 'open', 'ballotExcel', true],
    ['reviewer', 'save', 'rankingsExcel', true],
    ['reviewer', 'save', 'ballotSummary', false],
    ['reviewer', 'open', 'ballotExcel', false],
    ['dossierClerk', 'save', 'ballotTemplate', false],
    ['dossierClerk', 'save', 'quarterGaps', true],
    ['reviewer', 'save', 'dossierDocx', true],
    ['reviewer', 'save', 'quarterGaps', false],
    ['assessmentClerk', 'save', 'dossierDocx', false],
    // Slips carry plain 评议码: only those who generate codes (administrators) save them.
    ['assessmentClerk', 'save', 'codeSlips', false],
    ['dossierClerk', 'save', 'codeSlips', false],
    // The 交接单 carries the package password: administrators only, as the export.
    ['assessmentClerk', 'save', 'terminalHandover', false],
    ['dossierClerk', 'save', 'terminalHandover', false],
  ] as const)('%s may %s a dialog for %s: %s', async (role, kind, purpose, allowed) => {
    const h = await newHostWithStore();
    await addUser(h, role, 'limited');
    await loginFirstTime(h, 'limited', PASSWORDS[role]);
    const call = () =>
      kind === 'save'
        ? h.dispatch('files.pickSave', { purpose, suggestedName: '导出' })
        : h.dispatch('files.pickOpen', { purpose });
    if (allowed) {
      if (kind === 'save') h.dialogs.answerSave(null);
      else h.dialogs.answerOpen();
      expect(await call()).toMatchObject({ ok: true });
    } else {
      expect(await call()).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: '当前账户的角色无权进行此操作' },
      });
      expect(h.dialogs.requests).toEqual([]);
    }
  });
});
