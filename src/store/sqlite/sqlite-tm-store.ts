import { detectLang } from '../../core/fuzzy/detect-lang.js';
import { normalizeSegment, unitKey } from '../../core/fuzzy/normalize.js';
import { matchScorer, scoreMatch } from '../../core/fuzzy/score.js';
import type { Lang } from '../../core/types.js';
import { findTerm } from '../concordance.js';
import { type PreparedBatch, prepareUnits } from '../index-terms/prepared-units.js';
import { ftsTerm, hashKey, quoteTerm, storedTerms, termOfFtsKey } from '../index-terms/term-index.js';
import type {
  TmAddOptions,
  TmAddResult,
  TmConcordanceHit,
  TmDocument,
  TmDocumentInput,
  TmLookupOptions,
  TmMatch,
  TmSearchOptions,
  TmStats,
  TmStore,
  TmUnit,
  TmUnitFilter,
  TmUnitInput,
} from '../tm-store.js';
import { CandidateFinder } from './candidates.js';
import { openSqliteDatabase, type SqliteDatabase } from './database.js';
import { SqliteDocuments } from './document-rows.js';
import { SCHEMA_VERSION } from './migrations.js';

/** Units inserted between two progress reports (and between two awaits of the input). */
export const BATCH_SIZE = 2000;

/** Imports adding at least this many units (and a quarter of the TM) merge the whole index (finishTermIndex). */
const OPTIMIZE_MIN_UNITS = 20_000;

const EMPTY_RESULT: TmAddResult = {
  read: 0,
  added: 0,
  duplicates: 0,
  skipped: 0,
  alreadyPresent: false,
  replaced: 0,
};

interface UnitRow {
  id: number;
  zh: string;
  en: string;
  zh_lang: string;
  en_lang: string;
  zh_script: 'simplified' | 'traditional';
  document: string | null;
  position: number | null;
  confidence: number | null;
  created_at: string;
  changed_at: string;
}

const UNIT_COLUMNS = `u.id, u.zh, u.en, u.zh_lang, u.en_lang, u.zh_script, d.name AS document, u.position,
  u.confidence, u.created_at, u.changed_at`;
const UNIT_FROM = 'tm_units u LEFT JOIN tm_documents d ON d.id = u.document_id';

/** Opens a TM in a SQLite file (created and migrated as needed); `:memory:` for a throwaway one. */
export function openSqliteTmStore(path: string): SqliteTmStore {
  return new SqliteTmStore(openSqliteDatabase(path), path);
}

export class SqliteTmStore implements TmStore {
  private readonly statements;
  readonly candidateFinder: CandidateFinder;
  private readonly documentRows: SqliteDocuments;
  /**
   * Writes on this connection, one at a time: an import holds its transaction across the awaits of a
   * streaming reader, and SQLite has one transaction per connection. Other processes are kept out by
   * BEGIN IMMEDIATE and the busy timeout (database.ts).
   */
  private writing: Promise<unknown> = Promise.resolve();
  /** Distinct terms of duplicate units held before their counts are subtracted; settable for tests. */
  duplicateTermsInMemory = 200_000;

  constructor(
    readonly db: SqliteDatabase,
    readonly path: string,
  ) {
    this.candidateFinder = new CandidateFinder(db);
    this.documentRows = new SqliteDocuments(db);
    this.statements = {
      documentByHash: db.prepare<[string], { id: number }>(
        'SELECT id FROM tm_documents WHERE content_hash = ?',
      ),
      documentByName: db.prepare<[string], { id: number }>(
        'SELECT id FROM tm_documents WHERE name = ? ORDER BY id LIMIT 1',
      ),
      insertDocument: db.prepare(
        'INSERT INTO tm_documents (name, content_hash, kind, added_at) VALUES (?, ?, ?, ?)',
      ),
      insertUnit: db.prepare(
        `INSERT INTO tm_units (zh, en, zh_lang, en_lang, zh_script, document_id, position, confidence,
           created_at, changed_at, key_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key_hash) DO NOTHING`,
      ),
      unitByKeyHash: db.prepare<
        [number],
        { zh: string; en: string; zh_script: 'simplified' | 'traditional' }
      >('SELECT zh, en, zh_script FROM tm_units WHERE key_hash = ?'),
      insertTerms: db.prepare('INSERT INTO tm_terms (rowid, terms) VALUES (?, ?)'),
      addTermUnits: db.prepare(
        `INSERT INTO tm_term_units (lang, term, units) VALUES (?, ?, ?)
         ON CONFLICT (lang, term) DO UPDATE SET units = units + excluded.units`,
      ),
      containing: db
        .prepare<[string, number, number], number>(
          'SELECT rowid FROM tm_terms WHERE tm_terms MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?',
        )
        .pluck(),
      unitCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM tm_units'),
    };
  }

