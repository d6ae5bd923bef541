// Native open/save dialogs, answered with tokens; backups may only be picked by administrators.
import { fail } from '../../shared/ipc/errors';
import type { Handlers } from './context';

const forbidden = () => fail('FORBIDDEN', '当前账户的角色无权进行此操作');

export const fileHandlers: Handlers<'files.pickOpen' | 'files.pickSave'> = {
  'files.pickOpen': ({ store, io }, input) => (input.purpose === 'backup' && store.user.role !== 'admin' ? forbidden() : io.pickOpen(input.purpose)),
  'files.pickSave': ({ store, io }, input) =>
    input.purpose === 'backup' && store.user.role !== 'admin' ? forbidden() : io.pickSave(input.purpose, input.suggestedName),
};
