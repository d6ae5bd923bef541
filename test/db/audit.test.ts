// The audit log: one entry per change, none per read, a chain that verifies and catches edits made behind the app's back.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { appendAudit } from '../../db/audit/chain';
import { signHash } from '../../db/audit/signing-keys';
import { AUDIT_DETAIL_LABELS } from '../../shared/audit/detail-labels';
import { contract, type CallName } from '../../shared/ipc/contract';
import { readFileSync, writeFileSync } from 'node:fs';
import { TerminalStore } from '../../db/terminal/terminal-store';
import { newHost, newHostWithStore, type TestHost } from '../helpers/host';
import { auditCount, keyFromRecoveryCode, withRaw } from '../helpers/raw-store';
import { addUnit, cadreInput, fixturePath, loginAs, sampleJpeg, unitsWorkbook } from '../helpers/roster';
import { addEntry, dossierCadre, entryForm, pickAttachment, samplePng } from '../helpers/dossier';
import { ADMIN, tempDir } from '../helpers/tmp-store';
import type { SavePurpose } from '../../shared/ipc/save-purpose';
import { DEFAULT_PORTRAIT_CONFIG } from '../../shared/portrait/config';
import { createC1, enterWorkedExample, seedRoster, startCollecting } from '../helpers/assessment';
import { defaultAssessmentConfig } from '../../shared/assessment/config-schema';
import { suggestedPlan } from '../../shared/assessment/suggested-grades';
import { buildBallotTemplate } from '../../db/assessment/excel/template';
import { commitInput, fillWorkedExample, loadWorkbook, saveWorkbook } from '../helpers/ballot-excel';
import { pendingMaterial, previewedPackage } from '../helpers/intake';
import { wholeBallots } from '../../shared/assessment/ballot-parts';

type Host = TestHost & { recoveryCode: string };
/**
 * `run` gets what `prepare` returned (a token, a job id …). `baseline` is the number of entries the store holds
 * before the call's own entry when that is not the current count (a restore brings back the backup's log).
 */
type Scenario = {
  prepare?: (h: Host) => Promise<unknown>;
  run: (h: Host, prepared: never) => Promise<unknown>;
  baseline?: (prepared: never) => number;
};

/** A unit (id 1) and a cadre in it (id 1): what most roster calls act on. */
async function unitAndCadre(h: Host) {
  const unit = await addUnit(h, '阿尔巴斯苏木');
  const cadre = await h.ok('cadres.create', { input: cadreInput(unit.id) });
  return { unit, cadre };
}

/** The units the committed Excel fixtures name. */
const FIXTURE_UNITS = ['县委组织部', '县委办公室', '县发展和改革局', '城关镇人民政府', '县农业农村局（县乡村振兴局）'];

/** A file the user picked in the open dialog, written into a temp folder first. */
async function pickedFile(h: Host, purpose: 'photo' | 'excel' | 'lrmx', name: string, bytes: Buffer): Promise<string> {
  const path = join(tempDir('ganbu-files-'), name);
  writeFileSync(path, bytes);
  const [picked] = await h.pickOpen(purpose, path);
  return picked!.token;
}

const savedTo = (h: Host, purpose: SavePurpose, name: string) => h.pickSave(purpose, join(tempDir('ganbu-out-'), name));

/** A backup of the store written to a temp folder, picked again in the open dialog: its token. */
async function backupPicked(h: Host): Promise<string> {
  const path = join(tempDir('ganbu-backup-'), '备份.gbak');
  await h.ok('backup.create', { token: await h.pickSave('backup', path) });
  const [picked] = await h.pickOpen('backup', path);
  return picked!.token;
}

/** An assessment over a small roster: in 准备, or already 测评中 / 已汇总 (with the scoring.md worked example). */
async function assessmentIn(h: Host, state: 'preparing' | 'collecting' | 'summarized') {
  const roster = await seedRoster(h);
  let a = await createC1(h);
  if (state === 'preparing') return { a, roster };
  a = await startCollecting(h, a);
  if (state === 'collecting') return { a, roster };
  await enterWorkedExample(h, a.id, roster);
  a = await h.ok('assessments.setState', { id: a.id, version: a.version, state: 'summarized' });
  return { a, roster };
}
type Prepared = Awaited<ReturnType<typeof assessmentIn>>;

/** One 上级 seat exported to terminals 1 and 2, its code used on both; their returns (a 冲突 once both are in). */
async function terminalReturns(h: TestHost, assessmentId: number, order: number[]): Promise<string[]> {
  const sheet = await h.ok('codes.generate', { assessmentId, kind: 'superior', group: 'chief:C1', count: 1 });
  const out: string[] = [];
  const pkgs = [];
  for (const terminalNo of [1, 2]) {
    const file = join(tempDir('gpkg-'), `终端${terminalNo}.gpkg`);
    const token = await h.pickSave('terminalPackage', file);
    pkgs.push({ file, ...(await h.ok('terminals.export', { assessmentId, terminalNo, token })) });
  }
  for (const p of pkgs) {
    const t = await TerminalStore.create(join(tempDir('laptop-'), 't'), readFileSync(p.file), p.password);
    await t.submit(sheet.slips[0]!.code, { kind: 'superior', order });
    const ret = join(tempDir('gret-'), 'r.gret');
    await t.finish(p.password, ret);
    out.push(ret);
  }
  return out;
}

/** A return of one terminal with one 上级 ballot. */
async function terminalReturn(h: TestHost, assessmentId: number, order: number[], terminalNo: number) {
  const sheet = await h.ok('codes.generate', { assessmentId, kind: 'superior', group: 'chief:C1', count: 1 });
  const file = join(tempDir('gpkg-'), 'p.gpkg');
  const p = await h.ok('terminals.export', {
    assessmentId,
    terminalNo,
    token: await h.pickSave('terminalPackage', file),
  });
  const t = await TerminalStore.create(join(tempDir('laptop-'), 't'), readFileSync(file), p.password);
  await t.submit(sheet.slips[0]!.code, { kind: 'superior', order });
  const ret = join(tempDir('gret-'), 'r.gret');
  await t.finish(p.password, ret);
  return ret;
}

const NEW_USER = { username: 'reader', displayName: '查阅员', role: 'reviewer', password: 'Reader@2025' } as const;

