import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { unitKey } from '../../core/fuzzy/normalize.js';
import { alreadyPresent, emptyAddResult, importTime } from '../add-result.js';
import { BATCH_SIZE, type PreparedBatchStore } from '../import-file.js';
import { type PreparedBatch, prepareUnits } from '../index-terms/prepared-units.js';
import { countedKeys, StoredUnitTerms } from '../index-terms/term-counts.js';
import { ftsTerm, hashKey } from '../index-terms/term-index.js';
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
import { inTransaction, type PgClient, type PgPool } from './connection.js';
import { copyRow } from './copy-text.js';
import { PostgresTmReads } from './postgres-tm-reads.js';
import { PostingBuilder } from './posting-blocks.js';

/** Imports adding at least this many units (and a fifth of the TM) refresh the planner's statistics. */
const ANALYZE_MIN_UNITS = 20_000;

const STAGING_COLUMNS =
  'zh, en, zh_lang, en_lang, zh_script, doc_name, position, confidence, created_at, changed_at, key_hash, terms, zh_masked, en_masked, zh_codes, en_codes, meta';

/**
 * The TM on PostgreSQL. An import is one transaction on a connection of its own: its units are
 * streamed with COPY into a temporary staging table (ids drawn from the units' sequence in document
 * order), then moved into tm_units with one INSERT … ON CONFLICT DO NOTHING in key-hash order, and its
 * posting blocks, built in memory as the units arrive, are COPYed last. Taking the unique keys in one
 * global order means concurrent imports that share units wait for each other instead of deadlocking;
 * none sees the other's units before it commits.
 */
export class PostgresTmStore implements PreparedBatchStore {
  readonly reads: PostgresTmReads;

  constructor(
    readonly pool: PgPool,
    private readonly closePool: () => Promise<void>,
  ) {
    this.reads = new PostgresTmReads(pool);
  }

  addDocument(
    document: TmDocumentInput,
    units: AsyncIterable<TmUnitInput> | Iterable<TmUnitInput>,
    options: TmAddOptions = {},
  ): Promise<TmAddResult> {
    return this.addPrepared(document, prepareUnits(units, BATCH_SIZE), options);
  }

  async addPrepared(
    document: TmDocumentInput,
    batches: AsyncIterable<PreparedBatch>,
    options: TmAddOptions = {},
  ): Promise<TmAddResult> {
    const result = emptyAddResult();
    const skip = () => alreadyPresent(batches, result);
    // A cheap look before taking a connection and the document's lock...
    if (await this.isPresent(this.pool, document, options)) return skip();
    options.signal?.throwIfAborted();
    const now = importTime(options.now);
    const outcome = await inTransaction(this.pool, async (client) => {
      // ...and the look that counts, under a lock on the content (and the name, when replacing): a
      // concurrent import of the same file waits here, then finds it stored and reports it present.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `content ${document.contentHash}`,
      ]);
      if (options.replace)
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
          `name ${document.name}`,
        ]);
      if (await this.isPresent(client, document, options)) return 'present' as const;
      if (options.replace) {
        const versions = await client.query<{ id: number }>(
          'SELECT id FROM bitext.tm_documents WHERE name = $1 AND content_hash IS NOT NULL ORDER BY id',
          [document.name],
        );
        for (const { id } of versions.rows) result.replaced += (await deleteDocumentRows(client, id)) ?? 0;
      }
      const inserted = await client.query<{ id: number }>(
        'INSERT INTO bitext.tm_documents (name, content_hash, kind, added_at) VALUES ($1, $2, $3, $4) RETURNING id',
        [document.name, document.contentHash, document.kind, now],
      );
      const postings = new PostingBuilder();
      await stageUnits(client, batches, postings, result, options);
      const dropped = await storeStaged(client, inserted.rows[0]!.id, document.name, now, result);
      await copyInto(client, 'bitext.tm_postings (key, units, ids)', postingLines(postings, dropped));
      return 'stored' as const;
    });
    if (outcome === 'present') return skip();
    if (result.added >= ANALYZE_MIN_UNITS && result.added * 5 >= ((await this.reads.maxUnitId()) ?? 0))
      await this.pool.query('ANALYZE bitext.tm_units');
    return result;
  }

  /** Whether the document is stored already (see SqliteTmStore.isPresent for `replace`). */
  private async isPresent(db: PgPool | PgClient, document: TmDocumentInput, options: TmAddOptions) {
    const stored = await db.query<{ name: string }>(
      'SELECT name FROM bitext.tm_documents WHERE content_hash = $1',
      [document.contentHash],
    );
    if (stored.rows.length === 0) return false;
    if (!options.replace || stored.rows[0]!.name !== document.name) return true;
    const others = await db.query(
      'SELECT 1 FROM bitext.tm_documents WHERE name = $1 AND content_hash IS NOT NULL AND content_hash <> $2',
      [document.name, document.contentHash],
    );
    return others.rows.length === 0;
  }

  lookup(query: string, options: TmLookupOptions = {}): Promise<TmMatch[]> {
    return this.reads.lookup(query, options);
  }

  search(term: string, options: TmSearchOptions = {}): Promise<TmConcordanceHit[]> {
    return this.reads.search(term, options);
  }

  units(filter: TmUnitFilter = {}): AsyncIterable<TmUnit> {
    return this.reads.units(filter);
  }

  documents(): Promise<TmDocument[]> {
    return this.reads.documents();
  }

  findDocuments(ref: string): Promise<TmDocument[]> {
    return this.reads.findDocuments(ref);
  }

  stats(): Promise<TmStats> {
    return this.reads.stats();
  }

  deleteDocument(id: number): Promise<boolean> {
    return inTransaction(this.pool, async (client) => (await deleteDocumentRows(client, id)) !== null);
  }

  close(): Promise<void> {
    return this.closePool();
  }
}

