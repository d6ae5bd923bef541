// Adding or renaming a named catalog item (sub-item, standard, channel, category): the name, and for a new
// sub-item or standard the section or dimension it belongs to.
import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';

export interface NameEdit {
  readonly title: string;
  readonly code?: string;
  readonly name: string;
  /** Choices of section or dimension when adding a grouped item; the chosen one preselected. */
  readonly parents?: {
    readonly label: string;
    readonly options: readonly { value: string; label: string }[];
    readonly value: string;
  };
}

export function NameModal({
  edit,
  busy,
  onCancel,
  onSubmit,
  formRef,
}: {
  edit: NameEdit | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (v: { name: string; parentCode?: string }) => void;
  formRef: ReturnType<typeof Form.useForm<{ name: string; parentCode?: string }>>[0];
}) {
  useEffect(() => {
    if (edit) formRef.setFieldsValue({ name: edit.name, parentCode: edit.parents?.value });
  }, [edit, formRef]);
  return (
    <Modal
      title={edit?.title}
      open={edit !== null}
      onCancel={onCancel}
      onOk={() => formRef.submit()}
      confirmLoading={busy}
      okText="保存"
      destroyOnHidden
    >
      <Form form={formRef} layout="vertical" onFinish={onSubmit}>
        {edit?.parents ? (
          <Form.Item name="parentCode" label={edit.parents.label}>
            <Select options={edit.parents.options as { value: string; label: string }[]} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="name"
          label="名称"
          extra={edit?.code ? `编码 ${edit.code} 保持不变` : '保存后自动生成编码，编码以后不再改变'}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
