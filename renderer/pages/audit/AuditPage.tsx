// The audit log for administrators: filter by user, action and date, page through, and verify the hash chain.
import { useState } from 'react';
import { App as AntApp, Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { AuditPage as AuditPageData, AuditRow, AuditVerification } from '../../../shared/ipc/types';
import { ACTION_LABELS, actionLabel } from '../../../shared/ipc/actions';
import { call, errorMessage } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../PageHeader';
import { describeDetail } from './detail';

interface Filters {
  username?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const PAGE_SIZE = 20;

const EMPTY: AuditPageData = { rows: [], total: 0 };

export function AuditPage() {
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  // Each 查询 or 重置 reads the log again, even with the same filters: entries may have been added meanwhile.
  const [asked, setAsked] = useState(0);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const { message } = AntApp.useApp();

  const [from, to] = filters.range ?? [null, null];
  const { data = EMPTY, loading } = useCall(
    'audit.list',
    {
      page,
      pageSize: PAGE_SIZE,
      ...(filters.username?.trim() ? { username: filters.username.trim() } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(from ? { from: from.format('YYYY-MM-DD') } : {}),
      ...(to ? { to: to.format('YYYY-MM-DD') } : {}),
    },
    { onError: (t) => message.error(t), version: asked },
  );

  const verify = async () => {
    setVerifying(true);
    try {
      setVerification(await call('audit.verify', {}));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <PageHeader
        title="审计日志"
        description="系统中的每一次修改都按时间顺序记录在此，并以密码学链条相互关联，任何事后篡改都能被发现。"
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
            校验日志完整性
          </Button>
        }
      />
      {verification ? (
        verification.intact ? (
          <Alert
            type="success"
            showIcon
            closable
            style={{ marginBottom: 16 }}
            message="审计日志完整"
            description={
              `已校验全部 ${verification.checked} ` +
              `条记录（签名${verification.unsigned > 0 ? `，其中 ${verification.unsigned} 条无签名：登录前或启用签名前的记录` : '齐全'}），未发现篡改或删除。` +
              `日志末尾：审计序号 ${verification.head.count}，摘要 ${verification.head.digest}。`
            }
            onClose={() => setVerification(null)}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message="审计日志已被篡改"
            description={`${verification.reason ?? `从第 ${verification.firstBrokenId} 号记录起，日志与其校验值不符（记录被修改、插入或删除）`}。请立即报告保密管理人员，并保留当前档案库文件。`}
          />
        )
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="inline"
          onFinish={(v) => {
            setPage(1);
            setFilters(v);
            setAsked((n) => n + 1);
          }}
        >
          <Form.Item label="用户" name="username">
            <Input placeholder="用户名" allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label="操作" name="action">
            <Select
              allowClear
              placeholder="全部操作"
              style={{ width: 160 }}
              options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item label="日期" name="range">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setPage(1);
                  setFilters({});
                  setAsked((n) => n + 1);
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <Table<AuditRow>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data.rows as AuditRow[]}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data.total,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t} 条`,
            onChange: setPage,
          }}
          columns={[
            { title: '序号', dataIndex: 'id', width: 80 },
            { title: '时间', dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v) },
            { title: '用户', dataIndex: 'username', width: 120 },
            { title: '操作', dataIndex: 'action', width: 140, render: (v: string) => actionLabel(v) },
            {
              title: '对象',
              dataIndex: 'target',
              width: 200,
              render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }}>{v}</Typography.Text>,
            },
            { title: '详情', dataIndex: 'detail', render: (v: string) => describeDetail(v) },
          ]}
        />
      </Card>
    </>
  );
}
