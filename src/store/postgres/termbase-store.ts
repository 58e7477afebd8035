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
import { inTransaction, type PgPool } from './connection.js';

/** The termbase on PostgreSQL: table bitext.terms of migration 1 (postgres/migrations.ts). */
export class PostgresTermbaseStore implements TermbaseStore {
  constructor(
    private readonly pool: PgPool,
    private readonly closePool: () => Promise<void>,
  ) {}

  async add(entries: readonly TermEntry[], options: { now?: Date } = {}): Promise<TermbaseAddResult> {
    const now = options.now ?? new Date();
    return inTransaction(this.pool, async (client) => {
      let added = 0;
      let updated = 0;
      for (const entry of entries) {
        const v = termRowValues(entry);
        // One statement per entry, atomic against a concurrent add of the same term. An update keeps
        // what the new entry does not say (a re-import without notes keeps the notes), as on SQLite.
        // xmax = 0 only on a row this statement inserted.
        const { rows } = await client.query<{ inserted: boolean }>(
          `INSERT INTO bitext.terms AS t (zh, en, zh_key, kind, score, status, note, source, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (zh_key, en) DO UPDATE SET status = excluded.status,
             kind = coalesce(excluded.kind, t.kind), score = coalesce(excluded.score, t.score),
             note = coalesce(excluded.note, t.note), source = coalesce(excluded.source, t.source)
           RETURNING (xmax = 0) AS inserted`,
          [v.zh, v.en, v.zhKey, v.kind, v.score, v.status, v.note, v.source, now],
        );
        if (rows[0]!.inserted) added++;
        else updated++;
      }
      return { added, updated };
    });
  }

  async list(filter: TermbaseFilter = {}): Promise<StoredTerm[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    if (filter.zh) {
      params.push(termKey(filter.zh));
      where.push(`strpos(zh_key, $${params.length}) > 0`);
    }
    const { rows } = await this.pool.query<TermRow>(
      `SELECT * FROM bitext.terms ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY zh_key COLLATE "C", status, en COLLATE "C"`,
      params,
    );
    return rows.map(storedTerm);
  }

  async findIn(zh: string): Promise<StoredTerm[]> {
    // Every term whose key occurs in the text: a scan, as on SQLite (fine for tens of thousands).
    const { rows } = await this.pool.query<TermRow>(
      'SELECT * FROM bitext.terms WHERE strpos($1, zh_key) > 0 ORDER BY length(zh_key) DESC, en COLLATE "C"',
      [termKey(zh)],
    );
    return rows.map(storedTerm);
  }

  async remove(id: number): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM bitext.terms WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async count(): Promise<number> {
    return (await this.pool.query<{ n: number }>('SELECT count(*) AS n FROM bitext.terms')).rows[0]!.n;
  }

  close(): Promise<void> {
    return this.closePool();
  }
}
