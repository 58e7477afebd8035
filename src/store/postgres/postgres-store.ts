import { mapStoreErrors } from '../map-errors.js';
import type { OpenStoreOptions, Store } from '../open-store.js';
import { redactLocation } from '../store-error.js';
import { openPool, postgresStoreError } from './connection.js';
import { checkPostgresSchema, migratePostgres } from './migrations.js';
import { PostgresTmStore } from './postgres-tm-store.js';
import { PostgresTermbaseStore } from './termbase-store.js';

/**
 * A TM and termbase in one PostgreSQL database (schema `bitext`), shared by many clients at once. A
 * write open creates or upgrades the schema; a read open needs it current and never changes anything.
 */
export async function openPostgresStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const location = redactLocation(url);
  const readOnly = options.mode === 'read';
  const pool = openPool(url, readOnly);
  const mapError = (error: unknown) => postgresStoreError(error, url);
  try {
    if (readOnly) await checkPostgresSchema(pool, location);
    else await migratePostgres(pool, location);
  } catch (error) {
    await pool.end().catch(() => {});
    throw mapError(error);
  }
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= pool.end());
  return {
    location,
    backend: 'postgres',
    tm: mapStoreErrors(new PostgresTmStore(pool, close), mapError),
    termbase: mapStoreErrors(new PostgresTermbaseStore(pool, close), mapError),
    close,
  };
}
