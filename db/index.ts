// The store's public entry points: create, open, recover; everything else hangs off an open Store.
// Also where the store meets the features: a new store gets the default catalogs from here, so db/store imports none.
import { DEFAULT_CATALOGS } from '../shared/catalog/defaults';
import { seedCatalogs } from './catalog/seed';
import { createStore as createBareStore, type StoreOptions } from './store/lifecycle';

export { openStore, recoverStore, storeExists, type StoreOptions } from './store/lifecycle';
export { Store, type ChangeRecorder, type KdfCost } from './store/store';
export { ApiError as StoreError } from '../shared/ipc/errors';
export { verifyAudit } from './audit/verify';

export const createStore = (
  dir: string,
  admin: { username: string; displayName: string; password: string },
  opts: StoreOptions = {},
) => createBareStore(dir, admin, opts, (trx) => seedCatalogs(trx, DEFAULT_CATALOGS));
