// Shows the recovery code exactly once, with a printable sheet, and makes the user confirm they have kept it.
import { useState } from 'react';
import { Alert, Button, Checkbox, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { AuthFrame, APP_TITLE } from '../AuthFrame';
import { formatDateTime } from '../../lib/format';

export function RecoveryCodePage({ code, onDone }: { code: string; onDone: () => void }) {
  const [kept, setKept] = useState(false);
  const createdAt = formatDateTime(new Date().toISOString());
  return (
    <AuthFrame subtitle="档案库已创建">
      <Alert
        type="warning"
        showIcon
        message="请立即打印或抄写恢复码，并锁入保密柜"
        description="恢复码是所有密码都遗失时找回档案库的唯一途径。它只显示这一次，系统不会再次显示，工作人员也无法替您找回。任何拿到恢复码的人都能打开档案库，请像保管密码一样保管它。"
      />
      <div className="recovery-code" data-testid="recovery-code">
        {code}
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Button icon={<PrinterOutlined />} block onClick={() => window.print()}>
          打印恢复码
        </Button>
        <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)}>
          我已打印或抄写恢复码，并已妥善保管
        </Checkbox>
        <Button type="primary" block size="large" disabled={!kept} onClick={onDone}>
          进入系统
        </Button>
      </Space>
      <div className="print-only">
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          档案库恢复码
        </Typography.Title>
        <p>系统：{APP_TITLE}</p>
        <p>生成时间：{createdAt}</p>
        <p style={{ fontSize: 28, fontFamily: 'monospace', letterSpacing: 3, margin: '24px 0' }}>{code}</p>
        <p>用途：所有密码遗失时，在登录界面点击“使用恢复码找回”，输入此恢复码并为系统管理员设置新密码。</p>
        <p>保管要求：内部资料，注意保密。请锁入保密柜，不得拍照、复印或通过网络传送。</p>
        <p>保管人签字：__________________　　日期：__________________</p>
      </div>
    </AuthFrame>
  );
}
