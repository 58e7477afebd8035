import { unitKey } from '../../core/fuzzy/normalize.js';
import type { Lang } from '../../core/types.js';
import { alreadyPresent, emptyAddResult, importTime } from '../add-result.js';
import { BATCH_SIZE, type PreparedBatchStore } from '../import-file.js';
import { type PreparedBatch, prepareUnits } from '../index-terms/prepared-units.js';
import { hashKey, termOfFtsKey } from '../index-terms/term-index.js';
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
  TmUnit,
  TmUnitFilter,
  TmUnitInput,
} from '../tm-store.js';
import {
  closeSqliteDatabase,
  type OpenDatabaseOptions,
  openSqliteDatabase,
  type SqliteDatabase,
} from './database.js';
import { SqliteDocuments } from './document-rows.js';
import { SqliteTmReads } from './sqlite-tm-reads.js';

/** Imports adding at least this many units (and a quarter of the TM) merge the whole index (finishTermIndex). */
const OPTIMIZE_MIN_UNITS = 20_000;

/**
 * Opens a TM in a SQLite file (created and migrated as needed); `:memory:` for a throwaway one. The
 * file gets a second, read-only connection for queries (see SqliteTmReads).
 */
export function openSqliteTmStore(path: string, options: OpenDatabaseOptions = {}): SqliteTmStore {
  const db = openSqliteDatabase(path, options);
  return new SqliteTmStore(db, path, readerFor(db, path, options));
}

/** The query connection of a file database: its own, so it never sees a write in progress. */
export function readerFor(db: SqliteDatabase, path: string, options: OpenDatabaseOptions): SqliteDatabase {
  if (path === ':memory:' || options.readOnly) return db;
  return openSqliteDatabase(path, { readOnly: true });
}

export class SqliteTmStore implements PreparedBatchStore {
  private readonly statements;
  /** The queries, on `reader`. */
  readonly reads: SqliteTmReads;
  /** Deleting documents and finding their other versions, inside this connection's transactions. */
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
    /** The query connection: `db` itself for `:memory:`, whose queries then wait for writes to end. */
    readonly reader: SqliteDatabase = db,
  ) {
    this.reads = new SqliteTmReads(reader);
    this.documentRows = new SqliteDocuments(db);
    this.statements = {
      documentByHash: db.prepare<[string], { id: number; name: string }>(
        'SELECT id, name FROM tm_documents WHERE content_hash = ?',
      ),
      documentByName: db.prepare<[string], { id: number }>(
        'SELECT id FROM tm_documents WHERE name = ? ORDER BY id LIMIT 1',
      ),
      insertDocument: db.prepare(
        'INSERT INTO tm_documents (name, content_hash, kind, added_at) VALUES (?, ?, ?, ?)',
      ),
      insertUnit: db.prepare(
        `INSERT INTO tm_units (zh, en, zh_lang, en_lang, zh_script, document_id, position, confidence,
           created_at, changed_at, key_hash, zh_codes, en_codes, meta)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key_hash) DO NOTHING`,
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
    const result = emptyAddResult();
    const skip = () => alreadyPresent(batches, result);
    // A cheap look before waiting for the write lock of another process...
    if (this.isPresent(document, options)) return skip();
    options.signal?.throwIfAborted();
    const now = importTime(options.now).toISOString();
    // One transaction for the whole file, held across the awaits of a streaming reader: a malformed
    // file, a thrown error or a killed process leaves the TM exactly as it was (WAL rollback). SQLite
    // spills a large transaction to disk, so memory stays bounded even for a 1 GB import.
    this.db.exec('BEGIN IMMEDIATE');
    // ...and the look that counts, inside the transaction: a concurrent import of the same file in
    // another process may have committed while this one waited.
    if (this.isPresent(document, options)) {
      this.db.exec('ROLLBACK');
      return skip();
    }
    try {
      if (options.replace) {
        for (const id of this.documentRows.versions(document.name))
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

  /**
   * Whether the document is already stored, so nothing is to be read. With `replace`, a document
   * stored under its name next to other versions is not: all versions go and it is stored anew,
   * since its units may be held by the versions being deleted (a unit belongs to the document that
   * first brought it; later ones count it as a duplicate).
   */
  private isPresent(document: TmDocumentInput, options: TmAddOptions): boolean {
    const stored = this.statements.documentByHash.get(document.contentHash);
    if (!stored) return false;
    if (!options.replace || stored.name !== document.name) return true;
    return this.documentRows.otherVersions(document.name, document.contentHash).length === 0;
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
    if (added >= OPTIMIZE_MIN_UNITS && added * 4 >= (this.reads.candidateFinder.maxUnitId() ?? 0)) {
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
        batch.zhCodes[i],
        batch.enCodes[i],
        batch.meta[i],
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

  // Queries. On a separate connection they run at once and see only committed work; on the one
  // connection of `:memory:` they wait for the writes in progress to end (see `settled`).

  async lookup(query: string, options: TmLookupOptions = {}): Promise<TmMatch[]> {
    await this.settled();
    return this.reads.lookup(query, options);
  }

  async search(term: string, options: TmSearchOptions = {}): Promise<TmConcordanceHit[]> {
    await this.settled();
    return this.reads.search(term, options);
  }

  async *units(filter: TmUnitFilter = {}): AsyncIterable<TmUnit> {
    await this.settled();
    yield* this.reads.units(filter);
  }

  async stats(): Promise<TmStats> {
    await this.settled();
    return this.reads.stats();
  }

  async documents(): Promise<TmDocument[]> {
    await this.settled();
    return this.reads.documents();
  }

  async findDocuments(ref: string): Promise<TmDocument[]> {
    await this.settled();
    return this.reads.findDocuments(ref);
  }

  /** Candidate unit ids for a normalised query (see CandidateFinder). */
  candidates(normalizedQuery: string, lang: Lang): number[] {
    return this.reads.candidates(normalizedQuery, lang);
  }

  /** Resolves when no write of this store is in progress on the query connection. */
  private async settled(): Promise<void> {
    if (this.reader === this.db) await this.writing;
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

  async close(): Promise<void> {
    await this.writing;
    if (this.reader !== this.db) closeSqliteDatabase(this.reader);
    closeSqliteDatabase(this.db);
  }
}
