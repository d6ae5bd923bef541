// Backup and restore calls (administrators only).
import { z } from 'zod';
import type { SavedFile } from '../roster/views';
import { ADMIN, call } from './call';
import * as f from './fields';

const token = f.fileToken;
const jobId = f.jobId;

export interface BackupInfoView {
  readonly fileName: string;
  readonly createdAt: string;
  readonly appVersion: string;
  readonly createdBy: string;
  readonly tooNew: boolean;
}

export interface UnlockedBackup {
  readonly jobId: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly appVersion: string;
  /** The manifest and data passed the backup's MAC (false: a backup from before backups were authenticated). */
  readonly authenticated: boolean;
  /** The backup is of another store: both stores' names; backup.restore then needs `confirmOtherStore`. */
  readonly otherStore: { readonly backup: string; readonly current: string } | null;
  readonly counts: {
    readonly users: number;
    readonly units: number;
    readonly cadres: number;
    readonly auditEntries: number;
  };
}

export interface AutoBackupView {
  readonly fileName: string;
  readonly createdAt: string;
  readonly bytes: number;
}

export const backupCalls = {
  'backup.create': call<SavedFile & { bytes: number }>()({
    input: z.strictObject({ token }),
    access: ADMIN,
    mutates: true,
  }),
  'backup.listAuto': call<readonly AutoBackupView[]>()({ input: f.none, access: ADMIN, mutates: false }),
  'backup.inspect': call<BackupInfoView>()({ input: z.strictObject({ token }), access: ADMIN, mutates: false }),
  'backup.unlock': call<UnlockedBackup>()({
    input: z.union(
      [
        z.strictObject({
          token,
          username: f.username,
          password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128, '密码不能超过 128 位'),
        }),
        z.strictObject({ token, recoveryCode: f.text('恢复码', 64) }),
      ],
      { error: '请填写备份时有效的用户名和密码，或恢复码' },
    ),
    access: ADMIN,
    mutates: false,
  }),
  'backup.restore': call<null>()({
    input: z.strictObject({ jobId, confirmOtherStore: z.boolean({ error: '确认项必须是“是”或“否”' }).optional() }),
    access: ADMIN,
    mutates: true,
  }),
  'backup.discard': call<null>()({ input: z.strictObject({ jobId }), access: ADMIN, mutates: false }),
} as const;
