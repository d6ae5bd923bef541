// 名册职务排序: the ordered 职务 keywords that place each unit's cadres in the roster (one per line); saved on its own, audited.
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Space } from 'antd';
import { DEFAULT_POST_ORDER } from '../../../shared/roster/post-order';
import { ApiError } from '../../../shared/ipc/errors';
import { call, errorMessage } from '../../lib/api';

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
  useEffect(() => {
    call('settings.get', {})
      .then((s) => form.setFieldsValue({ postOrder: toText(s.postOrder) }))
      .catch((e) => message.error(errorMessage(e)));
  }, [form, message]);
  const save = async (list: readonly string[], done: string) => {
    setBusy(true);
    try {
      form.setFieldsValue({ postOrder: toText((await call('settings.update', { postOrder: [...list] })).postOrder) });
      message.success(done);
    } catch (e) {
      // A bad keyword is named by its place in the list (postOrder.3): the message goes under the one text box, quoting it.
      if (e instanceof ApiError && e.field?.startsWith('postOrder')) {
        const bad = list[Number(e.field.split('.')[1])];
        form.setFields([{ name: 'postOrder', errors: [bad === undefined ? e.message : `“${bad}”：${e.message}`] }]);
      } else message.error(errorMessage(e));
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
