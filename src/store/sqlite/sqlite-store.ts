import { mapStoreErrors } from '../map-errors.js';
import type { OpenStoreOptions, Store } from '../open-store.js';
import { openSqliteDatabase, sqliteStoreError } from './database.js';
import { readerFor, SqliteTmStore } from './sqlite-tm-store.js';
import { SqliteTermbaseStore } from './termbase-store.js';

/** A TM and termbase in one SQLite file: one writing connection, and one for queries (readerFor). */
export function openSqliteStore(path: string, options: OpenStoreOptions = {}): Store {
  const openOptions = { readOnly: options.mode === 'read' };
  const db = openSqliteDatabase(path, { ...openOptions, onMigrationProgress: options.onMigrationProgress });
  const tm = new SqliteTmStore(db, path, readerFor(db, path, openOptions));
  const mapError = (error: unknown) => sqliteStoreError(error, path);
  return {
    location: path,
    backend: 'sqlite',
    tm: mapStoreErrors(tm, mapError),
    termbase: mapStoreErrors(new SqliteTermbaseStore(db), mapError),
    close: () => tm.close(),
  };
}
