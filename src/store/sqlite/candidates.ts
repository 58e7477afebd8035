import type { Lang } from '../../core/types.js';
import { ftsTerm, quoteTerm, sameMaskedTerm, storedTerms } from '../index-terms/term-index.js';
import type { SqliteDatabase } from './database.js';

/**
 * Candidate retrieval reads at most about this many postings (units holding a chosen term) per
 * lookup, which bounds its time at any TM size. Tuned with REFINING_TERMS on the 1M-unit synthetic TM
 * of bench/tm-bench.ts (budget:refining → zh/en recall of perturbed stored sentences, median ms):
 * 4000:0 → 85%/48%, 3.9/5.3; 6000:4 → 99.6%/97.5%, 7.0/9.2; 12000:8 → 99.6%/97.9%, 12.7/17.9.
 */
const POSTING_BUDGET = 6_000;
/** Terms looked up even past the budget, so a query of common words still finds something. */
const MIN_TERMS = 1;
/** Common terms used to rank units that tie on the rare ones (see fuzzyCandidates). */
const REFINING_TERMS = 4;
/** How many candidates the index hands to exact scoring. */
const CANDIDATES = 100;

/**
 * Finds the units worth scoring for a lookup through the term index (tm_terms, tm_term_units) and the
 * masked-side hashes, never by scanning the TM.
 */
export class CandidateFinder {
  private readonly statements;
  private weights = new Float64Array(0);
  /** See POSTING_BUDGET; settable for tuning runs. */
  postingBudget = POSTING_BUDGET;
  /** See REFINING_TERMS; settable for tuning runs. */
  refiningTerms = REFINING_TERMS;

  constructor(db: SqliteDatabase) {
    this.statements = {
      termUnits: db.prepare<[string, string], { units: number }>(
        'SELECT units FROM tm_term_units WHERE lang = ? AND term = ?',
      ),
      postings: db.prepare<[string], number>('SELECT rowid FROM tm_terms WHERE tm_terms MATCH ?').pluck(),
      firstPostings: db
        .prepare<[string, number], number>('SELECT rowid FROM tm_terms WHERE tm_terms MATCH ? LIMIT ?')
        .pluck(),
      maxUnitId: db.prepare<[], number>('SELECT max(id) FROM tm_units').pluck(),
    };
  }

  /** The largest unit id (the unit count, but for deleted units), without counting. */
  maxUnitId(): number | null {
    return this.statements.maxUnitId.get() ?? null;
  }

  /**
   * Candidate ids from the n-gram index, never by scanning the TM. The query's distinct terms are
   * taken rarest first (document frequencies from tm_term_units) until their posting lists together
   * pass POSTING_BUDGET units, so the work per lookup is bounded whatever the TM size. Each unit on
   * those lists gains the term's inverse document frequency, log(N/df) (Spärck Jones 1972), so units
   * sharing many rare terms with the query come first; the top CANDIDATES go to exact scoring.
   */
  find(normalizedQuery: string, lang: Lang): number[] {
    const sameMasked = this.statements.firstPostings.all(
      quoteTerm(sameMaskedTerm(normalizedQuery, lang)),
      CANDIDATES,
    );
    const fuzzy = this.fuzzyCandidates(normalizedQuery, lang);
    return [...new Set([...sameMasked, ...fuzzy])];
  }

  private fuzzyCandidates(normalizedQuery: string, lang: Lang): number[] {
    const terms = [...storedTerms(normalizedQuery, lang)];
    const withFrequency = terms
      .map((term) => ({ term, units: this.statements.termUnits.get(lang, term)?.units ?? 0 }))
      .filter((t) => t.units > 0)
      .sort((a, b) => a.units - b.units);
    if (withFrequency.length === 0) return [];
    const postings = this.statements.postings;
    // Weights live in a typed array indexed by unit id, reused across lookups: ~20x faster than a Map
    // for tens of thousands of postings. `touched` lists the ids to rank and then reset. The largest
    // id stands in for the unit count in the idf (count(*) would walk the whole table).
    const total = this.maxUnitId() ?? 0;
    if (this.weights.length <= total)
      this.weights = new Float64Array(Math.max(total + 1, this.weights.length * 2));
    const weights = this.weights;
    const touched: number[] = [];
    let read = 0;
    let used = 0;
    for (; used < withFrequency.length; used++) {
      const { term, units } = withFrequency[used]!;
      if (used >= MIN_TERMS && read + units > this.postingBudget) break;
      const idf = Math.log(1 + total / units);
      for (const id of postings.all(quoteTerm(ftsTerm(term, lang)))) {
        if (weights[id] === 0) touched.push(id);
        weights[id]! += idf;
      }
      read += units;
    }
    // The budget leaves the common terms out, so units sharing the same rare terms tie. Break the ties
    // with the next common terms, each intersected with the rarest term's units inside FTS5 (which
    // seeks through the long list instead of reading it): cost ~ the rarest term's frequency.
    if (touched.length > CANDIDATES) {
      const rarest = quoteTerm(ftsTerm(withFrequency[0]!.term, lang));
      for (const { term, units } of withFrequency.slice(used, used + this.refiningTerms)) {
        const idf = Math.log(1 + total / units);
        for (const id of postings.all(`${quoteTerm(ftsTerm(term, lang))} AND ${rarest}`)) weights[id]! += idf;
      }
    }
    const top = topByWeight(touched, weights, CANDIDATES);
    for (const id of touched) weights[id] = 0;
    return top;
  }
}

/**
 * The `count` ids of greatest weight, ties to the lower id: the first `count` of `ids` sorted by weight
 * descending then id, without sorting them all (a typed-array sort of the weights finds the cut-off;
 * sorting thousands of ids by a comparator was ~6% of a lookup). In no particular order.
 */
export function topByWeight(ids: number[], weights: Float64Array, count: number): number[] {
  if (ids.length <= count) return ids.slice();
  const sorted = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) sorted[i] = weights[ids[i]!]!;
  sorted.sort();
  const cutoff = sorted[ids.length - count]!;
  const top: number[] = [];
  const atCutoff: number[] = [];
  for (const id of ids) {
    const weight = weights[id]!;
    if (weight > cutoff) top.push(id);
    else if (weight === cutoff) atCutoff.push(id);
  }
  atCutoff.sort((a, b) => a - b);
  for (let i = 0; top.length < count; i++) top.push(atCutoff[i]!);
  return top;
}
