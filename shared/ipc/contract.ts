// The one typed contract between the window and the store: every call's input schema, output type and roles.
import { z } from 'zod';
import { issuingOrganSchema } from '../print/organ';
import { postOrderSchema } from '../roster/post-order';
import { ADMIN, call } from './call';
import { rosterCalls } from './contract-roster';
import { backupCalls } from './contract-backup';
import { portraitCalls } from './contract-portrait';
import { catalogAdminCalls } from './contract-catalog';
import { dossierCalls } from './contract-dossier';
import { assessmentCalls } from './contract-assessment';
import { panelCalls } from './contract-panel';
import { printCalls } from './contract-print';
import { collectionCalls } from './contract-collection';
import { intakeCalls } from './contract-intake';
import { appointmentCalls } from './contract-appointment';
import { terminalCalls } from './contract-terminal';
import { reviewCalls } from './contract-review';
import { terminalModeCalls } from './contract-terminal-mode';
import type { Catalogs } from '../catalog/types';
import * as f from './fields';
import type {
  AppSettings,
  AppStatus,
  AuditPage,
  AuditVerification,
  CreatedStore,
  NewRecoveryCode,
  RekeyResult,
  SessionUser,
  UserRow,
} from './types';

export const contract = {
  'app.status': call<AppStatus>()({
    input: f.none,
    access: 'public',
    mutates: false,
    passive: true,
    terminal: 'also',
  }),
  'setup.pickDirectory': call<string | null>()({ input: f.none, access: 'public', mutates: false }),
  'setup.createStore': call<CreatedStore>()({
    input: z.strictObject({
      dir: f.text('存储位置', 1000),
      username: f.username,
      displayName: f.text('姓名', 40),
      password: f.password(),
    }),
    access: 'public',
    mutates: true,
  }),
  'setup.useExistingStore': call<AppStatus>()({
    input: z.strictObject({ dir: f.text('存储位置', 1000) }),
    access: 'public',
    mutates: false,
  }),
  'session.login': call<SessionUser>()({
    input: z.strictObject({
      username: f.username,
      password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128, '密码不能超过 128 位'),
    }),
    access: 'public',
    mutates: true,
  }),
  'session.recover': call<SessionUser>()({
    input: z.strictObject({
      recoveryCode: f.text('恢复码', 64),
      username: f.username,
      newPassword: f.password('新密码'),
    }),
    access: 'public',
    mutates: true,
  }),
  'session.lock': call<null>()({ input: f.none, access: 'session', mutates: true }),
  'session.touch': call<null>()({ input: f.none, access: 'session', mutates: false, kiosk: 'also' }),
  'me.changePassword': call<null>()({
    input: z.strictObject({
      currentPassword: z
        .string({ error: '请填写当前密码' })
        .min(1, '请填写当前密码')
        .max(128, '当前密码不能超过 128 位'),
      newPassword: f.password('新密码'),
    }),
    access: 'session',
    mutates: true,
  }),
  'catalog.get': call<Catalogs>()({ input: f.none, access: 'session', mutates: false }),
  'users.list': call<readonly UserRow[]>()({ input: f.none, access: ADMIN, mutates: false }),
  'users.create': call<UserRow>()({
    input: z.strictObject({
      username: f.username,
      displayName: f.text('姓名', 40),
      role: f.role,
      password: f.password('初始密码'),
    }),
    access: ADMIN,
    mutates: true,
  }),
  'users.update': call<UserRow>()({
    input: z.strictObject({ userId: f.id('用户'), displayName: f.text('姓名', 40), role: f.role }),
    access: ADMIN,
    mutates: true,
  }),
  // Resetting a password and disabling an account re-key the store (see db/store/rekey.ts); `progressId` names
  // the job the window follows through jobs.status while the database is rewritten.
  'users.resetPassword': call<UserRow>()({
    input: z.strictObject({ userId: f.id('用户'), newPassword: f.password('新密码'), progressId: f.jobId.optional() }),
    access: ADMIN,
    mutates: true,
  }),
  'users.disable': call<UserRow>()({
    input: z.strictObject({ userId: f.id('用户'), progressId: f.jobId.optional() }),
    access: ADMIN,
    mutates: true,
  }),
  'keys.rekey': call<RekeyResult>()({
    input: z.strictObject({ progressId: f.jobId.optional() }),
    access: ADMIN,
    mutates: true,
  }),
  'keys.newRecoveryCode': call<NewRecoveryCode>()({
    input: z.strictObject({ progressId: f.jobId.optional() }),
    access: ADMIN,
    mutates: true,
  }),
  'audit.list': call<AuditPage>()({
    input: z.strictObject({
      username: f.optionalText('用户', 32),
      action: f.optionalText('操作', 64),
      from: f.isoDate('起始日期').optional(),
      to: f.isoDate('截止日期').optional(),
      page: z
        .number({ error: '页码必须是数字' })
        .int('页码必须是整数')
        .min(1, '页码至少为 1')
        .max(1_000_000, '页码过大'),
      pageSize: z
        .number({ error: '每页条数必须是数字' })
        .int('每页条数必须是整数')
        .min(1, '每页条数至少为 1')
        .max(500, '每页条数不能超过 500'),
    }),
    access: ADMIN,
    mutates: false,
  }),
  'audit.verify': call<AuditVerification>()({ input: f.none, access: ADMIN, mutates: false }),
  'settings.get': call<AppSettings>()({ input: f.none, access: 'session', mutates: false }),
  'settings.update': call<AppSettings>()({
    input: z
      .strictObject({
        idleLockMinutes: z
          .number({ error: '自动锁定时间必须是数字' })
          .int('自动锁定时间必须是整数分钟')
          .min(1, '自动锁定时间至少 1 分钟')
          .max(240, '自动锁定时间不能超过 240 分钟')
          .optional(),
        autoBackupKeep: z
          .number({ error: '自动备份保留份数必须是数字' })
          .int('自动备份保留份数必须是整数')
          .min(0, '自动备份保留份数不能为负')
          .max(60, '自动备份保留份数不能超过 60')
          .optional(),
        trainingRequiredHours: z
          .number({ error: '年度应修学时必须是数字' })
          .int('年度应修学时必须是整数')
          .min(1, '年度应修学时至少 1 学时')
          .max(1000, '年度应修学时不能超过 1000')
          .optional(),
        issuingOrgan: issuingOrganSchema.optional(),
        postOrder: postOrderSchema.optional(),
      })
      .refine((v) => Object.values(v).some((x) => x !== undefined), {
        error: '请填写要修改的设置',
      }),
    access: ADMIN,
    mutates: true,
  }),
  ...rosterCalls,
  ...backupCalls,
  ...portraitCalls,
  ...catalogAdminCalls,
  ...dossierCalls,
  ...assessmentCalls,
  ...panelCalls,
  ...printCalls,
  ...collectionCalls,
  ...intakeCalls,
  ...appointmentCalls,
  ...terminalCalls,
  ...reviewCalls,
  ...terminalModeCalls,
} as const;

export type { Access, CallSpec } from './call';
export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = Exclude<Contract[N]['output'], undefined>;
/** The calls that change the store (each writes one audit entry); the audit labels are keyed by these. */
export type MutatingCall = { [N in CallName]: Contract[N]['mutates'] extends true ? N : never }[CallName];

/** The object the preload exposes (and the test bridge imitates): one async function per call. */
export type Api = { readonly [N in CallName]: (input: CallInput<N>) => Promise<CallOutput<N>> };

export const CALL_NAMES = Object.keys(contract) as CallName[];
