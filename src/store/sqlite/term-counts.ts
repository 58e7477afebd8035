import { indexTerms } from '../../core/fuzzy/grams.js';
import type { Lang } from '../../core/types.js';
import { ENGLISH_STOPWORDS, ftsTerm, sameMaskedTerm } from './term-index.js';

interface TermCount {
  lang: Lang;
  term: string;
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
  private readonly counts = new Map<string, TermCount>();
  private unit = 0;

  get size(): number {
    return this.counts.size;
  }

  /** The FTS5 document of a new unit: both masked-side hashes, then its distinct terms; counts them. */
  document(zhNormal: string, enNormal: string): string {
    const unit = ++this.unit;
    let out = `${sameMaskedTerm(zhNormal, 'zh')} ${sameMaskedTerm(enNormal, 'en')}`;
    for (const lang of ['zh', 'en'] as const) {
      for (const term of indexTerms(lang === 'zh' ? zhNormal : enNormal, lang)) {
        if (lang === 'en' && ENGLISH_STOPWORDS.has(term)) continue;
        const key = ftsTerm(term, lang);
        const count = this.counts.get(key);
        if (count === undefined) this.counts.set(key, { lang, term, units: 1, lastUnit: unit });
        else if (count.lastUnit !== unit) {
          count.units++;
          count.lastUnit = unit;
        } else continue;
        out += ` ${key}`;
      }
    }
    return out;
  }

  /** Hands out the counts summed so far and forgets them. */
  *drain(): Generator<TermCount> {
    yield* this.counts.values();
    this.counts.clear();
  }
}
