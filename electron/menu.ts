// The application menu, in Chinese: lock, quit, the standard edit commands, zoom, and an about box.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** Locks the session at once (closes the store, wipes its key); the window then shows the lock screen. */
  readonly lock: () => void;
  readonly about: () => void;
  /** Reload and DevTools appear only while developing. */
  readonly isDev: boolean;
}

export const LOCK_ACCELERATOR = 'CmdOrCtrl+L';

/**
 * In 评议终端 mode the application has no menu at all (Menu.setApplicationMenu(KIOSK_MENU)): a panel member then
 * reaches neither 锁定 nor 退出, nor their accelerators. The normal menu comes back when kiosk mode ends.
 */
export const KIOSK_MENU = null;

export function buildMenuTemplate({ lock, about, isDev }: MenuActions): MenuItemConstructorOptions[] {
  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ label: '重新加载', role: 'reload' }, { label: '开发者工具', role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return [
    {
      label: '文件',
      submenu: [
        { id: 'lock', label: '锁定', accelerator: LOCK_ACCELERATOR, click: () => lock() },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        ...devItems,
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
      ],
    },
    {
      label: '帮助',
      submenu: [{ label: '关于', click: () => about() }],
    },
  ];
}
