import Database from 'better-sqlite3';
import { BitextError } from '../core/errors.js';
import type { CopyForm, FirstCopyIndex } from '../core/filter/index.js';

// The filter's first-copy index on disk, so that dedupe's memory does not grow with the input
// (issue 14: "it must stream"). Two Maps held about 100 bytes a distinct pair: 476 MB peak RSS at
// 1M pairs against 398 MB at 250,000.

/**
 * SQLite's page cache for the index: 16 MiB. Measured on random 53-bit keys, 1M pairs (two tables
 * of 1M rows, ~40 MB on disk): 4 MiB cost 36–43 µs a pair (pages re-read from the OS cache), 16 MiB
 * 15–18 µs, against ~190 µs a pair for the rules. Larger inputs read more pages back; memory stays
 * put.
 */
const CACHE_KIB = 16 * 1024;

/** Writes per transaction: each commit ends SQLite's bookkeeping of the pages changed. */
const WRITES_PER_TRANSACTION = 50_000;

/**
 * A FirstCopyIndex in a temporary SQLite database. SQLite opens a database named "" as a file in
 * the temporary folder (SQLITE_TMPDIR, TMPDIR, else /var/tmp or /tmp) that it unlinks at once: it
 * is never visible under a name, and goes when the process ends, however it ends (kill -9 too).
 * Pages stay in the bounded cache until it is full, then spill to that file (a small input never
 * makes one). No journal: nothing is
 * ever rolled back. Keys are INTEGER PRIMARY KEYs, so each table is one B-tree of (key, origin).
 */
export class SqliteFirstCopies implements FirstCopyIndex {
  private readonly db: Database.Database;
  private readonly statements: Record<
    CopyForm,
    { find: Database.Statement<[number], number>; remember: Database.Statement<[number, number]> }
  >;
  private writes = 0;

  /** `cacheKib`: the page cache's bound (tests make it small, to see pages spill). */
  constructor(cacheKib = CACHE_KIB) {
    try {
      this.db = new Database('');
      this.db.pragma('journal_mode = OFF');
      this.db.pragma('synchronous = OFF');
      this.db.pragma(`cache_size = -${cacheKib}`);
      this.db.exec(`CREATE TABLE exact (key INTEGER PRIMARY KEY, origin INTEGER NOT NULL);
        CREATE TABLE near (key INTEGER PRIMARY KEY, origin INTEGER NOT NULL);`);
      const statements = (form: CopyForm) => ({
        find: this.db.prepare<[number], number>(`SELECT origin FROM ${form} WHERE key = ?`).pluck(),
        remember: this.db.prepare<[number, number]>(
          `INSERT OR IGNORE INTO ${form} (key, origin) VALUES (?, ?)`,
        ),
      });
      this.statements = { exact: statements('exact'), near: statements('near') };
      this.db.exec('BEGIN');
    } catch (error) {
      throw temporaryIndexError(error);
    }
  }

  find(form: CopyForm, key: number): number | undefined {
    return this.statements[form].find.get(key);
  }

  findOrRemember(form: CopyForm, key: number, origin: number): number | undefined {
    const { find, remember } = this.statements[form];
    // Most pairs are new: one INSERT OR IGNORE says so; only a copy costs the SELECT too.
    let added: boolean;
    try {
      added = remember.run(key, origin).changes === 1;
      if (added && ++this.writes % WRITES_PER_TRANSACTION === 0) this.db.exec('COMMIT; BEGIN');
    } catch (error) {
      throw temporaryIndexError(error);
    }
    return added ? undefined : find.get(key);
  }

  /** Closes the database; SQLite removes its file. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** The temporary folder full or unwritable is the machine's state, said in one line (exit 1). */
function temporaryIndexError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^SQLITE_(FULL|IOERR|CANTOPEN|READONLY)/.test(code)) return error;
  return new BitextError(
    'FILTER_TEMP_INDEX',
    `cannot write the dedupe index in the temporary folder (${code}: ${(error as Error).message}); free space there or set TMPDIR`,
    {},
    { cause: error },
  );
}
