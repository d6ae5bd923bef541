// Migration 5: a veto adopted from a dossier proposal remembers the dossier entry it came from.
import type { Migration } from './types';

export const migration0005: Migration = {
  version: 5,
  name: 'veto-source',
  up(db) {
    // No foreign key on purpose: an archived assessment's vetoes may not change (triggers of 0004), so a cascade
    // from deleting the dossier entry would be refused; the reader shows a deleted entry as such instead.
    // NULL means entered by hand.
    db.exec(`
      ALTER TABLE assessment_vetoes ADD COLUMN dossier_entry_id INTEGER CHECK (dossier_entry_id IS NULL OR dossier_entry_id > 0);
      CREATE INDEX assessment_vetoes_entry ON assessment_vetoes (dossier_entry_id) WHERE dossier_entry_id IS NOT NULL;
    `);
  },
};
