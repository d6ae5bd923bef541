// Adding or editing a unit: name, category, order.
import { useState } from 'react';
import { App as AntApp, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { CatalogCategory } from '../../../shared/catalog/types';
import type { Unit } from '../../../shared/roster/types';
import { call } from '../../lib/api';
import { showFormError } from '../../lib/form-errors';

interface Values {
  name: string;
  categoryCode: string;
  sort: number;
}

export function UnitFormModal({
  unit,
  categories,
  defaultCategory,
  onClose,
  onSaved,
}: {
  unit: Unit | null;
  categories: readonly CatalogCategory[];
  defaultCategory: string | undefined;
  onClose: () => void;
  onSaved: () => void | Promise<void>;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await call('units.save', { ...(unit ? { id: unit.id } : {}), name: v.name, categoryCode: v.categoryCode, sort: v.sort });
      message.success('单位已保存');
      await onSaved();
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={unit ? '修改单位' : '新增单位'} okText="保存" cancelText="取消" onOk={() => void submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={unit ? { name: unit.name, categoryCode: unit.categoryCode, sort: unit.sort } : { categoryCode: defaultCategory, sort: 0 }}
      >
        <Form.Item label="单位名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
          <Input maxLength={60} placeholder="例如：阿尔巴斯苏木" />
        </Form.Item>
        <Form.Item label="单位类别" name="categoryCode" rules={[{ required: true, message: '请选择单位类别' }]}>
          <Select options={categories.map((c) => ({ value: c.code, label: c.name }))} placeholder="请选择" />
        </Form.Item>
        <Form.Item label="排序号" name="sort" extra="同一类别内按排序号从小到大排列。" rules={[{ required: true, message: '请填写排序号' }]}>
          <InputNumber min={0} max={99999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
