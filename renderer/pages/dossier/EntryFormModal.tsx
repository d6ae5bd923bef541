// The form of one dossier entry (new or edited): every field, standards grouped by dimension, list items by polarity,
// and attachments chosen in the form and stored with the entry when it is saved.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, List, Radio, Select, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { PickedFile } from '../../../shared/roster/views';
import { MAX_FORM_ATTACHMENTS } from '../../../shared/ipc/contract-dossier';
import { FormModal } from '../../lib/FormModal';
import type { Catalogs } from '../../../shared/catalog/types';
import type { DossierEntry, EntryPolarity } from '../../../shared/dossier/types';
import { ENTRY_POLARITY_LABELS, ENTRY_POLARITIES } from '../../../shared/dossier/types';
import { MAX_CONTENT, MAX_TITLE, type EntryCommonInput } from '../../../shared/dossier/schema';
import { localToday } from '../../../shared/dossier/quarter';
import { ApiError } from '../../../shared/ipc/errors';
import { call, errorMessage } from '../../lib/api';
import { showFormError } from '../../lib/form-errors';
import { standardOptions, subItemOptions } from './useDossierCatalog';

/** `reason`: asked only when a generated entry (yearly hours check) is corrected. */
type FormValues = EntryCommonInput & { reason?: string };

/**
 * What the portrait does with an entry without a list item (shared/portrait/model.ts): only list items move the
 * dimension indices and the grade; such an entry is only counted and listed as related material.
 */
export const LIST_ITEM_HINT = '不计入政治画像的指数和等次，只计入材料条数';

const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** Files chosen in the form, not yet stored: listed with a 移除 each; stored with the entry on 保存. */
function PickedAttachments({
  files,
  error,
  onPick,
  onRemove,
}: {
  files: readonly PickedFile[];
  error: string | null;
  onPick: () => void;
  onRemove: (token: string) => void;
}) {
  return (
    <Form.Item
      label="附件"
      extra={`图片、PDF 或 Word，每个不超过 20 MB，可一次选择多个（最多 ${MAX_FORM_ATTACHMENTS} 个）；保存材料时一并保存`}
    >
      <Button icon={<PaperClipOutlined />} onClick={onPick} data-testid="entry-pick-attachments">
        选择附件
      </Button>
      {files.length > 0 ? (
        <List
          size="small"
          style={{ marginTop: 8 }}
          bordered
          dataSource={[...files]}
          data-testid="entry-picked-attachments"
          renderItem={(f) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="link"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => onRemove(f.token)}
                  aria-label={`移除${f.name}`}
                >
                  移除
                </Button>,
              ]}
            >
              <span style={{ display: 'flex', gap: 12, minWidth: 0 }}>
                <Typography.Text ellipsis style={{ maxWidth: 380 }}>
                  {f.name}
                </Typography.Text>
                <Typography.Text type="secondary">{sizeText(f.size)}</Typography.Text>
              </span>
            </List.Item>
          )}
        />
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="entry-attachment-error" />
      ) : null}
    </Form.Item>
  );
}

