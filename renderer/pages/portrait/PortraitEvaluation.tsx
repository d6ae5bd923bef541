// The holistic evaluation (能力特点、性格不足、熟悉领域): the current version in a form for editors, older versions below.
// Before one is saved, the form starts from the draft the store composes (latest S3.5 entry and the profile).
import { useEffect } from 'react';
import { App as AntApp, Button, Card, Collapse, Descriptions, Empty, Form, Input, Typography } from 'antd';
import type { PortraitView } from '../../../shared/portrait/view';
import { EVALUATION_MAX } from '../../../shared/portrait/view';
import { call } from '../../lib/api';
import { showFormError } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/format';

interface Values {
  abilities: string;
  weaknesses: string;
  familiarFields: string;
}

const FIELDS: readonly [keyof Values, string][] = [
  ['abilities', '能力特点'],
  ['weaknesses', '性格不足'],
  ['familiarFields', '熟悉领域'],
];

function Version({ e }: { e: Values }) {
  return (
    <Descriptions
      size="small"
      column={1}
      items={FIELDS.map(([k, label]) => ({
        key: k,
        label,
        children: e[k] === '' ? <Typography.Text type="secondary">（未填写）</Typography.Text> : e[k],
      }))}
    />
  );
}

export function PortraitEvaluation({
  view,
  canEdit,
  onSaved,
}: {
  view: PortraitView;
  canEdit: boolean;
  onSaved: (v: PortraitView) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = AntApp.useApp();
  const current = view.evaluations[0] ?? null;
  const older = view.evaluations.slice(1);
  const text = view.holistic;
  useEffect(() => {
    form.setFieldsValue({
      abilities: text.abilities,
      weaknesses: text.weaknesses,
      familiarFields: text.familiarFields,
    });
  }, [form, text]);

  const save = async (values: Values) => {
    try {
      const next = await call('portrait.saveEvaluation', {
        cadreId: view.cadre.id,
        ...values,
        baseVersion: view.evaluationVersion,
      });
      message.success('综合评价已保存');
      onSaved(next);
    } catch (e) {
      showFormError(form, e, (text) => message.error(text));
    }
  };

  return (
    <Card size="small" title="综合评价" data-testid="portrait-evaluation">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }} data-testid="evaluation-current">
        {current
          ? `当前版本：${current.writtenBy.name} 于 ${formatDateTime(current.writtenAt)} 填写`
          : text.source === 'draft' && canEdit
            ? `${text.basis}，请核对后保存`
            : text.basis}
      </Typography.Paragraph>
      {canEdit ? (
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          {FIELDS.map(([k, label]) => (
            <Form.Item key={k} name={k} label={label} style={{ marginBottom: 12 }}>
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={EVALUATION_MAX}
                data-testid={`evaluation-${k}`}
              />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" data-testid="evaluation-save">
            保存综合评价
          </Button>
        </Form>
      ) : text.source !== 'none' ? (
        <Version e={text} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未填写综合评价" />
      )}
      {older.length > 0 ? (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          data-testid="evaluation-history"
          items={[
            {
              key: 'history',
              label: `历史版本（${older.length}）`,
              children: (
                <Collapse
                  size="small"
                  items={older.map((e) => ({
                    key: e.id,
                    label: `${e.writtenBy.name} · ${formatDateTime(e.writtenAt)}`,
                    children: <Version e={e} />,
                  }))}
                />
              ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
