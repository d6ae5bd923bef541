// The navigation: which areas exist and which roles see them (only areas that are built appear).
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  FileTextOutlined,
  IdcardOutlined,
  PrinterOutlined,
  SettingOutlined,
  SnippetsOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { Role } from '../../shared/roles';
import { DOSSIER_EDITORS, DOSSIER_READERS } from '../../shared/ipc/contract-dossier';

export type PageKey =
  | 'roster'
  | 'dossier'
  | 'units'
  | 'catalog'
  | 'assessment'
  | 'users'
  | 'audit'
  | 'settings'
  | 'printRegister'
  | 'packet';

export interface NavItem {
  readonly key: PageKey;
  readonly label: string;
  readonly icon: ReactNode;
  readonly roles: readonly Role[] | 'all';
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'roster', label: '干部名册', icon: <IdcardOutlined />, roles: 'all' },
  { key: 'dossier', label: '政治素质档案', icon: <FileTextOutlined />, roles: DOSSIER_READERS },
  { key: 'units', label: '单位管理', icon: <ApartmentOutlined />, roles: 'all' },
  { key: 'catalog', label: '基础目录', icon: <BookOutlined />, roles: 'all' },
  {
    key: 'assessment',
    label: '考核测评',
    icon: <TrophyOutlined />,
    roles: ['admin', 'assessmentClerk', 'dossierClerk', 'reviewer'],
  },
  { key: 'packet', label: '审议材料', icon: <SnippetsOutlined />, roles: DOSSIER_EDITORS },
  { key: 'printRegister', label: '打印登记', icon: <PrinterOutlined />, roles: DOSSIER_EDITORS },
  { key: 'users', label: '用户管理', icon: <TeamOutlined />, roles: ['admin'] },
  { key: 'audit', label: '审计日志', icon: <AuditOutlined />, roles: ['admin'] },
  { key: 'settings', label: '系统设置', icon: <SettingOutlined />, roles: ['admin'] },
];

export const navFor = (role: Role) => NAV_ITEMS.filter((i) => i.roles === 'all' || i.roles.includes(role));
