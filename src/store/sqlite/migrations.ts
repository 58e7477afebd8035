/**
 * The TM database schema, one migration per version (`PRAGMA user_version` holds the last applied).
 * Append new migrations; never edit an applied one: databases in the field already ran it.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'translation memory: documents, units, n-gram index',
    sql: `
      CREATE TABLE tm_documents (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        -- sha256 of the file's bytes; NULL for documents only named by imported units (TMX x-document).
        content_hash TEXT UNIQUE,
        kind TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
      CREATE INDEX tm_documents_name ON tm_documents(name);

      CREATE TABLE tm_units (
        id INTEGER PRIMARY KEY,
        zh TEXT NOT NULL,
        en TEXT NOT NULL,
        -- Language tags as read (canonical casing): zh-CN, zh-TW, zh-HK, en-US, ...
        zh_lang TEXT NOT NULL,
        en_lang TEXT NOT NULL,
        zh_script TEXT NOT NULL CHECK (zh_script IN ('simplified', 'traditional')),
        document_id INTEGER REFERENCES tm_documents(id),
        position INTEGER,
        confidence REAL,
        created_at TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        -- 64-bit hash of the normalised key (script, folded zh, folded en): exact dedupe. A hash
        -- collision between different keys is resolved by probing (see sqlite-tm-store.ts).
        key_hash INTEGER NOT NULL UNIQUE
      );
      CREATE INDEX tm_units_document ON tm_units(document_id);
      CREATE INDEX tm_units_created ON tm_units(created_at);

      -- Candidate retrieval: space-separated grams (Chinese character bigrams, English words) in
      -- contentless FTS5 tables keyed by unit id. Separate tables give per-language document frequencies.
      CREATE VIRTUAL TABLE tm_zh_grams USING fts5(grams, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
      CREATE VIRTUAL TABLE tm_en_grams USING fts5(grams, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
      CREATE VIRTUAL TABLE tm_zh_vocab USING fts5vocab(tm_zh_grams, 'row');
      CREATE VIRTUAL TABLE tm_en_vocab USING fts5vocab(tm_en_grams, 'row');
    `,
  },
  {
    version: 2,
    description: 'termbase (queries live in termbase-store.ts)',
    sql: `
      CREATE TABLE terms (
        id INTEGER PRIMARY KEY,
        zh TEXT NOT NULL,
        en TEXT NOT NULL,
        zh_key TEXT NOT NULL,
        kind TEXT,
        score REAL,
        status TEXT NOT NULL DEFAULT 'preferred' CHECK (status IN ('preferred', 'forbidden', 'admitted')),
        note TEXT,
        source TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (zh_key, en)
      );
    `,
  },
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
