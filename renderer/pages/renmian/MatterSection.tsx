// 任免事项 on the cadre's profile: the dated history (newest first) and, for editors, adding one for an occasion.
import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Space, Table, Typography } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import type { AppointmentMatter } from '../../../shared/renmian/matter';
import { MATTER_LIMITS } from '../../../shared/renmian/matter';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { FormModal } from '../../lib/FormModal';
import { showFormError } from '../../lib/form-errors';

const thisMonth = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};
const todayIso = () => `${thisMonth()}-${String(new Date().getDate()).padStart(2, '0')}`;

interface MatterValues {
  matterDate: string;
  proposedPost: string;
  proposedRemoval: string;
  reason: string;
  reportingUnit: string;
  ageAt: string;
  filledBy: string;
}

function MatterFormModal({
  cadreId,
  name,
  last,
  onClose,
  onSaved,
}: {
  cadreId: number;
  name: string;
  last: AppointmentMatter | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<MatterValues>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const submit = async () => {
    const v = form.getFieldsValue();
    setBusy(true);
    try {
      await call('appointments.create', { cadreId, ...v });
      message.success('任免事项已登记');
      onSaved();
    } catch (e) {
      showFormError(form, e, (t) => message.error(t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormModal
      open
      width={720}
      title={`登记任免事项：${name}`}
      okText="保存"
      cancelText="取消"
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={onClose}
      dirty={() => form.isFieldsTouched()}
      destroyOnHidden
      data-testid="matter-form"
    >
      <Typography.Paragraph type="secondary">
        拟任、拟免职务等为本次任免填写，保存在任免事项记录中，不改动干部信息；打印和导出任免审批表时使用最近一次的任免事项。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          matterDate: todayIso(),
          proposedPost: '',
          proposedRemoval: '',
          reason: '',
          reportingUnit: last?.reportingUnit ?? '',
          ageAt: thisMonth(),
          filledBy: last?.filledBy ?? '',
        }}
      >
        <Space size="large" style={{ display: 'flex' }}>
          <Form.Item name="matterDate" label="任免日期" extra="如 2026-03-05">
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="ageAt" label="计算年龄时间" extra="年龄按此年月计算，如 2026-03">
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="filledBy" label="填表人">
            <Input style={{ width: 160 }} maxLength={MATTER_LIMITS.filledBy} />
          </Form.Item>
        </Space>
        <Form.Item name="proposedPost" label="拟任职务">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={MATTER_LIMITS.proposedPost} />
        </Form.Item>
        <Form.Item name="proposedRemoval" label="拟免职务">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={MATTER_LIMITS.proposedRemoval} />
        </Form.Item>
        <Form.Item name="reason" label="任免理由">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={MATTER_LIMITS.reason} />
        </Form.Item>
        <Form.Item name="reportingUnit" label="呈报单位">
          <Input maxLength={MATTER_LIMITS.reportingUnit} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function MatterSection({
  cadreId,
  name,
  canEdit,
  onPrint,
}: {
  cadreId: number;
  name: string;
  canEdit: boolean;
  onPrint?: () => void;
}) {
  const [adding, setAdding] = useState(false);
  const { message } = AntApp.useApp();
  const { data: matters = [], reload: load } = useCall(
    'appointments.list',
    { cadreId },
    { onError: (t) => message.error(t) },
  );
  return (
    <div data-testid="matter-section">
      <Space style={{ marginTop: 20, marginBottom: 8, display: 'flex', justifyContent: 'space-between' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          任免事项
        </Typography.Title>
        <Space>
          {onPrint ? (
            <Button icon={<PrinterOutlined />} onClick={onPrint} data-testid="print-renmian">
              打印任免审批表
            </Button>
          ) : null}
          {canEdit ? (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-matter">
              登记任免事项
            </Button>
          ) : null}
        </Space>
      </Space>
      <Table<AppointmentMatter>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...matters]}
        locale={{ emptyText: '尚无任免事项' }}
        columns={[
          { title: '任免日期', dataIndex: 'matterDate', width: 100 },
          { title: '拟任职务', dataIndex: 'proposedPost', render: (v: string) => v || '—' },
          { title: '拟免职务', dataIndex: 'proposedRemoval', render: (v: string) => v || '—' },
          { title: '呈报单位', dataIndex: 'reportingUnit', width: 150, render: (v: string) => v || '—' },
          { title: '计算年龄时间', dataIndex: 'ageAt', width: 100, render: (v: string) => v.replace('-', '.') },
          { title: '登记人', dataIndex: 'createdBy', width: 90 },
        ]}
      />
      {adding ? (
        <MatterFormModal
          cadreId={cadreId}
          name={name}
          last={matters[0] ?? null}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
