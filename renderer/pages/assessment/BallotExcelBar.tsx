// The ballots area's Excel buttons: download the template, import filled ballots (preview first), export the summary.
import { useState } from 'react';
import { App as AntApp, Button, Space } from 'antd';
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { BallotPart } from '../../../shared/assessment/ballot-parts';
import type { AssessmentDetail } from '../../../shared/assessment/types';
import type { Role } from '../../../shared/roles';
import { call } from '../../lib/api';
import { saveWithDialog } from '../../lib/save-file';
import { BallotImportModal } from './BallotImportModal';

/** What a ballot import can write (db/assessment/excel/commit.ts): every ballot kind, 无效票 and 意见建议. */
const IMPORTED_PARTS: readonly BallotPart[] = ['superior', 'peer', 'staff', 'service', 'comments', 'voidForms'];

export function BallotExcelBar({
  detail,
  role,
  onImported,
}: {
  detail: AssessmentDetail;
  role: Role;
  /** Told the lists an import can have changed, to read them again. */
  onImported: (parts: readonly BallotPart[]) => void;
}) {
  const { message } = AntApp.useApp();
  const [importing, setImporting] = useState(false);
  const clerk = role === 'admin' || role === 'assessmentClerk';
  const canTemplate = clerk && (detail.state === 'preparing' || detail.state === 'collecting');
  const canImport = clerk && detail.state === 'collecting';
  const template = () =>
    void saveWithDialog(
      'ballotTemplate',
      `${detail.name}测评票`,
      (token) => call('ballots.saveTemplate', { assessmentId: detail.id, token }),
      message,
      (r) => `测评票模板已保存到 ${r.fileName}`,
    );
  const summary = () =>
    void saveWithDialog(
      'ballotSummary',
      `${detail.name}测评汇总`,
      (token) => call('ballots.exportSummary', { assessmentId: detail.id, token }),
      message,
      (r) => `已导出 ${r.groups} 个分组的测评汇总到 ${r.fileName}`,
    );
  return (
    <Space>
      {canTemplate ? (
        <Button size="small" icon={<DownloadOutlined />} onClick={template} data-testid="ballot-template">
          下载测评票模板
        </Button>
      ) : null}
      {canImport ? (
        <Button size="small" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="ballot-import">
          导入测评票
        </Button>
      ) : null}
      <Button size="small" icon={<FileExcelOutlined />} onClick={summary} data-testid="ballot-summary">
        导出测评汇总
      </Button>
      {importing ? (
        <BallotImportModal
          detail={detail}
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            onImported(IMPORTED_PARTS);
          }}
        />
      ) : null}
    </Space>
  );
}
