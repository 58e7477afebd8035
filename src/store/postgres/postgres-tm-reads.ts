import type { Lang } from '../../core/types.js';
import {
  CANDIDATES,
  type PlanOptions,
  type PostingRead,
  planCandidates,
  queryKeys,
  topByWeight,
} from '../index-terms/candidate-plan.js';
import { maskedHash } from '../index-terms/term-index.js';
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
import type { PgPool } from './connection.js';
import { POSTGRES_SCHEMA_VERSION } from './migrations.js';
import { decodeBlock, forEachId } from './posting-blocks.js';

const UNIT_COLUMNS = `u.id, u.zh, u.en, u.zh_lang, u.en_lang, u.zh_script, d.name AS document, u.position,
  u.confidence, u.created_at, u.changed_at, u.zh_codes, u.en_codes, u.meta`;
const UNIT_FROM = 'bitext.tm_units u LEFT JOIN bitext.tm_documents d ON d.id = u.document_id';
const DOCUMENT_SELECT = `SELECT d.id, d.name, d.kind, d.content_hash, d.added_at,
  (SELECT count(*) FROM bitext.tm_units u WHERE u.document_id = d.id) AS units FROM bitext.tm_documents d`;

/** Per-lookup arrays indexed by unit id (see PostgresTmReads.spare). */
interface Scratch {
  weights: Float64Array;
  marks: Uint8Array;
}

/** A word prefix matching more index keys than this is left out of a concordance query (too common to narrow it). */
const MAX_PREFIX_KEYS = 64;
/**
 * Posting lists longer than this are not read for a concordance: a term that common has hits among the
 * first units in id order anyway (a 1M-unit TM's list of 50,000 ids is ~100 KB to read and decode).
 */
const SCAN_ABOVE = 50_000;
/** Refining keys on more units than this are not read (see refine). */
const REFINE_MAX_POSTINGS = 200_000;
/** Rows per page of a concordance or export. */
const PAGE = 1000;

/**
 * The TM's queries on PostgreSQL. Each runs on a pooled connection outside any import's transaction,
 * so under READ COMMITTED it sees only committed work.
 */
