// 修改后采纳: the returned material in the entry form; 采纳 saves the edited version as an ordinary entry.
import { useEffect, useState } from 'react';
import { App as AntApp, Form, Typography } from 'antd';
import type { Catalogs } from '../../../../shared/catalog/types';
import type { EntryCommonInput } from '../../../../shared/dossier/schema';
import type { IntakeRowView } from '../../../../shared/intake/types';
import { call, errorMessage } from '../../../lib/api';
import { FormModal } from '../../../lib/FormModal';
import { EntryFields } from '../EntryFormModal';
import { showFormError } from '../../../lib/form-errors';

export function IntakeEditModal({
  row,
  catalog,
  onClose,
  onDone,
}: {
  row: IntakeRowView;
  catalog: Catalogs;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<EntryCommonInput>();
  const [saving, setSaving] = useState(false);
  const polarity = Form.useWatch('polarity', form);
  const { message } = AntApp.useApp();
  useEffect(() => {
    form.setFieldsValue({
      date: row.date,
      subItemCode: row.subItemCode,
      channelCode: row.channelCode,
      title: row.title,
      content: row.content,
      polarity: row.polarity,
      standardCodes: [...row.standardCodes],
      listItemCode: row.listItemCode,
    });
  }, [row, form]);
  const save = async () => {
    let v: EntryCommonInput;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const entry = {
        ...v,
        content: v.content ?? '',
        standardCodes: v.standardCodes ?? [],
        listItemCode: v.listItemCode ?? null,
      };
      await call('intake.accept', { rows: [{ id: row.id, entry }] });
      message.success(`已采纳：${row.cadreName}“${entry.title}”`);
      onDone();
    } catch (e) {
      showFormError(form, e, (t) => message.error({ content: t || errorMessage(e), duration: 8 }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <FormModal
      open
      width={720}
      title={`修改后采纳 — ${row.cadreName}`}
      okText="采纳"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      dirty={() => form.isFieldsTouched()}
      destroyOnHidden
      data-testid="intake-edit"
    >
      <Typography.Paragraph type="secondary">
        {`来源：${row.unitName} ${row.quarter} 填报（第 ${row.rowNo} 行）。采纳后成为${row.cadreName}档案中的一条材料，附件一并保存。`}
      </Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ flex: '130px' }}>
        <EntryFields catalog={catalog} polarity={polarity} />
      </Form>
    </FormModal>
  );
}
