// 公文署名: the issuing organ (发文机关) printed on covers, the 审议材料 and the 排名表; saved on its own, audited.
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Form, Input } from 'antd';
import { ISSUING_ORGAN_MAX } from '../../../shared/print/organ';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { showFormError } from '../../lib/form-errors';

export function IssuingOrganCard() {
  const [form] = Form.useForm<{ issuingOrgan: string }>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const { data: settings } = useCall('settings.get', {}, { onError: (t) => message.error(t) });
  useEffect(() => {
    if (settings) form.setFieldsValue({ issuingOrgan: settings.issuingOrgan });
  }, [form, settings]);
  const save = async (v: { issuingOrgan: string }) => {
    setBusy(true);
    try {
      form.setFieldsValue({
        issuingOrgan: (await call('settings.update', { issuingOrgan: v.issuingOrgan })).issuingOrgan,
      });
      message.success('发文机关已保存');
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="公文署名" style={{ marginTop: 16 }}>
      <Form form={form} layout="horizontal" labelCol={{ flex: '160px' }} onFinish={save} style={{ maxWidth: 560 }}>
        <Form.Item
          label="发文机关"
          name="issuingOrgan"
          rules={[{ required: true, whitespace: true, message: '请填写发文机关' }]}
          extra="印在档案封面、审议材料封面和排名表落款处，例如“中共鄂托克旗委组织部”。"
        >
          <Input maxLength={ISSUING_ORGAN_MAX} placeholder="中共鄂托克旗委组织部" data-testid="issuing-organ" />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="issuing-organ-save">
            保存
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