export class PostgresTmReads {
  /**
   * Scratch arrays by unit id, reused across lookups (as SQLite's CandidateFinder reuses its weights)
   * but one set per lookup in flight: a lookup awaits the server between filling and clearing them,
   * and the lookups of a server or worker share one store.
   */
  private readonly spare: Scratch[] = [];
  /** Budget and refining terms of the candidate plan (candidate-plan.ts); settable for tuning and tests. */
  readonly plan: PlanOptions = {};

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
   * The candidate units of a lookup: the document frequencies of the query's keys (and the largest
   * id), then the posting blocks of planCandidates' rare keys and the units of the query's masked-side
   * hash (a column index),
   * ranked here by summed idf weight as SQLite's CandidateFinder ranks them, then the rows of the
   * top CANDIDATES and of the units equal to the query but for numbers.
   */
  async candidates(normal: string, lang: Lang): Promise<TmUnit[]> {
    const frequencies = await this.pool.query<{
      total: number | null;
      key: string | null;
      units: number | null;
    }>(
      `SELECT (SELECT max(id) FROM bitext.tm_units) AS total, t.key, t.units
       FROM (SELECT 1) one LEFT JOIN bitext.tm_term_units t ON t.key = ANY($1::text[]) AND t.units > 0`,
      [queryKeys(normal, lang)],
    );
    const total = frequencies.rows[0]?.total ?? 0;
    const unitsHolding = new Map<string, number>();
    for (const row of frequencies.rows) if (row.key !== null) unitsHolding.set(row.key, row.units!);
    const { reads, refining } = planCandidates(normal, lang, unitsHolding, total, this.plan);
    const [postings, sameMasked] = await Promise.all([
      this.postings(reads.map((r) => r.keys[0]!)),
      this.pool.query<{ id: number }>(
        `SELECT id FROM bitext.tm_units WHERE ${lang}_masked = $1 ORDER BY id LIMIT ${CANDIDATES}`,
        [maskedHash(normal, lang === 'zh')],
      ),
    ]);
    const scratch = this.takeScratch(total + 1);
    const { weights } = scratch;
    const touched: number[] = [];
    let top: number[];
    try {
      for (const { keys, weight } of reads) {
        for (const id of postings.get(keys[0]!) ?? []) {
          if (id > total) continue;
          if (weights[id] === 0) touched.push(id);
          weights[id]! += weight;
        }
      }
      // Refining only re-ranks: with no more units than candidates, every one goes to scoring anyway.
      if (touched.length > CANDIDATES && refining.length > 0)
        await this.refine(scratch, refining, postings.get(reads[0]!.keys[0]!) ?? [], unitsHolding);
      top = topByWeight(touched, weights, CANDIDATES);
    } finally {
      for (const id of touched) weights[id] = 0;
      this.spare.push(scratch);
    }
    return this.unitsByIds([...new Set([...sameMasked.rows.map((r) => r.id), ...top])]);
  }

  /** Zeroed scratch arrays for ids below `size` (see `spare`). */
  private takeScratch(size: number): Scratch {
    const scratch = this.spare.pop();
    if (scratch && scratch.weights.length >= size) return scratch;
    const length = Math.max(size, (scratch?.weights.length ?? 0) * 2);
    return { weights: new Float64Array(length), marks: new Uint8Array(length) };
  }

  /**
   * Breaks ties among the rare keys' units with the refining reads: a unit holding both of a read's
   * keys (a common key and the rarest one) gains its weight, as SQLite does inside FTS5. Here the
   * common key's posting list is read and walked against the rarest key's units; a key on more than
   * REFINE_MAX_POSTINGS units is skipped (its idf weight is small, and its list costs ~1 byte a unit).
   */
  private async refine(
    { weights, marks }: Scratch,
    refining: PostingRead[],
    rarest: readonly number[],
    unitsHolding: ReadonlyMap<string, number>,
  ): Promise<void> {
    const keys = refining
      .map((r) => r.keys[0]!)
      .filter((k) => (unitsHolding.get(k) ?? 0) <= REFINE_MAX_POSTINGS);
    if (keys.length === 0) return;
    const blocks = await this.blocks(keys);
    // Marks by unit id, like the weights: a typed-array read per posting instead of a Set lookup,
    // since a refining list may hold 200,000 ids.
    for (const id of rarest) if (id < marks.length) marks[id] = 1;
    const weightOf = new Map(refining.map((r) => [r.keys[0]!, r.weight]));
    for (const { key, ids } of blocks) {
      const weight = weightOf.get(key)!;
      forEachId(ids, (id) => {
        if (id < marks.length && marks[id] === 1 && weights[id]! > 0) weights[id]! += weight;
      });
    }
    for (const id of rarest) if (id < marks.length) marks[id] = 0;
  }

  /** The posting blocks of `keys`, as stored. */
  private async blocks(keys: string[]): Promise<Array<{ key: string; ids: Buffer }>> {
    const { rows } = await this.pool.query<{ key: string; ids: Buffer }>(
      'SELECT key, ids FROM bitext.tm_postings WHERE key = ANY($1::text[])',
      [keys],
    );
    return rows;
  }

  /** The ids on each key's posting blocks, ascending (ids of deleted units included). */
  private async postings(keys: string[]): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    for (const { key, ids } of await this.blocks(keys)) {
      const list = out.get(key);
      const decoded = decodeBlock(ids);
      // concat, not push(...decoded): a spread of a long list overflows the call stack.
      out.set(key, list ? list.concat(decoded) : decoded);
    }
    // Blocks of one key come from different imports; each is ascending, their union need not be
    // (mostly it is: later imports have larger ids), so sort only what is out of order.
    for (const list of out.values()) if (!isAscending(list)) list.sort((a, b) => a - b);
    return out;
  }

  /** The units of `ids` that exist (a deleted unit's id is skipped), in id order. */
  private async unitsByIds(ids: number[]): Promise<TmUnit[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<UnitRow>(
      `SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM} WHERE u.id = ANY($1::bigint[]) ORDER BY u.id`,
      [ids],
    );
    return rows.map(toUnit);
  }

  search(term: string, options: TmSearchOptions = {}): Promise<TmConcordanceHit[]> {
    return collectHits(term, options, (lang) => this.containing(term, lang));
  }

  /**
   * Units that may contain `term` on the `lang` side, in id order: those on the posting lists of its
   * keys, intersected (a last English word cut mid-word stands for the union of the keys it begins).
   * Lists longer than SCAN_ABOVE are not read; with none left to narrow by, every unit is a candidate
   * in id order, which for so common a term finds its hits early. collectHits checks each.
   */
  private async *containing(term: string, lang: Lang): AsyncGenerator<TmUnit> {
    const { keys, prefix } = concordanceKeys(term, lang);
    const groups: Array<{ keys: string[]; units: number }> = [];
    if (keys.length > 0) {
      const { rows } = await this.pool.query<{ key: string; units: number }>(
        'SELECT key, units FROM bitext.tm_term_units WHERE key = ANY($1::text[]) AND units > 0',
        [keys],
      );
      // A key no unit holds: no unit contains the term.
      if (rows.length < new Set(keys).size) return;
      for (const row of rows) groups.push({ keys: [row.key], units: row.units });
    }
    if (prefix !== undefined) {
      const { rows } = await this.pool.query<{ key: string; units: number }>(
        `SELECT key, units FROM bitext.tm_term_units WHERE key LIKE $1 AND units > 0 LIMIT ${MAX_PREFIX_KEYS + 1}`,
        [`${prefix.replace(/[\\%_]/g, '\\$&')}%`],
      );
      if (rows.length === 0) return;
      if (rows.length <= MAX_PREFIX_KEYS)
        groups.push({ keys: rows.map((r) => r.key), units: rows.reduce((sum, r) => sum + r.units, 0) });
    }
    const narrowing = groups.filter((g) => g.units <= SCAN_ABOVE).sort((a, b) => a.units - b.units);
    if (narrowing.length === 0) {
      yield* this.pages(`SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM} WHERE u.id > $1`, [0]);
      return;
    }
    // The rarest lists, intersected: a few narrow the candidates about as far as all of them would.
    const used = narrowing.slice(0, 3);
    const postings = await this.postings(used.flatMap((g) => g.keys));
    let ids: number[] | undefined;
    for (const group of used) {
      const list =
        group.keys.length === 1
          ? (postings.get(group.keys[0]!) ?? [])
          : unionSorted(group.keys.map((k) => postings.get(k) ?? []));
      ids = ids === undefined ? list : intersectSorted(ids, list);
    }
    for (let at = 0; at < ids!.length; at += PAGE) yield* await this.unitsByIds(ids!.slice(at, at + PAGE));
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

/** The ids in both ascending lists, ascending. */
function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

/** The ids in any of the ascending lists, ascending, each once. */
function unionSorted(lists: readonly (readonly number[])[]): number[] {
  const all = lists.flat().sort((x, y) => x - y);
  return all.filter((id, i) => i === 0 || id !== all[i - 1]);
}

function isAscending(list: readonly number[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]! < list[i - 1]!) return false;
  return true;
}
