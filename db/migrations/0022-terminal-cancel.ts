// Migration 22: 作废终端包 — a 测评包 that never comes back (a lost or broken laptop) is cancelled with a reason: it no
// longer holds other terminals' ballots back, and a return of it is refused by name.
import type { Migration } from './types';

export const migration0022: Migration = {
  version: 22,
  name: 'terminal-cancel',
  up(db) {
    db.exec(`
      ALTER TABLE terminal_packages ADD COLUMN cancelled_on TEXT;
      ALTER TABLE terminal_packages ADD COLUMN cancelled_by TEXT;
      ALTER TABLE terminal_packages ADD COLUMN cancel_reason TEXT;
    `);
  },
};
