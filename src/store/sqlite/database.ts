import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError, type StoreErrorCode } from '../store-error.js';
import { MIGRATIONS, type MigrationProgress, SCHEMA_VERSION } from './migrations.js';

export type SqliteDatabase = Database.Database;

export { DEFAULT_DB_PATH } from '../default-path.js';

/**
 * How long a writer waits for another process's write transaction (an import of a large file holds
 * one for its whole length) before giving up with STORE_BUSY.
 */
const WRITER_WAIT_MS = 10 * 60 * 1000;

export interface OpenDatabaseOptions {
  /** Open an existing bitext database read-only: never created, migrated or written. */
  readOnly?: boolean;
  /** How far a migration that rewrites every unit has got (Migration.after). */
  onMigrationProgress?: MigrationProgress;
}

/**
 * Opens a bitext database and brings its schema up to date (creating it unless `readOnly`). Shared by
 * the TM and the termbase: both live in one file. `:memory:` gives a throwaway database. A file that
 * is not SQLite, a SQLite file of another program and a damaged file are refused, never written.
 */
export function openSqliteDatabase(path: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  const memory = path === ':memory:';
  if (!memory) {
    const exists = existsSync(path);
    if (exists && statSync(path).isDirectory())
      throw new StoreError('STORE_NOT_BITEXT', 'is a directory, not a bitext database', path);
    if (!exists && options.readOnly) {
      throw new StoreError(
        'STORE_NOT_FOUND',
        'no such TM (reading never creates one; `bitext tm add` or `tm import` makes it)',
        path,
      );
    }
    if (!exists) mkdirSync(dirname(path), { recursive: true });
  }
  const deadline = Date.now() + WRITER_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return openOnce(path, options, memory);
    } catch (error) {
      if (!isSchemaReadRace(error) || Date.now() >= deadline) throw error;
      sleepMs(BUSY_RETRY_MS[Math.min(attempt, BUSY_RETRY_MS.length - 1)]!);
    }
  }
}

/**
 * A connection that reads the schema while another process migrates it may find FTS5 unable to
 * connect to tm_terms: its constructor's own reads get SQLITE_BUSY, where no busy handler waits
 * (see enterWal), and FTS5 reports that as a plain error, "vtable constructor failed". Seen once in
 * CI as an internal error of one of two `tm import`s started together on a new TM. The other
 * process's migration ends soon: opening again succeeds.
 */
function isSchemaReadRace(error: unknown): boolean {
  const cause = error instanceof StoreError ? error.cause : error;
  return cause instanceof Error && /vtable constructor failed/.test(cause.message);
}

function openOnce(path: string, options: OpenDatabaseOptions, memory: boolean): SqliteDatabase {
  let db: SqliteDatabase;
  try {
    db = new Database(path, {
      readonly: options.readOnly === true,
      fileMustExist: options.readOnly === true,
      timeout: WRITER_WAIT_MS,
    });
  } catch (error) {
    throw sqliteStoreError(error, path, 'cannot open the database');
  }
  try {
    const isNew = checkIsBitext(db, path);
    if (!options.readOnly && !isNew && !memory) checkIntact(db, path);
    if (!options.readOnly) {
      // WAL: lookups keep reading while an import writes; NORMAL sync never corrupts (a power cut loses
      // at most the last committed transactions, never half of one).
      enterWal(db);
      db.pragma('synchronous = NORMAL');
    }
    // 64 MiB of page cache (default 2 MiB): the dedupe index of a 1M-unit TM (~20 MB) stays in memory
    // during an import instead of being re-read page by page.
    db.pragma('cache_size = -65536');
    db.pragma('foreign_keys = ON');
    if (options.readOnly) checkSchemaCurrent(db, path);
    else migrate(db, path, options.onMigrationProgress);
  } catch (error) {
    db.close();
    throw sqliteStoreError(error, path, 'not a usable bitext database');
  }
  return db;
}

/**
 * A bitext database has a user_version (its schema version) and the TM tables; a fresh file has no
 * tables at all. Anything else is another program's data, which bitext must not add its tables to.
 */
