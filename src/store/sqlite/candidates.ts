import type { Lang } from '../../core/types.js';
import {
  CANDIDATES,
  type PlanOptions,
  planCandidates,
  queryKeys,
  topByWeight,
} from '../index-terms/candidate-plan.js';
import { quoteTerm, sameMaskedTerm, termOfFtsKey } from '../index-terms/term-index.js';
import type { SqliteDatabase } from './database.js';

/**
 * Finds the units worth scoring for a lookup through the term index (tm_terms, tm_term_units) and the
 * masked-side hashes, never by scanning the TM. Which posting lists are read is planCandidates'
 * choice, shared with the PostgreSQL backend.
 */
export class CandidateFinder {
  private readonly statements;
  private weights = new Float64Array(0);
  /** Budget and refining terms of the plan (candidate-plan.ts); settable for tuning runs. */
  readonly plan: PlanOptions = {};

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

  /** Candidate ids: the units equal to the query but for numbers, then planCandidates' reads. */
  find(normalizedQuery: string, lang: Lang): number[] {
    const sameMasked = this.statements.firstPostings.all(
      quoteTerm(sameMaskedTerm(normalizedQuery, lang)),
      CANDIDATES,
    );
    const fuzzy = this.fuzzyCandidates(normalizedQuery, lang);
    return [...new Set([...sameMasked, ...fuzzy])];
  }

  private fuzzyCandidates(normalizedQuery: string, lang: Lang): number[] {
    const unitsHolding = new Map<string, number>();
    for (const key of queryKeys(normalizedQuery, lang)) {
      const { lang: side, term } = termOfFtsKey(key);
      unitsHolding.set(key, this.statements.termUnits.get(side, term)?.units ?? 0);
    }
    const total = this.maxUnitId() ?? 0;
    const { reads, refining } = planCandidates(normalizedQuery, lang, unitsHolding, total, this.plan);
    if (reads.length === 0) return [];
    // Weights live in a typed array indexed by unit id, reused across lookups: ~20x faster than a Map
    // for tens of thousands of postings. `touched` lists the ids to rank and then reset.
    if (this.weights.length <= total)
      this.weights = new Float64Array(Math.max(total + 1, this.weights.length * 2));
    const weights = this.weights;
    const touched: number[] = [];
    const postings = (keys: string[]) => this.statements.postings.all(keys.map(quoteTerm).join(' AND '));
    for (const { keys, weight } of reads) {
      for (const id of postings(keys)) {
        if (weights[id] === 0) touched.push(id);
        weights[id]! += weight;
      }
    }
    // Refining only re-ranks: with no more units than candidates, every one goes to scoring anyway.
    // FTS5 seeks through the long common list inside the AND instead of reading it.
    if (touched.length > CANDIDATES) {
      for (const { keys, weight } of refining) for (const id of postings(keys)) weights[id]! += weight;
    }
    const top = topByWeight(touched, weights, CANDIDATES);
    for (const id of touched) weights[id] = 0;
    return top;
  }
}
