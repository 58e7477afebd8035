import type { QaPair } from '../core/qa/index.js';
import { extractTerms, type TermEntry, type TermPair, type TermStatus } from '../core/terms/index.js';
import { termPairsToEntries } from '../formats/terms-csv.js';
import type { TermbaseAddResult, TermbaseFilter, TermbaseStore } from '../store/termbase.js';
import type { TmStore } from '../store/tm-store.js';
import type { UseCaseOptions } from './use-case.js';

export interface ExtractOptions extends UseCaseOptions {
  minScore?: number;
  /** Keep only the n best pairs. */
  top?: number;
}

/** Term pairs of aligned pairs, best first: `bitext terms`. */
export function extractTermPairs(pairs: readonly QaPair[], options: ExtractOptions = {}): TermPair[] {
  options.signal?.throwIfAborted();
  options.onProgress?.({ phase: 'extract', done: 0, total: pairs.length, unit: 'pairs' });
  const extracted = extractTerms(pairs, { minScore: options.minScore });
  options.onProgress?.({ phase: 'extract', done: pairs.length, total: pairs.length, unit: 'pairs' });
  return options.top === undefined ? extracted : extracted.slice(0, Math.floor(options.top));
}

/** Every unit of the TM as a pair: what `terms` extracts from when given no documents. */
export async function tmPairs(tm: TmStore, options: UseCaseOptions = {}): Promise<QaPair[]> {
  const pairs: QaPair[] = [];
  for await (const unit of tm.units()) {
    if (pairs.length % 10_000 === 0) options.signal?.throwIfAborted();
    pairs.push({ zh: unit.zh, en: unit.en });
  }
  return pairs;
}

/** Stores extracted pairs in the termbase as `admitted` entries from `source` (`terms --save`). */
export function saveTermPairs(
  termbase: TermbaseStore,
  pairs: readonly TermPair[],
  source: string,
): Promise<TermbaseAddResult> {
  return termbase.add(termPairsToEntries(pairs, `extracted:${source}`));
}

export interface ImportTermsOptions {
  /** Status for entries whose file names none. */
  status?: TermStatus;
  /** Where the entries came from, for those that do not say. */
  source: string;
}

/** Adds a termbase file's entries to the termbase, in one transaction: `terms import`. */
export function importTermEntries(
  termbase: TermbaseStore,
  entries: readonly TermEntry[],
  options: ImportTermsOptions,
): Promise<TermbaseAddResult> {
  return termbase.add(
    entries.map((e) => ({
      ...e,
      // A table without a status column gives 'preferred'; TBX always says.
      ...(options.status && e.status === 'preferred' ? { status: options.status } : {}),
      source: e.source ?? options.source,
    })),
  );
}

/** The termbase's entries without their storage fields: `terms list`, and what QA enforces. */
export async function listTermEntries(
  termbase: TermbaseStore,
  filter: TermbaseFilter = {},
): Promise<TermEntry[]> {
  return (await termbase.list(filter)).map(({ id: _id, createdAt: _at, ...entry }) => entry);
}
