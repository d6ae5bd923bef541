// The administrator's choice of the sections a quarter requires (e.g. 表彰奖励 only at year end); at least one.
import { useState } from 'react';
import { App as AntApp, Alert, Checkbox, Modal, Typography } from 'antd';
import { quarterLabel } from '../../../../shared/dossier/quarter';
import { call, errorMessage } from '../../../lib/api';

type Section = { readonly code: string; readonly name: string; readonly required: boolean };

export function RequiredSectionsDialog({
  quarter,
  sections,
  onClose,
  onDone,
}: {
  quarter: string;
  sections: readonly Section[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = AntApp.useApp();
  const [chosen, setChosen] = useState<string[]>(sections.filter((s) => s.required).map((s) => s.code));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (chosen.length === 0) {
      setError('每季度至少要求一个板块');
      return;
    }
    setSaving(true);
    try {
      await call('collection.setRequiredSections', { quarter, sectionCodes: chosen });
      message.success('已保存本季度必填板块');
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`${quarterLabel(quarter)}必填板块`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      data-testid="required-sections-dialog"
    >
      <Typography.Paragraph type="secondary">
        只有勾选的板块计入本季度的完成率和缺项名单。未设置时六大板块都必填。
      </Typography.Paragraph>
      <Checkbox.Group
        value={chosen}
        onChange={(v) => {
          setChosen(v as string[]);
          setError(null);
        }}
        options={sections.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))}
        data-testid="required-sections"
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}