/** For each mutating call but setup.createStore: what must exist first, then the call itself (which must succeed). */
const MUTATING: Partial<Record<CallName, Scenario>> = {
  'session.login': {
    prepare: (h) => h.ok('session.lock', {}),
    run: (h) => h.ok('session.login', { username: 'admin', password: ADMIN.password }),
  },
  'session.recover': {
    prepare: (h) => h.ok('session.lock', {}),
    run: (h) =>
      h.ok('session.recover', { recoveryCode: h.recoveryCode, username: 'admin', newPassword: 'Recover@2025' }),
  },
  'session.lock': { run: (h) => h.ok('session.lock', {}) },
  'me.changePassword': {
    run: (h) => h.ok('me.changePassword', { currentPassword: ADMIN.password, newPassword: 'Changed@2025' }),
  },
  'users.create': { run: (h) => h.ok('users.create', NEW_USER) },
  'users.update': {
    prepare: (h) => h.ok('users.create', NEW_USER),
    run: (h) => h.ok('users.update', { userId: 2, displayName: '查阅员乙', role: 'assessmentClerk' }),
  },
  'users.resetPassword': {
    prepare: (h) => h.ok('users.create', NEW_USER),
    run: (h) => h.ok('users.resetPassword', { userId: 2, newPassword: 'Reset@20255' }),
  },
  'users.disable': { prepare: (h) => h.ok('users.create', NEW_USER), run: (h) => h.ok('users.disable', { userId: 2 }) },
  'keys.rekey': { run: (h) => h.ok('keys.rekey', {}) },
  'keys.newRecoveryCode': { run: (h) => h.ok('keys.newRecoveryCode', {}) },
  'settings.update': { run: (h) => h.ok('settings.update', { idleLockMinutes: 30 }) },
  'units.save': { run: (h) => h.ok('units.save', { name: '乌兰镇', categoryCode: 'C1', sort: 1 }) },
  'units.delete': { prepare: (h) => addUnit(h, '乌兰镇'), run: (h) => h.ok('units.delete', { id: 1 }) },
  'categories.save': { run: (h) => h.ok('categories.save', { name: '国有企业' }) },
  'portrait.saveConfig': { run: (h) => h.ok('portrait.saveConfig', { ...DEFAULT_PORTRAIT_CONFIG, windowYears: 5 }) },
  'catalog.saveEntry': {
    run: (h) => h.ok('catalog.saveEntry', { kind: 'subItem', parentCode: 'S1', name: '网络言行' }),
  },
  'catalog.renameGroup': {
    run: (h) => h.ok('catalog.renameGroup', { kind: 'section', code: 'S1', name: '政治思想表现' }),
  },
  'catalog.saveListItem': {
    run: (h) =>
      h.ok('catalog.saveListItem', {
        polarity: 'positive',
        name: '驻村帮扶成效突出',
        points: 3,
        dimensions: ['D3'],
        veto: false,
      }),
  },
  'catalog.setRetired': { run: (h) => h.ok('catalog.setRetired', { kind: 'channel', code: 'CH12', retired: true }) },
  'catalog.move': { run: (h) => h.ok('catalog.move', { kind: 'category', code: 'C2', direction: 'up' }) },
  'cadres.create': {
    prepare: (h) => addUnit(h, '阿尔巴斯苏木'),
    run: (h) => h.ok('cadres.create', { input: cadreInput(1) }),
  },
  'cadres.update': {
    prepare: unitAndCadre,
    run: (h) => h.ok('cadres.update', { id: 1, version: 1, input: cadreInput(1, { rank: '一级主任科员' }) }),
  },
  'cadres.setPhoto': {
    prepare: async (h) => (await unitAndCadre(h), pickedFile(h, 'photo', '照片.jpg', sampleJpeg())),
    run: (h, token: string) => h.ok('cadres.setPhoto', { id: 1, token }),
  },
  'cadres.removePhoto': {
    prepare: async (h) => {
      await unitAndCadre(h);
      await h.ok('cadres.setPhoto', { id: 1, token: await pickedFile(h, 'photo', '照片.jpg', sampleJpeg()) });
    },
    run: (h) => h.ok('cadres.removePhoto', { id: 1 }),
  },
  'cadres.exportLrmx': {
    prepare: async (h) => (await unitAndCadre(h), savedTo(h, 'lrmx', '巴特尔.lrmx')),
    run: (h, token: string) => h.ok('cadres.exportLrmx', { id: 1, token }),
  },
  'roster.saveTemplate': {
    prepare: (h) => savedTo(h, 'template', '干部名册导入模板.xlsx'),
    run: (h, token: string) => h.ok('roster.saveTemplate', { token }),
  },
  'roster.exportExcel': {
    prepare: async (h) => (await unitAndCadre(h), savedTo(h, 'rosterExcel', '干部名册.xlsx')),
    run: (h, token: string) => h.ok('roster.exportExcel', { token, filter: {} }),
  },
  'units.commitExcel': {
    prepare: async (h) => {
      const path = join(tempDir(), '单位.xlsx');
      writeFileSync(path, await unitsWorkbook([['乌兰镇', '苏木镇（街道）', '2']]));
      const [file] = await h.pickOpen('excel', path);
      return (await h.ok('units.previewExcel', { token: file!.token })).jobId;
    },
    run: (h, jobId: string) => h.ok('units.commitExcel', { jobId, excludedRows: [] }),
  },
  'roster.commitExcel': {
    prepare: async (h) => {
      for (const name of FIXTURE_UNITS) await addUnit(h, name, 'C2');
      const [file] = await h.pickOpen('excel', fixturePath('excel/roster-valid.xlsx'));
      return (await h.ok('roster.previewExcel', { token: file!.token })).jobId;
    },
    run: (h, jobId: string) => h.ok('roster.commitExcel', { jobId, excludedRows: [], confirmedRows: [] }),
  },
  'backup.create': {
    prepare: (h) => savedTo(h, 'backup', '档案库备份.gbak'),
    run: (h, token: string) => h.ok('backup.create', { token }),
  },
  'backup.restore': {
    prepare: async (h) =>
      h.ok('backup.unlock', { token: await backupPicked(h), username: 'admin', password: ADMIN.password }),
    run: (h, unlocked: { jobId: string }) => h.ok('backup.restore', { jobId: unlocked.jobId }),
    // The restored store holds the backup's entries (taken before backup.create recorded its own), then the restore's.
    baseline: (unlocked: { counts: { auditEntries: number } }) => unlocked.counts.auditEntries,
  },
  'roster.commitLrmx': {
    prepare: async (h) => {
      await addUnit(h, '阿尔巴斯苏木');
      const files = await h.pickOpen('lrmx', fixturePath('lrmx/巴特尔.lrmx'), fixturePath('lrmx/李秀梅.lrmx'));
      return (await h.ok('roster.previewLrmx', { tokens: files.map((f) => f.token) })).jobId;
    },
    run: (h, jobId: string) =>
      h.ok('roster.commitLrmx', {
        jobId,
        files: [0, 1].map((index) => ({
          index,
          unitId: 1,
          position: index === 0 ? 'chief' : 'deputy',
          confirmMatch: false,
        })),
      }),
  },
  'portrait.saveEvaluation': {
    prepare: (h) => dossierCadre(h),
    run: (h, cadreId: number) =>
      h.ok('portrait.saveEvaluation', {
        cadreId,
        abilities: '善于统筹',
        weaknesses: '',
        familiarFields: '基层党建',
        baseVersion: 0,
      }),
  },
  'portrait.confirm': {
    prepare: (h) => dossierCadre(h),
    run: (h, cadreId: number) => h.ok('portrait.confirm', { cadreId, grade: '一般', reason: '近期表现一般' }),
  },
  'entries.create': { prepare: (h) => dossierCadre(h), run: (h, cadreId: number) => addEntry(h, cadreId) },
  'entries.update': {
    prepare: async (h) => addEntry(h, await dossierCadre(h)),
    run: (h, e: { id: number; cadreId: number }) =>
      h.ok('entries.update', {
        id: e.id,
        version: 1,
        input: { cadreId: e.cadreId, ...entryForm({ title: '改后标题' }) },
      }),
  },
  'entries.delete': {
    prepare: async (h) => addEntry(h, await dossierCadre(h)),
    run: (h, e: { id: number }) => h.ok('entries.delete', { id: e.id, version: 1 }),
  },
  'entries.verify': {
    prepare: async (h) => {
      const e = await addEntry(h, await dossierCadre(h));
      await h.ok('users.create', {
        username: 'checker',
        displayName: '核实员',
        role: 'admin',
        password: 'Checker@2025',
      });
      await h.ok('session.login', { username: 'checker', password: 'Checker@2025' });
      await h.ok('me.changePassword', { currentPassword: 'Checker@2025', newPassword: 'Checker#2026x' }); // the forced change
      return e;
    },
    run: (h, e: { id: number }) => h.ok('entries.verify', { id: e.id, version: 1 }),
  },
  'entries.createBulk': {
    prepare: async (h) => [await dossierCadre(h), await dossierCadre(h, '李秀梅')],
    run: (h, ids: number[]) =>
      h.ok('entries.createBulk', {
        common: entryForm(),
        rows: ids.map((cadreId) => ({ cadreId, hours: 40, note: '优秀学员' })),
      }),
  },
  'attachments.add': {
    prepare: async (h) => {
      const e = await addEntry(h, await dossierCadre(h));
      return { entryId: e.id, token: await pickAttachment(h, '证书.png', samplePng()) };
    },
    run: (h, p: { entryId: number; token: string }) => h.ok('attachments.add', p),
  },
  'attachments.remove': {
    prepare: async (h) => {
      const e = await addEntry(h, await dossierCadre(h));
      return h.ok('attachments.add', { entryId: e.id, token: await pickAttachment(h, '证书.png', samplePng()) });
    },
    run: (h, a: { id: number }) => h.ok('attachments.remove', { id: a.id }),
  },
  'classes.save': {
    run: (h) =>
      h.ok('classes.save', {
        name: '春季中青班',
        startDate: '2025-03-01',
        endDate: '2025-03-20',
        hours: 40,
        organizer: '县委党校',
      }),
  },
  'classes.saveRecords': {
    prepare: async (h) => {
      const cadreId = await dossierCadre(h);
      const cls = await h.ok('classes.save', {
        name: '春季中青班',
        startDate: '2025-03-01',
        endDate: '2025-03-20',
        hours: 40,
        organizer: '县委党校',
      });
      return { cadreId, classId: cls.id };
    },
    run: (h, p: { cadreId: number; classId: number }) =>
      h.ok('classes.saveRecords', {
        classId: p.classId,
        rows: [{ cadreId: p.cadreId, hours: 40, result: 'excellent' }],
      }),
  },
  'training.commitYear': {
    prepare: async (h) => (await dossierCadre(h), (await h.ok('training.previewYear', { year: 2025 })).token),
    run: (h, token: string) => h.ok('training.commitYear', { year: 2025, token }),
  },
  'training.withdrawBatch': {
    prepare: async (h) => {
      await dossierCadre(h);
      return h.ok('training.commitYear', {
        year: 2025,
        token: (await h.ok('training.previewYear', { year: 2025 })).token,
      });
    },
    run: (h, b: { batchId: string }) => h.ok('training.withdrawBatch', { batchId: b.batchId, reason: '学时录入有误' }),
  },
  'appointments.create': {
    prepare: unitAndCadre,
    run: (h) =>
      h.ok('appointments.create', {
        cadreId: 1,
        matterDate: '2026-03-01',
        proposedPost: '乌兰镇党委书记',
        proposedRemoval: '乌兰镇镇长',
        reason: '工作需要',
        reportingUnit: '中共某旗委',
        ageAt: '2026-03',
        filledBy: '张三',
      }),
  },
  'collection.attestNone': {
    prepare: (h) => dossierCadre(h),
    run: (h, cadreId: number) =>
      h.ok('collection.attestNone', {
        quarter: '2025Q3',
        sectionCode: 'S5',
        cadreIds: [cadreId],
        note: '经核查无表彰',
      }),
  },
  'collection.withdrawAttestation': {
    prepare: async (h) => {
      const cadreId = await dossierCadre(h);
      await h.ok('collection.attestNone', {
        quarter: '2025Q3',
        sectionCode: 'S5',
        cadreIds: [cadreId],
        note: '经核查无表彰',
      });
      return cadreId;
    },
    run: (h, cadreId: number) =>
      h.ok('collection.withdrawAttestation', { quarter: '2025Q3', sectionCode: 'S5', cadreId }),
  },
  'collection.setRequiredSections': {
    run: (h) => h.ok('collection.setRequiredSections', { quarter: '2025Q3', sectionCodes: ['S1', 'S2'] }),
  },
  'intake.generate': {
    prepare: async (h) => {
      await dossierCadre(h);
      const [unit] = await h.ok('units.list', {});
      const [folder] = await h.pickOpen('intakeFolder', tempDir('ganbu-intake-'));
      return { unitId: unit!.id, token: folder!.token };
    },
    run: (h, p: { unitId: number; token: string }) =>
      h.ok('intake.generate', {
        quarter: '2025Q3',
        unitIds: [p.unitId],
        deadline: '2025-10-10',
        returnTo: '干部一科',
        token: p.token,
      }),
  },
  'intake.generateChannel': {
    prepare: async (h) => (await h.pickOpen('intakeFolder', tempDir('ganbu-intake-')))[0]!.token,
    run: (h, token: string) =>
      h.ok('intake.generateChannel', {
        quarter: '2025Q3',
        channel: 'discipline',
        deadline: '2025-10-10',
        returnTo: '干部一科',
        token,
      }),
  },
  'intake.commit': {
    prepare: async (h) => (await dossierCadre(h), (await previewedPackage(h)).jobId),
    run: (h, jobId: string) => h.ok('intake.commit', { jobId, leaveOut: [] }),
  },
  'intake.accept': {
    prepare: async (h) => (await dossierCadre(h), (await pendingMaterial(h)).rowId),
    run: (h, id: number) => h.ok('intake.accept', { rows: [{ id }] }),
  },
  'intake.return': {
    prepare: async (h) => (await dossierCadre(h), (await pendingMaterial(h)).rowId),
    run: (h, id: number) => h.ok('intake.return', { ids: [id], reason: '材料不完整' }),
  },
  'intake.exportReturned': {
    prepare: async (h) => {
      await dossierCadre(h);
      const { unitId, rowId } = await pendingMaterial(h);
      await h.ok('intake.return', { ids: [rowId], reason: '材料不完整' });
      return { unitId, token: await savedTo(h, 'intakeReturned', '退回清单.xlsx') };
    },
    run: (h, p: { unitId: number; token: string }) =>
      h.ok('intake.exportReturned', { quarter: '2025Q3', unitId: p.unitId, token: p.token }),
  },
  'dossier.exportMissing': {
    prepare: async (h) => (await dossierCadre(h), savedTo(h, 'quarterGaps', '缺项名单.xlsx')),
    run: (h, token: string) => h.ok('dossier.exportMissing', { quarter: '2025Q3', token }),
  },
  'dossier.exportDocx': {
    prepare: async (h) => ({ cadreId: await dossierCadre(h), token: await savedTo(h, 'dossierDocx', '巴特尔.docx') }),
    run: (h, p: { cadreId: number; token: string }) => h.ok('dossier.exportDocx', p),
  },
  'reviews.conclude': {
    prepare: async (h) => dossierCadre(h),
    run: (h, cadreId: number) =>
      h.ok('reviews.conclude', {
        cadreId,
        conclusion: 'good',
        reasons: '政治立场坚定',
        reviewer: '王干事',
        rechecker: '李科长',
        reviewDate: '2026-01-08',
      }),
  },
  'reviews.exportDocx': {
    prepare: async (h) => ({
      cadreIds: [await dossierCadre(h)],
      token: await savedTo(h, 'dossierDocx', '审查意见.docx'),
    }),
    run: (h, p: { cadreIds: number[]; token: string }) => h.ok('reviews.exportDocx', p),
  },
  'print.save': {
    prepare: async (h) => {
      const r = await h.ok('print.renderDossier', { cadreId: await dossierCadre(h), copies: 2, recipients: [] });
      return { jobId: r.jobId, token: await savedTo(h, 'printPdf', '档案.pdf') };
    },
    run: (h, p: { jobId: string; token: string }) => h.ok('print.save', p),
  },
  'print.saveSlips': {
    prepare: async (h) => {
      const { a } = await assessmentIn(h, 'collecting');
      const sheet = await h.ok('codes.generate', { assessmentId: a.id, kind: 'superior', group: 'chief:C1', count: 2 });
      const slips = sheet.slips.map((s) => ({ seatLabel: s.seatLabel, code: s.code }));
      const r = await h.ok('print.renderSlips', {
        assessmentId: a.id,
        kind: 'superior',
        group: 'chief:C1',
        groupName: sheet.groupName,
        slips,
      });
      return { jobId: r.jobId, token: await savedTo(h, 'codeSlips', '评议码.pdf') };
    },
    run: (h, p: { jobId: string; token: string }) => h.ok('print.saveSlips', p),
  },
  'prints.markReturned': {
    prepare: async (h) => {
      const r = await h.ok('print.renderDossier', { cadreId: await dossierCadre(h), copies: 1, recipients: [] });
      await h.ok('print.save', { jobId: r.jobId, token: await savedTo(h, 'printPdf', '档案.pdf') });
      return (await h.ok('prints.list', {}))[0]!.id;
    },
    run: (h, id: number) => h.ok('prints.markReturned', { id }),
  },
  'packets.saveSelection': {
    prepare: (h) => dossierCadre(h),
    run: (h, cadreId: number) =>
      h.ok('packets.saveSelection', { name: '12月部务会', title: '审议材料', cadreIds: [cadreId], assessmentIds: [] }),
  },
  'packets.deleteSelection': {
    prepare: async (h) =>
      h.ok('packets.saveSelection', {
        name: '12月部务会',
        title: '审议材料',
        cadreIds: [await dossierCadre(h)],
        assessmentIds: [],
      }),
    run: (h) => h.ok('packets.deleteSelection', { name: '12月部务会' }),
  },
  'prints.export': {
    prepare: (h) => savedTo(h, 'printRegister', '打印登记.xlsx'),
    run: (h, token: string) => h.ok('prints.export', { token }),
  },
  'assessments.create': { prepare: (h) => seedRoster(h), run: (h) => createC1(h) },
  'assessments.updateConfig': {
    prepare: (h) => assessmentIn(h, 'preparing'),
    run: (h, { a }: Prepared) =>
      h.ok('assessments.updateConfig', { id: a.id, version: a.version, config: defaultAssessmentConfig() }),
  },
  'assessments.setState': {
    prepare: (h) => assessmentIn(h, 'preparing'),
    run: (h, { a }: Prepared) => h.ok('assessments.setState', { id: a.id, version: a.version, state: 'collecting' }),
  },
  'assessments.refreshMembers': {
    prepare: (h) => assessmentIn(h, 'preparing'),
    run: (h, { a }: Prepared) => h.ok('assessments.refreshMembers', { id: a.id, version: a.version }),
  },
  'assessments.archive': {
    prepare: (h) => assessmentIn(h, 'summarized'),
    run: (h, { a }: Prepared) => h.ok('assessments.archive', { id: a.id, version: a.version }),
  },
  'ballots.saveSuperior': {
    prepare: (h) => assessmentIn(h, 'collecting'),
    run: (h, { a, roster: r }: Prepared) =>
      h.ok('ballots.saveSuperior', { assessmentId: a.id, raterLabel: 'L1', group: 'chief:C1', order: [r.a, r.b, r.c] }),
  },
  'ballots.savePeer': {
    prepare: (h) => assessmentIn(h, 'collecting'),
    run: (h, { a, roster: r }: Prepared) =>
      h.ok('ballots.savePeer', {
        assessmentId: a.id,
        raterId: r.d,
        ballots: [{ targetId: r.e, scores: { fz1: 90, fz2: 80 } }],
      }),
  },
  'ballots.saveStaff': {
    prepare: (h) => assessmentIn(h, 'collecting'),
    run: (h, { a, roster: r }: Prepared) =>
      h.ok('ballots.saveStaff', {
        assessmentId: a.id,
        counts: [{ targetId: r.a, excellent: 3, good: 1, fair: 0, poor: 0 }],
      }),
  },
  'ballots.addStaffBallot': {
    prepare: (h) => assessmentIn(h, 'collecting'),
    run: (h, { a, roster: r }: Prepared) =>
      h.ok('ballots.addStaffBallot', {
        assessmentId: a.id,
        group: 'chief:C1',
        votes: [
          { targetId: r.a, grade: 'excellent' },
          { targetId: r.b, grade: 'good' },
          { targetId: r.c, grade: 'fair' },
        ],
      }),
  },
  'ballots.setVoidForms': {
    prepare: (h) => assessmentIn(h, 'collecting'),
    run: (h, { a }: Prepared) =>
      h.ok('ballots.setVoidForms', { assessmentId: a.id, group: 'chief:C1', reason: 'excellentCapExceeded', count: 2 }),
  },
  'ballots.saveService': {
    prepare: (h) => assessmentIn(h, 'collecting'),
    run: (h, { a, roster: r }: Prepared) =>
      h.ok('ballots.saveService', { assessmentId: a.id, targetId: r.a, scores: [90] }),
  },
  'ballots.delete': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      await h.ok('ballots.saveService', { assessmentId: p.a.id, targetId: p.roster.a, scores: [90] });
      const list = wholeBallots(await h.ok('ballots.list', { assessmentId: p.a.id }));
      return { ...p, ballotId: list.service[0]!.id };
    },
    run: (h, { a, ballotId }: Prepared & { ballotId: number }) =>
      h.ok('ballots.delete', { assessmentId: a.id, kind: 'service', id: ballotId }),
  },
  'adjustments.add': {
    prepare: (h) => assessmentIn(h, 'collecting'),
    run: (h, { a, roster: r }: Prepared) =>
      h.ok('adjustments.add', {
        assessmentId: a.id,
        targetId: r.a,
        points: 2,
        date: '2025-04-01',
        reason: '获市级表彰',
      }),
  },
  'adjustments.delete': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      await h.ok('adjustments.add', {
        assessmentId: p.a.id,
        targetId: p.roster.a,
        points: 2,
        date: '2025-04-01',
        reason: '获市级表彰',
      });
      const list = wholeBallots(await h.ok('ballots.list', { assessmentId: p.a.id }));
      return { ...p, itemId: list.adjustments[0]!.id };
    },
    run: (h, { a, itemId }: Prepared & { itemId: number }) =>
      h.ok('adjustments.delete', { assessmentId: a.id, id: itemId }),
  },
  'adjustments.dismissProposal': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      const entry = await addEntry(h, p.roster.a, { date: '2025-05-10' });
      return { ...p, entryId: entry.id };
    },
    run: (h, { a, entryId }: Prepared & { entryId: number }) =>
      h.ok('adjustments.dismissProposal', { assessmentId: a.id, dossierEntryId: entryId, dismissed: true }),
  },
  'vetoes.add': {
    prepare: (h) => assessmentIn(h, 'collecting'),
    run: (h, { a, roster: r }: Prepared) =>
      h.ok('vetoes.add', { assessmentId: a.id, targetId: r.a, reason: '违反政治纪律' }),
  },
  'vetoes.delete': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      await h.ok('vetoes.add', { assessmentId: p.a.id, targetId: p.roster.a, reason: '违反政治纪律' });
      const list = wholeBallots(await h.ok('ballots.list', { assessmentId: p.a.id }));
      return { ...p, itemId: list.vetoes[0]!.id };
    },
    run: (h, { a, itemId }: Prepared & { itemId: number }) => h.ok('vetoes.delete', { assessmentId: a.id, id: itemId }),
  },
  'ineligible.add': {
    prepare: (h) => assessmentIn(h, 'collecting'),
    run: (h, { a, roster: r }: Prepared) =>
      h.ok('ineligible.add', { assessmentId: a.id, targetId: r.a, reason: '本年度受诫勉' }),
  },
  'ineligible.delete': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      await h.ok('ineligible.add', { assessmentId: p.a.id, targetId: p.roster.a, reason: '本年度受诫勉' });
      const list = wholeBallots(await h.ok('ballots.list', { assessmentId: p.a.id }));
      return { ...p, itemId: list.ineligible[0]!.id };
    },
    run: (h, { a, itemId }: Prepared & { itemId: number }) =>
      h.ok('ineligible.delete', { assessmentId: a.id, id: itemId }),
  },
  'ineligible.dismissProposal': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      const entry = await addEntry(h, p.roster.a, {
        date: '2025-05-10',
        subItemCode: 'S6.3',
        channelCode: 'CH10',
        polarity: 'negative',
        standardCodes: ['D5.2'],
        listItemCode: 'N4',
        title: '诫勉谈话',
      });
      return { ...p, entryId: entry.id };
    },
    run: (h, { a, entryId }: Prepared & { entryId: number }) =>
      h.ok('ineligible.dismissProposal', { assessmentId: a.id, dossierEntryId: entryId, dismissed: true }),
  },
  'participation.saveSheet': {
    prepare: (h) => assessmentIn(h, 'collecting'),
    run: (h, { a }: Prepared) =>
      h.ok('participation.saveSheet', {
        assessmentId: a.id,
        group: 'chief:C1',
        kind: 'staff',
        expected: 30,
        received: 28,
        invalid: 1,
        abstained: 1,
      }),
  },
  'ballots.saveTemplate': {
    prepare: async (h) => ({
      ...(await assessmentIn(h, 'collecting')),
      token: await savedTo(h, 'ballotTemplate', '测评票模板.xlsx'),
    }),
    run: (h, { a, token }: Prepared & { token: string }) => h.ok('ballots.saveTemplate', { assessmentId: a.id, token }),
  },
  'ballots.commitExcel': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      const path = join(tempDir('ganbu-out-'), '测评票.xlsx');
      writeFileSync(path, await buildBallotTemplate(p.a));
      const wb = await loadWorkbook(path);
      fillWorkedExample(wb);
      const [file] = await h.pickOpen('ballotExcel', await saveWorkbook(wb, path));
      const preview = await h.ok('ballots.previewExcel', { assessmentId: p.a.id, token: file!.token });
      return { ...p, input: commitInput(p.a.id, preview) };
    },
    run: (h, { input }: Prepared & { input: ReturnType<typeof commitInput> }) => h.ok('ballots.commitExcel', input),
  },
  'rankings.exportExcel': {
    prepare: async (h) => ({
      ...(await assessmentIn(h, 'summarized')),
      token: await savedTo(h, 'rankingsExcel', '排名.xlsx'),
    }),
    run: (h, { a, token }: Prepared & { token: string }) => h.ok('rankings.exportExcel', { assessmentId: a.id, token }),
  },
  'ballots.exportSummary': {
    prepare: async (h) => ({
      ...(await assessmentIn(h, 'summarized')),
      token: await savedTo(h, 'ballotSummary', '测评汇总.xlsx'),
    }),
    run: (h, { a, token }: Prepared & { token: string }) =>
      h.ok('ballots.exportSummary', { assessmentId: a.id, token }),
  },
  'grades.confirm': {
    prepare: (h) => assessmentIn(h, 'summarized'),
    run: (h, { a, roster: r }: Prepared) =>
      h.ok('grades.confirm', { assessmentId: a.id, cadreId: r.b, grade: 'competent' }),
  },
  'grades.confirmSuggested': {
    prepare: (h) => assessmentIn(h, 'summarized'),
    run: async (h, { a }: Prepared) => {
      const plan = suggestedPlan(await h.ok('rankings.get', { assessmentId: a.id }));
      return h.ok('grades.confirmSuggested', { assessmentId: a.id, cadreIds: plan.confirm.map((c) => c.cadreId) });
    },
  },
  'codes.generate': {
    prepare: (h) => assessmentIn(h, 'collecting'),
    run: (h, { a }: Prepared) => h.ok('codes.generate', { assessmentId: a.id, kind: 'peer', group: 'chief:C1' }),
  },
  'codes.regenerate': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      await h.ok('codes.generate', { assessmentId: p.a.id, kind: 'superior', group: 'chief:C1', count: 1 });
      return { ...p, seatId: (await h.ok('codes.list', { assessmentId: p.a.id }))[0]!.id };
    },
    run: (h, { a, seatId }: Prepared & { seatId: number }) =>
      h.ok('codes.regenerate', { assessmentId: a.id, id: seatId }),
  },
  'codes.revoke': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      await h.ok('codes.generate', { assessmentId: p.a.id, kind: 'superior', group: 'chief:C1', count: 1 });
      return { ...p, seatId: (await h.ok('codes.list', { assessmentId: p.a.id }))[0]!.id };
    },
    run: (h, { a, seatId }: Prepared & { seatId: number }) => h.ok('codes.revoke', { assessmentId: a.id, id: seatId }),
  },
  'codes.voidPanel': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      const sheet = await h.ok('codes.generate', {
        assessmentId: p.a.id,
        kind: 'superior',
        group: 'chief:C1',
        count: 1,
      });
      await h.ok('kiosk.start', { assessmentId: p.a.id });
      await h.ok('kiosk.submit', {
        code: sheet.slips[0]!.code,
        ballot: { kind: 'superior', order: [p.roster.a, p.roster.b, p.roster.c] },
      });
      await h.ok('kiosk.exit', { password: ADMIN.password });
      return p;
    },
    run: (h, { a }: Prepared) => h.ok('codes.voidPanel', { assessmentId: a.id, kind: 'superior', group: 'chief:C1' }),
  },
  'terminals.export': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      await h.ok('codes.generate', { assessmentId: p.a.id, kind: 'superior', group: 'chief:C1', count: 1 });
      return { ...p, token: await savedTo(h, 'terminalPackage', '终端1.gpkg') };
    },
    run: (h, { a, token }: Prepared & { token: string }) =>
      h.ok('terminals.export', { assessmentId: a.id, terminalNo: 1, token }),
  },
  'terminals.cancel': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      await h.ok('codes.generate', { assessmentId: p.a.id, kind: 'superior', group: 'chief:C1', count: 1 });
      const token = await savedTo(h, 'terminalPackage', '终端1.gpkg');
      await h.ok('terminals.export', { assessmentId: p.a.id, terminalNo: 1, token });
      return p;
    },
    run: (h, { a }: Prepared) =>
      h.ok('terminals.cancel', { assessmentId: a.id, terminalNo: 1, reason: '终端笔记本损坏，票未能导出', shown: [] }),
  },
  'print.saveHandover': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      await h.ok('codes.generate', { assessmentId: p.a.id, kind: 'superior', group: 'chief:C1', count: 1 });
      const token = await savedTo(h, 'terminalPackage', '终端1.gpkg');
      const out = await h.ok('terminals.export', { assessmentId: p.a.id, terminalNo: 1, token });
      const r = await h.ok('print.renderHandover', { assessmentId: p.a.id, terminalNo: 1, password: out.password });
      return { jobId: r.jobId, token: await savedTo(h, 'terminalHandover', '交接单.pdf') };
    },
    run: (h, p: { jobId: string; token: string }) => h.ok('print.saveHandover', p),
  },
  'terminals.importReturn': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      const file = await terminalReturn(h, p.a.id, [p.roster.a, p.roster.b, p.roster.c], 1);
      return { ...p, token: (await h.pickOpen('terminalReturn', file))[0]!.token };
    },
    run: (h, { a, token }: Prepared & { token: string }) =>
      h.ok('terminals.importReturn', { assessmentId: a.id, token }),
  },
  'terminals.resolveConflict': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      const order = [p.roster.a, p.roster.b, p.roster.c];
      const files = await terminalReturns(h, p.a.id, order);
      for (const file of files)
        await h.ok('terminals.importReturn', {
          assessmentId: p.a.id,
          token: (await h.pickOpen('terminalReturn', file))[0]!.token,
        });
      const [c] = (await h.ok('terminals.list', { assessmentId: p.a.id })).conflicts;
      return { ...p, id: c!.id };
    },
    run: (h, { a, id }: Prepared & { id: number }) =>
      h.ok('terminals.resolveConflict', { assessmentId: a.id, id, choice: 2 }),
  },
  'kiosk.start': {
    prepare: (h) => assessmentIn(h, 'collecting'),
    run: (h, { a }: Prepared) => h.ok('kiosk.start', { assessmentId: a.id }),
  },
  'kiosk.submit': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      const sheet = await h.ok('codes.generate', {
        assessmentId: p.a.id,
        kind: 'superior',
        group: 'chief:C1',
        count: 1,
      });
      await h.ok('kiosk.start', { assessmentId: p.a.id });
      return { ...p, code: sheet.slips[0]!.code };
    },
    run: (h, { roster: r, code }: Prepared & { code: string }) =>
      h.ok('kiosk.submit', { code, ballot: { kind: 'superior', order: [r.a, r.b, r.c] } }),
  },
  'kiosk.exit': {
    prepare: async (h) => {
      const p = await assessmentIn(h, 'collecting');
      await h.ok('kiosk.start', { assessmentId: p.a.id });
      return p;
    },
    run: (h) => h.ok('kiosk.exit', { password: ADMIN.password }),
  },
  'paper.enter': {
    prepare: (h) => assessmentIn(h, 'collecting'),
    run: (h, { a, roster: r }: Prepared) =>
      h.ok('paper.enter', {
        assessmentId: a.id,
        paperNo: 'P-1',
        ballot: { kind: 'superior', group: 'chief:C1', order: [r.a, r.b, r.c] },
      }),
  },
  'paper.resolve': {
    prepare: async (h) => {
      const p = await mismatchedPaper(h);
      return p;
    },
    run: (h, { a }: Prepared) => h.ok('paper.resolve', { assessmentId: a.id, paperNo: 'P-1', entryNo: 1 }),
  },
  'paper.discard': {
    prepare: (h) => mismatchedPaper(h),
    run: (h, { a }: Prepared) => h.ok('paper.discard', { assessmentId: a.id, paperNo: 'P-1', entryNo: 2 }),
  },
};

