import type { Lang } from '../../core/types.js';
import { ftsTerm, storedTerms } from './term-index.js';

/**
 * Candidate retrieval reads at most about this many postings (units holding a chosen term) per
 * lookup, which bounds its time at any TM size. Tuned with REFINING_TERMS on the 1M-unit synthetic TM
 * of bench/tm-bench.ts (SQLite; budget:refining → zh/en recall of perturbed stored sentences, median
 * ms): 4000:0 → 85%/48%, 3.9/5.3; 6000:4 → 99.6%/97.5%, 7.0/9.2; 12000:8 → 99.6%/97.9%, 12.7/17.9.
 */
export const POSTING_BUDGET = 6_000;
/** Terms looked up even past the budget, so a query of common words still finds something. */
const MIN_TERMS = 1;
/** Common terms used to rank units that tie on the rare ones (see planCandidates). */
export const REFINING_TERMS = 4;
/** How many candidates the index hands to exact scoring. */
export const CANDIDATES = 100;

/** One posting-list read of a plan: the units holding every key of `keys` each gain `weight`. */
export interface PostingRead {
  /** Index keys (ftsTerm) a unit must all hold. */
  keys: string[];
  weight: number;
}

export interface CandidatePlan {
  /** The rare terms, read in full: every unit on them is a candidate. */
  reads: PostingRead[];
  /**
   * The next common terms, each intersected with the rarest term: they only re-rank units that tie
   * on the rare ones, so a backend may skip them when the reads touched at most CANDIDATES units.
   */
  refining: PostingRead[];
}

export interface PlanOptions {
  /** See POSTING_BUDGET; settable for tuning runs. */
  postingBudget?: number;
  /** See REFINING_TERMS; settable for tuning runs. */
  refiningTerms?: number;
}

/**
 * Which posting lists a fuzzy lookup reads, the same for every backend. The query's distinct terms
 * are taken rarest first (by `unitsHolding`, the document frequency of each index key) until their
 * posting lists together pass the budget, so the work per lookup is bounded whatever the TM size.
 * Each unit on those lists gains the term's inverse document frequency, log(1 + N/df) (Spärck Jones
 * 1972), so units sharing many rare terms with the query come first. The budget leaves the common
 * terms out, so units sharing the same rare terms tie; the refining reads break the ties with the
 * next common terms, each intersected with the rarest term's units (cost ~ the rarest term's df).
 * `total` stands in for the unit count (the largest unit id: count(*) would walk the table).
 */
export function planCandidates(
  normalizedQuery: string,
  lang: Lang,
  unitsHolding: ReadonlyMap<string, number>,
  total: number,
  options: PlanOptions = {},
): CandidatePlan {
  const budget = options.postingBudget ?? POSTING_BUDGET;
  const withFrequency = queryKeys(normalizedQuery, lang)
    .map((key) => ({ key, units: unitsHolding.get(key) ?? 0 }))
    .filter((t) => t.units > 0)
    .sort((a, b) => a.units - b.units);
  const idf = (units: number) => Math.log(1 + total / units);
  const reads: PostingRead[] = [];
  let read = 0;
  let used = 0;
  for (; used < withFrequency.length; used++) {
    const { key, units } = withFrequency[used]!;
    if (used >= MIN_TERMS && read + units > budget) break;
    reads.push({ keys: [key], weight: idf(units) });
    read += units;
  }
  const rarest = withFrequency[0]?.key;
  const refining = withFrequency
    .slice(used, used + (options.refiningTerms ?? REFINING_TERMS))
    .map(({ key, units }) => ({ keys: [key, rarest!], weight: idf(units) }));
  return { reads, refining };
}

/** The index keys (ftsTerm) a query's distinct terms are stored under: what to ask frequencies of. */
export function queryKeys(normalizedQuery: string, lang: Lang): string[] {
  return [...storedTerms(normalizedQuery, lang)].map((term) => ftsTerm(term, lang));
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
