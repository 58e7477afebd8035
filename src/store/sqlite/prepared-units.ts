import { normalizeSegment, unitKeyOf } from '../../core/fuzzy/normalize.js';
import type { Lang, Script } from '../../core/types.js';
import { canonicalEnTag, canonicalZhTag } from '../lang-tags.js';
import type { TmUnitInput } from '../tm-store.js';
import { TermCounts } from './term-counts.js';
import { hashKey } from './term-index.js';

/**
 * Units made ready for insertion: trimmed, tagged, keyed and with their FTS5 document, everything the
 * import does before SQLite. Column arrays rather than one object per unit, because batches cross
 * from the import worker to the main thread by structured clone, which copies arrays of strings and
 * numbers faster than objects (whose property names are written again for every unit).
 */
export interface PreparedBatch {
  /** Units read from the input for this batch, skipped ones included. */
  read: number;
  /** Units with an empty side: counted, not prepared. */
  skipped: number;
  zh: string[];
  en: string[];
  zhLang: string[];
  enLang: string[];
  script: Script[];
  /** hashKey of the unit's key (probe 0; the store probes further on a collision). */
  keyHash: number[];
  /** The FTS5 document: masked-side hashes, then the distinct index terms (TermCounts.document). */
  terms: string[];
  /** The document a unit names (TMX `x-document`); null: the file being imported. */
  document: (string | null)[];
  position: (number | null)[];
  confidence: (number | null)[];
  /** ISO times; null: the import's time (createdAt), the creation time (changedAt). */
  createdAt: (string | null)[];
  changedAt: (string | null)[];
  /**
   * Document frequencies summed over the units prepared so far, handed over when the in-memory map
   * grows large and with the last batch. They count every prepared unit, duplicates included: the
   * store subtracts the duplicates it finds.
   */
  termUnits: { lang: Lang[]; term: string[]; units: number[] };
}

/**
 * Distinct terms whose unit counts an import keeps in memory before handing them over (~100 bytes
 * each, so about 20 MB at most); a TM's vocabulary of bigrams and words is mostly far smaller.
 */
const TERM_COUNTS_IN_MEMORY = 200_000;

function emptyBatch(): PreparedBatch {
  return {
    read: 0,
    skipped: 0,
    zh: [],
    en: [],
    zhLang: [],
    enLang: [],
    script: [],
    keyHash: [],
    terms: [],
    document: [],
    position: [],
    confidence: [],
    createdAt: [],
    changedAt: [],
    termUnits: { lang: [], term: [], units: [] },
  };
}

/** Prepares units one by one into batches (in the import worker, or in-thread for small inputs). */
export class UnitPreparer {
  private readonly termCounts = new TermCounts();
  private batch = emptyBatch();

  /** Units read into the current batch. */
  get size(): number {
    return this.batch.read;
  }

  add(unit: TmUnitInput): void {
    const batch = this.batch;
    batch.read++;
    const zh = unit.zh.trim();
    const en = unit.en.trim();
    if (!zh || !en) {
      batch.skipped++;
      return;
    }
    const { tag: zhLang, script } = canonicalZhTag(unit.zhLang, zh);
    const zhNormal = normalizeSegment(zh, 'zh');
    const enNormal = normalizeSegment(en, 'en');
    batch.zh.push(zh);
    batch.en.push(en);
    batch.zhLang.push(zhLang);
    batch.enLang.push(canonicalEnTag(unit.enLang));
    batch.script.push(script);
    batch.keyHash.push(hashKey(unitKeyOf(zhNormal, enNormal, script)));
    batch.terms.push(this.termCounts.document(zhNormal, enNormal));
    batch.document.push(unit.document ?? null);
    batch.position.push(unit.position ?? null);
    batch.confidence.push(unit.confidence ?? null);
    batch.createdAt.push(unit.createdAt?.toISOString() ?? null);
    batch.changedAt.push(unit.changedAt?.toISOString() ?? null);
  }

  /** The batch so far; its term counts too when there are many of them or `last`. */
  take(last: boolean): PreparedBatch {
    const batch = this.batch;
    this.batch = emptyBatch();
    if (last || this.termCounts.size > TERM_COUNTS_IN_MEMORY) {
      const out = batch.termUnits;
      for (const { lang, term, units } of this.termCounts.drain()) {
        out.lang.push(lang);
        out.term.push(term);
        out.units.push(units);
      }
    }
    return batch;
  }
}

/** Prepares an input of units in batches of `size` in this thread (what the import worker does). */
export async function* prepareUnits(
  units: AsyncIterable<TmUnitInput> | Iterable<TmUnitInput>,
  size: number,
): AsyncGenerator<PreparedBatch> {
  const preparer = new UnitPreparer();
  for await (const unit of units) {
    preparer.add(unit);
    if (preparer.size >= size) yield preparer.take(false);
  }
  yield preparer.take(true);
}
