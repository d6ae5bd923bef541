// 名册职务排序: the ordered 职务 keywords that place each unit's cadres in the roster (one per line); saved on its own, audited.
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Space } from 'antd';
import { DEFAULT_POST_ORDER } from '../../../shared/roster/post-order';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { showFormError } from '../../lib/form-errors';

const toText = (list: readonly string[]) => list.join('\n');
/** Blank lines are dropped; the rest is checked by the service (it names the problem). */
const toList = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function PostOrderCard() {
  const [form] = Form.useForm<{ postOrder: string }>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const { data: settings } = useCall('settings.get', {}, { onError: (t) => message.error(t) });
  useEffect(() => {
    if (settings) form.setFieldsValue({ postOrder: toText(settings.postOrder) });
  }, [form, settings]);
  const save = async (list: readonly string[], done: string) => {
    setBusy(true);
    try {
      form.setFieldsValue({ postOrder: toText((await call('settings.update', { postOrder: [...list] })).postOrder) });
      message.success(done);
    } catch (e) {
      // A bad keyword is named by its place in the list (postOrder.3): the message goes under the one text box, quoting it.
      showFormError(form, e, (t) => message.error(t), {
        text: ({ field, message: text }) => {
          const bad = list[Number(field?.split('.')[1])];
          return bad === undefined ? text : `“${bad}”：${text}`;
        },
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="名册职务排序" style={{ marginTop: 16 }}>
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ flex: '160px' }}
        onFinish={(v) => void save(toList(v.postOrder ?? ''), '职务排序已保存，名册按新顺序排列')}
        style={{ maxWidth: 720 }}
      >
        <Form.Item
          label="职务关键词（按顺序）"
          name="postOrder"
          rules={[{ required: true, whitespace: true, message: '请至少填写 1 个职务关键词' }]}
          extra="每行一个关键词，越靠前排得越前。名册在同一单位内按现任职务中最靠前的关键词排列（如“党委副书记、镇长”按“镇长”）；“副镇长”不算“镇长”；都不含的排在最后，再按正职、副职和姓名。"
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 14 }} data-testid="post-order" style={{ width: 320 }} />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="post-order-save">
              保存
            </Button>
            <Button
              onClick={() => void save(DEFAULT_POST_ORDER, '已恢复默认职务排序')}
              disabled={busy}
              data-testid="post-order-reset"
            >
              恢复默认
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