/** A paper entered twice, differently, by the administrator and a second clerk; the administrator is logged in again. */
async function mismatchedPaper(h: Host): Promise<Prepared> {
  const p = await assessmentIn(h, 'collecting');
  const r = p.roster;
  await h.ok('paper.enter', {
    assessmentId: p.a.id,
    paperNo: 'P-1',
    ballot: { kind: 'superior', group: 'chief:C1', order: [r.a, r.b, r.c] },
  });
  await loginAs(h, 'assessmentClerk');
  await h.ok('paper.enter', {
    assessmentId: p.a.id,
    paperNo: 'P-1',
    ballot: { kind: 'superior', group: 'chief:C1', order: [r.b, r.a, r.c] },
  });
  await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
  return p;
}

const callsWhere = (mutates: boolean) =>
  (Object.keys(contract) as CallName[]).filter((n) => contract[n].mutates === mutates);

/** Detail keys of the store's audit entries that the audit viewer has no Chinese label for. */
function unlabeledDetailKeys(h: Host, key: Buffer): string[] {
  const rows = withRaw(
    h.dir,
    key,
    (db) => db.prepare('SELECT action, detail FROM audit_log').all() as { action: string; detail: string }[],
  );
  const missing = rows.flatMap((r) =>
    Object.keys(JSON.parse(r.detail) as object)
      .filter((k) => !(k in AUDIT_DETAIL_LABELS))
      .map((k) => `${r.action}: ${k}`),
  );
  return [...new Set(missing)].sort();
}

