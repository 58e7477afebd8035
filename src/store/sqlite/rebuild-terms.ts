import { normalizeSegment } from '../../core/fuzzy/normalize.js';
import { TermCounts } from '../index-terms/term-counts.js';
import type { SqliteDatabase } from './database.js';

/** Units read per page while rebuilding. */
const PAGE = 1000;
/** A fresh TermCounts every so many units: the rebuild needs the documents, not the counts. */
const UNITS_PER_COUNTER = 100_000;

/**
 * Fills an empty tm_terms from tm_units: each unit's FTS5 document, exactly as an import writes it
 * (TermCounts.document of the normalised sides). For migrations that change how tm_terms is built;
 * tm_term_units is left as it is, since the terms themselves do not change. About 50 µs a unit.
 */
export function rebuildTermIndex(db: SqliteDatabase): void {
  const page = db.prepare<[number], { id: number; zh: string; en: string }>(
    'SELECT id, zh, en FROM tm_units WHERE id > ? ORDER BY id LIMIT ' + PAGE,
  );
  const insert = db.prepare('INSERT INTO tm_terms (rowid, terms) VALUES (?, ?)');
  let counts = new TermCounts();
  let done = 0;
  for (let after = 0; ; ) {
    const rows = page.all(after);
    if (rows.length === 0) return;
    for (const { id, zh, en } of rows) {
      insert.run(id, counts.document(normalizeSegment(zh, 'zh'), normalizeSegment(en, 'en')));
      if (++done % UNITS_PER_COUNTER === 0) counts = new TermCounts();
    }
    after = rows[rows.length - 1]!.id;
  }
}
