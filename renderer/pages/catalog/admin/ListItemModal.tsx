// Adding or editing a positive/negative list item: name, points, dimensions, veto (polarity only when adding).
import { useEffect } from 'react';
import { Checkbox, Form, Input, InputNumber, Modal, Radio, Switch } from 'antd';
import type { ListPolarity } from '../../../../shared/catalog/types';

export interface ListItemForm {
  polarity: ListPolarity;
  name: string;
  points: number;
  dimensions: string[];
  veto: boolean;
}

export function ListItemModal({
  edit,
  dimensions,
  busy,
  onCancel,
  onSubmit,
  formRef,
}: {
  edit: { code?: string; values: ListItemForm } | null;
  dimensions: readonly { code: string; name: string }[];
  busy: boolean;
  onCancel: () => void;
  onSubmit: (v: ListItemForm) => void;
  formRef: ReturnType<typeof Form.useForm<ListItemForm>>[0];
}) {
  useEffect(() => {
    if (edit) formRef.setFieldsValue(edit.values);
  }, [edit, formRef]);
  return (
    <Modal
      title={edit?.code ? `修改清单事项 ${edit.code}` : '新增清单事项'}
      open={edit !== null}
      onCancel={onCancel}
      onOk={() => formRef.submit()}
      confirmLoading={busy}
      okText="保存"
      destroyOnHidden
      width={560}
    >
      <Form form={formRef} layout="vertical" onFinish={onSubmit}>
        <Form.Item name="polarity" label="清单" extra={edit?.code ? '编码不变，正面/负面不能修改' : undefined}>
          <Radio.Group
            disabled={Boolean(edit?.code)}
            options={[
              { value: 'positive', label: '正面' },
              { value: 'negative', label: '负面' },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label="事项名称">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="points" label="分值" extra="正面事项为正数（加分），负面事项为负数（减分），范围 -100 到 100">
          <InputNumber style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="dimensions" label="对应维度">
          <Checkbox.Group options={dimensions.map((d) => ({ value: d.code, label: d.name }))} />
        </Form.Item>
        <Form.Item name="veto" label="一票否决" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