function lastEntry(h: Host, key: Buffer) {
  return withRaw(
    h.dir,
    key,
    (db) =>
      db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
        id: number;
        action: string;
        username: string;
        target: string;
        detail: string;
      },
  );
}

describe('one audit entry per change', () => {
  test('the table covers every mutating call of the contract', () => {
    expect([...Object.keys(MUTATING), 'setup.createStore'].sort()).toEqual(callsWhere(true).sort());
  });

  test('setup.createStore writes exactly one entry', async () => {
    const h = await newHostWithStore();
    const key = await keyFromRecoveryCode(h.dir, h.recoveryCode);
    expect(auditCount(h.dir, key)).toBe(1);
    expect(lastEntry(h, key)).toMatchObject({ id: 1, action: 'setup.createStore', username: 'admin', target: h.dir });
  });

  test.each(callsWhere(true).filter((n) => n !== 'setup.createStore'))(
    '%s writes exactly one entry, named after the call',
    async (name) => {
      const scenario = MUTATING[name];
      if (!scenario) return expect.fail(`add a scenario for the mutating call ${name} to MUTATING`);
      const h = await newHostWithStore();
      const key = await keyFromRecoveryCode(h.dir, h.recoveryCode);
      const prepared = await scenario.prepare?.(h);
      const before = scenario.baseline ? scenario.baseline(prepared as never) : auditCount(h.dir, key);
      await scenario.run(h, prepared as never);
      // A re-keying call (users.disable, keys.rekey …) leaves the store under a new key: read with the session's.
      const after = h.host.status().phase === 'ready' ? h.host.session().withKey((k) => Buffer.from(k)) : key;
      expect(auditCount(h.dir, after)).toBe(before + 1);
      expect(lastEntry(h, after)).toMatchObject({ id: before + 1, action: name });
      // The chain still verifies with the entry in it.
      if (h.host.status().phase !== 'ready')
        await h.ok('session.login', { username: 'admin', password: ADMIN.password });
      h.host.kiosk.stop(); // kiosk.start left the session in 评议终端 mode, where audit.verify is refused
      const v = await h.ok('audit.verify', {});
      expect(v).toMatchObject({ intact: true, firstBrokenId: null });
      // Every detail key written on the way (the call's own entry and its preparation's) reads in Chinese.
      expect(unlabeledDetailKeys(h, after)).toEqual([]);
    },
  );

  test('read calls write no entry', async () => {
    const h = await newHostWithStore({ pickDirectory: async () => '/tmp/picked' });
    const key = await keyFromRecoveryCode(h.dir, h.recoveryCode);
    // Something for the roster's reads to read: a unit, a cadre, files picked for previews (picking writes nothing).
    const { cadre } = await unitAndCadre(h);
    const [excel] = await h.pickOpen('excel', fixturePath('excel/roster-valid.xlsx'));
    const unitsPath = join(tempDir(), '单位.xlsx');
    writeFileSync(unitsPath, await unitsWorkbook([['乌兰镇', '苏木镇（街道）', '2']]));
    const [unitsExcel] = await h.pickOpen('excel', unitsPath);
    const [lrmx] = await h.pickOpen('lrmx', fixturePath('lrmx/巴特尔.lrmx'));
    const backup = await backupPicked(h);
    const entry = await addEntry(h, cadre.id);
    const attachment = await h.ok('attachments.add', {
      entryId: entry.id,
      token: await pickAttachment(h, '证书.png', samplePng()),
    });
    const cls = await h.ok('classes.save', {
      name: '春季中青班',
      startDate: '2025-03-01',
      endDate: '2025-03-20',
      hours: 40,
      organizer: '县委党校',
    });
    const created = await h.ok('assessments.create', {
      name: '读取测试考核',
      year: 2025,
      scope: { categoryCodes: ['C1'], unitIds: [] },
    });
    const assessment = await h.ok('assessments.setState', {
      id: created.id,
      version: created.version,
      state: 'collecting',
    });
    const ballotPath = join(tempDir(), '测评票.xlsx');
    writeFileSync(ballotPath, await buildBallotTemplate(assessment));
    const [ballotFile] = await h.pickOpen('ballotExcel', ballotPath);
    let jobId = '';
    let restoreJobId = '';
    const printJob = (await h.ok('print.renderDossier', { cadreId: cadre.id, copies: 1, recipients: [] })).jobId;
    // Fresh codes to print as slips (generating them is a change, so before the count).
    const fresh = await h.ok('codes.generate', {
      assessmentId: assessment.id,
      kind: 'superior',
      group: 'chief:C1',
      count: 1,
    });
    // A 待审核 material with its file (importing is a change, so before the count); a fresh copy of its zip to preview.
    const intake = await pendingMaterial(h);
    const [intakeFile] = await h.pickOpen('intakePackage', (await previewedPackage(h)).zip);
    // A terminal's return to preview (exporting its package is a change, so before the count).
    const chiefs = assessment.members.filter((m) => m.position === 'chief').map((m) => m.cadreId);
    const [returnPicked] = await h.pickOpen('terminalReturn', await terminalReturn(h, assessment.id, chiefs, 9));
    // Inputs are made when the call is made: the dialogs' answers are queued then, and the job id comes from the preview.
    const inputs: Partial<Record<CallName, () => unknown>> = {
      'audit.list': () => ({ page: 1, pageSize: 20 }),
      'cadres.get': () => ({ id: cadre.id }),
      'files.pickOpen': () => (h.dialogs.answerOpen(fixturePath('lrmx/李秀梅.lrmx')), { purpose: 'lrmx' }),
      'files.pickSave': () => (
        h.dialogs.answerSave(join(tempDir(), '名册.xlsx')),
        { purpose: 'rosterExcel', suggestedName: '干部名册' }
      ),
      'roster.previewExcel': () => ({ token: excel!.token }),
      'units.previewExcel': () => ({ token: unitsExcel!.token }),
      'roster.previewLrmx': () => ({ tokens: [lrmx!.token] }),
      'jobs.status': () => ({ jobId }),
      'jobs.cancel': () => ({ jobId }),
      'backup.inspect': () => ({ token: backup }),
      'backup.unlock': () => ({ token: backup, username: 'admin', password: ADMIN.password }),
      'backup.discard': () => ({ jobId: restoreJobId }),
      'dossier.get': () => ({ cadreId: cadre.id }),
      'portrait.get': () => ({ cadreId: cadre.id }),
      'attachments.read': () => ({ id: attachment.id }),
      'attachments.preview': () => ({ id: attachment.id }),
      'classes.records': () => ({ classId: cls.id }),
      'training.previewYear': () => ({ year: 2025 }),
      'dossier.completeness': () => ({ quarter: '2025Q3' }),
      'dossier.search': () => ({ text: '优秀' }),
      'assessments.get': () => ({ id: assessment.id }),
      'ballots.list': () => ({ assessmentId: assessment.id }),
      'rankings.get': () => ({ assessmentId: assessment.id }),
      'vetoes.proposals': () => ({ assessmentId: assessment.id }),
      'adjustments.proposals': () => ({ assessmentId: assessment.id }),
      'ineligible.proposals': () => ({ assessmentId: assessment.id }),
      'ballots.previewExcel': () => ({ assessmentId: assessment.id, token: ballotFile!.token }),
      'print.job': () => ({ jobId: printJob }),
      'print.renderDossier': () => ({ cadreId: cadre.id, copies: 1, recipients: [] }),
      'print.renderRenmian': () => ({ cadreIds: [cadre.id], ageAt: '2026-03' }),
      'appointments.list': () => ({ cadreId: cadre.id }),
      'appointments.forms': () => ({ cadreIds: [cadre.id] }),
      'reviews.get': () => ({ cadreId: cadre.id }),
      'print.renderReview': () => ({ cadreIds: [cadre.id], copies: 1, recipients: [] }),
      'print.renderPacket': () => ({ title: '干部任用审议材料', cadreIds: [cadre.id], copies: 1, recipients: [] }),
      'print.renderRankings': () => ({ assessmentId: assessment.id, copies: 1, recipients: [] }),
      'print.renderPanel': () => ({
        assessmentId: assessment.id,
        ballot: 'peer',
        group: 'chief:C1',
        copies: 1,
        recipients: [],
      }),
      'print.renderSlips': () => ({
        assessmentId: assessment.id,
        kind: 'superior',
        group: 'chief:C1',
        groupName: fresh.groupName,
        slips: fresh.slips.map((s) => ({ seatLabel: s.seatLabel, code: s.code })),
      }),
      'rankings.whatIf': () => ({ assessmentId: assessment.id, weights: defaultAssessmentConfig().weights }),
      'codes.list': () => ({ assessmentId: assessment.id }),
      'paper.list': () => ({ assessmentId: assessment.id }),
      'intake.preview': () => ({ quarter: '2025Q3', token: intakeFile!.token }),
      'intake.list': () => ({ quarter: '2025Q3' }),
      'intake.counts': () => ({ quarter: '2025Q3' }),
      'intake.previewAttachment': () => ({ id: intake.attachmentId }),
      'terminals.list': () => ({ assessmentId: assessment.id }),
      'terminals.previewReturn': () => ({ assessmentId: assessment.id, token: returnPicked!.token }),
      'terminals.previewCancel': () => ({ assessmentId: assessment.id, terminalNo: 9 }),
      // Terminal 9's package was exported above; the password is the window's to give (printed, never kept).
      'print.renderHandover': () => ({ assessmentId: assessment.id, terminalNo: 9, password: 'ABCD-EFGH-JKLM-NPQR' }),
    };
    const before = auditCount(h.dir, key);
    for (const name of callsWhere(false)) {
      if (name === 'setup.useExistingStore') continue; // needs a locked app; below
      if (name === 'kiosk.open') continue; // needs 评议终端 mode; panels.test checks it writes nothing
      // A 评议终端 laptop's calls: refused while a session is open (terminal/terminal-mode.test.ts).
      if (name.startsWith('terminal.')) continue;
      const r = await h.dispatch(name, inputs[name]?.() ?? {});
      expect(r, name).toMatchObject({ ok: true });
      if (name === 'roster.previewExcel' && r.ok) jobId = (r.value as { jobId: string }).jobId;
      if (name === 'backup.unlock' && r.ok) restoreJobId = (r.value as { jobId: string }).jobId;
    }
    expect(jobId).not.toBe('');
    expect(restoreJobId).not.toBe('');
    expect(h.dialogs.pending).toBe(0);
    expect(auditCount(h.dir, key)).toBe(before);

    await h.ok('session.lock', {});
    const locked = auditCount(h.dir, key);
    expect(await h.ok('setup.useExistingStore', { dir: h.dir })).toMatchObject({ phase: 'login', storeDir: h.dir });
    expect(await h.ok('app.status', {})).toMatchObject({ phase: 'login', lockedReason: 'manual' });
    expect(auditCount(h.dir, key)).toBe(locked);
  });

  test('refused changes write no entry; each wrong password writes one (等保 2.0 安全审计)', async () => {
    const h = await newHostWithStore();
    const key = await keyFromRecoveryCode(h.dir, h.recoveryCode);
    await h.ok('users.create', NEW_USER);
    const before = auditCount(h.dir, key);
    await h.err('users.create', NEW_USER); // duplicate
    await h.err('users.create', { ...NEW_USER, username: 'x y' }); // invalid
    await h.err('users.disable', { userId: 1 }); // self
    await h.err('users.update', { userId: 1, displayName: '王管理员', role: 'reviewer' }); // last administrator
    await h.err('me.changePassword', { currentPassword: 'wrong-password', newPassword: 'Changed@2025' }); // one entry, at once
    await h.ok('session.lock', {});
    const locked = auditCount(h.dir, key);
    await h.err('session.login', { username: 'admin', password: 'wrong-password' });
    await h.err('session.login', { username: 'ghost', password: 'wrong-password' });
    await h.err('session.recover', {
      recoveryCode: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA',
      username: 'admin',
      newPassword: 'Recover@2025',
    });
    await h.ok('session.login', { username: 'reader', password: NEW_USER.password });
    await h.err('users.list', {}); // forbidden
    // The successful login, then the three failed tries made while the store was locked.
    expect(auditCount(h.dir, key)).toBe(locked + 4);
    expect(locked).toBe(before + 2); // the wrong current password and the lock
  });
});

