// The computed grade beside the one staff confirm: the latest confirmation and a form (grade + reason, the reason
// required when the grade differs from the computed one).
import { App as AntApp, Button, Card, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { PORTRAIT_GRADES, REASON_MAX, type PortraitGrade, type PortraitView } from '../../../shared/portrait/view';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { showFormError } from '../../lib/form-errors';
import { CLASSIFICATION_COLORS } from './PortraitSummary';

const GRADE_COLORS: Readonly<Record<PortraitGrade, string>> = {
  好: CLASSIFICATION_COLORS.good,
  较好: CLASSIFICATION_COLORS.fairlyGood,
  一般: CLASSIFICATION_COLORS.average,
  较差: CLASSIFICATION_COLORS.poor,
};

interface Values {
  grade: PortraitGrade;
  reason?: string;
}

export function PortraitConfirm({
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
  const computed = view.result.classificationLabel as PortraitGrade;
  const confirmed = view.confirmation;
  const grade = Form.useWatch('grade', form);

  const save = async (values: Values) => {
    try {
      const next = await call('portrait.confirm', {
        cadreId: view.cadre.id,
        grade: values.grade,
        reason: values.reason ?? '',
      });
      message.success('评价等次已确认');
      form.resetFields();
      onSaved(next);
    } catch (e) {
      showFormError(form, e, (text) => message.error(text));
    }
  };

  return (
    <Card size="small" title="评价等次" data-testid="portrait-confirm">
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'computed',
            label: '计算等次',
            children: (
              <Tag color={GRADE_COLORS[computed]} data-testid="grade-computed">
                {computed}
              </Tag>
            ),
          },
          {
            key: 'confirmed',
            label: '确认等次',
            children: confirmed ? (
              <Space orientation="vertical" size={2} data-testid="grade-confirmed">
                <span>
                  <Tag color={GRADE_COLORS[confirmed.confirmedGrade]}>{confirmed.confirmedGrade}</Tag>
                  <Typography.Text type="secondary">
                    {confirmed.confirmedBy.name} 于 {formatDateTime(confirmed.confirmedAt)} 确认（当时计算等次：
                    {confirmed.computedGrade}）
                  </Typography.Text>
                </span>
                {confirmed.reason ? <span>理由：{confirmed.reason}</span> : null}
                {confirmed.computedGrade !== computed ? (
                  <Typography.Text type="warning">计算等次已变为“{computed}”，请重新确认</Typography.Text>
                ) : null}
              </Space>
            ) : (
              <Typography.Text type="secondary" data-testid="grade-confirmed">
                尚未确认
              </Typography.Text>
            ),
          },
        ]}
      />
      {canEdit ? (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 12 }}
          initialValues={{ grade: computed }}
          onFinish={(v) => void save(v)}
        >
          <Form.Item
            name="grade"
            label="确认等次"
            style={{ marginBottom: 12 }}
            rules={[{ required: true, message: '请选择确认等次' }]}
          >
            <Select
              style={{ width: 160 }}
              options={PORTRAIT_GRADES.map((g) => ({ value: g, label: g }))}
              data-testid="confirm-grade"
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={grade && grade !== computed ? '理由（与计算等次不同，必填）' : '理由'}
            style={{ marginBottom: 12 }}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={REASON_MAX} data-testid="confirm-reason" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="confirm-save">
            确认等次
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
