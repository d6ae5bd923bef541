// Administrators change the portrait model's numbers (start value, window, clamp, grade lines, weak-dimension line).
import { useEffect, useState } from 'react';
import { App as AntApp, Form, InputNumber, Modal } from 'antd';
import { PORTRAIT_CONFIG_LABELS } from '../../../shared/portrait/config';
import type { PortraitConfig } from '../../../shared/portrait/types';
import { call } from '../../lib/api';
import { showFormError } from '../../lib/form-errors';

const FIELDS: readonly { key: keyof PortraitConfig; extra?: string; suffix?: string; precision?: number }[] = [
  { key: 'startValue', extra: '没有任何材料时每个维度的指数' },
  { key: 'windowYears', suffix: '年', precision: 0, extra: '只统计评价基准日前这些年内的材料' },
  { key: 'clampMin' },
  { key: 'clampMax' },
  { key: 'goodMin', extra: '综合指数达到此值为“好”' },
  { key: 'fairlyGoodMin' },
  { key: 'averageMin', extra: '低于此值为“较差”' },
  { key: 'weakBelow', extra: '维度指数低于此值时提出“缺什么补什么”建议' },
];

export function ModelConfigModal({
  open,
  config,
  onClose,
  onSaved,
}: {
  open: boolean;
  config: PortraitConfig;
  onClose: () => void;
  onSaved: (c: PortraitConfig) => void;
}) {
  const [form] = Form.useForm<PortraitConfig>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();

  useEffect(() => {
    if (open) form.setFieldsValue(config);
  }, [open, config, form]);

  const save = async (v: PortraitConfig) => {
    setBusy(true);
    try {
      const saved = await call('portrait.saveConfig', v);
      message.success('评价模型参数已保存');
      onSaved(saved);
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="修改评价模型参数"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText="保存"
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="horizontal" labelCol={{ flex: '150px' }} onFinish={save}>
        {FIELDS.map((f) => (
          <Form.Item
            key={f.key}
            name={f.key}
            label={PORTRAIT_CONFIG_LABELS[f.key]}
            extra={f.extra}
            rules={[{ required: true, message: `请填写${PORTRAIT_CONFIG_LABELS[f.key]}` }]}
          >
            <InputNumber precision={f.precision} suffix={f.suffix} style={{ width: 160 }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
