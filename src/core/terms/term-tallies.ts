/**
 * What the term extractor counts for a candidate pair across the document (extract-terms.ts), and
 * how a count becomes a score: mean link F1 blended with co-occurrence.
 */

import type { Association } from './association.js';
import type { ChineseCandidate } from './chinese-candidates.js';
import type { EnglishCandidate } from './english-candidates.js';
import type { MatchKind } from './gap-matches.js';
import type { TermKind, TermPair } from './types.js';

export interface Tally {
  zh: string;
  en: string;
  kind: TermKind;
  /** The candidate's words folded to Simplified, for finding its abbreviations. */
  words: string[];
  linkSum: number;
  count: number;
  /** How the second pass matched it; undefined on the first pass. */
  match?: MatchKind;
  /** Co-occurrence across the document, when the two recur together (association.ts). */
  association?: Association;
}

/** Co-occurrence of a tally: pairs with both sides, with the Chinese (literally, and with abbreviations), with the English. */
export interface Evidence {
  both: number;
  zhCount: number;
  zhOccurrences: number;
  enCount: number;
}

/** score = 0.7 · mean link F1 + 0.3 · Dice · both/(both + 1) (see extractTerms). */
export function blend(meanF1: number, both: number, zhCount: number, enCount: number): number {
  const dice = (2 * both) / (zhCount + enCount);
  return 0.7 * meanF1 + 0.3 * dice * (both / (both + 1));
}

/**
 * Share of a recurring unit's pairs holding the same English from which that rendering counts as a
 * perfect match: the rest are pronouns and other references (刘老老 ↔ "Grannie Liu" in 45 of 54 pairs,
 * "she" or "the old woman" in most others). Set on the names of mac-dev.
 */
const CONSISTENT = 0.8;

export function addTally(
  tallies: Map<string, Tally>,
  candidate: ChineseCandidate,
  en: EnglishCandidate,
  f1: number,
  match?: MatchKind,
): void {
  const id = `${candidate.key}\t${en.key}`;
  const tally = tallies.get(id) ?? {
    zh: candidate.text,
    en: en.text,
    kind: candidate.kind,
    words: candidate.tokens.map((t) => t.simplified),
    linkSum: 0,
    count: 0,
    ...(match ? { match } : {}),
  };
  tally.linkSum += f1;
  tally.count++;
  tallies.set(id, tally);
}

/** Best first: by score, then by evidence, then the longer Chinese. */
export function byRank(a: TermPair, b: TermPair): number {
  return b.score - a.score || b.count - a.count || b.zh.length - a.zh.length;
}

export function scoreTallies(
  tallies: ReadonlyMap<string, Tally>,
  minScore: number,
  evidence: (id: string, tally: Tally) => Evidence,
): TermPair[] {
  const terms: TermPair[] = [];
  for (const [id, tally] of tallies) {
    const linked = tally.count > 0 ? tally.linkSum / tally.count : 0;
    const a = tally.association;
    const plain = tally.count > 0 ? evidence(id, tally) : undefined;
    // Recurring together, the share of the Chinese's pairs that hold the English stands for the
    // lexical match: a translator's consistent choice is evidence a dictionary lacks.
    const match = Math.max(linked, Math.min(1, (a?.consistency ?? 0) / CONSISTENT));
    const both = Math.max(plain?.both ?? 0, a?.both ?? 0);
    const zhCount = Math.max(plain?.zhCount ?? 0, a?.zhCount ?? 0);
    const zhOccurrences = Math.max(plain?.zhOccurrences ?? 0, a?.zhCount ?? 0);
    const enCount = Math.max(plain?.enCount ?? 0, a?.enCount ?? 0);
    const score = blend(match, both, zhOccurrences, enCount);
    if (score < minScore) continue;
    terms.push({
      zh: tally.zh,
      en: tally.en,
      score: round(score),
      kind: tally.kind,
      count: Math.max(tally.count, a?.both ?? 0),
      zhCount,
      enCount,
    });
  }
  terms.sort(byRank);
  return terms;
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
