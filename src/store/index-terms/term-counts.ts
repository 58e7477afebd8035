import { indexTerms, scanChineseTerms } from '../../core/fuzzy/grams.js';
import { normalizeSegment } from '../../core/fuzzy/normalize.js';
import type { Lang } from '../../core/types.js';
import { ftsTerm, sameMaskedTerm } from './term-index.js';

interface TermCount {
  lang: Lang;
  term: string;
  /** The term as written in the FTS5 table (ftsTerm). */
  key: string;
  /** Units holding the term since the counts were last written. */
  units: number;
  /** The last unit that counted it: a unit's repeats of a term count once. */
  lastUnit: number;
}

/**
 * An import's index terms: builds each unit's FTS5 document (its distinct terms, as storedTerms gives
 * them) and sums how many units hold each term, for tm_term_units. One map lookup per term does both
 * the per-unit dedupe and the count; a Set per unit and a second pass to count were 13% of the import
 * CPU on the 100k-unit synthetic TMX.
 */
export class TermCounts {
  // Keyed by the bare term, one map per side: looking up a fresh ftsTerm concatenation instead cost
  // a string flatten per term.
  private readonly zh = new Map<string, TermCount>();
  /** Han bigrams and lone Han characters of the Chinese side, by code units (see visitChinese). */
  private readonly han = new Map<number, TermCount>();
  private readonly en = new Map<string, TermCount>();
  private unit = 0;
  /** The current unit's terms, reused: one join per unit instead of a concatenation per term. */
  private readonly out: string[] = [];

  get size(): number {
    return this.zh.size + this.han.size + this.en.size;
  }

  /** The FTS5 document of a new unit: both masked-side hashes, then its distinct terms; counts them. */
  document(zhNormal: string, enNormal: string): string {
    const unit = ++this.unit;
    const out = this.out;
    out.length = 0;
    out.push(sameMaskedTerm(zhNormal, 'zh'), sameMaskedTerm(enNormal, 'en'));
    this.text = zhNormal;
    if (!scanChineseTerms(zhNormal, this.visitChinese))
      this.count(this.zh, indexTerms(zhNormal, 'zh'), 'zh', unit);
    this.count(this.en, indexTerms(enNormal, 'en'), 'en', unit);
    return out.join(' ');
  }

  /** The Chinese side of the current unit (`unit`), for visitChinese. */
  private text = '';
  /**
   * Counts one Chinese term span of `text`. Han terms (bigrams, lone characters) are keyed by their
   * code units as a number, so the common case builds no string and hashes no string: the string
   * map lookups were the largest part of the import worker's time.
   */
  private readonly visitChinese = (start: number, end: number, han: boolean): void => {
    const text = this.text;
    const unit = this.unit;
    let count: TermCount | undefined;
    let code = 0;
    let term: string | undefined;
    if (han) {
      code =
        end - start === 2
          ? text.charCodeAt(start) * 0x10000 + text.charCodeAt(start + 1)
          : text.charCodeAt(start);
      count = this.han.get(code);
    } else {
      term = text.slice(start, end);
      count = this.zh.get(term);
    }
    if (count === undefined) {
      term ??= text.slice(start, end);
      count = { lang: 'zh', term, key: ftsTerm(term, 'zh'), units: 1, lastUnit: unit };
      if (han) this.han.set(code, count);
      else this.zh.set(term, count);
      this.out.push(count.key);
    } else if (count.lastUnit !== unit) {
      count.units++;
      count.lastUnit = unit;
      this.out.push(count.key);
    }
  };

  private count(counts: Map<string, TermCount>, terms: string[], lang: Lang, unit: number): void {
    const out = this.out;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      const count = counts.get(term);
      if (count === undefined) {
        const key = ftsTerm(term, lang);
        counts.set(term, { lang, term, key, units: 1, lastUnit: unit });
        out.push(key);
      } else if (count.lastUnit !== unit) {
        count.units++;
        count.lastUnit = unit;
        out.push(count.key);
      }
    }
  }

  /** Hands out the counts summed so far and forgets them. */
  *drain(): Generator<TermCount> {
    for (const counts of [this.zh, this.han, this.en] as Map<unknown, TermCount>[]) {
      yield* counts.values();
      counts.clear();
    }
  }
}

/** Units after which StoredUnitTerms starts a fresh TermCounts (whose maps only grow). */
const UNITS_PER_COUNTER = 100_000;

/**
 * The index document of a stored unit's text, exactly as its import wrote it (TermCounts.document of
 * the normalised sides): what deleting a unit and rebuilding the index need. Only the documents are
 * wanted, not the counts, so the TermCounts behind them is replaced now and then to bound its memory;
 * a unit's document does not depend on the units before it.
 */
export class StoredUnitTerms {
  private counts = new TermCounts();
  private units = 0;

  of(zh: string, en: string): string {
    if (++this.units % UNITS_PER_COUNTER === 0) this.counts = new TermCounts();
    return this.counts.document(normalizeSegment(zh, 'zh'), normalizeSegment(en, 'en'));
  }
}

/**
 * The keys of an index document that document frequencies count: all but the two masked-side hashes
 * that lead it, which are nearly one per unit and are looked up by equality, never ranked.
 */
export function countedKeys(document: string): string[] {
  return document.split(' ').slice(2);
}
