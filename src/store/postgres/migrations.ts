import { StoreError } from '../store-error.js';
import { inTransaction, type PgClient, type PgPool } from './connection.js';

/**
 * The PostgreSQL schema, one migration per version (`bitext.schema_version` holds the last applied).
 * Append new migrations; never edit an applied one: databases in the field already ran it. Versions
 * are this backend's own; SQLite's migrations.ts numbers its own.
 */
export interface PostgresMigration {
  version: number;
  description: string;
  sql: string;
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    description: 'translation memory (documents, units, n-gram index) and termbase',
    sql: `
      CREATE TABLE bitext.tm_documents (
        id bigserial PRIMARY KEY,
        name text NOT NULL,
        -- sha256 of the file's bytes; NULL for documents only named by imported units (TMX x-document).
        content_hash text UNIQUE,
        kind text NOT NULL,
        added_at timestamptz NOT NULL
      );
      CREATE INDEX tm_documents_name ON bitext.tm_documents (name);

      CREATE TABLE bitext.tm_units (
        id bigserial PRIMARY KEY,
        zh text NOT NULL,
        en text NOT NULL,
        zh_lang text NOT NULL,
        en_lang text NOT NULL,
        zh_script text NOT NULL CHECK (zh_script IN ('simplified', 'traditional')),
        document_id bigint REFERENCES bitext.tm_documents (id),
        position integer,
        confidence double precision,
        created_at timestamptz NOT NULL,
        changed_at timestamptz NOT NULL,
        -- hashKey of the normalised key (index-terms/term-index.ts): exact dedupe, collisions probed.
        key_hash bigint NOT NULL UNIQUE,
        -- maskedHash of each normalised side (numbers masked): the 100% and number-only matches of a
        -- lookup, by index. Indexed columns rather than posting blocks: nearly every unit has its own,
        -- and two million one-id blocks took more memory and time than the rest of the index.
        zh_masked bigint NOT NULL,
        en_masked bigint NOT NULL
      );
      CREATE INDEX tm_units_document ON bitext.tm_units (document_id);
      CREATE INDEX tm_units_zh_masked ON bitext.tm_units (zh_masked);
      CREATE INDEX tm_units_en_masked ON bitext.tm_units (en_masked);

      -- The n-gram index: for each key, blocks of the ids of the units holding it (posting-blocks.ts),
      -- one block per import that met the key. Not pg_trgm, which takes a run of Han characters for
      -- one word, nor a GIN index over tm_units.terms: its upkeep was 45 us of a unit's import, and
      -- each id it returns costs a visit to the table's heap (a lookup reads ~6,000), which made a
      -- lookup at 1M units take 40 ms. Deleted units' ids stay in their blocks and are skipped when
      -- their rows are not found; the document frequencies below are kept exact.
      CREATE TABLE bitext.tm_postings (
        key text COLLATE "C" NOT NULL,
        units integer NOT NULL,
        ids bytea NOT NULL
      );
      -- Blocks are read whole and are mostly incompressible varints: stored out of line, uncompressed.
      ALTER TABLE bitext.tm_postings ALTER COLUMN ids SET STORAGE EXTERNAL;
      CREATE INDEX tm_postings_key ON bitext.tm_postings (key);

      -- How many units hold each index key (document frequency, the masked-side hashes left out):
      -- lookups take their rarest keys from it, and concordance expands a word prefix through it
      -- (the C collation lets the primary key serve LIKE 'prefix%').
      CREATE TABLE bitext.tm_term_units (
        key text COLLATE "C" PRIMARY KEY,
        units bigint NOT NULL
      );

      CREATE TABLE bitext.terms (
        id bigserial PRIMARY KEY,
        zh text NOT NULL,
        en text NOT NULL,
        zh_key text NOT NULL,
        kind text,
        score double precision,
        status text NOT NULL DEFAULT 'preferred' CHECK (status IN ('preferred', 'forbidden', 'admitted')),
        note text,
        source text,
        created_at timestamptz NOT NULL,
        UNIQUE (zh_key, en)
      );
    `,
  },
  {
    version: 2,
    description: 'inline codes and TMX metadata of units',
    // As SQLite's version 5: JSON text beside the matched plain text, NULL when a unit has none.
    // text, not jsonb: they are only stored and given back whole, never queried. Adding nullable
    // columns without a default rewrites no row.
    sql: `
      ALTER TABLE bitext.tm_units ADD COLUMN zh_codes text;
      ALTER TABLE bitext.tm_units ADD COLUMN en_codes text;
      ALTER TABLE bitext.tm_units ADD COLUMN meta text;
    `,
  },
];

/** The schema version this build writes. */
export const POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1]!.version;

/** The installed schema version, or 0 when the database has no bitext store yet. */
async function installedVersion(client: PgClient | PgPool): Promise<number> {
  const { rows } = await client.query<{ exists: boolean }>(
    "SELECT to_regclass('bitext.schema_version') IS NOT NULL AS exists",
  );
  if (!rows[0]!.exists) return 0;
  const version = await client.query<{ version: number }>('SELECT version FROM bitext.schema_version');
  return version.rows[0]?.version ?? 0;
}

function tooNew(version: number, location: string): StoreError {
  return new StoreError(
    'STORE_TOO_NEW',
    `the database has bitext schema version ${version}; this bitext knows up to ${POSTGRES_SCHEMA_VERSION} (upgrade bitext)`,
    location,
  );
}

/**
 * Creates or upgrades the schema, in one transaction under an advisory lock: many clients starting at
 * once (a server and its workers) wait for the first, then find the schema current.
 */
export async function migratePostgres(pool: PgPool, location: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('bitext schema migration', 0))");
    const version = await installedVersion(client);
    if (version > POSTGRES_SCHEMA_VERSION) throw tooNew(version, location);
    if (version === POSTGRES_SCHEMA_VERSION) return;
    if (version === 0) {
      await client.query('CREATE SCHEMA IF NOT EXISTS bitext');
      await client.query('CREATE TABLE bitext.schema_version (version integer NOT NULL)');
      await client.query('INSERT INTO bitext.schema_version VALUES (0)');
    }
    for (const migration of POSTGRES_MIGRATIONS) {
      if (migration.version <= version) continue;
      await client.query(migration.sql);
      await client.query('UPDATE bitext.schema_version SET version = $1', [migration.version]);
    }
  });
}

/** For reading: the schema must be there and current; nothing is created or changed. */
export async function checkPostgresSchema(pool: PgPool, location: string): Promise<void> {
  const version = await installedVersion(pool);
  if (version === 0) {
    throw new StoreError(
      'STORE_NOT_FOUND',
      'no bitext TM in this database (reading never creates one; `bitext tm add` or `tm import` makes it)',
      location,
    );
  }
  if (version > POSTGRES_SCHEMA_VERSION) throw tooNew(version, location);
  if (version < POSTGRES_SCHEMA_VERSION) {
    throw new StoreError(
      'STORE_TOO_OLD',
      `has bitext schema version ${version}; run a writing command once (e.g. \`bitext tm add\`) to upgrade it to ${POSTGRES_SCHEMA_VERSION}`,
      location,
    );
  }
}