test('refused roster changes write no entry', async () => {
  const h = await newHostWithStore();
  const key = await keyFromRecoveryCode(h.dir, h.recoveryCode);
  const { unit, cadre } = await unitAndCadre(h);
  for (const name of FIXTURE_UNITS) await addUnit(h, name, 'C2');
  const before = auditCount(h.dir, key);
  await h.err('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 0 }); // duplicate name
  await h.err('units.delete', { id: unit.id }); // a cadre is attached
  await h.err('categories.save', { name: '党群部门' }); // duplicate name
  await h.err('cadres.create', { input: cadreInput(unit.id) }); // duplicate 身份证号
  await h.err('cadres.update', { id: cadre.id, version: 7, input: cadreInput(unit.id) }); // stale version
  await h.err('cadres.setPhoto', {
    id: cadre.id,
    token: await pickedFile(h, 'photo', '假照片.jpg', Buffer.from('不是图片')),
  });
  const [errors] = await h.pickOpen('excel', fixturePath('excel/roster-errors.xlsx'));
  const { jobId } = await h.ok('roster.previewExcel', { token: errors!.token });
  await h.err('roster.commitExcel', { jobId, excludedRows: [], confirmedRows: [] }); // error rows included
  expect(auditCount(h.dir, key)).toBe(before);
});

describe('the chain', () => {
  async function storeWithHistory(): Promise<{ h: Host; key: Buffer; count: number }> {
    const h = await newHostWithStore();
    await h.ok('users.create', NEW_USER);
    await h.ok('users.update', { userId: 2, displayName: '查阅员乙', role: 'reviewer' });
    await h.ok('settings.update', { idleLockMinutes: 20 });
    await h.ok('users.resetPassword', { userId: 2, newPassword: 'Reset@20255' });
    const key = await keyFromRecoveryCode(h.dir, h.recoveryCode);
    return { h, key, count: auditCount(h.dir, key) };
  }

  test('an untouched chain verifies: intact, every entry checked', async () => {
    const { h, count } = await storeWithHistory();
    expect(count).toBe(5);
    expect(await h.ok('audit.verify', {})).toMatchObject({
      intact: true,
      checked: 5,
      firstBrokenId: null,
      reason: null,
    });
  });

  test('a row updated behind the app’s back is found: intact false at that row', async () => {
    const { h, key, count } = await storeWithHistory();
    withRaw(h.dir, key, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare('UPDATE audit_log SET detail = ? WHERE id = 3').run(
        JSON.stringify({ displayName: ['查阅员', '别人'] }),
      );
    });
    expect(await h.ok('audit.verify', {})).toMatchObject({ intact: false, checked: count, firstBrokenId: 3 });
  });

  test('a changed user name or time on a row is found too', async () => {
    for (const [column, value] of [
      ['username', 'reader'],
      ['at', '2020-01-01T00:00:00.000Z'],
      ['action', 'session.login'],
    ] as const) {
      const { h, key, count } = await storeWithHistory();
      withRaw(h.dir, key, (db) => {
        db.exec('DROP TRIGGER audit_log_no_update');
        db.prepare(`UPDATE audit_log SET ${column} = ? WHERE id = 2`).run(value);
      });
      expect(await h.ok('audit.verify', {})).toMatchObject({ intact: false, checked: count, firstBrokenId: 2 });
    }
  });

  test('a deleted middle row is found and named: the missing number', async () => {
    const { h, key, count } = await storeWithHistory();
    withRaw(h.dir, key, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.prepare('DELETE FROM audit_log WHERE id = 3').run();
    });
    expect(await h.ok('audit.verify', {})).toMatchObject({
      intact: false,
      checked: count - 1,
      firstBrokenId: 3,
      reason: '第 3 号记录缺失（记录被删除）',
    });
  });

  test('a row inserted behind the app’s back (without the chain key) is found', async () => {
    const { h, key, count } = await storeWithHistory();
    withRaw(h.dir, key, (db) => {
      const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string };
      db.prepare(
        `INSERT INTO audit_log (id, at, user_id, username, action, target, detail, prev_hash, hash)
         VALUES (?, ?, 1, 'admin', 'users.create', 'ghost', '{}', ?, ?)`,
      ).run(count + 1, new Date().toISOString(), last.hash, 'f'.repeat(64));
    });
    expect(await h.ok('audit.verify', {})).toMatchObject({
      intact: false,
      checked: count + 1,
      firstBrokenId: count + 1,
    });
  });

  test('the app itself cannot update or delete audit rows: the database refuses', async () => {
    const { h, key, count } = await storeWithHistory();
    const db = h.host.session().db;
    await expect(db.updateTable('audit_log').set({ detail: '{}' }).where('id', '=', 2).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_log').where('id', '=', 2).execute()).rejects.toThrow(/append-only/);
    // Not even from a raw connection with the key, as long as the triggers are there.
    withRaw(h.dir, key, (raw) => {
      expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    });
    expect(auditCount(h.dir, key)).toBe(count);
    expect(await h.ok('audit.verify', {})).toMatchObject({ intact: true });
  });
});