function checkIsBitext(db: SqliteDatabase, path: string): boolean {
  // Both in one read transaction: read one after the other, another process's first migration (its
  // tables and user_version 1, committed together) could land in between, and a brand-new TM that
  // process is creating would look like another program's database (tables, version 0).
  const { version, tables } = db.transaction(() => ({
    version: db.pragma('user_version', { simple: true }) as number,
    tables: db
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all(),
  }))();
  if (tables.length === 0 && version === 0) return true;
  if (version === 0 || !tables.includes('tm_units')) {
    throw new StoreError(
      'STORE_NOT_BITEXT',
      `is a SQLite database of another program (tables: ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}), not a bitext TM; it was not changed`,
      path,
    );
  }
  return false;
}

/**
 * Before a write, SQLite's quick_check (every page and b-tree, without the index-versus-table
 * cross-check): damage in pages a small import never touches would otherwise go unnoticed while the
 * import reports success, and later writes would spread it. Reads skip it; a damaged page they touch
 * is still reported (SQLITE_CORRUPT → STORE_CORRUPT).
 */
function checkIntact(db: SqliteDatabase, path: string): void {
  const problems = db.prepare<[], string>('PRAGMA quick_check(3)').pluck().all();
  if (problems.length === 1 && problems[0] === 'ok') return;
  throw new StoreError(
    'STORE_CORRUPT',
    `the database file is damaged (${problems[0] ?? 'quick_check failed'}); it was not changed`,
    path,
  );
}

function checkSchemaCurrent(db: SqliteDatabase, path: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw tooNew(current, path);
  if (current === 0) {
    throw new StoreError('STORE_NOT_FOUND', 'is an empty database, not a bitext TM yet', path);
  }
  if (current < SCHEMA_VERSION) {
    throw new StoreError(
      'STORE_TOO_OLD',
      `has schema version ${current}; run a writing command once (e.g. \`bitext tm add\`) to upgrade it to ${SCHEMA_VERSION}`,
      path,
    );
  }
}

function tooNew(current: number, path: string): StoreError {
  return new StoreError(
    'STORE_TOO_NEW',
    `the database has schema version ${current}; this bitext knows up to ${SCHEMA_VERSION} (upgrade bitext)`,
    path,
  );
}

/**
 * Puts the file in WAL mode (unless SQLite refuses WAL there) and returns once this connection reads
 * it in WAL mode, which it then keeps doing until it closes.
 *
 * Switching a rollback-journal file (a new TM, or one the last writer left in DELETE mode, see
 * closeSqliteDatabase) to WAL reads the header and then upgrades to a write lock. When two processes
 * open such a file at once, the one whose upgrade comes second gets SQLITE_BUSY at once: SQLite does
 * not call the busy handler for a connection that already holds a read lock, as waiting could
 * deadlock. So the busy timeout never applies here, and the switch is retried instead, sleeping in
 * between, for as long as a writer waits. The other process holds its write lock only to write the
 * header, so a retry soon succeeds. (Without it, one of two `tm import`s started together on a new
 * TM could exit with STORE_BUSY.)
 *
 * Until its first read in WAL mode, a connection holds no lock on the file, so another process
 * closing its last connection may switch the file back to DELETE just after the switch here: a read
 * then shows the mode the connection actually got, and the switch is made again. A connection that
 * has read the file in WAL mode holds a shared lock until it closes, which keeps that switch back
 * from happening under it.
 */
function enterWal(db: SqliteDatabase): void {
  const deadline = Date.now() + WRITER_WAIT_MS;
  let busy = 0;
  let reverted = 0;
  for (;;) {
    try {
      // What the pragma answers is the mode SQLite chose: not `wal` where it refuses WAL (a file
      // system without shared memory), and then there is nothing to wait for.
      if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal') return;
      db.pragma('user_version'); // a read: opens the WAL and takes the shared lock
      // Switched back by another process in between? Tried again a bounded number of times (each
      // time is another process's last close); past that the file is used in DELETE mode, as safe.
      if (db.pragma('journal_mode', { simple: true }) === 'wal' || ++reverted > MAX_WAL_REVERTS) return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      sleepMs(BUSY_RETRY_MS[Math.min(busy++, BUSY_RETRY_MS.length - 1)]!);
    }
  }
}

