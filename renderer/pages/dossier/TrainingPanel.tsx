// 教育培训: training classes, each class's trainees in a grid (hours, result), and the year-end hours check with its batches.
import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { FormModal } from '../../lib/FormModal';
import { AuditOutlined, DeleteOutlined, EditOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import type { TrainingClass, TrainingRecord, TrainingResult } from '../../../shared/dossier/types';
import { TRAINING_RESULTS, TRAINING_RESULT_LABELS } from '../../../shared/dossier/types';
import type { TrainingClassInput } from '../../../shared/dossier/schema';
import type { RosterRow } from '../../../shared/roster/views';
import { call, errorMessage } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { showFormError } from '../../lib/form-errors';
import { CadreListPicker } from './CadreListPicker';
import { HoursBatches } from './HoursBatches';
import { HoursCheckModal } from './HoursCheckModal';

interface GridRow {
  readonly cadreId: number;
  readonly name: string;
  readonly unitName: string;
  hours: number;
  result: TrainingResult;
}

function ClassModal({
  cls,
  onClose,
  onSaved,
}: {
  cls: TrainingClass | null;
  onClose: () => void;
  onSaved: (c: TrainingClass) => void;
}) {
  const [form] = Form.useForm<TrainingClassInput>();
  const { message } = AntApp.useApp();
  const save = async () => {
    let v: TrainingClassInput;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      onSaved(await call('classes.save', cls ? { ...v, id: cls.id } : v));
      message.success('培训班已保存');
    } catch (e) {
      showFormError(form, e, (t) => message.error(t));
    }
  };
  return (
    <FormModal
      open
      title={cls ? '编辑培训班' : '新建培训班'}
      okText="保存"
      cancelText="取消"
      onOk={() => void save()}
      onCancel={onClose}
      dirty={() => form.isFieldsTouched()}
      destroyOnHidden
    >
      <Form form={form} labelCol={{ flex: '90px' }} initialValues={cls ?? { hours: 40 }} style={{ marginTop: 12 }}>
        <Form.Item label="班次名称" name="name" rules={[{ required: true, message: '请填写班次名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="开班日期" name="startDate" rules={[{ required: true, message: '请填写开班日期' }]}>
          <Input placeholder="2025-03-01" maxLength={10} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="结业日期" name="endDate" rules={[{ required: true, message: '请填写结业日期' }]}>
          <Input placeholder="2025-03-20" maxLength={10} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="学时" name="hours" rules={[{ required: true, message: '请填写学时' }]}>
          <InputNumber min={0.5} max={2000} />
        </Form.Item>
        <Form.Item label="主办单位" name="organizer" rules={[{ required: true, message: '请填写主办单位' }]}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

const toGrid = (r: readonly TrainingRecord[]): GridRow[] =>
  r.map((x) => ({ cadreId: x.cadreId, name: x.cadreName, unitName: x.unitName, hours: x.hours, result: x.result }));

function RecordsGrid({ cls, canEdit, onSaved }: { cls: TrainingClass; canEdit: boolean; onSaved: () => void }) {
  const [rows, setRows] = useState<GridRow[]>([]);
  const [dirty, setDirty] = useState(false);
  const { message } = AntApp.useApp();
  const { data: stored } = useCall('classes.records', { classId: cls.id }, { onError: (t) => message.error(t) });
  // The grid is edited here and saved as a whole: it starts from the stored records.
  useEffect(() => {
    if (!stored) return;
    setRows(toGrid(stored));
    setDirty(false);
  }, [stored]);
  const add = (found: readonly RosterRow[]) => {
    setRows((old) => [
      ...old,
      ...found
        .filter((r) => !old.some((o) => o.cadreId === r.id))
        .map((r) => ({
          cadreId: r.id,
          name: r.name,
          unitName: r.unitName,
          hours: cls.hours,
          result: 'qualified' as const,
        })),
    ]);
    setDirty(true);
  };
  const edit = (cadreId: number, patch: Partial<GridRow>) => {
    setRows((old) => old.map((r) => (r.cadreId === cadreId ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const save = async () => {
    try {
      const saved = await call('classes.saveRecords', {
        classId: cls.id,
        rows: rows.map((r) => ({ cadreId: r.cadreId, hours: r.hours, result: r.result })),
      });
      setRows(toGrid(saved));
      setDirty(false);
      message.success('培训记录已保存；优秀学员、重修学员的档案材料已自动生成');
      onSaved();
    } catch (e) {
      message.error({ content: errorMessage(e), duration: 8 });
    }
  };
  return (
    <Card
      size="small"
      title={`${cls.name} 学员名单（${rows.length} 人）`}
      extra={
        <Typography.Text type="secondary">{`${cls.startDate} 至 ${cls.endDate} · ${cls.hours} 学时 · ${cls.organizer}`}</Typography.Text>
      }
      data-testid="records-grid"
    >
      {canEdit ? <CadreListPicker onAdd={add} /> : null}
      <Table<GridRow>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="cadreId"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '序号', width: 60, render: (_v, _r, i) => i + 1 },
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '单位', dataIndex: 'unitName' },
          {
            title: '学时',
            width: 120,
            render: (_v, r) =>
              canEdit ? (
                <InputNumber
                  aria-label={`${r.name}的学时`}
                  min={0}
                  max={2000}
                  value={r.hours}
                  onChange={(v) => edit(r.cadreId, { hours: typeof v === 'number' ? v : 0 })}
                />
              ) : (
                r.hours
              ),
          },
          {
            title: '结业评价',
            width: 160,
            render: (_v, r) =>
              canEdit ? (
                <Select
                  aria-label={`${r.name}的结业评价`}
                  value={r.result}
                  style={{ width: 130 }}
                  options={TRAINING_RESULTS.map((x) => ({ value: x, label: TRAINING_RESULT_LABELS[x] }))}
                  onChange={(v: TrainingResult) => edit(r.cadreId, { result: v })}
                />
              ) : (
                TRAINING_RESULT_LABELS[r.result]
              ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  width: 50,
                  render: (_v: unknown, r: GridRow) => (
                    <Button
                      type="text"
                      danger
                      tabIndex={-1}
                      icon={<DeleteOutlined />}
                      aria-label={`移除${r.name}`}
                      onClick={() => {
                        setRows((old) => old.filter((x) => x.cadreId !== r.cadreId));
                        setDirty(true);
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit ? (
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={!dirty}
          style={{ marginTop: 12 }}
          onClick={() => void save()}
        >
          保存学员名单
        </Button>
      ) : null}
    </Card>
  );
}

export function TrainingPanel({ canEdit, refresh = 0 }: { canEdit: boolean; refresh?: number }) {
  const [selected, setSelected] = useState<TrainingClass | null>(null);
  const [editing, setEditing] = useState<TrainingClass | 'new' | null>(null);
  const [year, setYear] = useState(new Date().getFullYear());
  const { message } = AntApp.useApp();
  const { data: classes = [], reload: load } = useCall('classes.list', {}, { onError: (t) => message.error(t) });

  // 年度学时核查 opens a preview; nothing is written until 确认生成 there.
  const [checking, setChecking] = useState(false);
  const [batchesShown, setBatchesShown] = useState(0);
  const closeCheck = useCallback(() => setChecking(false), []);

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="training">
      <Card
        size="small"
        title="培训班"
        extra={
          canEdit ? (
            <Space>
              <InputNumber
                aria-label="核查年度"
                min={1990}
                max={2100}
                value={year}
                onChange={(v) => typeof v === 'number' && setYear(v)}
                style={{ width: 100 }}
              />
              <Button icon={<AuditOutlined />} onClick={() => setChecking(true)} data-testid="hours-check">
                年度学时核查
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                新建培训班
              </Button>
            </Space>
          ) : null
        }
      >
        <Table<TrainingClass>
          size="small"
          rowKey="id"
          dataSource={classes as TrainingClass[]}
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          rowClassName={(r) => (r.id === selected?.id ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ onClick: () => setSelected(r), style: { cursor: 'pointer' } })}
          columns={[
            { title: '班次名称', dataIndex: 'name' },
            { title: '开班日期', dataIndex: 'startDate', width: 120 },
            { title: '结业日期', dataIndex: 'endDate', width: 120 },
            { title: '学时', dataIndex: 'hours', width: 80 },
            { title: '主办单位', dataIndex: 'organizer', width: 160 },
            { title: '学员', dataIndex: 'recordCount', width: 80, render: (n: number) => `${n} 人` },
            ...(canEdit
              ? [
                  {
                    title: '',
                    width: 60,
                    render: (_v: unknown, r: TrainingClass) => (
                      <Button
                        size="small"
                        type="text"
                        icon={<EditOutlined />}
                        aria-label={`编辑${r.name}`}
                        onClick={(e) => {
                          e.stopPropagation();
                          setEditing(r);
                        }}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <HoursBatches canEdit={canEdit} refresh={batchesShown + refresh} />
      {checking ? (
        <HoursCheckModal
          year={year}
          onClose={closeCheck}
          onDone={(count) => {
            setChecking(false);
            setBatchesShown((n) => n + 1);
            message.success(`已为 ${count} 人生成负面材料；如需撤回，可在下方“学时核查生成的材料”中撤回本批`);
          }}
        />
      ) : null}
      {selected ? (
        <RecordsGrid key={selected.id} cls={selected} canEdit={canEdit} onSaved={() => void load()} />
      ) : (
        <Typography.Text type="secondary">点击一个培训班，查看或填写学员名单。</Typography.Text>
      )}
      {editing ? (
        <ClassModal
          cls={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            setSelected(c);
            void load();
          }}
        />
      ) : null}
    </Space>
  );
}
