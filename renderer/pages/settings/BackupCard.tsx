// Backing the store up to a chosen file (a USB stick), the daily automatic backups, and the way into a restore.
import { useState } from 'react';
import { App as AntApp, Button, Card, Space, Table, Typography } from 'antd';
import { CloudDownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import type { AutoBackupView } from '../../../shared/ipc/contract-backup';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { formatDateTime } from '../../lib/format';
import { saveWithDialog } from '../../lib/save-file';
import { RestoreModal } from './RestoreModal';

const size = (bytes: number) =>
  bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

export function BackupCard({ onRestored }: { onRestored: () => void }) {
  const [restoring, setRestoring] = useState(false);
  const { message } = AntApp.useApp();
  const { data: autos = [] } = useCall('backup.listAuto', {}, { onError: (t) => message.error(t) });

  const backupNow = () =>
    saveWithDialog(
      'backup',
      `档案库备份-${new Date().toISOString().slice(0, 10)}`,
      (token) => call('backup.create', { token }),
      message,
      (r) => `备份已完成并通过完整性校验：${r.fileName}（${size(r.bytes)}）`,
    );

  return (
    <Card
      title="数据备份与恢复"
      style={{ marginTop: 16 }}
      extra={
        <Space>
          <Button
            type="primary"
            icon={<CloudDownloadOutlined />}
            onClick={() => void backupNow()}
            data-testid="backup-now"
          >
            立即备份到…
          </Button>
          <Button danger icon={<HistoryOutlined />} onClick={() => setRestoring(true)} data-testid="restore-open">
            从备份恢复…
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        备份文件与档案库一样加密，只能用备份时有效的账户密码或恢复码打开。建议定期备份到专用U盘并妥善保管。
        系统每天首次登录时自动备份到档案库文件夹中的“自动备份”目录。
      </Typography.Paragraph>
      <Table<AutoBackupView>
        size="small"
        rowKey="fileName"
        pagination={false}
        dataSource={autos as AutoBackupView[]}
        locale={{ emptyText: '暂无自动备份' }}
        columns={[
          { title: '自动备份文件', dataIndex: 'fileName' },
          { title: '备份时间', dataIndex: 'createdAt', width: 200, render: (v: string) => formatDateTime(v) },
          { title: '大小', dataIndex: 'bytes', width: 120, render: (b: number) => size(b) },
        ]}
      />
      {restoring ? <RestoreModal onClose={() => setRestoring(false)} onRestored={onRestored} /> : null}
    </Card>
  );
}