/** Times switching to WAL is made again after another process switched the file back (enterWal). */
const MAX_WAL_REVERTS = 10;
/** The sleeps between tries to switch to WAL: SQLite's own busy handler backs off much the same way. */
const BUSY_RETRY_MS = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100];

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}

/** Blocks the thread (everything that opens a database is synchronous, as better-sqlite3 is). */
function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Closes a connection. A writer leaves the file in rollback-journal mode when it is the last one
 * out: WAL is for while writers and readers overlap, and a WAL file needs its `-shm` next to it, so a
 * read-only reader of a file in a read-only folder could not open it. When another process still has
 * the file open the switch fails at once (no waiting) and WAL stays; that process's close switches.
 * A process that has just switched the file to WAL but not yet read it holds no lock, so this can
 * switch it back under it: enterWal notices and switches again.
 */
export function closeSqliteDatabase(db: SqliteDatabase): void {
  if (!db.open) return;
  if (!db.readonly && !db.memory) {
    try {
      db.pragma('busy_timeout = 0');
      db.pragma('journal_mode = DELETE');
    } catch {
      // Another connection holds the file: it stays in WAL mode, which is as safe.
    }
  }
  db.close();
}

/**
 * Applies the migrations the database has not seen, each in its own IMMEDIATE transaction that reads
 * the version again once it holds the write lock: two processes opening a new TM at once would
 * otherwise both run migration 1 ("table tm_documents already exists").
 */
export function migrate(db: SqliteDatabase, path = '', onProgress?: MigrationProgress): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() > SCHEMA_VERSION) throw tooNew(version(), path);
  for (const migration of MIGRATIONS) {
    if (migration.version <= version()) continue;
    db.transaction(() => {
      if (migration.version <= version()) return;
      db.exec(migration.sql);
      migration.after?.(db, onProgress);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

/** SQLite result codes (better-sqlite3's SqliteError#code) and the store error each one is. */
const SQLITE_CODES: Record<string, [StoreErrorCode, string]> = {
  SQLITE_CORRUPT: ['STORE_CORRUPT', 'the database file is damaged (SQLite: malformed); it was not changed'],
  SQLITE_NOTADB: ['STORE_NOT_BITEXT', 'is not a SQLite database, so not a bitext TM; it was not changed'],
  SQLITE_BUSY: ['STORE_BUSY', 'another process kept the database locked too long; try again'],
  SQLITE_LOCKED: ['STORE_BUSY', 'the database is locked; try again'],
  SQLITE_READONLY: ['STORE_READ_ONLY', 'the database is read-only here (file or folder permissions)'],
  SQLITE_CANTOPEN: ['STORE_NOT_FOUND', 'cannot open the database file'],
  SQLITE_PERM: ['STORE_READ_ONLY', 'no permission to write the database'],
  SQLITE_FULL: ['STORE_INTERNAL', 'the disk is full'],
  SQLITE_IOERR: ['STORE_INTERNAL', 'an I/O error reading or writing the database'],
};

/**
 * A driver error as a StoreError naming the file, with the driver's error as its cause. Matched on
 * the primary result code: SQLITE_CORRUPT_VTAB, SQLITE_BUSY_SNAPSHOT and the like count as their kind.
 */
export function sqliteStoreError(error: unknown, path: string, context?: string): Error {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const primary = Object.keys(SQLITE_CODES).find((c) => code === c || code.startsWith(`${c}_`));
    if (primary) {
      const [storeCode, message] = SQLITE_CODES[primary]!;
      return new StoreError(storeCode, message, path, { cause: error });
    }
    return new StoreError(
      'STORE_INTERNAL',
      `${context ?? 'database error'}: ${(error as Error).message}`,
      path,
      { cause: error },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
