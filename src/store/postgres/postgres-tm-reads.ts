import type { Lang } from '../../core/types.js';
import { CANDIDATES, planCandidates, queryKeys } from '../index-terms/candidate-plan.js';
import { sameMaskedTerm } from '../index-terms/term-index.js';
import {
  collectHits,
  concordanceKeys,
  type DocumentRow,
  lookupQuery,
  rankMatches,
  toDocument,
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
import type { PgClient, PgPool } from './connection.js';
import { POSTGRES_SCHEMA_VERSION } from './migrations.js';

const UNIT_COLUMNS = `u.id, u.zh, u.en, u.zh_lang, u.en_lang, u.zh_script, d.name AS document, u.position,
  u.confidence, u.created_at, u.changed_at`;
const UNIT_FROM = 'bitext.tm_units u LEFT JOIN bitext.tm_documents d ON d.id = u.document_id';
const DOCUMENT_SELECT = `SELECT d.id, d.name, d.kind, d.content_hash, d.added_at,
  (SELECT count(*) FROM bitext.tm_units u WHERE u.document_id = d.id) AS units FROM bitext.tm_documents d`;

/** A word prefix matching more index keys than this is left out of a concordance query (too common to narrow it). */
const MAX_PREFIX_KEYS = 64;
/** Rows per page of a concordance or export. */
const PAGE = 1000;

/**
 * The TM's queries on PostgreSQL. Each runs on a pooled connection outside any import's transaction,
 * so under READ COMMITTED it sees only committed work.
 */
export class PostgresTmReads {
  constructor(private readonly pool: PgPool) {}

  async maxUnitId(): Promise<number | null> {
    const { rows } = await this.pool.query<{ max: number | null }>(
      'SELECT max(id) AS max FROM bitext.tm_units',
    );
    return rows[0]!.max;
  }

  async lookup(query: string, options: TmLookupOptions = {}): Promise<TmMatch[]> {
    const { lang, normal, min, limit } = lookupQuery(query, options);
    const candidates = await this.candidates(normal, lang);
    return rankMatches(normal, lang, candidates, min, limit);
  }

  /**
   * The candidate units of a lookup, in two round trips: the document frequencies of the query's keys
   * (and the largest id), then one query that reads planCandidates' posting lists through the GIN
   * index, ranks units by summed idf weight and returns the top CANDIDATES rows with the units equal
   * to the query but for numbers.
   */
  async candidates(normal: string, lang: Lang): Promise<TmUnit[]> {
    const keys = queryKeys(normal, lang);
    const frequencies = await this.pool.query<{
      total: number | null;
      key: string | null;
      units: number | null;
    }>(
      `SELECT (SELECT max(id) FROM bitext.tm_units) AS total, t.key, t.units
       FROM (SELECT 1) one LEFT JOIN bitext.tm_term_units t ON t.key = ANY($1::text[]) AND t.units > 0`,
      [keys],
    );
    const total = frequencies.rows[0]?.total ?? 0;
    const unitsHolding = new Map<string, number>();
    for (const row of frequencies.rows) if (row.key !== null) unitsHolding.set(row.key, row.units!);
    const plan = planCandidates(normal, lang, unitsHolding, total);
    const reads = [...plan.reads, ...plan.refining];
    const { rows } = await this.pool.query<UnitRow>(
      `WITH reads AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::float8[]) AS r(a, b, weight)
       ), ranked AS (
         SELECT hit.id FROM reads r CROSS JOIN LATERAL (
           SELECT id FROM bitext.tm_units
           WHERE terms @> (CASE WHEN r.b IS NULL THEN ARRAY[r.a] ELSE ARRAY[r.a, r.b] END)::text[]
         ) hit
         GROUP BY hit.id ORDER BY sum(r.weight) DESC, hit.id LIMIT ${CANDIDATES}
       ), same_masked AS (
         SELECT id FROM bitext.tm_units WHERE terms @> ARRAY[$4::text] LIMIT ${CANDIDATES}
       )
       SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM}
       WHERE u.id IN (SELECT id FROM ranked UNION SELECT id FROM same_masked)`,
      [
        reads.map((r) => r.keys[0]!),
        reads.map((r) => r.keys[1] ?? null),
        reads.map((r) => r.weight),
        sameMaskedTerm(normal, lang),
      ],
    );
    return rows.map(toUnit);
  }

  search(term: string, options: TmSearchOptions = {}): Promise<TmConcordanceHit[]> {
    return collectHits(term, options, (lang) => this.containing(term, lang));
  }

  /**
   * Units that may contain `term` on the `lang` side, in id order: those holding every key, and for a
   * last English word cut mid-word, one of the words it begins (from tm_term_units, when few enough to
   * narrow the search). With nothing to narrow by, every unit in id order: collectHits checks them.
   */
  private async *containing(term: string, lang: Lang): AsyncGenerator<TmUnit> {
    const { keys, prefix } = concordanceKeys(term, lang);
    let expansions: string[] | null = null;
    if (prefix !== undefined) {
      const { rows } = await this.pool.query<{ key: string }>(
        `SELECT key FROM bitext.tm_term_units WHERE key LIKE $1 AND units > 0 ORDER BY units DESC LIMIT ${MAX_PREFIX_KEYS + 1}`,
        [`${prefix.replace(/[\\%_]/g, '\\$&')}%`],
      );
      if (rows.length === 0) return;
      if (rows.length <= MAX_PREFIX_KEYS) expansions = rows.map((r) => r.key);
    }
    const conditions = ['u.id > $1'];
    const params: unknown[] = [0];
    if (keys.length > 0) {
      params.push(keys);
      conditions.push(`u.terms @> $${params.length}::text[]`);
    }
    if (expansions) {
      params.push(expansions);
      conditions.push(`u.terms && $${params.length}::text[]`);
    }
    yield* this.pages(`SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM} WHERE ${conditions.join(' AND ')}`, params);
  }

  /** Keyset pages of `select` (whose first condition is `u.id > $1`), in id order: memory stays bounded. */
  private async *pages(select: string, params: unknown[]): AsyncGenerator<TmUnit> {
    for (;;) {
      const { rows } = await this.pool.query<UnitRow>(`${select} ORDER BY u.id LIMIT ${PAGE}`, params);
      if (rows.length === 0) return;
      for (const row of rows) yield toUnit(row);
      params[0] = rows[rows.length - 1]!.id;
    }
  }

  async *units(filter: TmUnitFilter = {}): AsyncGenerator<TmUnit> {
    const conditions = ['u.id > $1'];
    const params: unknown[] = [0];
    const add = (condition: string, value: unknown) => {
      params.push(value);
      conditions.push(condition.replace('?', `$${params.length}`));
    };
    if (filter.document !== undefined)
      add(
        'u.document_id = ANY(?::bigint[])',
        (await this.findDocuments(filter.document)).map((d) => d.id),
      );
    if (filter.since) add('u.created_at >= ?', filter.since);
    if (filter.until) add('u.created_at < ?', filter.until);
    // Imported units without a confidence (human TMs) count as sure.
    if (filter.minConfidence !== undefined) add('coalesce(u.confidence, 1) >= ?', filter.minConfidence);
    yield* this.pages(`SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM} WHERE ${conditions.join(' AND ')}`, params);
  }

  async documents(): Promise<TmDocument[]> {
    return (await this.pool.query<DocumentRow>(`${DOCUMENT_SELECT} ORDER BY d.id`)).rows.map(toDocument);
  }

  /** See TmStore.findDocuments: the id, else the name as stored, else the last path segment. */
  async findDocuments(ref: string): Promise<TmDocument[]> {
    const query = async (where: string, params: unknown[]) =>
      (
        await this.pool.query<DocumentRow>(`${DOCUMENT_SELECT} WHERE ${where} ORDER BY d.id`, params)
      ).rows.map(toDocument);
    if (/^\d{1,15}$/.test(ref)) {
      const byId = await query('d.id = $1', [Number(ref)]);
      if (byId.length > 0) return byId;
    }
    const exact = await query('d.name = $1', [ref]);
    if (exact.length > 0) return exact;
    const escaped = ref.replace(/[\\%_]/g, '\\$&');
    return query("d.name LIKE '%/' || $1 OR d.name LIKE '%\\' || $1", [escaped]);
  }

  async stats(): Promise<TmStats> {
    const { rows } = await this.pool.query<{
      units: number;
      documents: number;
      zh: Record<string, number> | null;
      en: Record<string, number> | null;
      scripts: Record<string, number> | null;
      bytes: number | null;
    }>(
      `SELECT (SELECT count(*) FROM bitext.tm_units) AS units,
         (SELECT count(*) FROM bitext.tm_documents) AS documents,
         (SELECT json_object_agg(k, n ORDER BY n DESC) FROM (SELECT zh_lang k, count(*) n FROM bitext.tm_units GROUP BY 1) g) AS zh,
         (SELECT json_object_agg(k, n ORDER BY n DESC) FROM (SELECT en_lang k, count(*) n FROM bitext.tm_units GROUP BY 1) g) AS en,
         (SELECT json_object_agg(k, n) FROM (SELECT zh_script k, count(*) n FROM bitext.tm_units GROUP BY 1) g) AS scripts,
         (SELECT sum(pg_total_relation_size(c.oid))::bigint FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'bitext' AND c.relkind = 'r') AS bytes`,
    );
    const row = rows[0]!;
    return {
      units: row.units,
      documents: row.documents,
      languages: { zh: row.zh ?? {}, en: row.en ?? {} },
      scripts: { simplified: 0, traditional: 0, ...row.scripts },
      bytes: row.bytes,
      schemaVersion: POSTGRES_SCHEMA_VERSION,
    };
  }
}

/**
 * Deletes a document and its units inside the caller's transaction, and takes their index keys off
 * the document frequencies (the GIN index forgets the rows by itself). Returns the units deleted, or
 * null when there is no such document.
 */
export async function deleteDocumentRows(client: PgClient, id: number): Promise<number | null> {
  const { rows } = await client.query<{ found: boolean; units: number }>(
    `WITH gone AS (
       DELETE FROM bitext.tm_units WHERE document_id = $1 RETURNING terms
     ), counted AS (
       SELECT k, count(*) AS n FROM gone CROSS JOIN LATERAL unnest(gone.terms[3:]) AS k GROUP BY k
     ), subtracted AS (
       UPDATE bitext.tm_term_units t SET units = t.units - counted.n FROM counted WHERE t.key = counted.k
       RETURNING 1
     ), document AS (
       DELETE FROM bitext.tm_documents WHERE id = $1 RETURNING id
     )
     SELECT EXISTS (SELECT 1 FROM document) AS found, (SELECT count(*) FROM gone) AS units,
       (SELECT count(*) FROM subtracted) AS subtracted`,
    [id],
  );
  return rows[0]!.found ? rows[0]!.units : null;
}