/** Fields shared by the single-entry form and the bulk screen. */
export function EntryFields({
  catalog,
  entry,
  polarity,
}: {
  catalog: Catalogs;
  entry?: DossierEntry | null;
  polarity: EntryPolarity | undefined;
}) {
  // An edited entry keeps codes that were retired since: show them, marked, so the form can hold them.
  const retired = (code: string | undefined, name: string | undefined) =>
    code && name ? [{ value: code, label: `${code} ${name}（已停用）` }] : [];
  const subItems = useMemo(() => {
    const opts = subItemOptions(catalog);
    const known = new Set(opts.flatMap((g) => g.options.map((o) => o.value)));
    return entry && !known.has(entry.subItem.code)
      ? [...opts, { label: '已停用', title: '已停用', options: retired(entry.subItem.code, entry.subItem.name) }]
      : opts;
  }, [catalog, entry]);
  const standards = useMemo(() => {
    const opts = standardOptions(catalog);
    const known = new Set(opts.flatMap((g) => g.options.map((o) => o.value)));
    const old = (entry?.standards ?? []).filter((s) => !known.has(s.code)).flatMap((s) => retired(s.code, s.name));
    return old.length > 0 ? [...opts, { label: '已停用', title: '已停用', options: old }] : opts;
  }, [catalog, entry]);
  const listItems = catalog.listItems
    .filter((l) => polarity !== 'neutral' && (polarity === undefined || l.polarity === polarity))
    .map((l) => ({ value: l.code, label: `${l.code} ${l.name}（${l.points > 0 ? '+' : ''}${l.points}）` }));
  const channels = catalog.channels.map((c) => ({ value: c.code, label: c.name }));
  if (entry?.channel.retired) channels.push(...retired(entry.channel.code, entry.channel.name));
  if (entry?.listItem?.retired && polarity === entry.listItem.polarity)
    listItems.push(...retired(entry.listItem.code, entry.listItem.name));
  return (
    <>
      <Form.Item
        label="日期"
        name="date"
        rules={[{ required: true, message: '请填写日期' }]}
        extra="格式：2025-03-14；季度由日期自动确定"
      >
        <Input placeholder="2025-03-14" maxLength={10} style={{ width: 160 }} data-testid="entry-date" />
      </Form.Item>
      <Form.Item
        label="材料类别（子项）"
        name="subItemCode"
        rules={[{ required: true, message: '请选择材料类别（子项）' }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={subItems}
          placeholder="选择板块下的子项"
          data-testid="entry-subitem"
        />
      </Form.Item>
      <Form.Item label="材料来源" name="channelCode" rules={[{ required: true, message: '请选择材料来源' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={channels}
          placeholder="选择材料来源"
          data-testid="entry-channel"
        />
      </Form.Item>
      <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
        <Input maxLength={MAX_TITLE} showCount data-testid="entry-title" />
      </Form.Item>
      <Form.Item label="内容" name="content">
        <Input.TextArea rows={4} maxLength={MAX_CONTENT} showCount data-testid="entry-content" />
      </Form.Item>
      <Form.Item label="性质" name="polarity" rules={[{ required: true, message: '请选择性质' }]}>
        <Radio.Group
          optionType="button"
          options={ENTRY_POLARITIES.map((p) => ({ value: p, label: ENTRY_POLARITY_LABELS[p] }))}
        />
      </Form.Item>
      <Form.Item label="评价标准" name="standardCodes" extra="可多选，按 5 个维度分组">
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={standards}
          placeholder="选择材料涉及的评价标准"
          data-testid="entry-standards"
        />
      </Form.Item>
      <Form.Item
        label="正负面清单事项"
        name="listItemCode"
        extra={
          <span data-testid="entry-listitem-hint">
            {polarity === 'neutral'
              ? `中性材料不对应清单事项，${LIST_ITEM_HINT}`
              : `只列出与性质一致的清单事项；不选清单事项的材料${LIST_ITEM_HINT}`}
          </span>
        }
      >
        <Select
          allowClear
          disabled={polarity === 'neutral'}
          options={listItems}
          placeholder="不对应清单事项"
          data-testid="entry-listitem"
        />
      </Form.Item>
    </>
  );
}

export function EntryFormModal({
  cadreId,
  cadreName,
  catalog,
  entry,
  onClose,
  onSaved,
}: {
  cadreId: number;
  cadreName: string;
  catalog: Catalogs;
  entry: DossierEntry | null;
  onClose: () => void;
  onSaved: (e: DossierEntry) => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [files, setFiles] = useState<readonly PickedFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const polarity = Form.useWatch('polarity', form);
  const { message } = AntApp.useApp();

  const pick = async () => {
    try {
      const picked = await call('files.pickOpen', { purpose: 'attachment' });
      setFileError(null);
      // The same file chosen twice is kept once (by name and size: tokens differ per pick).
      setFiles((now) => [...now, ...picked.filter((p) => !now.some((f) => f.name === p.name && f.size === p.size))]);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  useEffect(() => {
    form.setFieldsValue(
      entry
        ? {
            date: entry.date,
            subItemCode: entry.subItem.code,
            channelCode: entry.channel.code,
            title: entry.title,
            content: entry.content,
            polarity: entry.polarity,
            standardCodes: entry.standards.map((s) => s.code),
            listItemCode: entry.listItem?.code ?? null,
          }
        : { date: localToday(), content: '', polarity: 'neutral', standardCodes: [], listItemCode: null },
    );
  }, [entry, form]);

  // A list item of the other polarity no longer fits: clear it when the polarity changes.
  useEffect(() => {
    const code = form.getFieldValue('listItemCode') as string | null;
    const item = catalog.listItems.find((l) => l.code === code);
    if (polarity === undefined) return; // the form is still being filled in
    if (code && (polarity === 'neutral' || (item && item.polarity !== polarity)))
      form.setFieldValue('listItemCode', null);
  }, [polarity, catalog, form]);

  const save = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const { reason, ...fields } = values;
      const input = {
        cadreId,
        ...fields,
        content: values.content ?? '',
        standardCodes: values.standardCodes ?? [],
        listItemCode: values.listItemCode ?? null,
      };
      const attachments = files.length > 0 ? { attachments: files.map((f) => f.token) } : {};
      const saved = entry
        ? await call('entries.update', {
            id: entry.id,
            version: entry.version,
            input,
            ...(reason ? { reason } : {}),
            ...attachments,
          })
        : await call('entries.create', { input, ...attachments });
      const withFiles = files.length > 0 ? `，${files.length} 个附件已保存` : '';
      message.success(entry ? `材料已保存${withFiles}` : `材料已添加${withFiles}`);
      onSaved(saved);
    } catch (e) {
      // A refused file is named in the message; nothing was saved, the form keeps everything for a retry.
      if (e instanceof ApiError && e.field === 'attachments') setFileError(e.message);
      else showFormError(form, e, (t) => message.error({ content: t, duration: 8 }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormModal
      open
      width={720}
      title={`${entry ? '编辑材料' : '新增材料'} — ${cadreName}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      dirty={() => form.isFieldsTouched() || files.length > 0}
      destroyOnHidden
      data-testid="entry-form"
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ flex: '130px' }}
        style={{ marginTop: 12 }}
        onFinish={() => void save()}
      >
        {entry && entry.origin !== 'manual' ? (
          <Form.Item
            label="修改原因"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请填写修改原因' }]}
            extra="这是年度学时核查生成的材料，修改原因记入审计日志"
          >
            <Input maxLength={200} showCount data-testid="entry-reason" />
          </Form.Item>
        ) : null}
        <EntryFields catalog={catalog} entry={entry} polarity={polarity} />
        <PickedAttachments
          files={files}
          error={fileError}
          onPick={() => void pick()}
          onRemove={(token) => {
            setFiles((now) => now.filter((f) => f.token !== token));
            setFileError(null);
          }}
        />
      </Form>
    </FormModal>
  );
}
