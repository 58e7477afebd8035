import { detectLang } from '../core/fuzzy/detect-lang.js';
import { normalizeSegment } from '../core/fuzzy/normalize.js';
import { matchScorer, scoreMatch } from '../core/fuzzy/score.js';
import type { Lang } from '../core/types.js';
import { findTerm } from './concordance.js';
import { ftsTerm, storedTerms } from './index-terms/term-index.js';
import type {
  TmConcordanceHit,
  TmDocument,
  TmLookupOptions,
  TmMatch,
  TmSearchOptions,
  TmUnit,
} from './tm-store.js';

// The backend-neutral halves of lookup and concordance: a backend finds candidate units through its
// index, these decide what the caller gets, so both backends answer the same.

/** A lookup's query, normalised once, with the defaults applied. */
export function lookupQuery(query: string, options: TmLookupOptions) {
  const lang = options.lang ?? detectLang(query);
  return {
    lang,
    normal: normalizeSegment(query, lang),
    min: options.min ?? 70,
    limit: options.limit ?? 5,
  };
}

/** Scores candidate units against the query: those at `min` or above, best first, at most `limit`. */
export function rankMatches(
  normal: string,
  lang: Lang,
  candidates: Iterable<TmUnit>,
  min: number,
  limit: number,
): TmMatch[] {
  const matches: TmMatch[] = [];
  const scorer = matchScorer(normal, lang);
  for (const unit of candidates) {
    const match = scorer(normalizeSegment(lang === 'zh' ? unit.zh : unit.en, lang), min);
    if (match && match.score >= min) matches.push({ ...match, unit });
  }
  matches.sort((a, b) => b.score - a.score || a.unit.id - b.unit.id);
  return matches.slice(0, limit);
}

/**
 * Every unit scored against the query, one by one: the full scan that benchmarks measure the index
 * against (bench/tm-bench.ts); lookup never uses it.
 */
export async function* scanMatches(
  query: string,
  lang: Lang,
  units: AsyncIterable<TmUnit> | Iterable<TmUnit>,
  min = 70,
): AsyncGenerator<TmMatch> {
  const normal = normalizeSegment(query, lang);
  for await (const unit of units) {
    const { score, numbers } = scoreMatch(
      normal,
      normalizeSegment(lang === 'zh' ? unit.zh : unit.en, lang),
      lang,
    );
    if (score >= min) yield { score, numbers, unit };
  }
}

/** The sides a concordance search looks at, in order: the term's own language first. */
export function concordanceSides(term: string, options: TmSearchOptions): Lang[] {
  if (options.lang) return [options.lang];
  const own = detectLang(term);
  return [own, own === 'zh' ? 'en' : 'zh'];
}

/**
 * The index keys a unit must hold to contain `term` on the `lang` side. A lone Han character is
 * indexed only where it stands alone (elsewhere it hides inside bigrams), so it is left out. For
 * English, `prefix` is the key of the last word, which may be cut mid-word ("friendly cont"): it is
 * matched as a prefix, not as a whole key. Empty `keys` and no prefix: only a scan can answer.
 */
export function concordanceKeys(term: string, lang: Lang): { keys: string[]; prefix?: string } {
  const keys = [...storedTerms(normalizeSegment(term, lang), lang)]
    .filter((t) => !/^\p{Script=Han}$/u.test(t))
    .map((t) => ftsTerm(t, lang));
  if (lang === 'en' && keys.length > 0) return { keys: keys.slice(0, -1), prefix: keys[keys.length - 1]! };
  return { keys };
}

/**
 * Concordance hits from candidate units of each side (in id order), checked with findTerm: the first
 * `limit` units that really hold the term, each once. `candidatesOf` may yield false candidates.
 */
export async function collectHits(
  term: string,
  options: TmSearchOptions,
  candidatesOf: (lang: Lang) => AsyncIterable<TmUnit> | Iterable<TmUnit>,
): Promise<TmConcordanceHit[]> {
  const limit = options.limit ?? 20;
  if (!term.trim()) return [];
  const hits: TmConcordanceHit[] = [];
  const seen = new Set<number>();
  for (const lang of concordanceSides(term, options)) {
    for await (const unit of candidatesOf(lang)) {
      if (hits.length >= limit) return hits;
      if (seen.has(unit.id)) continue;
      const span = findTerm(lang === 'zh' ? unit.zh : unit.en, term, lang);
      if (!span) continue;
      seen.add(unit.id);
      hits.push({ unit, lang, ...span });
    }
  }
  return hits;
}

/** A unit row joined with its document's name, as both backends select it. */
export interface UnitRow {
  id: number;
  zh: string;
  en: string;
  zh_lang: string;
  en_lang: string;
  zh_script: 'simplified' | 'traditional';
  document: string | null;
  position: number | null;
  confidence: number | null;
  created_at: string | Date;
  changed_at: string | Date;
  zh_codes: string | null;
  en_codes: string | null;
  meta: string | null;
}

export function toUnit(row: UnitRow): TmUnit {
  const unit: TmUnit = {
    id: row.id,
    zh: row.zh,
    en: row.en,
    zhLang: row.zh_lang,
    enLang: row.en_lang,
    zhScript: row.zh_script,
    document: row.document,
    position: row.position,
    confidence: row.confidence,
    createdAt: isoTime(row.created_at),
    changedAt: isoTime(row.changed_at),
  };
  // Only when stored, so a unit without codes looks as it did before they were kept.
  if (row.zh_codes !== null) unit.zhCodes = JSON.parse(row.zh_codes);
  if (row.en_codes !== null) unit.enCodes = JSON.parse(row.en_codes);
  if (row.meta !== null) unit.meta = JSON.parse(row.meta);
  return unit;
}

/** A time as stored (SQLite: ISO text; PostgreSQL: timestamptz, read as a Date) as ISO text. */
export function isoTime(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}

/** A document row with its unit count, as both backends select it. */
export interface DocumentRow {
  id: number;
  name: string;
  kind: string;
  content_hash: string | null;
  added_at: string | Date;
  units: number;
}

export function toDocument(row: DocumentRow): TmDocument {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    contentHash: row.content_hash,
    units: row.units,
    addedAt: isoTime(row.added_at),
  };
}
