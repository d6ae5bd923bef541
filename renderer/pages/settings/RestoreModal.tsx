// Restoring from a backup: pick it, see what it is, prove a password (or the recovery code) valid for it, see what
// it holds, confirm; only then is the current store replaced (and kept aside in a dated folder).
import { useState } from 'react';
import {
  App as AntApp,
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Modal,
  Segmented,
  Space,
  Steps,
} from 'antd';
import type { BackupInfoView, UnlockedBackup } from '../../../shared/ipc/contract-backup';
import { call, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { showFormError, validValues } from '../../lib/form-errors';

export function RestoreModal({ onClose, onRestored }: { onClose: () => void; onRestored: () => void }) {
  const [token, setToken] = useState<string | null>(null);
  const [info, setInfo] = useState<BackupInfoView | null>(null);
  const [unlocked, setUnlocked] = useState<UnlockedBackup | null>(null);
  const [mode, setMode] = useState<'password' | 'code'>('password');
  const [confirmed, setConfirmed] = useState(false);
  const [otherConfirmed, setOtherConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ username: string; password: string; recoveryCode: string }>();
  const { message } = AntApp.useApp();
  const step = unlocked ? 2 : info ? 1 : 0;

  const pick = async () => {
    try {
      const [file] = await call('files.pickOpen', { purpose: 'backup' });
      if (!file) return;
      setInfo(await call('backup.inspect', { token: file.token }));
      setToken(file.token);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const unlock = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      setUnlocked(
        await call(
          'backup.unlock',
          mode === 'code'
            ? { token: token!, recoveryCode: v.recoveryCode }
            : { token: token!, username: v.username, password: v.password },
        ),
      );
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
    }
  };

  const close = async () => {
    if (unlocked) await call('backup.discard', { jobId: unlocked.jobId }).catch(() => undefined);
    onClose();
  };

  const restore = async () => {
    setBusy(true);
    try {
      await call('backup.restore', {
        jobId: unlocked!.jobId,
        ...(unlocked!.otherStore ? { confirmOtherStore: otherConfirmed } : {}),
      });
      onRestored();
    } catch (e) {
      message.error(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title="从备份恢复档案库"
      onCancel={() => void close()}
      footer={null}
      mask={{ closable: false }}
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 20 }}
        items={[{ title: '选择备份' }, { title: '验证身份' }, { title: '确认恢复' }]}
      />
      {step === 0 ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            message="恢复会用备份中的数据替换当前档案库。替换前，当前档案库会完整保存在档案库文件夹中的“恢复前的档案库-日期”目录。"
          />
          <Button type="primary" onClick={() => void pick()} data-testid="restore-pick">
            选择备份文件…
          </Button>
        </Space>
      ) : null}
      {step === 1 && info ? (
        <>
          <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="备份文件">{info.fileName}</Descriptions.Item>
            <Descriptions.Item label="备份时间">{formatDateTime(info.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="软件版本">{info.appVersion}</Descriptions.Item>
            <Descriptions.Item label="备份人">{info.createdBy}</Descriptions.Item>
          </Descriptions>
          {info.tooNew ? (
            <Alert type="error" showIcon message="该备份由更新版本的软件创建，不能在本版本中恢复。请先升级软件。" />
          ) : (
            <Form form={form} layout="vertical" requiredMark={false}>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                message="此备份使用备份时的密码打开"
                description="请输入备份时有效的账户和密码（或当时的恢复码）。之后修改过的密码、停用的账户、更换过的密钥都不影响旧备份。"
              />
              <Segmented
                style={{ marginBottom: 12 }}
                value={mode}
                onChange={(v) => setMode(v as 'password' | 'code')}
                options={[
                  { value: 'password', label: '备份时的账户密码' },
                  { value: 'code', label: '恢复码' },
                ]}
              />
              {mode === 'password' ? (
                <>
                  <Form.Item
                    label="用户名"
                    name="username"
                    rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                  <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
                    <Input.Password autoComplete="off" />
                  </Form.Item>
                </>
              ) : (
                <Form.Item
                  label="恢复码"
                  name="recoveryCode"
                  rules={[{ required: true, whitespace: true, message: '请填写恢复码' }]}
                >
                  <Input style={{ fontFamily: 'monospace' }} placeholder="6 组 4 位字母或数字，以“-”分隔" />
                </Form.Item>
              )}
              <Button type="primary" loading={busy} onClick={() => void unlock()} data-testid="restore-unlock">
                验证并检查备份
              </Button>
            </Form>
          )}
        </>
      ) : null}
      {step === 2 && unlocked ? (
        <>
          {unlocked.authenticated ? (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              message="备份已解密并通过完整性校验和认证（备份时间、备份人与数据均未被改动）"
            />
          ) : (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message="备份已解密并通过完整性校验。此备份由旧版本创建，未经认证，备份时间和备份人无法核实。"
            />
          )}
          {unlocked.otherStore ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message="该备份属于另一个档案库"
              description={`备份所属：${unlocked.otherStore.backup}；当前档案库：${unlocked.otherStore.current}。恢复后当前档案库将被另一个档案库的数据替换。`}
            />
          ) : null}
          <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="备份时间" span={2}>
              {formatDateTime(unlocked.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label="备份人" span={2}>
              {unlocked.createdBy}
            </Descriptions.Item>
            <Descriptions.Item label="用户">{unlocked.counts.users} 个</Descriptions.Item>
            <Descriptions.Item label="单位">{unlocked.counts.units} 个</Descriptions.Item>
            <Descriptions.Item label="干部">{unlocked.counts.cadres} 人</Descriptions.Item>
            <Descriptions.Item label="审计记录">{unlocked.counts.auditEntries} 条</Descriptions.Item>
          </Descriptions>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message="恢复后当前档案库将被替换，需要用该备份中的账户重新登录。备份之后的修改不会出现在恢复后的档案库中。"
          />
          {unlocked.otherStore ? (
            <div style={{ marginBottom: 8 }}>
              <Checkbox
                checked={otherConfirmed}
                onChange={(e) => setOtherConfirmed(e.target.checked)}
                data-testid="restore-other-store"
              >
                我确认用另一个档案库{unlocked.otherStore.backup}的备份替换当前档案库{unlocked.otherStore.current}
              </Checkbox>
            </div>
          ) : null}
          <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
            我已了解，确认用此备份替换当前档案库
          </Checkbox>
          <div style={{ marginTop: 16, textAlign: 'right' }}>
            <Space>
              <Button onClick={() => void close()}>取消</Button>
              <Button
                danger
                type="primary"
                disabled={!confirmed || (unlocked.otherStore !== null && !otherConfirmed)}
                loading={busy}
                onClick={() => void restore()}
                data-testid="restore-confirm"
              >
                开始恢复
              </Button>
            </Space>
          </div>
        </>
      ) : null}
    </Modal>
  );
}
