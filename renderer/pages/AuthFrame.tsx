// The framed card shared by the setup, login and recovery screens.
import type { ReactNode } from 'react';
import { Card } from 'antd';

export const APP_TITLE = '干部政治素质档案与“双比双评”考核系统';

export function AuthFrame({
  subtitle,
  children,
  footer,
}: {
  subtitle: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="auth-page">
      <div className="auth-card">
        <div className="auth-title">
          <h1>{APP_TITLE}</h1>
          <div>{subtitle}</div>
        </div>
        <Card>{children}</Card>
        {footer ? <div style={{ textAlign: 'center', marginTop: 16, color: '#888' }}>{footer}</div> : null}
      </div>
    </div>
  );
}
