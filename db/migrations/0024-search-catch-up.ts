// Migration 24: the dossier's two search indexes catch up after the save instead of inside it. A new entry is only
// marked (dossier_search_stale); db/dossier/search-index.ts indexes marked entries in batches when the store is idle,
// and a search reads marked entries from the entries themselves. Each small save used to write a new segment into
// both FTS5 indexes (about ten of its twenty pages, each encrypted and HMAC'd); batched, the same words cost a few
// pages per hundred entries. What an edit replaces and what a deletion removes still leaves the indexes at once, in
// the same transaction (entries' content stays out of the store once deleted, as before); only the new text waits.
// Existing stores are fully indexed at this point, so nothing is marked.
import type { Migration } from './types';

const mark = (id: string) => `INSERT OR IGNORE INTO dossier_search_stale (entry_id) VALUES (${id});`;
const unindex = (id: string) =>
  `DELETE FROM dossier_search WHERE rowid = ${id}; DELETE FROM dossier_short_search WHERE rowid = ${id};`;

export const migration0024: Migration = {
  version: 24,
  name: 'search-catch-up',
  up(db) {
    db.exec(`
      -- Entries whose text is not in the indexes yet: never any index rows of their own (see the triggers).
      CREATE TABLE dossier_search_stale (entry_id INTEGER PRIMARY KEY) STRICT;
      DROP TRIGGER dossier_search_insert;
      DROP TRIGGER dossier_search_update;
      DROP TRIGGER dossier_search_delete;
      DROP TRIGGER dossier_search_file_added;
      DROP TRIGGER dossier_search_file_removed;
      CREATE TRIGGER dossier_search_insert AFTER INSERT ON dossier_entries BEGIN ${mark('new.id')} END;
      CREATE TRIGGER dossier_search_update AFTER UPDATE OF title, content ON dossier_entries BEGIN
        ${unindex('new.id')} ${mark('new.id')}
      END;
      CREATE TRIGGER dossier_search_delete AFTER DELETE ON dossier_entries BEGIN
        ${unindex('old.id')} DELETE FROM dossier_search_stale WHERE entry_id = old.id;
      END;
      CREATE TRIGGER dossier_search_file_added AFTER INSERT ON dossier_attachments BEGIN
        ${unindex('new.entry_id')} ${mark('new.entry_id')}
      END;
      CREATE TRIGGER dossier_search_file_removed AFTER DELETE ON dossier_attachments BEGIN
        ${unindex('old.entry_id')} ${mark('old.entry_id')}
      END;
    `);
  },
};
