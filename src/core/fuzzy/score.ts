import { distance } from 'fastest-levenshtein';
import type { Lang } from '../types.js';
import { maskNumbers, type NumberDifference, numberDifferences } from './numbers.js';

/** How much a differing number costs: a match that differs only in numbers still beats any other edit. */
const NUMBER_PENALTY = 1;

export interface MatchScore {
  /** CAT-style match percentage, 0–100; 100 only for segments equal after normalisation. */
  score: number;
  /** Numbers of the query the match has differently. */
  numbers: NumberDifference[];
}

/**
 * Scores a stored segment against a query, both already normalised (normalizeSegment) and in the same
 * language. The percentage is OmegaT's `100·(max(|a|,|b|) − LD)/max(|a|,|b|)` (floored, so only an
 * equal segment reaches 100), over characters for Chinese and over words and punctuation marks for
 * English, with every number masked to one placeholder; then 1 point off per differing number.
 */
export function scoreMatch(query: string, candidate: string, lang: Lang): MatchScore {
  return matchScorer(query, lang)(candidate)!;
}

/**
 * scoreMatch with the query's side prepared once (numbers masked, words coded), for scoring many
 * candidates: `scorer(candidate, min)` is scoreMatch(query, candidate) or, when the lengths alone
 * rule out reaching `min` (the distance is at least the length difference), undefined without
 * computing the distance.
 */
export function matchScorer(
  query: string,
  lang: Lang,
): (candidate: string, min?: number) => MatchScore | undefined {
  const q = maskNumbers(query);
  const codes = new Map<string, string>();
  const a = lang === 'zh' ? stripSpaces(q.text) : encodeWords(q.text, codes);
  return (candidate, min = 0) => {
    const c = maskNumbers(candidate);
    const b = lang === 'zh' ? stripSpaces(c.text) : encodeWords(c.text, codes);
    const longest = Math.max(a.length, b.length);
    if (longest > 0 && Math.floor((100 * (longest - Math.abs(a.length - b.length))) / longest) < min)
      return undefined;
    const edits = distance(a, b);
    let score = longest === 0 ? 100 : Math.floor((100 * (longest - edits)) / longest);
    if (edits > 0 && score === 100) score = 99;
    const numbers = numberDifferences(q.numbers, c.numbers);
    if (numbers.length > 0) score = Math.max(0, Math.min(99, score - NUMBER_PENALTY * numbers.length));
    return { score, numbers };
  };
}

function stripSpaces(text: string): string {
  return text.replace(/ /g, '');
}

// Words, or single non-space characters (punctuation, the number mask).
const TOKEN = /[\p{L}\p{M}\p{N}]+|\S/gu;

/**
 * The tokens of `text` as one code point each. fastest-levenshtein counts UTF-16 units; word-level
 * distance maps each distinct token to one BMP code point (from U+0100, below the surrogates), so a
 * word costs one edit. Distinct tokens get distinct codes while `codes` is shared and holds fewer
 * than 0xD700 of them, so one map serves a query and its candidates, not a scan of the whole TM.
 */
function encodeWords(text: string, codes: Map<string, string>): string {
  let out = '';
  for (const [token] of text.matchAll(TOKEN)) {
    let code = codes.get(token);
    if (code === undefined) {
      code = String.fromCharCode(0x100 + (codes.size % 0xd700));
      codes.set(token, code);
    }
    out += code;
  }
  return out;
}
