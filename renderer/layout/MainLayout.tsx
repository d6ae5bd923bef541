// The main window: navigation on the left, the signed-in user, the lock button (and Ctrl+L) on top.
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Dropdown, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { DownOutlined, KeyOutlined, QuestionCircleOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import type { AppStatus, SessionUser } from '../../shared/ipc/types';
import { ROLE_LABELS } from '../../shared/roles';
import { call, errorMessage } from '../lib/api';
import { navFor, type PageKey } from './menu';
import { HelpDrawer } from './HelpDrawer';
import { OpenHelpContext } from './help';
import { CurrentCadreProvider, useCurrentCadre } from './current-cadre';
import { useActivityPing } from './useActivityPing';
import { ChangePasswordModal } from '../pages/account/ChangePasswordModal';
import { CatalogPage } from '../pages/catalog/CatalogPage';
import { UsersPage } from '../pages/users/UsersPage';
import { AuditPage } from '../pages/audit/AuditPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { RosterPage } from '../pages/roster/RosterPage';
import { UnitsPage } from '../pages/units/UnitsPage';
import { DossierPage } from '../pages/dossier/DossierPage';
import { RegisterPage } from '../pages/print/RegisterPage';
import { PacketPage } from '../pages/print/PacketPage';
import { DOSSIER_READERS } from '../../shared/ipc/contract-dossier';
import { AssessmentPage } from '../pages/assessment/AssessmentPage';
import { ROSTER_EDITORS } from '../../shared/ipc/call';
import { APP_TITLE } from '../pages/AuthFrame';

function PageFor({
  page,
  user,
  onStatusChange,
  openDossier,
  openAssessment,
}: {
  page: PageKey;
  user: SessionUser;
  onStatusChange: () => void;
  openDossier: (cadreId: number) => void;
  openAssessment: number | null;
}) {
  const canEdit = ROSTER_EDITORS.includes(user.role);
  switch (page) {
    case 'roster':
      return (
        <RosterPage
          canEdit={canEdit}
          userId={user.id}
          userName={user.displayName}
          {...(DOSSIER_READERS.includes(user.role) ? { onOpenDossier: openDossier } : {})}
        />
      );
    case 'dossier':
      return <DossierPage user={user} />;
    case 'units':
      return <UnitsPage canEdit={canEdit} />;
    case 'catalog':
      return <CatalogPage isAdmin={user.role === 'admin'} />;
    case 'assessment':
      return (
        <AssessmentPage
          role={user.role}
          userName={user.displayName}
          onStatusChange={onStatusChange}
          openId={openAssessment}
        />
      );
    case 'packet':
      return <PacketPage printedBy={user.displayName} />;
    case 'printRegister':
      return <RegisterPage />;
    case 'users':
      return <UsersPage currentUserId={user.id} />;
    case 'audit':
      return <AuditPage />;
    case 'settings':
      return <SettingsPage onRestored={onStatusChange} />;
  }
}

export function MainLayout(props: { status: AppStatus; onStatusChange: () => void; openAssessment?: number | null }) {
  // The current cadre lives only as long as this layout: locking or logging out shows the login screen instead.
  return (
    <CurrentCadreProvider>
      <Main {...props} />
    </CurrentCadreProvider>
  );
}

function Main({
  status,
  onStatusChange,
  openAssessment = null,
}: {
  status: AppStatus;
  onStatusChange: () => void;
  openAssessment?: number | null;
}) {
  const user = status.user!;
  const items = navFor(user.role);
  const [page, setPage] = useState<PageKey>(
    openAssessment !== null && items.some((i) => i.key === 'assessment') ? 'assessment' : items[0]!.key,
  );
  const [changingPassword, setChangingPassword] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const { choose } = useCurrentCadre();
  const openDossier = (cadreId: number) => {
    choose(cadreId);
    setPage('dossier');
  };
  const { message } = AntApp.useApp();
  useActivityPing();

  const lock = async () => {
    try {
      await call('session.lock', {});
    } catch (e) {
      // Already locked by the menu accelerator or the idle timer: nothing to report.
      if ((e as { code?: string }).code !== 'NOT_LOGGED_IN') message.error(errorMessage(e));
    }
    onStatusChange();
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', background: '#9b1c1c', paddingInline: 20 }}>
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600, letterSpacing: 1, flex: 1 }}>
          {APP_TITLE}
        </Typography.Text>
        <Space size="middle">
          <Dropdown
            menu={{
              items: [
                { key: 'help', icon: <QuestionCircleOutlined />, label: '操作指引' },
                { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
              ],
              onClick: (e) => (e.key === 'help' ? setHelpOpen(true) : setChangingPassword(true)),
            }}
          >
            <Button type="text" style={{ color: '#fff' }} data-testid="user-menu">
              <UserOutlined /> {user.displayName}（{user.username}） <Tag color="gold">{ROLE_LABELS[user.role]}</Tag>
              <DownOutlined />
            </Button>
          </Dropdown>
          <Tooltip title="锁定后需重新输入密码（Ctrl+L）">
            <Button icon={<LockOutlined />} onClick={() => void lock()}>
              锁定
            </Button>
          </Tooltip>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #eee' }}>
          <Menu
            mode="inline"
            selectedKeys={[page]}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
            items={items.map((i) => ({ key: i.key, icon: i.icon, label: i.label, disabled: user.mustChangePassword }))}
            onClick={(e) => setPage(e.key as PageKey)}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 20, overflow: 'auto' }}>
          {/* Until a temporary or outdated password is replaced the store answers nothing else: show no page that would ask. */}
          {user.mustChangePassword ? null : (
            <OpenHelpContext.Provider value={() => setHelpOpen(true)}>
              <PageFor
                page={page}
                user={user}
                onStatusChange={onStatusChange}
                openDossier={openDossier}
                openAssessment={openAssessment}
              />
            </OpenHelpContext.Provider>
          )}
        </Layout.Content>
      </Layout>
      <HelpDrawer
        open={helpOpen}
        onClose={() => setHelpOpen(false)}
        onGo={setPage}
        pages={new Set(items.map((i) => i.key))}
      />
      <ChangePasswordModal
        open={changingPassword || user.mustChangePassword}
        forced={user.mustChangePassword}
        onClose={() => {
          setChangingPassword(false);
          onStatusChange();
        }}
      />
    </Layout>
  );
}
