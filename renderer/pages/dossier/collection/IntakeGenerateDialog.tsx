// 生成填报表: for units (one, several or all) or for a channel's list (纪检监察, 巡察/审计, 党校, 表彰), with the deadline
// and who to return it to; then a folder.
import { useState } from 'react';
import { App as AntApp, Checkbox, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { INTAKE_CHANNELS, INTAKE_CHANNEL_SPECS, type IntakeChannel } from '../../../../shared/intake/channels';
import { quarterLabel } from '../../../../shared/dossier/quarter';
import type { Unit } from '../../../../shared/roster/types';
import { call, errorMessage } from '../../../lib/api';
import { useCall } from '../../../lib/useCall';

interface Values {
  unitIds: number[];
  deadline: string;
  returnTo: string;
}

const NO_UNITS: readonly Unit[] = [];

export function IntakeGenerateDialog({
  quarter,
  onClose,
  onDone,
}: {
  quarter: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  // 'units': a 填报表 per unit; else one list for the channel's office.
  const [target, setTarget] = useState<'units' | IntakeChannel>('units');
  const { message } = AntApp.useApp();
  const units = useCall('units.list', {}, { onError: (t) => message.error(t) }).data ?? NO_UNITS;
  const chosen = Form.useWatch('unitIds', form) ?? [];
  const all = units.length > 0 && chosen.length === units.length;

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const { unitIds, ...rest } = v;
    setBusy(true);
    try {
      const [folder] = await call('files.pickOpen', { purpose: 'intakeFolder' });
      if (!folder) return; // the dialog was closed
      const out =
        target === 'units'
          ? await call('intake.generate', { quarter, unitIds, ...rest, token: folder.token })
          : await call('intake.generateChannel', { quarter, channel: target, ...rest, token: folder.token });
      message.success({ content: `已生成 ${out.files.length} 份填报表，保存在“${folder.name}”文件夹`, duration: 6 });
      onDone();
    } catch (e) {
      message.error({ content: errorMessage(e), duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`生成${quarterLabel(quarter)}填报表`}
      okText="选择保存位置并生成"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      width={620}
      destroyOnHidden
      data-testid="intake-generate"
    >
      <Form form={form} layout="vertical" initialValues={{ unitIds: [], deadline: '', returnTo: '' }}>
        <Form.Item label="报送对象">
          <Radio.Group
            value={target}
            onChange={(e) => setTarget(e.target.value as typeof target)}
            optionType="button"
            options={[
              { value: 'units', label: '各单位' },
              ...INTAKE_CHANNELS.map((c) => ({ value: c, label: INTAKE_CHANNEL_SPECS[c].label })),
            ]}
            data-testid="intake-target"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" data-testid="intake-target-hint">
          {target === 'units'
            ? '每个单位一份 Excel 填报表：干部、子项、评价标准等均为下拉选择，并列出本季度尚缺材料的干部。' +
              '单位填好后交回工作簿，有附件时连同附件压缩成 zip 交回。'
            : `给${INTAKE_CHANNEL_SPECS[target].label}一份名单表：${INTAKE_CHANNEL_SPECS[target].hint}。` +
              '干部按“姓名 + 身份证号”或“姓名 + 单位”填写，导入时与干部花名册核对，同名或对不上的由您逐条选择。'}
        </Typography.Paragraph>
        <Form.Item
          hidden={target !== 'units'}
          label={
            <span>
              单位{' '}
              <Checkbox
                checked={all}
                onChange={(e) => form.setFieldValue('unitIds', e.target.checked ? units.map((u) => u.id) : [])}
                data-testid="intake-all-units"
              >
                全部单位（{units.length} 个）
              </Checkbox>
            </span>
          }
          name="unitIds"
          // A channel's list has no unit: the hidden field must not hold the form back.
          rules={target === 'units' ? [{ required: true, type: 'array', min: 1, message: '请选择单位' }] : []}
        >
          <Select
            mode="multiple"
            maxTagCount={6}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择一个或多个单位"
            options={units.map((u) => ({ value: u.id, label: u.name }))}
            data-testid="intake-units"
          />
        </Form.Item>
        <Form.Item
          label="报送截止日期"
          name="deadline"
          rules={[
            { required: true, message: '请填写报送截止日期' },
            { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '报送截止日期格式应为 2025-10-10' },
          ]}
        >
          <Input placeholder="2025-10-10" maxLength={10} style={{ width: 160 }} data-testid="intake-deadline" />
        </Form.Item>
        <Form.Item
          label="填好后交回（退回对象）"
          name="returnTo"
          rules={[{ required: true, whitespace: true, message: '请填写退回对象' }]}
        >
          <Input maxLength={60} placeholder="例如：旗委组织部干部一科" data-testid="intake-return-to" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
