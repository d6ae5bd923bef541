// Where a store's files live inside its folder.
import { join } from 'node:path';

export const DB_FILE = 'store.db';
export const KEYSLOT_FILE = 'keyslots.json';

export const dbPath = (dir: string) => join(dir, DB_FILE);
export const keyslotPath = (dir: string) => join(dir, KEYSLOT_FILE);