/** The numbers behind a unit's two masked-side hash terms (`x…` and `y…` in base 36, sameMaskedTerm). */
function maskedHashesOf(terms: string): [number, number] {
  const first = terms.indexOf(' ');
  const second = terms.indexOf(' ', first + 1);
  return [
    Number.parseInt(terms.slice(1, first), 36),
    Number.parseInt(terms.slice(first + 2, second < 0 ? undefined : second), 36),
  ];
}

/** Most unit ids reserved at a time (see IdReserve). */
const MAX_ID_CHUNK = 50_000;

/**
 * Unit ids drawn from tm_units' sequence ahead of COPY (a COPY in progress holds the connection, so
 * ids come in chunks between COPYs): chunks double from the first batch's size up to MAX_ID_CHUNK, so
 * a small import reserves what it uses and a large one restarts its COPY every 50,000 units. Ids left
 * over at the end are gaps, which the sequence has anyway.
 */
class IdReserve {
  private ids: number[] = [];
  private next = 0;
  private chunk = 0;

  /** Whether `n` more ids are in hand. */
  has(n: number): boolean {
    return this.ids.length - this.next >= n;
  }

  async refill(client: PgClient, n: number): Promise<void> {
    this.chunk = Math.min(MAX_ID_CHUNK, Math.max(n, this.chunk * 2));
    const { rows } = await client.query<{ id: number }>(
      "SELECT nextval('bitext.tm_units_id_seq') AS id FROM generate_series(1, $1)",
      [Math.max(n, this.chunk)],
    );
    this.ids = rows.map((r) => r.id).sort((a, b) => a - b);
    this.next = 0;
  }

  take(n: number): number[] {
    this.next += n;
    return this.ids.slice(this.next - n, this.next);
  }
}

/**
 * COPYs the prepared batches into temporary staging tables dropped at commit: the units, with ids
 * reserved ahead (ascending, so in document order), and the preparer's summed document frequencies.
 * One COPY stream runs across batches, so the server stores one batch while this thread prepares the
 * next. Each unit's keys go to `postings` under its id.
 */
async function stageUnits(
  client: PgClient,
  batches: AsyncIterable<PreparedBatch>,
  postings: PostingBuilder,
  result: TmAddResult,
  options: TmAddOptions,
): Promise<void> {
  await client.query(`CREATE TEMP TABLE bitext_staging (
      id bigint NOT NULL,
      zh text, en text, zh_lang text, en_lang text, zh_script text, doc_name text, position integer,
      confidence double precision, created_at timestamptz, changed_at timestamptz, key_hash bigint,
      terms text COLLATE "C", zh_masked bigint, en_masked bigint, zh_codes text, en_codes text, meta text
    ) ON COMMIT DROP`);
  await client.query(
    'CREATE TEMP TABLE bitext_staging_terms (key text COLLATE "C", units bigint) ON COMMIT DROP',
  );
  const reserve = new IdReserve();
  const termLines: string[] = [];
  let copy: CopyStream | undefined;
  try {
    for await (const batch of batches) {
      result.read += batch.read;
      result.skipped += batch.skipped;
      const n = batch.zh.length;
      if (n > 0) {
        if (!reserve.has(n)) {
          if (copy) await copy.end();
          copy = undefined;
          await reserve.refill(client, n);
        }
        const ids = reserve.take(n);
        copy ??= new CopyStream(client, `bitext_staging (id, ${STAGING_COLUMNS})`);
        await copy.write(unitLines(batch, ids).join(''));
        // A unit's terms lead with its two masked-side hashes, which go to columns of their own.
        for (let i = 0; i < n; i++) postings.add(ids[i]!, batch.terms[i]!.split(' '), 2);
      }
      const { lang, term, units } = batch.termUnits;
      for (let i = 0; i < lang.length; i++) termLines.push(copyRow([ftsTerm(term[i]!, lang[i]!), units[i]!]));
      options.onProgress?.(result.read);
      options.signal?.throwIfAborted();
    }
    if (copy) await copy.end();
  } catch (error) {
    // Abandons the COPY (the server gets CopyFail), so the transaction can be rolled back.
    copy?.abort(error as Error);
    throw error;
  }
  await copyInto(client, 'bitext_staging_terms (key, units)', termLines);
}

