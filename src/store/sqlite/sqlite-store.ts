import type { OpenStoreOptions, Store } from '../open-store.js';
import { openSqliteDatabase } from './database.js';
import { SqliteTmStore } from './sqlite-tm-store.js';
import { SqliteTermbaseStore } from './termbase-store.js';

/** A TM and termbase in one SQLite file, on one connection. */
export function openSqliteStore(path: string, options: OpenStoreOptions = {}): Store {
  const db = openSqliteDatabase(path, { readOnly: options.mode === 'read' });
  return {
    location: path,
    backend: 'sqlite',
    tm: new SqliteTmStore(db, path),
    termbase: new SqliteTermbaseStore(db),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
