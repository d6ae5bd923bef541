// System settings for administrators: the idle lock, automatic backups, the yearly training hours, the issuing organ,
// the roster's 职务排序, backup and restore, keys and the recovery code.
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Form, InputNumber } from 'antd';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { showFormError } from '../../lib/form-errors';
import { PageHeader } from '../PageHeader';
import { BackupCard } from './BackupCard';
import { IssuingOrganCard } from './IssuingOrganCard';
import { KeysCard } from './KeysCard';
import { PostOrderCard } from './PostOrderCard';

export function SettingsPage({ onRestored }: { onRestored: () => void }) {
  const [form] = Form.useForm<{ idleLockMinutes: number; autoBackupKeep: number; trainingRequiredHours: number }>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();

  const { data: settings } = useCall('settings.get', {}, { onError: (t) => message.error(t) });
  useEffect(() => {
    if (settings) form.setFieldsValue(settings);
  }, [form, settings]);

  const save = async (v: { idleLockMinutes: number; autoBackupKeep: number; trainingRequiredHours: number }) => {
    setBusy(true);
    try {
      form.setFieldsValue(
        await call('settings.update', {
          idleLockMinutes: v.idleLockMinutes,
          autoBackupKeep: v.autoBackupKeep,
          trainingRequiredHours: v.trainingRequiredHours,
        }),
      );
      message.success('设置已保存');
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="系统设置" description="这些设置对本档案库的所有用户生效。" />
      <Card title="安全与备份">
        <Form form={form} layout="horizontal" labelCol={{ flex: '160px' }} onFinish={save} style={{ maxWidth: 560 }}>
          <Form.Item
            label="无操作自动锁定"
            name="idleLockMinutes"
            rules={[{ required: true, message: '请填写自动锁定时间' }]}
            extra="超过这段时间没有键盘或鼠标操作，系统会自动锁定并清除内存中的密钥。"
          >
            <InputNumber min={1} max={240} precision={0} addonAfter="分钟" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            label="自动备份保留份数"
            name="autoBackupKeep"
            rules={[{ required: true, message: '请填写自动备份保留份数' }]}
            extra="每天首次登录时自动备份一次，只保留最近的这些份；填 0 关闭自动备份。"
          >
            <InputNumber min={0} max={60} precision={0} addonAfter="份" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            label="年度应修学时"
            name="trainingRequiredHours"
            rules={[{ required: true, message: '请填写年度应修学时' }]}
            extra="年度学时核查时，计入学时（培训班与带学时的参训记录）低于此数的在职干部，经预览确认后记入负面材料（清单 N3）。"
          >
            <InputNumber min={1} max={1000} precision={0} addonAfter="学时" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label=" " colon={false}>
            <Button type="primary" htmlType="submit" loading={busy}>
              保存
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <IssuingOrganCard />
      <PostOrderCard />
      <BackupCard onRestored={onRestored} />
      <KeysCard />
    </>
  );
}