  async addDocument(
    document: TmDocumentInput,
    units: AsyncIterable<TmUnitInput> | Iterable<TmUnitInput>,
    options: TmAddOptions = {},
  ): Promise<TmAddResult> {
    // addPrepared skips a document already present before it starts the generator: `units` unread.
    return this.addPrepared(document, prepareUnits(units, BATCH_SIZE), options);
  }

  /**
   * Stores a document from prepared batches (see PreparedBatch): prepareUnits in this thread, or the
   * import worker (import-worker.ts), which reads, parses and prepares while this thread inserts.
   * The batches' generator is closed when this returns or throws (ending a worker).
   */
  async addPrepared(
    document: TmDocumentInput,
    batches: AsyncIterable<PreparedBatch>,
    options: TmAddOptions = {},
  ): Promise<TmAddResult> {
    return this.serialised(() => this.addPreparedNow(document, batches, options));
  }

  /** Runs `write` after the writes already queued on this store (see `writing`). */
  private serialised<T>(write: () => Promise<T>): Promise<T> {
    const next = this.writing.then(write, write);
    this.writing = next.catch(() => {});
    return next;
  }

  private async addPreparedNow(
    document: TmDocumentInput,
    batches: AsyncIterable<PreparedBatch>,
    options: TmAddOptions,
  ): Promise<TmAddResult> {
    const result: TmAddResult = { ...EMPTY_RESULT };
    // Close the source without reading it (a generator not yet started never runs: no worker).
    const skip = async () => {
      await batches[Symbol.asyncIterator]().return?.();
      return { ...result, alreadyPresent: true };
    };
    // A cheap look before waiting for the write lock of another process...
    if (this.statements.documentByHash.get(document.contentHash)) return skip();
    options.signal?.throwIfAborted();
    // Whole seconds: TMX dates carry no more, so an export → import round trip keeps times exact.
    const now = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000).toISOString();
    // One transaction for the whole file, held across the awaits of a streaming reader: a malformed
    // file, a thrown error or a killed process leaves the TM exactly as it was (WAL rollback). SQLite
    // spills a large transaction to disk, so memory stays bounded even for a 1 GB import.
    this.db.exec('BEGIN IMMEDIATE');
    // ...and the look that counts, inside the transaction: a concurrent import of the same file in
    // another process may have committed while this one waited.
    if (this.statements.documentByHash.get(document.contentHash)) {
      this.db.exec('ROLLBACK');
      return skip();
    }
    try {
      if (options.replace) {
        for (const id of this.documentRows.otherVersions(document.name, document.contentHash))
          result.replaced += this.documentRows.delete(id) ?? 0;
      }
      // No incremental FTS5 segment merges while the file goes in (a crisis merge still bounds the
      // segments per level): the index is merged once at the end instead (finishTermIndex). FTS5
      // insert CPU on 100k synthetic units, optimize included: 18.2-19.0 -> 13.5 us per unit. These
      // settings live in the FTS5 config table, so they are part of the transaction too.
      this.setTermIndexMerging(0, 200);
      const documentId = Number(
        this.statements.insertDocument.run(document.name, document.contentHash, document.kind, now)
          .lastInsertRowid,
      );
      const documentIds = new Map<string, number>([[document.name, documentId]]);
      // Document frequencies come summed from the preparer (one upsert per distinct term instead of
      // one per term per batch: the per-2,000-unit upserts were 16% of the import CPU on the 100k
      // synthetic TMX). They include the duplicates, whose terms are subtracted at the end.
      const duplicateTerms = new Map<string, number>();
      // The subtractions may be written before the counts they correct: the sums come out the same,
      // and no reader sees the transaction before it commits. Written when many, to bound memory.
      const subtractDuplicates = () => {
        for (const [key, units] of duplicateTerms) {
          const { lang, term } = termOfFtsKey(key);
          this.statements.addTermUnits.run(lang, term, -units);
        }
        duplicateTerms.clear();
      };
      for await (const batch of batches) {
        result.read += batch.read;
        result.skipped += batch.skipped;
        for (let i = 0; i < batch.zh.length; i++)
          this.insertPrepared(batch, i, documentId, documentIds, now, result, duplicateTerms);
        const { lang, term, units } = batch.termUnits;
        for (let i = 0; i < lang.length; i++) this.statements.addTermUnits.run(lang[i], term[i], units[i]);
        if (duplicateTerms.size > this.duplicateTermsInMemory) subtractDuplicates();
        options.onProgress?.(result.read);
        options.signal?.throwIfAborted();
      }
      subtractDuplicates();
      this.finishTermIndex(result.added);
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    return result;
  }

