import { unitKey } from '../../core/fuzzy/normalize.js';
import { hashKey } from '../index-terms/term-index.js';
import type { SqliteDatabase } from './database.js';
import type { MigrationProgress } from './migrations.js';

/** Units read per page while re-keying. */
const PAGE = 1000;

/**
 * Recomputes every unit's key_hash from its text with the current unitKey, for migrations that change
 * the key. Each row first moves to a placeholder no hash can be (-id, hashes are non-negative), so the
 * UNIQUE column never sees an old and a new hash collide; then, in id order, each takes the first free
 * probe of its key, as an import does. Rows that now share a key (a Traditional unit and its
 * Simplified twin, both stored under a key that held the script) are all kept: the first holds probe
 * 0, so an import finds it and counts the pair a duplicate; the later ones sit on further probes until
 * the user deletes them. A migration does not delete units. About 10 µs a unit (normalising both sides).
 */
export function rekeyUnits(db: SqliteDatabase, onProgress?: MigrationProgress): void {
  const total = onProgress ? (db.prepare('SELECT count(*) FROM tm_units').pluck().get() as number) : 0;
  let done = 0;
  db.exec('UPDATE tm_units SET key_hash = -id');
  const page = db.prepare<[number], { id: number; zh: string; en: string }>(
    `SELECT id, zh, en FROM tm_units WHERE id > ? ORDER BY id LIMIT ${PAGE}`,
  );
  const taken = db.prepare<[number], number>('SELECT 1 FROM tm_units WHERE key_hash = ?').pluck();
  const update = db.prepare('UPDATE tm_units SET key_hash = ? WHERE id = ?');
  for (let after = 0; ; ) {
    const rows = page.all(after);
    if (rows.length === 0) return;
    for (const { id, zh, en } of rows) {
      const key = unitKey(zh, en);
      for (let probe = 0; ; probe++) {
        const keyHash = probe === 0 ? hashKey(key) : hashKey(`${key}\u0000${probe}`);
        if (taken.get(keyHash) === undefined) {
          update.run(keyHash, id);
          break;
        }
      }
    }
    after = rows[rows.length - 1]!.id;
    done += rows.length;
    onProgress?.(done, total);
  }
}
