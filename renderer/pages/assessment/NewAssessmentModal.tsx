// 新建考核: name, year and the scope (categories, optionally single units); members are snapshotted from the roster.
import { useState } from 'react';
import { App as AntApp, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { call } from '../../lib/api';
import { showFormError, validValues } from '../../lib/form-errors';
import { useUnitsAndCategories } from '../../lib/useCatalogLists';

interface Values {
  name: string;
  year: number;
  categoryCodes: string[];
  unitIds: number[];
}

export function NewAssessmentModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { units, categories } = useUnitsAndCategories();
  const { message } = AntApp.useApp();
  const selected = Form.useWatch('categoryCodes', form);
  // The yearly assessment is held at the end of its year or early in the next: in December it is this year's,
  // before that most likely last year's.
  const now = new Date();
  const assessedYear = now.getMonth() === 11 ? now.getFullYear() : now.getFullYear() - 1;

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const created = await call('assessments.create', {
        name: v.name,
        year: v.year,
        scope: { categoryCodes: v.categoryCodes ?? [], unitIds: v.unitIds ?? [] },
      });
      message.success(`已新建考核，成员 ${created.memberCount} 人`);
      onCreated(created.id);
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="新建考核"
      okText="新建"
      cancelText="取消"
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ year: assessedYear, categoryCodes: [], unitIds: [] }}
      >
        <Form.Item
          label="考核名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请填写考核名称' }]}
        >
          <Input maxLength={60} placeholder={`例如：${assessedYear}年度科级干部“双比双评”考核`} />
        </Form.Item>
        <Form.Item label="考核年度" name="year" rules={[{ required: true, message: '请填写考核年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label="考核范围：单位类别"
          extra="所选类别下全部单位的在职干部将成为考核成员（新建时按干部名册快照）。"
        >
          <Checkbox
            checked={categories.length > 0 && (selected?.length ?? 0) === categories.length}
            indeterminate={(selected?.length ?? 0) > 0 && (selected?.length ?? 0) < categories.length}
            onChange={(e) => form.setFieldValue('categoryCodes', e.target.checked ? categories.map((c) => c.code) : [])}
            data-testid="categories-all"
            style={{ marginBottom: 8 }}
          >
            全选
          </Checkbox>
          <Form.Item name="categoryCodes" noStyle>
            <Checkbox.Group options={categories.map((c) => ({ value: c.code, label: c.name }))} />
          </Form.Item>
        </Form.Item>
        <Form.Item label="另加单位（可选）" name="unitIds">
          <Select
            mode="multiple"
            allowClear
            placeholder="选择单个单位"
            options={units.map((u) => ({ value: u.id, label: u.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
