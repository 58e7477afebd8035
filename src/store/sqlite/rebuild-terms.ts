import { StoredUnitTerms } from '../index-terms/term-counts.js';
import type { SqliteDatabase } from './database.js';
import type { MigrationProgress } from './migrations.js';

/** Units read per page while rebuilding. */
const PAGE = 1000;

/**
 * Fills an empty tm_terms from tm_units: each unit's FTS5 document, exactly as an import writes it
 * (StoredUnitTerms). For migrations that change how tm_terms is built;
 * tm_term_units is left as it is, since the terms themselves do not change. About 50 µs a unit.
 */
export function rebuildTermIndex(db: SqliteDatabase, onProgress?: MigrationProgress): void {
  const total = onProgress ? (db.prepare('SELECT count(*) FROM tm_units').pluck().get() as number) : 0;
  let done = 0;
  const page = db.prepare<[number], { id: number; zh: string; en: string }>(
    'SELECT id, zh, en FROM tm_units WHERE id > ? ORDER BY id LIMIT ' + PAGE,
  );
  const insert = db.prepare('INSERT INTO tm_terms (rowid, terms) VALUES (?, ?)');
  const terms = new StoredUnitTerms();
  for (let after = 0; ; ) {
    const rows = page.all(after);
    if (rows.length === 0) return;
    for (const { id, zh, en } of rows) insert.run(id, terms.of(zh, en));
    after = rows[rows.length - 1]!.id;
    done += rows.length;
    onProgress?.(done, total);
  }
}
