// Importing filled ballot workbooks: choose the file, see every problem, then per group what is there by source and what
// the file will do; choose 累加/替换 per group, resolve each conflict, then import all at once.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Modal, Progress, Space, Table, Typography } from 'antd';
import {
  openConflicts,
  type BallotImportConflict,
  type BallotImportGroup,
  type BallotImportMode,
  type LeftOutRater,
} from '../../../shared/assessment/ballot-import';
import { BallotImportGroupCard } from './BallotImportPlan';
import { FileExcelOutlined } from '@ant-design/icons';
import type {
  AssessmentDetail,
  BallotImportIssue,
  BallotImportPreview,
  BallotImportSheet,
} from '../../../shared/assessment/types';
import { FORM_VOID_REASON_LABELS } from '../../../shared/assessment/form-void-reasons';
import { call, errorMessage } from '../../lib/api';
import { useJobProgress } from '../../lib/useJobProgress';

export function BallotImportModal({
  detail,
  onClose,
  onImported,
}: {
  detail: AssessmentDetail;
  onClose: () => void;
  onImported: () => void;
}) {
  const { message } = AntApp.useApp();
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<BallotImportPreview | null>(null);
  const [committing, setCommitting] = useState(false);
  const [modes, setModes] = useState<Record<string, BallotImportMode>>({});
  const [leftOut, setLeftOut] = useState<LeftOutRater[]>([]);
  const progress = useJobProgress(preview?.jobId, committing);
  const leaveOut = (g: BallotImportGroup, c: BallotImportConflict, out: boolean) =>
    setLeftOut((l) => [
      ...l.filter((x) => !(x.group === g.group && x.kind === c.kind && x.rater === c.rater)),
      ...(out ? [{ group: g.group, kind: c.kind, rater: c.rater }] : []),
    ]);

  const choose = async () => {
    setProblem(null);
    try {
      const [file] = await call('files.pickOpen', { purpose: 'ballotExcel' });
      if (!file) return;
      setReading(true);
      setPreview(null);
      setModes({});
      setLeftOut([]);
      setPreview(await call('ballots.previewExcel', { assessmentId: detail.id, token: file.token }));
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setReading(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setCommitting(true);
    try {
      const r = await call('ballots.commitExcel', {
        assessmentId: detail.id,
        jobId: preview.jobId,
        planKey: preview.plan.planKey,
        modes: groups.map((g) => ({ group: g.group, mode: modes[g.group]! })),
        leftOut: leftOut.filter((l) => groups.some((g) => g.group === l.group)),
      });
      message.success(
        `已导入上级排名 ${r.superior} 张、同级互评 ${r.peer} 张、职工测评 ${r.staff} 人、服务对象评分 ${r.service} 个；评议终端的票未作改动`,
      );
      onImported();
    } catch (e) {
      // Also as a message: the body may be scrolled far below the alert at its top.
      setProblem(errorMessage(e));
      message.error(errorMessage(e));
    } finally {
      setCommitting(false);
    }
  };

  const total = preview ? preview.sheets.reduce((n, s) => n + s.superior + s.peer + s.staff + s.service, 0) : 0;
  const groups = preview?.plan.groups ?? [];
  const unchosen = groups.filter((g) => modes[g.group] === undefined);
  const open = groups.flatMap((g) => (modes[g.group] ? openConflicts(g, modes[g.group]!, leftOut) : []));
  const blocked = !preview || preview.issueCount > 0 || total === 0 || unchosen.length > 0 || open.length > 0;
  const waiting =
    unchosen.length > 0
      ? `请为${unchosen.map((g) => `“${g.groupName}”`).join('、')}选择导入方式`
      : open.length > 0
        ? `还有 ${open.length} 处冲突未处理：${open.map((c) => `“${c.raterName}”`).join('、')}`
        : null;
  return (
    <Modal
      open
      width={1240}
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 190px)', overflowY: 'auto' } }}
      title={`导入测评票：${detail.name}`}
      onCancel={committing ? undefined : onClose}
      maskClosable={false}
      footer={
        <Space>
          {preview && preview.issueCount === 0 && waiting ? (
            <Typography.Text type="warning" data-testid="ballot-import-waiting">
              {waiting}
            </Typography.Text>
          ) : null}
          <Button onClick={onClose} disabled={committing}>
            取消
          </Button>
          <Button
            type="primary"
            disabled={blocked}
            loading={committing}
            onClick={() => void commit()}
            data-testid="ballot-import-confirm"
          >
            确认导入
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} data-testid="ballot-import-preview">
        <Space>
          <Button
            icon={<FileExcelOutlined />}
            onClick={() => void choose()}
            loading={reading}
            disabled={committing}
            data-testid="ballot-import-choose"
          >
            {preview ? '重新选择文件' : '选择填写好的测评票'}
          </Button>
          {preview ? (
            <Typography.Text>{preview.fileName}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">请选择从本考核下载并填写好的测评票模板（.xlsx）。</Typography.Text>
          )}
        </Space>
        {problem ? <Alert type="error" showIcon title={problem} data-testid="ballot-import-problem" /> : null}
        {committing ? <Progress percent={progress.percent} status="active" /> : null}
        {preview ? (
          <>
            <Table<BallotImportSheet>
              size="small"
              rowKey="sheet"
              pagination={false}
              dataSource={preview.sheets}
              columns={[
                { title: '工作表', dataIndex: 'sheet' },
                { title: '上级排名', dataIndex: 'superior', width: 90, render: (n: number) => `${n} 张` },
                { title: '同级互评', dataIndex: 'peer', width: 90, render: (n: number) => `${n} 张` },
                { title: '职工测评', dataIndex: 'staff', width: 90, render: (n: number) => `${n} 人` },
                { title: '服务对象评分', dataIndex: 'service', width: 110, render: (n: number) => `${n} 个` },
                { title: '无误的行', dataIndex: 'rowsOk', width: 90 },
                {
                  title: '有错误的行',
                  dataIndex: 'rowsWithIssues',
                  width: 100,
                  render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
                },
              ]}
            />
            {preview.voidedCount > 0 ? (
              <>
                <Alert
                  type="warning"
                  showIcon
                  title={`${preview.voidedCount} 张干部职工测评票为无效票（${FORM_VOID_REASON_LABELS.excellentCapExceeded}），导入时只计无效票张数，其等次不计入`}
                  data-testid="ballot-import-voided-note"
                />
                <Table<BallotImportIssue>
                  size="small"
                  rowKey={(i) => `${i.sheet}-${i.row}`}
                  pagination={{ pageSize: 5, hideOnSinglePage: true }}
                  dataSource={preview.voided}
                  data-testid="ballot-import-voided"
                  columns={[
                    { title: '工作表', dataIndex: 'sheet', width: 180 },
                    { title: '行', dataIndex: 'row', width: 90, render: (r: number) => `第 ${r} 行` },
                    { title: '原因', dataIndex: 'message' },
                  ]}
                />
              </>
            ) : null}
            {preview.issueCount > 0 ? (
              <>
                <Alert
                  type="error"
                  showIcon
                  title={
                    `发现 ${preview.issueCount} 处错误，请在 Excel 中改正后重新选择文件；` +
                    `有错误时不能导入${preview.issueCount > preview.issues.length ? `（下表列出前 ${preview.issues.length} 处）` : ''}`
                  }
                />
                <Table<BallotImportIssue>
                  size="small"
                  rowKey={(i) => `${i.sheet}-${i.row}-${i.column}-${i.message}`}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  dataSource={preview.issues}
                  data-testid="ballot-import-issues"
                  columns={[
                    { title: '工作表', dataIndex: 'sheet', width: 180 },
                    { title: '行', dataIndex: 'row', width: 90, render: (r: number) => (r > 0 ? `第 ${r} 行` : '') },
                    { title: '列', dataIndex: 'column', width: 180 },
                    { title: '问题', dataIndex: 'message' },
                  ]}
                />
              </>
            ) : total === 0 ? (
              <Alert type="warning" showIcon title="文件中没有填写任何测评票" />
            ) : (
              <>
                <Alert
                  type="success"
                  showIcon
                  title={`检查通过：共 ${total} 项。请为每个分组选择导入方式，处理冲突后确认，一次全部导入。`}
                  description={
                    '评议终端的票在任何导入方式下都不会被替换或删除。“累加”：文件中的票加在已有的票之上；“替换”：先删除本组此前从 Excel 导入的票，再写入文件中的票，评议终端、' +
                    '纸质录入和手工录入的票保持不变（若本文件就是纸质票的计票结果，可同时替换逐票录入的职工测评票）。已经评议过的人再出现在文件中即为冲突，须选择不导入其票。'
                  }
                  data-testid="ballot-import-rules"
                />
                {groups.map((g) => (
                  <BallotImportGroupCard
                    key={g.group}
                    group={g}
                    mode={modes[g.group]}
                    onMode={(m) => setModes((x) => ({ ...x, [g.group]: m }))}
                    leftOut={leftOut}
                    onLeaveOut={(c, out) => leaveOut(g, c, out)}
                  />
                ))}
              </>
            )}
            {preview.ignoredSheets.length > 0 ? (
              <Typography.Text type="secondary">未读取的工作表：{preview.ignoredSheets.join('、')}</Typography.Text>
            ) : null}
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