  /** FTS5's automerge and crisismerge settings (defaults 4 and 16). */
  private setTermIndexMerging(automerge: number, crisismerge: number): void {
    this.db.exec(`INSERT INTO tm_terms (tm_terms, rank) VALUES ('automerge', ${automerge})`);
    this.db.exec(`INSERT INTO tm_terms (tm_terms, rank) VALUES ('crisismerge', ${crisismerge})`);
  }

  /**
   * Merges the FTS5 segments an import left. A large import (at least OPTIMIZE_MIN_UNITS units and a
   * quarter of the TM) merges the whole index into one segment: each posting-list read visits every
   * segment, and one segment made lookups ~20% cheaper on the 1M-unit synthetic TM (English median
   * 10.5 -> 8.2 ms CPU) for ~4 s of CPU. A smaller one only does the merge work the default
   * automerge would have done along the way (rewriting the whole index would cost more than it).
   */
  private finishTermIndex(added: number): void {
    this.setTermIndexMerging(4, 16);
    if (added >= OPTIMIZE_MIN_UNITS && added * 4 >= (this.candidateFinder.maxUnitId() ?? 0)) {
      this.db.exec("INSERT INTO tm_terms (tm_terms) VALUES ('optimize')");
      return;
    }
    // FTS5's 'merge' command: a run that changes fewer than two rows found nothing left to merge.
    const totalChanges = this.db.prepare<[], number>('SELECT total_changes()').pluck();
    for (let round = 0; round < 10_000; round++) {
      const before = totalChanges.get()!;
      this.db.exec("INSERT INTO tm_terms (tm_terms, rank) VALUES ('merge', 500)");
      if (totalChanges.get()! - before < 2) return;
    }
  }

  private insertPrepared(
    batch: PreparedBatch,
    i: number,
    documentId: number,
    documentIds: Map<string, number>,
    now: string,
    result: TmAddResult,
    duplicateTerms: Map<string, number>,
  ): void {
    const zh = batch.zh[i]!;
    const en = batch.en[i]!;
    const script = batch.script[i]!;
    const named = batch.document[i];
    const unitDocument =
      named === null || named === undefined ? documentId : this.referencedDocument(named, documentIds, now);
    const created = batch.createdAt[i] ?? now;
    const changed = batch.changedAt[i] ?? created;
    let key: string | undefined;
    // Probe past the rare hash collision of two different keys (about 1 in 18,000 TMs of 1M units);
    // a true duplicate has the same key and is counted, not stored. The key itself is only needed
    // (recomputed from the text) when the hash is already taken.
    for (let probe = 0; ; probe++) {
      const keyHash = probe === 0 ? batch.keyHash[i]! : hashKey(`${key}\u0000${probe}`);
      const inserted = this.statements.insertUnit.run(
        zh,
        en,
        batch.zhLang[i],
        batch.enLang[i],
        script,
        unitDocument,
        batch.position[i],
        batch.confidence[i],
        created,
        changed,
        keyHash,
      );
      if (inserted.changes === 1) {
        this.statements.insertTerms.run(inserted.lastInsertRowid, batch.terms[i]);
        result.added++;
        return;
      }
      key ??= unitKey(zh, en);
      const existing = this.statements.unitByKeyHash.get(keyHash)!;
      if (unitKey(existing.zh, existing.en) === key) {
        result.duplicates++;
        // Its terms were counted when it was prepared; the first two are the masked-side hashes.
        const terms = batch.terms[i]!.split(' ');
        for (let t = 2; t < terms.length; t++)
          duplicateTerms.set(terms[t]!, (duplicateTerms.get(terms[t]!) ?? 0) + 1);
        return;
      }
    }
  }

  /** The id of a document named by a unit (TMX `x-document`), created without a hash if new. */
  private referencedDocument(name: string, cache: Map<string, number>, now: string): number {
    let id = cache.get(name);
    if (id === undefined) {
      id =
        this.statements.documentByName.get(name)?.id ??
        Number(this.statements.insertDocument.run(name, null, 'referenced', now).lastInsertRowid);
      cache.set(name, id);
    }
    return id;
  }

