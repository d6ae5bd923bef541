// Export flow shared by every "save as" button: ask the host for a place, then write, then say where it went.
import type { MessageInstance } from 'antd/es/message/interface';
import type { SavePurpose } from '../../shared/ipc/save-purpose';
import { call, errorMessage } from './api';

export async function saveWithDialog<R extends { fileName: string }>(
  purpose: SavePurpose,
  suggestedName: string,
  write: (token: string) => Promise<R>,
  message: MessageInstance,
  done: (r: R) => string,
): Promise<R | null> {
  try {
    const target = await call('files.pickSave', { purpose, suggestedName });
    if (!target) return null; // the user closed the dialog
    const hide = message.loading('正在保存…', 0);
    try {
      const r = await write(target.token);
      message.success(done(r));
      return r;
    } finally {
      hide();
    }
  } catch (e) {
    message.error(errorMessage(e));
    return null;
  }
}