/** A COPY … FROM STDIN held open across writes, with the stream's backpressure and errors awaited. */
class CopyStream {
  private readonly stream;
  private readonly done: Promise<void>;

  constructor(client: PgClient, target: string) {
    this.stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
    this.done = finished(this.stream);
    // Reported through `done` (and so by write or end); without a listener an error would throw.
    this.done.catch(() => {});
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await Promise.race([once(this.stream, 'drain'), this.done]);
  }

  async end(): Promise<void> {
    this.stream.end();
    await this.done;
  }

  abort(error: Error): void {
    this.stream.destroy(error);
  }
}

function unitLines(batch: PreparedBatch, ids: number[]): string[] {
  return batch.zh.map((zh, i) =>
    copyRow([
      ids[i]!,
      zh,
      batch.en[i]!,
      batch.zhLang[i]!,
      batch.enLang[i]!,
      batch.script[i]!,
      batch.document[i] ?? null,
      batch.position[i] ?? null,
      batch.confidence[i] ?? null,
      batch.createdAt[i] ?? null,
      batch.changedAt[i] ?? null,
      batch.keyHash[i]!,
      batch.terms[i]!,
      ...maskedHashesOf(batch.terms[i]!),
      batch.zhCodes[i] ?? null,
      batch.enCodes[i] ?? null,
      batch.meta[i] ?? null,
    ]),
  );
}

/** COPYs `lines` into `target`, in chunks of ~1,000 lines (one write a line would cost a stream call each). */
async function copyInto(client: PgClient, target: string, lines: Iterable<string>): Promise<void> {
  const copy = new CopyStream(client, target);
  let chunk: string[] = [];
  try {
    for (const line of lines) {
      chunk.push(line);
      if (chunk.length === 1000) {
        await copy.write(chunk.join(''));
        chunk = [];
      }
    }
    if (chunk.length > 0) await copy.write(chunk.join(''));
  } catch (error) {
    copy.abort(error as Error);
    throw error;
  }
  await copy.end();
}

/** The import's posting blocks as COPY lines (bytea in hex), without the units that were not stored. */
function* postingLines(
  postings: PostingBuilder,
  dropped: { ids: ReadonlySet<number>; keys: ReadonlySet<string> },
): Generator<string> {
  for (const { key, count, bytes } of postings.blocks(dropped.ids, dropped.keys))
    yield copyRow([
      key,
      count,
      `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex')}`,
    ]);
}

/**
 * Moves the staged units into tm_units and counts what happened. A staged unit that was not inserted
 * met an equal key hash: a duplicate when its key is the stored unit's too (counted, not stored), else
 * a hash collision of two different keys (rare), stored under a probed hash as SQLite does.
 */
async function storeStaged(
  client: PgClient,
  documentId: number,
  documentName: string,
  now: Date,
  result: TmAddResult,
): Promise<{ ids: Set<number>; keys: Set<string> }> {
  // Documents named by units (TMX x-document) that the TM does not know yet.
  await client.query(
    `INSERT INTO bitext.tm_documents (name, content_hash, kind, added_at)
     SELECT DISTINCT s.doc_name, NULL::text, 'referenced', $2::timestamptz FROM bitext_staging s
     WHERE s.doc_name IS NOT NULL AND s.doc_name <> $1
       AND NOT EXISTS (SELECT 1 FROM bitext.tm_documents d WHERE d.name = s.doc_name)`,
    [documentName, now],
  );
  const inserted = await client.query(
    `${insertStaged('s.key_hash')} FROM bitext_staging s ORDER BY s.key_hash, s.id ON CONFLICT (key_hash) DO NOTHING`,
    [documentId, documentName, now],
  );
  result.added += inserted.rowCount ?? 0;
  // Staged units not stored whose text differs from the stored unit of their hash: equal keys after
  // normalisation (width, case, script) are duplicates; different ones collided.
  const unsure = await client.query<{ id: number; zh: string; en: string; szh: string; sen: string }>(
    `SELECT s.id, s.zh, s.en, u.zh AS szh, u.en AS sen FROM bitext_staging s
     JOIN bitext.tm_units u ON u.key_hash = s.key_hash
     WHERE u.id <> s.id AND NOT (u.zh = s.zh AND u.en = s.en)`,
  );
  for (const row of unsure.rows) {
    const key = unitKey(row.zh, row.en);
    if (unitKey(row.szh, row.sen) === key) continue;
    result.added += await storeCollided(client, row.id, key, [documentId, documentName, now]);
  }
  const notStored = await client.query<{ id: number; terms: string }>(
    'SELECT s.id, s.terms FROM bitext_staging s WHERE NOT EXISTS (SELECT 1 FROM bitext.tm_units u WHERE u.id = s.id)',
  );
  result.duplicates = notStored.rows.length;
  // Document frequencies: the preparer's sums count every staged unit, so the keys of the units not
  // stored come off again, then all go in with one statement in key order: concurrent imports lock
  // the shared rows in the same order.
  const duplicateKeys = new Map<string, number>();
  for (const { terms } of notStored.rows)
    for (const key of countedKeys(terms)) duplicateKeys.set(key, (duplicateKeys.get(key) ?? 0) + 1);
  await copyInto(
    client,
    'bitext_staging_terms (key, units)',
    [...duplicateKeys].map(([key, units]) => copyRow([key, -units])),
  );
  await client.query(
    `INSERT INTO bitext.tm_term_units AS t (key, units)
     SELECT key, sum(units) FROM bitext_staging_terms GROUP BY key HAVING sum(units) <> 0 ORDER BY key
     ON CONFLICT (key) DO UPDATE SET units = t.units + excluded.units`,
  );
  return { ids: new Set(notStored.rows.map((r) => r.id)), keys: new Set(duplicateKeys.keys()) };
}

