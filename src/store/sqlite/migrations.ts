import type { SqliteDatabase } from './database.js';
import { rebuildTermIndex } from './rebuild-terms.js';
import { rekeyUnits } from './rekey-units.js';

/**
 * The TM database schema, one migration per version (`PRAGMA user_version` holds the last applied).
 * Append new migrations; never edit an applied one: databases in the field already ran it.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
  /**
   * Work SQL alone cannot do (rebuilding an index with the JavaScript term code), run after `sql`;
   * it reports the units done of all, since it takes about a minute per million units.
   */
  after?: (db: SqliteDatabase, onProgress?: MigrationProgress) => void;
}

/** Units re-indexed or re-keyed so far, of all. */
export type MigrationProgress = (done: number, total: number) => void;

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
        -- 53-bit hash of the normalised key (script, folded zh, folded en): exact dedupe. A hash
        -- collision between different keys is resolved by probing (see sqlite-tm-store.ts).
        key_hash INTEGER NOT NULL UNIQUE
      );
      CREATE INDEX tm_units_document ON tm_units(document_id);

      -- Candidate retrieval: the index terms of both sides of a unit (Chinese character bigrams,
      -- English words, numbers, and each side's numbers-masked hash; see term-index.ts) in one contentless FTS5 table keyed by unit
      -- id. detail=none and columnsize=0: no positions, no lengths, since lookups only ask which units
      -- hold a term (measured on 100k synthetic units: 2.2x faster inserts and 2.3x smaller than
      -- detail=full). A unit's row can still be deleted with FTS5's 'delete' command and its terms.
      CREATE VIRTUAL TABLE tm_terms USING fts5(terms, content='', columnsize=0, detail=none);
      -- How many units hold each term (document frequency), kept up to date per import batch: lookups
      -- pick their rarest terms from it in microseconds (fts5vocab counts by walking the posting list).
      CREATE TABLE tm_term_units (
        lang TEXT NOT NULL,
        term TEXT NOT NULL,
        units INTEGER NOT NULL,
        PRIMARY KEY (lang, term)
      ) WITHOUT ROWID;
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
  {
    version: 3,
    description: "tm_terms with FTS5's ascii tokenizer, rebuilt from tm_units",
    // Every index term is already one lower-case token (Han bigrams, letter runs, digit runs, the
    // prefixed masked-side hashes), so unicode61's per-character Unicode classification and diacritic
    // folding were wasted work: ascii splits only at ASCII spaces and punctuation, none of which a
    // term contains, and keeps any other character as part of the token. Measured on 100k synthetic
    // units: FTS5 insert CPU 20.5 -> 16.5 µs per unit. Existing databases are re-indexed once when
    // opened, ~50 µs per unit (about a minute for a million units).
    sql: `
      DROP TABLE tm_terms;
      CREATE VIRTUAL TABLE tm_terms USING fts5(terms, content='', columnsize=0, detail=none, tokenize='ascii');
    `,
    after: rebuildTermIndex,
  },
  {
    version: 4,
    description: 'unit keys without the script: a Traditional unit and its Simplified twin are one unit',
    // Keys of versions 1-3 began with the script (the comment on key_hash above is about them), so
    // the same pair imported once from a file labelled zh-TW and once from one labelled zh-CN, or
    // written in both scripts, was stored twice. The stored hashes must follow the new key, or every
    // Traditional pair already in the TM would be stored again on its next import, and every
    // Simplified one too (the script was the key's first part). Rows that become twins are kept.
    sql: '',
    after: rekeyUnits,
  },
  {
    version: 5,
    description: 'inline codes and TMX metadata of units',
    // JSON text (InlineCode[] per side, UnitMeta), NULL for the units that have none (most): kept
    // beside the plain text, which alone is matched and keyed, so a CAT tool gets its tags back on
    // export and in lookups. Adding nullable columns rewrites no row.
    sql: `
      ALTER TABLE tm_units ADD COLUMN zh_codes TEXT;
      ALTER TABLE tm_units ADD COLUMN en_codes TEXT;
      ALTER TABLE tm_units ADD COLUMN meta TEXT;
    `,
  },
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
