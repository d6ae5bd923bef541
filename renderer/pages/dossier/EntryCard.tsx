// One dossier entry as a card: date, section, polarity, standards, list item, who entered and verified it, attachments.
import { useState } from 'react';
import { App as AntApp, Button, Card, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import {
  CheckCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  EyeOutlined,
  PaperClipOutlined,
  RobotOutlined,
  RollbackOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { AttachmentMeta, DossierEntry } from '../../../shared/dossier/types';
import { ENTRY_POLARITY_LABELS } from '../../../shared/dossier/types';
import { call, errorMessage } from '../../lib/api';
import { ReasonModal } from './ReasonModal';

const POLARITY_COLORS = { positive: 'green', negative: 'red', neutral: 'default' } as const;
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function EntryCard({
  entry,
  canEdit,
  userId,
  onEdit,
  onChanged,
  onView,
}: {
  entry: DossierEntry;
  canEdit: boolean;
  userId: number;
  onEdit: (e: DossierEntry) => void;
  onChanged: () => void;
  onView: (a: AttachmentMeta) => void;
}) {
  const { message } = AntApp.useApp();
  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
    } catch (e) {
      message.error({ content: errorMessage(e), duration: 8 });
    }
    onChanged();
  };
  const upload = async () => {
    try {
      const files = await call('files.pickOpen', { purpose: 'attachment' });
      if (files.length === 0) return; // the user closed the dialog
      // One call per file, so a refused file (named in the message) does not hold back the ones before it.
      let added = 0;
      try {
        for (const file of files) {
          await call('attachments.add', { entryId: entry.id, token: file.token });
          added += 1;
        }
      } finally {
        if (added > 0) onChanged();
      }
      message.success(added === 1 ? '附件已上传' : `已上传 ${added} 个附件`);
    } catch (e) {
      message.error({ content: errorMessage(e), duration: 8 });
    }
  };
  const manual = entry.origin === 'manual';
  // A generated entry that may be changed (the yearly hours check) is withdrawn with a reason, not deleted silently.
  const [withdrawing, setWithdrawing] = useState(false);
  const canVerify = canEdit && entry.verifiedBy === null && entry.enteredBy.id !== userId;
  return (
    <Card
      size="small"
      data-testid={`entry-${entry.id}`}
      style={{
        borderLeft: `4px solid ${entry.polarity === 'positive' ? '#52c41a' : entry.polarity === 'negative' ? '#f5222d' : '#d9d9d9'}`,
      }}
      title={
        <Space wrap size={6}>
          <Typography.Text strong>{entry.date}</Typography.Text>
          <Tag color={POLARITY_COLORS[entry.polarity]}>{ENTRY_POLARITY_LABELS[entry.polarity]}</Tag>
          <Typography.Text strong>{entry.title}</Typography.Text>
          {!manual ? (
            <Tooltip
              title={
                entry.origin === 'assessment'
                  ? '“双比双评”考核归档时自动写入'
                  : entry.editable
                    ? '年度学时核查生成，可编辑或撤回（须填写原因）'
                    : '根据培训记录自动生成'
              }
            >
              <Tag icon={<RobotOutlined />} color="blue">
                自动
              </Tag>
            </Tooltip>
          ) : null}
          {entry.verifiedBy ? (
            <Tag icon={<CheckCircleOutlined />} color="success">
              已核实（{entry.verifiedBy.name}）
            </Tag>
          ) : (
            <Tag>未核实</Tag>
          )}
        </Space>
      }
      extra={
        canEdit ? (
          <Space size={4}>
            {canVerify ? (
              <Button
                size="small"
                icon={<CheckCircleOutlined />}
                onClick={() =>
                  void run(() => call('entries.verify', { id: entry.id, version: entry.version }), '已核实')
                }
              >
                核实
              </Button>
            ) : null}
            <Button size="small" icon={<UploadOutlined />} onClick={() => void upload()}>
              附件
            </Button>
            {entry.editable && !manual ? (
              <>
                <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(entry)}>
                  编辑
                </Button>
                <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setWithdrawing(true)}>
                  撤回
                </Button>
              </>
            ) : null}
            {manual ? (
              <>
                <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(entry)}>
                  编辑
                </Button>
                <Popconfirm
                  title="删除这条材料？"
                  description="附件一并删除，不能恢复。"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() =>
                    run(() => call('entries.delete', { id: entry.id, version: entry.version }), '材料已删除')
                  }
                >
                  <Button size="small" danger icon={<DeleteOutlined />} />
                </Popconfirm>
              </>
            ) : null}
          </Space>
        ) : null
      }
    >
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {entry.section.name} › {entry.subItem.name}
          {entry.subItem.retired ? '（已停用）' : ''} · 来源：{entry.channel.name}
          {entry.intakeSource ? `（${entry.intakeSource}）` : ''}
        </Typography.Text>
        {entry.content ? (
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{entry.content}</Typography.Paragraph>
        ) : null}
        {entry.standards.length > 0 || entry.listItem ? (
          <Space wrap size={4}>
            {entry.standards.map((s) => (
              <Tag key={s.code} color={s.retired ? 'default' : 'geekblue'}>
                {s.code} {s.name}
                {s.retired ? '（已停用）' : ''}
              </Tag>
            ))}
            {entry.listItem ? (
              <Tag color={entry.listItem.polarity === 'positive' ? 'green' : 'volcano'}>
                清单 {entry.listItem.code} {entry.listItem.name}
              </Tag>
            ) : null}
          </Space>
        ) : null}
        {entry.attachments.length > 0 ? (
          <Space wrap size={4}>
            {entry.attachments.map((a) => (
              <Space key={a.id} size={0}>
                <Button size="small" type="link" icon={<PaperClipOutlined />} onClick={() => onView(a)}>
                  {a.fileName}
                </Button>
                <Button
                  size="small"
                  type="text"
                  icon={<EyeOutlined />}
                  aria-label={`查看 ${a.fileName}`}
                  onClick={() => onView(a)}
                />
                {canEdit ? (
                  <Popconfirm
                    title={`删除附件“${a.fileName}”？`}
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => run(() => call('attachments.remove', { id: a.id }), '附件已删除')}
                  >
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`删除 ${a.fileName}`}
                    />
                  </Popconfirm>
                ) : null}
              </Space>
            ))}
          </Space>
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {entry.enteredBy.name} 录入于 {when(entry.enteredAt)}
          {entry.verifiedAt ? ` · ${entry.verifiedBy?.name} 核实于 ${when(entry.verifiedAt)}` : ''}
        </Typography.Text>
      </Space>
      {withdrawing ? (
        <ReasonModal
          title={`撤回“${entry.title}”`}
          description="撤回后这条材料从档案中删除，附件一并删除；撤回原因记入审计日志。"
          label="撤回原因"
          okText="撤回"
          onClose={() => setWithdrawing(false)}
          onSubmit={async (reason) => {
            await call('entries.delete', { id: entry.id, version: entry.version, reason });
            setWithdrawing(false);
            message.success('材料已撤回');
            onChanged();
          }}
        />
      ) : null}
    </Card>
  );
}
