import type { NumberDifference } from '../core/fuzzy/numbers.js';
import type { Lang, Script } from '../core/types.js';
import type { InlineCode, UnitMeta } from '../formats/inline-codes.js';
import type { ImportedUnit } from '../formats/tmx-read.js';

/** A unit on its way into the TM (from an aligned document or an imported file): one shape for both. */
export type TmUnitInput = ImportedUnit;

/** A unit as stored. */
export interface TmUnit {
  id: number;
  zh: string;
  en: string;
  zhLang: string;
  enLang: string;
  zhScript: Script;
  document: string | null;
  position: number | null;
  confidence: number | null;
  createdAt: string;
  changedAt: string;
  /** Inline codes at offsets of each side's text (from TMX or XLIFF, in TMX's model), as imported; absent when none. */
  zhCodes?: InlineCode[];
  enCodes?: InlineCode[];
  /** A TMX unit's ids, dates as given, props and notes, an XLIFF unit's notes; absent when none. */
  meta?: UnitMeta;
}

/** The file a batch of units comes from; identified by the hash of its bytes (documentHash). */
export interface TmDocumentInput {
  /** The path as the user gave it (or the name an imported unit gives). */
  name: string;
  contentHash: string;
  /** How it came in: `aligned` (tm add), `tmx`, `tsv`, `xliff`. */
  kind: string;
}

export interface TmAddResult {
  /** Units read from the input. */
  read: number;
  /** New units stored. */
  added: number;
  /** Units already in the TM (same normalised key), counted and not stored again. */
  duplicates: number;
  /** Units with an empty side, not stored. */
  skipped: number;
  /** True when a document with this content hash was already in the TM: nothing was read. */
  alreadyPresent: boolean;
  /** Units of earlier versions of the document (same name, other content) removed by `replace`. */
  replaced: number;
}

/** A document as stored: what `tm documents` lists. */
export interface TmDocument {
  id: number;
  name: string;
  /** How it came in: `aligned` (tm add), `tmx`, `tsv`, `xliff`; `referenced` for one only named by units. */
  kind: string;
  /** sha256 of the document's bytes (documentHash); null for a referenced document. */
  contentHash: string | null;
  /** Units stored from it (duplicates of other documents' units are not counted). */
  units: number;
  addedAt: string;
}

export interface TmAddOptions {
  /** Called after each committed-in-transaction batch with the units read so far. */
  onProgress?: (read: number) => void;
  /** Stops the import between batches; the TM stays as it was (the error is the signal's reason). */
  signal?: AbortSignal;
  /**
   * A new version of a document: documents with the same name and another hash are deleted, with
   * their units, in the same transaction as the new one is added.
   */
  replace?: boolean;
  /** `now` for created/changed times (tests). */
  now?: Date;
}

export interface TmMatch {
  /** CAT-style match percentage 0–100. */
  score: number;
  /** Numbers of the query that the match has differently. */
  numbers: NumberDifference[];
  unit: TmUnit;
}

export interface TmLookupOptions {
  /** Language of the query; detected from the text when absent. */
  lang?: Lang;
  /** Lowest score returned (default 70). */
  min?: number;
  /** At most this many matches (default 5). */
  limit?: number;
}

export interface TmConcordanceHit {
  unit: TmUnit;
  /** Side the term was found on. */
  lang: Lang;
  /** UTF-16 span of the hit in that side's text. */
  start: number;
  end: number;
}

export interface TmSearchOptions {
  lang?: Lang;
  limit?: number;
}

export interface TmUnitFilter {
  /** A document reference: numeric id, or the name as stored (see TmStore.findDocuments). */
  document?: string;
  /** Units created at or after / before this instant. */
  since?: Date;
  until?: Date;
  minConfidence?: number;
}

export interface TmStats {
  units: number;
  documents: number;
  /** Units by Chinese language tag and by English language tag. */
  languages: { zh: Record<string, number>; en: Record<string, number> };
  scripts: Record<Script, number>;
  /** Size of the store in bytes (database file with its WAL), when the backend knows it. */
  bytes: number | null;
  schemaVersion: number;
}

/**
 * The translation memory. Callers (the application layer in src/app, benchmarks) only see this; the
 * backends live in `sqlite/` and `postgres/`, chosen by openStore (open-store.ts), and pass the same
 * contract suite (tm-store.contract.ts). Safe for concurrent callers: writes are serialised per store
 * and no reader sees another caller's uncommitted work.
 */
export interface TmStore {
  /**
   * Stores the units of one document, all or nothing: if reading `units` throws (malformed input) or
   * the process dies, the TM is as it was before. A document whose hash is already present is skipped.
   */
  addDocument(
    document: TmDocumentInput,
    units: AsyncIterable<TmUnitInput> | Iterable<TmUnitInput>,
    options?: TmAddOptions,
  ): Promise<TmAddResult>;
  /** Fuzzy matches for a segment, best first. */
  lookup(query: string, options?: TmLookupOptions): Promise<TmMatch[]>;
  /** Concordance: units whose zh or en side contains `term` (after normalisation). */
  search(term: string, options?: TmSearchOptions): Promise<TmConcordanceHit[]>;
  /** Every unit that passes the filter, in id order, streamed. */
  units(filter?: TmUnitFilter): AsyncIterable<TmUnit>;
  /** Every document, in id order. */
  documents(): Promise<TmDocument[]>;
  /**
   * Documents a user's reference names: the numeric id, else the name as stored, else (when that
   * matches nothing) the names whose last path segment is `ref`. Empty when none.
   */
  findDocuments(ref: string): Promise<TmDocument[]>;
  /** Deletes one document and its units, in one transaction; false when there is no such id. */
  deleteDocument(id: number): Promise<boolean>;
  stats(): Promise<TmStats>;
  close(): Promise<void>;
}
