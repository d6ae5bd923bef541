// The call names alone, without schemas, for the preload (which must stay tiny); a test keeps it equal to the contract.
export const CALL_NAME_LIST = [
  'app.status',
  'setup.pickDirectory',
  'setup.createStore',
  'setup.useExistingStore',
  'session.login',
  'session.recover',
  'session.lock',
  'session.touch',
  'me.changePassword',
  'catalog.get',
  'users.list',
  'users.create',
  'users.update',
  'users.resetPassword',
  'users.disable',
  'audit.list',
  'audit.verify',
  'settings.get',
  'settings.update',
] as const;

/** IPC channel names between preload and main. */
export const CALL_CHANNEL = 'ganbu:call';
export const LOCKED_CHANNEL = 'ganbu:locked';
