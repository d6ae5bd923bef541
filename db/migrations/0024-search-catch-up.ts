// Migration 24: the dossier's two search indexes catch up after the save instead of inside it. A save now only marks
// the entry (dossier_search_stale); db/dossier/search-index.ts indexes the marked entries in batches when the store is
// idle, and a search reads marked entries from the entries themselves. Each small save used to write a new segment
// into both FTS5 indexes (about ten of its fifteen pages, each encrypted and HMAC'd); batched, the same words cost a
// few pages per hundred entries. Existing stores are fully indexed at this point, so nothing is marked.
import type { Migration } from './types';

const mark = (id: string) => `INSERT OR IGNORE INTO dossier_search_stale (entry_id) VALUES (${id});`;

export const migration0024: Migration = {
  version: 24,
  name: 'search-catch-up',
  up(db) {
    db.exec(`
      -- No foreign key: a deleted entry stays marked until its index rows are gone.
      CREATE TABLE dossier_search_stale (entry_id INTEGER PRIMARY KEY) STRICT;
      DROP TRIGGER dossier_search_insert;
      DROP TRIGGER dossier_search_update;
      DROP TRIGGER dossier_search_delete;
      DROP TRIGGER dossier_search_file_added;
      DROP TRIGGER dossier_search_file_removed;
      CREATE TRIGGER dossier_search_insert AFTER INSERT ON dossier_entries BEGIN ${mark('new.id')} END;
      CREATE TRIGGER dossier_search_update AFTER UPDATE OF title, content ON dossier_entries BEGIN ${mark('new.id')} END;
      CREATE TRIGGER dossier_search_delete AFTER DELETE ON dossier_entries BEGIN ${mark('old.id')} END;
      CREATE TRIGGER dossier_search_file_added AFTER INSERT ON dossier_attachments BEGIN ${mark('new.entry_id')} END;
      CREATE TRIGGER dossier_search_file_removed AFTER DELETE ON dossier_attachments BEGIN ${mark('old.entry_id')} END;
    `);
  },
};
