import type { Lang } from '../../core/types.js';
import { quoteTerm } from '../index-terms/term-index.js';
import {
  collectHits,
  concordanceKeys,
  lookupQuery,
  rankMatches,
  toUnit,
  type UnitRow,
} from '../tm-queries.js';
import type {
  TmConcordanceHit,
  TmDocument,
  TmLookupOptions,
  TmMatch,
  TmSearchOptions,
  TmStats,
  TmUnit,
  TmUnitFilter,
} from '../tm-store.js';
import { CandidateFinder } from './candidates.js';
import type { SqliteDatabase } from './database.js';
import { SqliteDocuments } from './document-rows.js';
import { SCHEMA_VERSION } from './migrations.js';

const UNIT_COLUMNS = `u.id, u.zh, u.en, u.zh_lang, u.en_lang, u.zh_script, d.name AS document, u.position,
  u.confidence, u.created_at, u.changed_at, u.zh_codes, u.en_codes, u.meta`;
const UNIT_FROM = 'tm_units u LEFT JOIN tm_documents d ON d.id = u.document_id';

/**
 * The TM's queries, on a connection of their own (SqliteTmStore): with WAL, that connection sees only
 * committed transactions, so a lookup never sees an import that may still roll back.
 */
export class SqliteTmReads {
  private readonly statements;
  readonly candidateFinder: CandidateFinder;
  private readonly documentRows: SqliteDocuments;

  constructor(readonly db: SqliteDatabase) {
    this.candidateFinder = new CandidateFinder(db);
    this.documentRows = new SqliteDocuments(db);
    this.statements = {
      containing: db
        .prepare<[string, number, number], number>(
          'SELECT rowid FROM tm_terms WHERE tm_terms MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?',
        )
        .pluck(),
      unitCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM tm_units'),
    };
  }

  lookup(query: string, options: TmLookupOptions = {}): TmMatch[] {
    const { lang, normal, min, limit } = lookupQuery(query, options);
    const ids = this.candidates(normal, lang);
    return rankMatches(normal, lang, this.rowsByIds(ids).map(toUnit), min, limit);
  }

  /** Candidate unit ids for a normalised query (see CandidateFinder). */
  candidates(normalizedQuery: string, lang: Lang): number[] {
    return this.candidateFinder.find(normalizedQuery, lang);
  }

  search(term: string, options: TmSearchOptions = {}): Promise<TmConcordanceHit[]> {
    return collectHits(term, options, (lang) => this.containing(term, lang));
  }

  /**
   * Units that may contain `term` on the `lang` side (concordanceKeys): every key present, the last
   * English word as an FTS5 prefix query. A term with no keys (one Han character, a number) falls back
   * to a scan; collectHits then checks each unit.
   */
  private *containing(term: string, lang: Lang): Generator<TmUnit> {
    const { keys, prefix } = concordanceKeys(term, lang);
    if (keys.length === 0 && prefix === undefined) {
      const rows = this.db
        .prepare(`SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM} ORDER BY u.id`)
        .iterate() as IterableIterator<UnitRow>;
      for (const row of rows) yield toUnit(row);
      return;
    }
    const quoted = keys.map(quoteTerm);
    if (prefix !== undefined) quoted.push(`${quoteTerm(prefix)} *`);
    const match = quoted.join(' AND ');
    const statement = this.statements.containing;
    let after = 0;
    for (;;) {
      const ids = statement.all(match, after, 200);
      if (ids.length === 0) return;
      yield* this.rowsByIds(ids)
        .sort((a, b) => a.id - b.id)
        .map(toUnit);
      after = ids[ids.length - 1]!;
    }
  }

  *units(filter: TmUnitFilter = {}): Generator<TmUnit> {
    const conditions = ['u.id > @after'];
    const parameters: Record<string, unknown> = { after: 0 };
    if (filter.document !== undefined) {
      const ids = this.documentRows.find(filter.document).map((d) => d.id);
      conditions.push(`u.document_id IN (${ids.join(',') || 'NULL'})`);
    }
    if (filter.since) {
      conditions.push('u.created_at >= @since');
      parameters['since'] = filter.since.toISOString();
    }
    if (filter.until) {
      conditions.push('u.created_at < @until');
      parameters['until'] = filter.until.toISOString();
    }
    if (filter.minConfidence !== undefined) {
      // Imported units without a confidence (human TMs) count as sure.
      conditions.push('coalesce(u.confidence, 1) >= @minConfidence');
      parameters['minConfidence'] = filter.minConfidence;
    }
    const page = this.db.prepare<[Record<string, unknown>], UnitRow>(
      `SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM} WHERE ${conditions.join(' AND ')} ORDER BY u.id LIMIT 1000`,
    );
    // Keyset pages, not one long cursor: the connection stays free between pages, memory bounded.
    for (;;) {
      const rows = page.all(parameters);
      if (rows.length === 0) return;
      for (const row of rows) yield toUnit(row);
      parameters['after'] = rows[rows.length - 1]!.id;
    }
  }

  documents(): TmDocument[] {
    return this.documentRows.all();
  }

  findDocuments(ref: string): TmDocument[] {
    return this.documentRows.find(ref);
  }

  stats(): TmStats {
    const units = this.statements.unitCount.get()!.n;
    const documents = (this.db.prepare('SELECT count(*) AS n FROM tm_documents').get() as { n: number }).n;
    const group = (column: string) =>
      Object.fromEntries(
        (
          this.db
            .prepare(`SELECT ${column} AS k, count(*) AS n FROM tm_units GROUP BY ${column} ORDER BY n DESC`)
            .all() as {
            k: string;
            n: number;
          }[]
        ).map((r) => [r.k, r.n]),
      );
    const scripts = { simplified: 0, traditional: 0, ...group('zh_script') };
    const pageCount = this.db.pragma('page_count', { simple: true }) as number;
    const pageSize = this.db.pragma('page_size', { simple: true }) as number;
    return {
      units,
      documents,
      languages: { zh: group('zh_lang'), en: group('en_lang') },
      scripts,
      bytes: pageCount * pageSize,
      schemaVersion: SCHEMA_VERSION,
    };
  }

  private rowsByIds(ids: readonly number[]): UnitRow[] {
    if (ids.length === 0) return [];
    return this.db
      .prepare<number[], UnitRow>(
        `SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM} WHERE u.id IN (${ids.map(() => '?').join(',')})`,
      )
      .all(...ids);
  }
}
