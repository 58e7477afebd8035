import { resolve } from 'node:path';
import { StoreError } from './store-error.js';
import type { TermbaseStore } from './termbase.js';
import type { TmStore } from './tm-store.js';

/** A TM and its termbase in one backend: one SQLite file, or one PostgreSQL database. */
export interface Store {
  /** The location as opened (a PostgreSQL URL without its password): what messages call the store. */
  readonly location: string;
  readonly backend: 'sqlite' | 'postgres';
  readonly tm: TmStore;
  readonly termbase: TermbaseStore;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /**
   * `read`: the store must exist and is never created, migrated or written (a read-only file can be
   * read). `write` (default): created and migrated as needed.
   */
  mode?: 'read' | 'write';
  /** Directory that a relative SQLite path is resolved against (default: the process's cwd). */
  cwd?: string;
  /** Units done of all while a migration rewrites every unit (SQLite re-indexing: a minute per million). */
  onMigrationProgress?: (done: number, total: number) => void;
}

export type StoreLocation = { backend: 'sqlite'; path: string } | { backend: 'postgres'; url: string };

/**
 * Where a `--db` / `$BITEXT_DB` value points: `postgres://` or `postgresql://` URLs go to PostgreSQL;
 * `sqlite:PATH`, `sqlite://PATH`, `:memory:` and plain paths to SQLite. Any other `scheme://` is
 * refused rather than taken for a directory named after the scheme.
 */
export function parseStoreLocation(location: string, cwd = process.cwd()): StoreLocation {
  if (/^postgres(?:ql)?:\/\//i.test(location)) return { backend: 'postgres', url: location };
  if (location === ':memory:') return { backend: 'sqlite', path: location };
  const sqlite = /^sqlite:(?:\/\/)?(.+)$/i.exec(location);
  if (sqlite) return { backend: 'sqlite', path: resolve(cwd, sqlite[1]!) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new StoreError(
      'STORE_BAD_LOCATION',
      'unknown store URL: use a file path, sqlite:PATH or postgres://user@host/database',
      location.replace(/\/\/.*$/, '//…'),
    );
  }
  if (location.trim() === '') throw new StoreError('STORE_BAD_LOCATION', 'empty store path', location);
  return { backend: 'sqlite', path: resolve(cwd, location) };
}

/** Opens the store at `location` (see parseStoreLocation): the one place a backend is chosen. */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  const parsed = parseStoreLocation(location, options.cwd);
  if (parsed.backend === 'postgres') {
    const { openPostgresStore } = await import('./postgres/postgres-store.js');
    return openPostgresStore(parsed.url, options);
  }
  const { openSqliteStore } = await import('./sqlite/sqlite-store.js');
  return openSqliteStore(parsed.path, options);
}
