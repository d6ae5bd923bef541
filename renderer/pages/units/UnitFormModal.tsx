// Adding or editing a unit: name, category, order.
import { useState } from 'react';
import { App as AntApp, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
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
  const [added, setAdded] = useState(0);
  /** Saves; with `andNext` the dialog stays open for the next unit of the same category, 排序号 one higher. */
  const submit = async (andNext = false) => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    try {
      await call('units.save', {
        ...(unit ? { id: unit.id } : {}),
        name: v.name,
        categoryCode: v.categoryCode,
        sort: v.sort,
      });
      if (andNext) {
        message.success(`已保存“${v.name}”，请继续填写下一个单位`);
        setAdded((n) => n + 1);
        form.setFieldsValue({ name: '', sort: v.sort + 1 });
        form.getFieldInstance('name')?.focus?.();
        return;
      }
      message.success('单位已保存');
      await onSaved();
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={unit ? '修改单位' : '新增单位'}
      onCancel={() => (added > 0 ? void onSaved() : onClose())}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={() => (added > 0 ? void onSaved() : onClose())}>
          {added > 0 ? '完成' : '取消'}
        </Button>,
        ...(unit
          ? []
          : [
              <Button key="next" loading={busy} onClick={() => void submit(true)} data-testid="unit-save-next">
                保存并新增
              </Button>,
            ]),
        <Button key="ok" type="primary" loading={busy} onClick={() => void submit()} data-testid="unit-save">
          保存
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          unit
            ? { name: unit.name, categoryCode: unit.categoryCode, sort: unit.sort }
            : { categoryCode: defaultCategory, sort: 0 }
        }
      >
        <Form.Item
          label="单位名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}
        >
          <Input maxLength={60} placeholder="例如：阿尔巴斯苏木" />
        </Form.Item>
        <Form.Item label="单位类别" name="categoryCode" rules={[{ required: true, message: '请选择单位类别' }]}>
          <Select options={categories.map((c) => ({ value: c.code, label: c.name }))} placeholder="请选择" />
        </Form.Item>
        <Form.Item
          label="排序号"
          name="sort"
          extra="同一类别内按排序号从小到大排列。"
          rules={[{ required: true, message: '请填写排序号' }]}
        >
          <InputNumber min={0} max={99999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