  async lookup(query: string, options: TmLookupOptions = {}): Promise<TmMatch[]> {
    const lang = options.lang ?? detectLang(query);
    const min = options.min ?? 70;
    const limit = options.limit ?? 5;
    const normal = normalizeSegment(query, lang);
    const ids = this.candidates(normal, lang);
    if (ids.length === 0) return [];
    const matches: TmMatch[] = [];
    const scorer = matchScorer(normal, lang);
    for (const row of this.rowsByIds(ids)) {
      const match = scorer(normalizeSegment(lang === 'zh' ? row.zh : row.en, lang), min);
      if (match && match.score >= min) matches.push({ ...match, unit: toUnit(row) });
    }
    matches.sort((a, b) => b.score - a.score || a.unit.id - b.unit.id);
    return matches.slice(0, limit);
  }

  /** Candidate unit ids for a normalised query (see CandidateFinder). */
  candidates(normalizedQuery: string, lang: Lang): number[] {
    return this.candidateFinder.find(normalizedQuery, lang);
  }

  /** Every unit scored by a full scan: the benchmark's baseline, never used by lookup. */
  *scanMatches(query: string, lang: Lang, min = 70): Generator<TmMatch> {
    const normal = normalizeSegment(query, lang);
    const rows = this.db
      .prepare(`SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM}`)
      .iterate() as IterableIterator<UnitRow>;
    for (const row of rows) {
      const { score, numbers } = scoreMatch(
        normal,
        normalizeSegment(lang === 'zh' ? row.zh : row.en, lang),
        lang,
      );
      if (score >= min) yield { score, numbers, unit: toUnit(row) };
    }
  }

  async search(term: string, options: TmSearchOptions = {}): Promise<TmConcordanceHit[]> {
    const limit = options.limit ?? 20;
    if (!term.trim()) return [];
    const langs: Lang[] = options.lang
      ? [options.lang]
      : [detectLang(term), detectLang(term) === 'zh' ? 'en' : 'zh'];
    const hits: TmConcordanceHit[] = [];
    const seen = new Set<number>();
    for (const lang of langs) {
      for (const row of this.containing(term, lang)) {
        if (hits.length >= limit) return hits;
        if (seen.has(row.id)) continue;
        const span = findTerm(lang === 'zh' ? row.zh : row.en, term, lang);
        if (!span) continue;
        seen.add(row.id);
        hits.push({ unit: toUnit(row), lang, ...span });
      }
    }
    return hits;
  }

  /**
   * Units that may contain `term` on the `lang` side: every index term of it must be present (the
   * last English word as a prefix, for a term cut mid-word). A term with no index terms (one Han
   * character, a number) falls back to a scan; findTerm then checks each row.
   */
  private *containing(term: string, lang: Lang): Generator<UnitRow> {
    // A lone Han character is indexed only where it stands alone; elsewhere it hides inside bigrams.
    const terms = [...storedTerms(normalizeSegment(term, lang), lang)].filter(
      (t) => !/^\p{Script=Han}$/u.test(t),
    );
    if (terms.length === 0) {
      yield* this.db
        .prepare(`SELECT ${UNIT_COLUMNS} FROM ${UNIT_FROM} ORDER BY u.id`)
        .iterate() as IterableIterator<UnitRow>;
      return;
    }
    const quoted = terms.map((t) => quoteTerm(ftsTerm(t, lang)));
    if (lang === 'en') quoted[quoted.length - 1] += ' *';
    const match = quoted.join(' AND ');
    const statement = this.statements.containing;
    let after = 0;
    for (;;) {
      const ids = statement.all(match, after, 200);
      if (ids.length === 0) return;
      yield* this.rowsByIds(ids).sort((a, b) => a.id - b.id);
      after = ids[ids.length - 1]!;
    }
  }

  async *units(filter: TmUnitFilter = {}): AsyncIterable<TmUnit> {
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

  async documents(): Promise<TmDocument[]> {
    return this.documentRows.all();
  }

  async findDocuments(ref: string): Promise<TmDocument[]> {
    return this.documentRows.find(ref);
  }

  async deleteDocument(id: number): Promise<boolean> {
    return this.serialised(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const deleted = this.documentRows.delete(id);
        this.db.exec('COMMIT');
        return deleted !== null;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async stats(): Promise<TmStats> {
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

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
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

function toUnit(row: UnitRow): TmUnit {
  return {
    id: row.id,
    zh: row.zh,
    en: row.en,
    zhLang: row.zh_lang,
    enLang: row.en_lang,
    zhScript: row.zh_script,
    document: row.document,
    position: row.position,
    confidence: row.confidence,
    createdAt: row.created_at,
    changedAt: row.changed_at,
  };
}
