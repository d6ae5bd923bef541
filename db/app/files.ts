// Native open/save dialogs, answered with tokens; backups may only be picked by administrators, 查阅人 save only dossiers.
import { fail } from '../../shared/ipc/errors';
import type { SavePurpose } from '../../shared/ipc/save-purpose';
import type { Handlers } from './context';

const forbidden = () => fail('FORBIDDEN', '当前账户的角色无权进行此操作');

/** Save purposes a 查阅人 may use: the dossier is theirs to read, everything else is an editor's export. */
const READER_SAVES: readonly SavePurpose[] = ['dossierDocx'];

export const fileHandlers: Handlers<'files.pickOpen' | 'files.pickSave'> = {
  'files.pickOpen': ({ store, io }, input) => (input.purpose === 'backup' && store.user.role !== 'admin' ? forbidden() : io.pickOpen(input.purpose)),
  'files.pickSave': ({ store, io }, input) =>
    (input.purpose === 'backup' && store.user.role !== 'admin') || (store.user.role === 'reviewer' && !READER_SAVES.includes(input.purpose))
      ? forbidden()
      : io.pickSave(input.purpose, input.suggestedName),
};
