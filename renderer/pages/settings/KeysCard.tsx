// 密钥与恢复码: re-keying the store (更换密钥) and making a new recovery code, each with its progress; the new code is
// shown once, to print or copy, as at setup.
import { testId } from '../../lib/test-id';
import { useState } from 'react';
import { App as AntApp, Alert, Button, Card, Checkbox, Modal, Space, Typography } from 'antd';
import { KeyOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { call, errorMessage } from '../../lib/api';
import { RekeyProgress } from './RekeyProgress';

type Action = 'rekey' | 'recovery';

const CONFIRM: Record<Action, { title: string; body: string; ok: string }> = {
  rekey: {
    title: '更换档案库密钥',
    body: '系统将生成新的档案库密钥并重新加密整个档案库。更换后，停用账户的旧密码、旧的密钥文件副本都无法再打开档案库；所有在用账户照常用自己的密码登录。以前的备份仍用备份时的密码打开。档案库较大时需要几分钟，期间请勿关闭程序。',
    ok: '更换密钥',
  },
  recovery: {
    title: '重新生成恢复码',
    body: '生成新的恢复码后，旧恢复码立即作废（系统同时更换档案库密钥），新恢复码只显示一次，请当场打印或抄写并锁入保密柜。以前的备份仍可用备份时的恢复码打开。',
    ok: '生成新恢复码',
  },
};

export function KeysCard() {
  const [pending, setPending] = useState<Action | null>(null);
  const [progressId, setProgressId] = useState<string | null>(null);
  const [newCode, setNewCode] = useState<string | null>(null);
  const [kept, setKept] = useState(false);
  const { message } = AntApp.useApp();

  const run = async (action: Action) => {
    const id = crypto.randomUUID();
    setProgressId(id);
    try {
      if (action === 'rekey') {
        await call('keys.rekey', { progressId: id });
        message.success('档案库密钥已更换');
      } else {
        setNewCode((await call('keys.newRecoveryCode', { progressId: id })).recoveryCode);
        setKept(false);
      }
      setPending(null);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setProgressId(null);
    }
  };

  const busy = progressId !== null;
  return (
    <Card title="密钥与恢复码" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        停用账户、重置密码时系统会自动更换档案库密钥。怀疑密钥文件或备份被他人复制时，也可以在这里手动更换；恢复码遗失或可能泄露时，请重新生成。
      </Typography.Paragraph>
      <Space>
        <Button icon={<KeyOutlined />} onClick={() => setPending('rekey')} data-testid="keys-rekey">
          更换密钥…
        </Button>
        <Button icon={<SafetyCertificateOutlined />} onClick={() => setPending('recovery')} data-testid="keys-recovery">
          重新生成恢复码…
        </Button>
      </Space>
      {pending ? (
        <Modal
          open
          title={CONFIRM[pending].title}
          okText={CONFIRM[pending].ok}
          okButtonProps={{
            danger: true,
            loading: busy,
            ...testId('keys-confirm'),
          }}
          cancelButtonProps={{ disabled: busy }}
          closable={!busy}
          mask={{ closable: false }}
          onOk={() => void run(pending)}
          onCancel={() => setPending(null)}
        >
          <Alert type="warning" showIcon message={CONFIRM[pending].body} />
          {progressId ? <RekeyProgress progressId={progressId} /> : null}
        </Modal>
      ) : null}
      {newCode ? (
        <Modal
          open
          title="新的恢复码"
          closable={false}
          mask={{ closable: false }}
          footer={
            <Button type="primary" disabled={!kept} onClick={() => setNewCode(null)} data-testid="recovery-done">
              完成
            </Button>
          }
        >
          <Alert
            type="warning"
            showIcon
            message="旧恢复码已作废。新恢复码只显示这一次，请立即打印或抄写，并锁入保密柜。"
          />
          <div className="recovery-code" data-testid="new-recovery-code">
            {newCode}
          </div>
          <Space direction="vertical">
            <Button onClick={() => window.print()}>打印恢复码</Button>
            <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)}>
              我已打印或抄写新恢复码，并已妥善保管
            </Checkbox>
          </Space>
        </Modal>
      ) : null}
    </Card>
  );
}
