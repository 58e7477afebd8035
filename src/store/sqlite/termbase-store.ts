import type { TermEntry } from '../../core/terms/index.js';
import {
  type StoredTerm,
  storedTerm,
  type TermbaseAddResult,
  type TermbaseFilter,
  type TermbaseStore,
  type TermRow,
  termKey,
  termRowValues,
} from '../termbase.js';
import { closeSqliteDatabase, openSqliteDatabase, type SqliteDatabase } from './database.js';

/** Opens the termbase of a bitext database (the TM's file; created and migrated as needed). */
export function openSqliteTermbase(path: string): SqliteTermbaseStore {
  return new SqliteTermbaseStore(openSqliteDatabase(path));
}

/** Termbase queries over the `terms` table of migration 2 (src/store/sqlite/migrations.ts). */
export class SqliteTermbaseStore implements TermbaseStore {
  constructor(private readonly db: SqliteDatabase) {}

  async add(entries: readonly TermEntry[], options: { now?: Date } = {}): Promise<TermbaseAddResult> {
    const now = (options.now ?? new Date()).toISOString();
    const find = this.db.prepare<[string, string], { id: number }>(
      'SELECT id FROM terms WHERE zh_key = ? AND en = ?',
    );
    const insert = this.db.prepare(
      `INSERT INTO terms (zh, en, zh_key, kind, score, status, note, source, created_at)
       VALUES (@zh, @en, @zhKey, @kind, @score, @status, @note, @source, @now)`,
    );
    // An update keeps what the new entry does not say (a re-import without notes keeps the notes).
    const update = this.db.prepare(
      `UPDATE terms SET status = @status, kind = COALESCE(@kind, kind), score = COALESCE(@score, score),
         note = COALESCE(@note, note), source = COALESCE(@source, source) WHERE id = @id`,
    );
    let added = 0;
    let updated = 0;
    this.db.transaction(() => {
      for (const entry of entries) {
        const params = { ...termRowValues(entry), now };
        const existing = find.get(params.zhKey, params.en);
        if (existing) {
          update.run({ ...params, id: existing.id });
          updated++;
        } else {
          insert.run(params);
          added++;
        }
      }
    })();
    return { added, updated };
  }

  async list(filter: TermbaseFilter = {}): Promise<StoredTerm[]> {
    const where: string[] = [];
    const params: Record<string, string> = {};
    if (filter.status) {
      where.push('status = @status');
      params.status = filter.status;
    }
    if (filter.zh) {
      where.push('instr(zh_key, @zh) > 0');
      params.zh = termKey(filter.zh);
    }
    const sql = `SELECT * FROM terms ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY zh_key, status, en`;
    return this.db.prepare<Record<string, string>, TermRow>(sql).all(params).map(storedTerm);
  }

  async findIn(zh: string): Promise<StoredTerm[]> {
    const key = termKey(zh);
    // instr(text, term): every term whose key occurs in the text. A scan, fine for termbases of tens of
    // thousands of entries; a larger one would want an n-gram index like the TM's.
    return this.db
      .prepare<[string], TermRow>(
        'SELECT * FROM terms WHERE instr(?, zh_key) > 0 ORDER BY length(zh_key) DESC, en',
      )
      .all(key)
      .map(storedTerm);
  }

  async remove(id: number): Promise<boolean> {
    return this.db.prepare('DELETE FROM terms WHERE id = ?').run(id).changes > 0;
  }

  async count(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM terms').get() as { n: number }).n;
  }

  async close(): Promise<void> {
    closeSqliteDatabase(this.db);
  }
}