describe('audit.list', () => {
  /** Local-time instants, as the user's calendar sees them. */
  const local = (y: number, m: number, d: number, hh: number, mm: number) => new Date(y, m - 1, d, hh, mm);

  async function storeWithDatedEntries() {
    const h = await newHostWithStore();
    await h.ok('users.create', NEW_USER); // 2
    await h.ok('users.create', { ...NEW_USER, username: 'clerk', displayName: '录入员' }); // 3
    await h.ok('session.login', { username: 'reader', password: NEW_USER.password }); // 4, by reader
    await h.ok('session.login', { username: 'admin', password: ADMIN.password }); // 5
    // Entries on known days, appended through the app's own chain code so the chain stays valid.
    const store = h.host.session();
    for (const [at, target] of [
      [local(2024, 3, 10, 9, 0), 'd10'],
      [local(2024, 3, 11, 0, 0), 'd11-start'],
      [local(2024, 3, 11, 23, 59), 'd11-end'],
      [local(2024, 3, 12, 0, 0), 'd12'],
    ] as const) {
      await store.db
        .transaction()
        .execute((trx) =>
          appendAudit(
            trx,
            store.auditChainKey,
            { userId: 1, username: 'admin', action: 'settings.update', target },
            at,
            (hash) => signHash(store.signingKey!, hash),
          ),
        ); // 6..9
    }
    expect(await h.ok('audit.verify', {})).toMatchObject({ intact: true, checked: 9, firstBrokenId: null });
    return h;
  }

  test('lists everything newest first with the total', async () => {
    const h = await storeWithDatedEntries();
    const page = await h.ok('audit.list', { page: 1, pageSize: 100 });
    expect(page.total).toBe(9);
    expect(page.rows.map((r) => r.id)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(page.rows.at(-1)).toMatchObject({ action: 'setup.createStore', username: 'admin' });
  });

  test('filters by user name (any case) and by action', async () => {
    const h = await storeWithDatedEntries();
    const byReader = await h.ok('audit.list', { page: 1, pageSize: 100, username: 'READER' });
    expect(byReader.total).toBe(1);
    expect(byReader.rows).toEqual([expect.objectContaining({ id: 4, username: 'reader', action: 'session.login' })]);
    const creates = await h.ok('audit.list', { page: 1, pageSize: 100, action: 'users.create' });
    expect(creates.rows.map((r) => [r.id, r.target])).toEqual([
      [3, 'clerk'],
      [2, 'reader'],
    ]);
    const both = await h.ok('audit.list', { page: 1, pageSize: 100, username: 'admin', action: 'session.login' });
    expect(both.rows.map((r) => r.id)).toEqual([5]);
    expect((await h.ok('audit.list', { page: 1, pageSize: 100, username: 'nobody' })).total).toBe(0);
  });

  test('filters by date: from and to are whole local days, both included', async () => {
    const h = await storeWithDatedEntries();
    const targets = async (range: { from?: string; to?: string }) =>
      (await h.ok('audit.list', { page: 1, pageSize: 100, action: 'settings.update', ...range })).rows.map(
        (r) => r.target,
      );
    expect(await targets({ from: '2024-03-11', to: '2024-03-11' })).toEqual(['d11-end', 'd11-start']);
    expect(await targets({ to: '2024-03-10' })).toEqual(['d10']);
    expect(await targets({ from: '2024-03-12', to: '2024-03-12' })).toEqual(['d12']);
    expect(await targets({ from: '2024-03-10', to: '2024-03-12' })).toEqual(['d12', 'd11-end', 'd11-start', 'd10']);
    expect(await targets({ from: '2024-03-13', to: '2024-12-31' })).toEqual([]);
    const recent = await h.ok('audit.list', { page: 1, pageSize: 100, from: '2025-01-01' });
    expect(recent.rows.map((r) => r.id)).toEqual([5, 4, 3, 2, 1]);
  });

  test('pages through the rows with a stable total', async () => {
    const h = await storeWithDatedEntries();
    const ids: number[][] = [];
    for (let page = 1; page <= 5; page++) {
      const p = await h.ok('audit.list', { page, pageSize: 2 });
      expect(p.total).toBe(9);
      ids.push(p.rows.map((r) => r.id));
    }
    expect(ids).toEqual([[9, 8], [7, 6], [5, 4], [3, 2], [1]]);
    expect((await h.ok('audit.list', { page: 6, pageSize: 2 })).rows).toEqual([]);
    const filtered = await h.ok('audit.list', { page: 2, pageSize: 1, action: 'users.create' });
    expect(filtered).toEqual({ total: 2, rows: [expect.objectContaining({ id: 2 })] });
  });

  test('entries read as the audit viewer shows them: who, what, on whom, details as JSON', async () => {
    const h = await newHostWithStore();
    await h.ok('users.create', NEW_USER);
    await h.ok('settings.update', { idleLockMinutes: 5 });
    const { rows } = await h.ok('audit.list', { page: 1, pageSize: 10 });
    expect(rows[0]).toMatchObject({ username: 'admin', action: 'settings.update', target: '自动锁定时间' });
    expect(JSON.parse(rows[0]!.detail)).toEqual({ idleLockMinutes: [15, 5] });
    expect(rows[1]).toMatchObject({ action: 'users.create', target: 'reader' });
    expect(JSON.parse(rows[1]!.detail)).toMatchObject({
      displayName: '查阅员',
      role: '查阅人',
      signingKey: { publicKey: expect.any(String) },
    });
    expect(rows.every((r) => !Number.isNaN(Date.parse(r.at)))).toBe(true);
  });
});

test('before any store exists the app is in setup, and login answers NO_STORE', async () => {
  const h = newHost();
  expect(await h.ok('app.status', {})).toMatchObject({ phase: 'setup', storeDir: null, user: null });
  expect(await h.err('session.login', { username: 'admin', password: ADMIN.password })).toMatchObject({
    code: 'NO_STORE',
  });
  expect(await h.err('setup.useExistingStore', { dir: join(h.dir, 'nothing') })).toMatchObject({
    code: 'NO_STORE',
    field: 'dir',
  });
});