/**
 * INSERT … SELECT of staged units (`s`) into tm_units, with `keyHash` as their key hash. Parameters:
 * $1 the import's document id, $2 its name, $3 the import's time. A unit naming another document
 * (x-document) goes to the first document of that name, as SQLite's store does.
 */
function insertStaged(keyHash: string): string {
  return `INSERT INTO bitext.tm_units (id, zh, en, zh_lang, en_lang, zh_script, document_id, position,
      confidence, created_at, changed_at, zh_masked, en_masked, key_hash, zh_codes, en_codes, meta)
    SELECT s.id, s.zh, s.en, s.zh_lang, s.en_lang, s.zh_script,
      CASE WHEN s.doc_name IS NULL OR s.doc_name = $2 THEN $1::bigint
        ELSE (SELECT min(d.id) FROM bitext.tm_documents d WHERE d.name = s.doc_name) END,
      s.position, s.confidence, coalesce(s.created_at, $3), coalesce(s.changed_at, s.created_at, $3),
      s.zh_masked, s.en_masked, ${keyHash}, s.zh_codes, s.en_codes, s.meta`;
}

/** Stores a staged unit whose hash another key holds, under the first free probed hash. 1 if stored. */
async function storeCollided(client: PgClient, id: number, key: string, params: unknown[]): Promise<number> {
  for (let probe = 1; ; probe++) {
    const keyHash = hashKey(`${key}\u0000${probe}`);
    const held = await client.query<{ zh: string; en: string }>(
      'SELECT zh, en FROM bitext.tm_units WHERE key_hash = $1',
      [keyHash],
    );
    if (held.rows.length > 0) {
      if (unitKey(held.rows[0]!.zh, held.rows[0]!.en) === key) return 0;
      continue;
    }
    await client.query(`${insertStaged('$5')} FROM bitext_staging s WHERE s.id = $4`, [
      ...params,
      id,
      keyHash,
    ]);
    return 1;
  }
}

/**
 * Deletes a document and its units inside the caller's transaction, and takes their index keys
 * (computed again from the text, as the import computed them) off the document frequencies. Their
 * ids stay in the posting blocks (rewriting the blocks of every common key a document touches would
 * cost more than the delete); reads skip ids whose rows are gone. Returns the units deleted, or null
 * when there is no such document.
 */
async function deleteDocumentRows(client: PgClient, id: number): Promise<number | null> {
  const document = await client.query('SELECT 1 FROM bitext.tm_documents WHERE id = $1 FOR UPDATE', [id]);
  if (document.rows.length === 0) return null;
  const { rows } = await client.query<{ zh: string; en: string }>(
    'DELETE FROM bitext.tm_units WHERE document_id = $1 RETURNING zh, en',
    [id],
  );
  const terms = new StoredUnitTerms();
  const held = new Map<string, number>();
  for (const { zh, en } of rows)
    for (const key of countedKeys(terms.of(zh, en))) held.set(key, (held.get(key) ?? 0) + 1);
  const keys = [...held.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  await client.query(
    `UPDATE bitext.tm_term_units t SET units = t.units - c.n
     FROM unnest($1::text[], $2::bigint[]) AS c(k, n) WHERE t.key = c.k`,
    [keys, keys.map((k) => held.get(k)!)],
  );
  await client.query('DELETE FROM bitext.tm_documents WHERE id = $1', [id]);
  return rows.length;
}
