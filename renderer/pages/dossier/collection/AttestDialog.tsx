// “本季度无此类材料（经核查）”: the staff record, for one cadre or every gap of a unit in a section, that they checked
// and found nothing to collect; it then counts as complete (audited, can be taken back).
import { useState } from 'react';
import { App as AntApp, Alert, Input, Modal, Typography } from 'antd';
import { quarterLabel } from '../../../../shared/dossier/quarter';
import { call, errorMessage } from '../../../lib/api';

export interface AttestTarget {
  readonly section: { readonly code: string; readonly name: string };
  readonly cadres: readonly { readonly cadreId: number; readonly name: string }[];
  /** How the list was chosen, for the title: a unit's name, or null for one cadre. */
  readonly scope: string | null;
}

const SHOWN_NAMES = 12;
const DEFAULT_NOTE = '经核查，本季度无此类材料';

export function AttestDialog({
  quarter,
  target,
  onClose,
  onDone,
}: {
  quarter: string;
  target: AttestTarget | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = AntApp.useApp();
  const [note, setNote] = useState(DEFAULT_NOTE);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!target) return null;
  const names = target.cadres.map((c) => c.name);
  const save = async () => {
    if (!note.trim()) {
      setError('请填写核查说明（如核查人、核查方式）');
      return;
    }
    setSaving(true);
    try {
      const r = await call('collection.attestNone', {
        quarter,
        sectionCode: target.section.code,
        cadreIds: target.cadres.map((c) => c.cadreId),
        note: note.trim(),
      });
      message.success(
        r.skipped > 0 ? `已记录 ${r.added} 人；${r.skipped} 人已有材料或已记录，未重复记录` : `已记录 ${r.added} 人`,
      );
      setNote(DEFAULT_NOTE);
      setError(null);
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
      title={`${quarterLabel(quarter)} · ${target.section.code} ${target.section.name}：本季度无此类材料（经核查）`}
      okText="确认记录"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      mask={{ closable: false }}
      data-testid="attest-dialog"
    >
      <Typography.Paragraph>
        {`将为${target.scope ? `“${target.scope}”缺少该板块材料的` : ''} ${names.length} 名干部记录：经核查，本季度没有“${target.section.name}”类材料。记录后计为已采集，可随时撤销。`}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="attest-names">
        {names.slice(0, SHOWN_NAMES).join('、')}
        {names.length > SHOWN_NAMES ? ` 等 ${names.length} 人` : ''}
      </Typography.Paragraph>
      <Typography.Text strong>核查说明</Typography.Text>
      <Input.TextArea
        value={note}
        maxLength={200}
        showCount
        autoSize={{ minRows: 2, maxRows: 4 }}
        onChange={(e) => setNote(e.target.value)}
        status={error && !note.trim() ? 'error' : undefined}
        data-testid="attest-note"
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}
