// The store's public entry points: create, open, recover; everything else hangs off an open Store.
export { createStore, openStore, recoverStore, storeExists, type StoreOptions } from './store/lifecycle';
export { Store, type ChangeRecorder, type KdfCost } from './store/store';
export { ApiError as StoreError } from '../shared/ipc/errors';
export { verifyAudit } from './audit/verify';
