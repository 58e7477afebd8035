import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { BitextError } from '../../core/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type SqliteDatabase = Database.Database;

/** Where the TM lives unless told otherwise: `--db`, then `BITEXT_DB`, then this (relative to the cwd). */
export const DEFAULT_DB_PATH = 'bitext-tm.db';

/**
 * Opens (creating if needed) a bitext database and brings its schema up to date. Shared by the TM and
 * the termbase: both live in one file. `:memory:` gives a throwaway database.
 */
export function openSqliteDatabase(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: SqliteDatabase;
  try {
    db = new Database(path);
  } catch (error) {
    throw new BitextError('DB_OPEN', `cannot open the database: ${(error as Error).message}`, { file: path });
  }
  try {
    // WAL: lookups keep reading while an import writes; NORMAL sync never corrupts (a power cut loses at
    // most the last committed transactions, never half of one).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // 64 MiB of page cache (default 2 MiB): the dedupe index of a 1M-unit TM (~20 MB) stays in memory
    // during an import instead of being re-read page by page.
    db.pragma('cache_size = -65536');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, path);
  } catch (error) {
    db.close();
    if (error instanceof BitextError) throw error;
    throw new BitextError('DB_OPEN', `not a usable bitext database: ${(error as Error).message}`, {
      file: path,
    });
  }
  return db;
}

/** Applies the migrations the database has not seen, each in its own transaction. */
export function migrate(db: SqliteDatabase, path = ''): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new BitextError(
      'DB_TOO_NEW',
      `the database has schema version ${current}; this bitext knows up to ${SCHEMA_VERSION} (upgrade bitext)`,
      { file: path },
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.after?.(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
