// Migration 14: audit entries signed by the acting user (Ed25519) and each user's current public signing key.
import type { Migration } from './types';

export const migration0014: Migration = {
  version: 14,
  name: 'audit-signatures',
  up(db) {
    db.exec(`
      ALTER TABLE users ADD COLUMN signing_key TEXT;
      ALTER TABLE audit_log ADD COLUMN signature TEXT;
    `);
  },
};
