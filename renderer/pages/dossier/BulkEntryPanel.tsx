// 批量录入: one entry for many cadres at once, with a grid for each cadre's hours and result; keyboard-only friendly.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import type { Catalogs } from '../../../shared/catalog/types';
import type { EntryCommonInput } from '../../../shared/dossier/schema';
import { localToday } from '../../../shared/dossier/quarter';
import { ATTENDANCE_SUB_ITEM } from '../../../shared/dossier/hours-check';
import type { RosterRow } from '../../../shared/roster/views';
import { call } from '../../lib/api';
import { EntryFields } from './EntryFormModal';
import { showFormError } from '../../lib/form-errors';
import { CadreListPicker } from './CadreListPicker';

interface GridRow {
  readonly cadreId: number;
  readonly name: string;
  readonly unitName: string;
  hours: number | null;
  note: string;
}

export function BulkEntryPanel({ catalog, onOpenTraining }: { catalog: Catalogs; onOpenTraining: () => void }) {
  const [form] = Form.useForm<EntryCommonInput>();
  const polarity = Form.useWatch('polarity', form);
  // Training is recorded one way: 参训记录 go to 培训班, so a course and its 学时 are in the dossier once.
  const attendance = Form.useWatch('subItemCode', form) === ATTENDANCE_SUB_ITEM;
  const [rows, setRows] = useState<GridRow[]>([]);
  const [saving, setSaving] = useState(false);
  const { message } = AntApp.useApp();

  const add = (found: readonly RosterRow[]) =>
    setRows((old) => [
      ...old,
      ...found
        .filter((r) => !old.some((o) => o.cadreId === r.id))
        .map((r) => ({ cadreId: r.id, name: r.name, unitName: r.unitName, hours: null, note: '' })),
    ]);
  const edit = (cadreId: number, patch: Partial<GridRow>) =>
    setRows((old) => old.map((r) => (r.cadreId === cadreId ? { ...r, ...patch } : r)));

  const save = async () => {
    let common: EntryCommonInput;
    try {
      common = await form.validateFields();
    } catch {
      return;
    }
    if (rows.length === 0) {
      message.error('请至少选择一名干部');
      return;
    }
    setSaving(true);
    try {
      const r = await call('entries.createBulk', {
        common: {
          ...common,
          content: common.content ?? '',
          standardCodes: common.standardCodes ?? [],
          listItemCode: common.listItemCode ?? null,
        },
        rows: rows.map((x) => ({ cadreId: x.cadreId, hours: x.hours, note: x.note })),
      });
      message.success(`已为 ${r.count} 名干部录入材料`);
      setRows([]);
      form.resetFields(['title', 'content']);
    } catch (e) {
      showFormError(form, e, (t) => message.error({ content: t, duration: 8 }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="bulk-entry">
      <Card size="small" title="共同信息">
        <Form
          form={form}
          layout="horizontal"
          labelCol={{ flex: '130px' }}
          initialValues={{
            date: localToday(),
            content: '',
            polarity: 'neutral',
            standardCodes: [],
            listItemCode: null,
          }}
        >
          <EntryFields catalog={catalog} polarity={polarity} />
        </Form>
        {attendance ? (
          <Alert
            type="warning"
            showIcon
            data-testid="bulk-attendance"
            message="参训记录（班次、学时）请在“教育培训 › 培训班”中录入"
            description="在培训班中填写学员名单和每人学时，年度学时核查据此计算，同一班次不会在档案中出现两次。"
            action={
              <Button type="primary" onClick={onOpenTraining}>
                前往培训班
              </Button>
            }
          />
        ) : null}
      </Card>
      <Card
        size="small"
        title={`干部名单（${rows.length} 人）`}
        extra={
          <Typography.Text type="secondary">每人的学时和结业情况、名次等写在表格里，按 Tab 键逐格填写</Typography.Text>
        }
      >
        <CadreListPicker onAdd={add} />
        <Table<GridRow>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="cadreId"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: <Empty description="尚未选择干部" /> }}
          data-testid="bulk-grid"
          columns={[
            { title: '序号', width: 60, render: (_v, _r, i) => i + 1 },
            { title: '姓名', dataIndex: 'name', width: 120 },
            { title: '单位', dataIndex: 'unitName', width: 200 },
            {
              title: '学时',
              width: 120,
              render: (_v, r) => (
                <InputNumber
                  aria-label={`${r.name}的学时`}
                  min={0}
                  max={10000}
                  value={r.hours}
                  onChange={(v) => edit(r.cadreId, { hours: typeof v === 'number' ? v : null })}
                  style={{ width: '100%' }}
                />
              ),
            },
            {
              title: '个人情况（结业评价、名次、备注）',
              render: (_v, r) => (
                <Input
                  aria-label={`${r.name}的个人情况`}
                  maxLength={200}
                  value={r.note}
                  onChange={(e) => edit(r.cadreId, { note: e.target.value })}
                />
              ),
            },
            {
              title: '',
              width: 50,
              render: (_v, r) => (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`移除${r.name}`}
                  tabIndex={-1}
                  onClick={() => setRows((old) => old.filter((x) => x.cadreId !== r.cadreId))}
                />
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            disabled={attendance}
            onClick={() => void save()}
            data-testid="bulk-save"
          >
            为 {rows.length} 名干部保存
          </Button>
        </Space>
      </Card>
    </Space>
  );
}
