/**
 * The term extractor's work inside one sentence pair (extract-terms.ts): which English words each
 * Chinese candidate's words link to, the English candidate a Chinese one matches best, and the second
 * pass that grows accepted terms into the longer units holding them.
 */

import type { ChineseToken } from '../lexicon/jieba.js';
import { foldToSimplified } from '../lexicon/script.js';
import type { ChineseCandidate } from './chinese-candidates.js';
import { type EnglishCandidate, type englishWords, longer } from './english-candidates.js';
import { gapMatches } from './gap-matches.js';
import { wordsLinked } from './lexical-links.js';
import { addTally, type Tally } from './term-tallies.js';
import type { TermPair } from './types.js';

/**
 * Lexical match a candidate pair needs in one sentence pair to be counted at all. Below it, one side
 * holds words the other does not translate. Tuned by hand on the founding sample and mag dev.
 */
export const MIN_LINK_F1 = 0.75;

/** A Chinese title (会长, 巡视员) must be matched by a phrase that names a role. */
export const TITLE_WORDS =
  /\b(?:president|chair(?:man|woman|person)?|director|secretary|minister|mayor|governor|member|inspector|officer|head|chief|manager|ambassador|professor|dean|principal|leader|commissioner|premier|spokes(?:man|woman|person)|representative|deputy|vice|general|counsel(?:l?or)?|consul|editor|staff|employee|clerk|official|captain|commander|chancellor|judge|envoy|researcher|fellow|expert|analyst|engineer|teacher|doctor|nurse)s?\b/i;

export interface Prepared {
  zh: string;
  en: string;
  /** zh folded to Simplified, searched for abbreviations. */
  folded: string;
  /** zh segmented by tokenizeChinese, on first search for an abbreviation (each name searched reuses it). */
  segmented?: readonly ChineseToken[];
  zhCandidates: ChineseCandidate[];
  /** Units counted for pairing by co-occurrence (association.ts). */
  units: ChineseCandidate[];
  words: ReturnType<typeof englishWords>;
  enCandidates: EnglishCandidate[];
  links: LinkMatrix;
  /** Chinese candidates the first pass matched in this pair. */
  matched: Set<string>;
}

/**
 * The second pass. Each term accepted on the first pass links, in every pair holding both its sides,
 * all its Chinese words to all the words of its English (全国|对外友协: 对外友协 to every word of
 * "People's Association for Friendship with Foreign Countries"). Then the Chinese candidates that
 * hold such a term, and those the first pass could not match, are matched again (gap-matches.ts),
 * so the longest unit whose English is consistent is found, C-value's preference for the longest
 * nested term (Frantzi et al. 2000) with translation as the evidence of a unit. Returns new tallies.
 */
export function secondPass(
  prepared: readonly Prepared[],
  accepted: readonly TermPair[],
  firstTallies: ReadonlyMap<string, Tally>,
): Map<string, Tally> {
  const acceptedEnglish = new Map(accepted.map((t) => [foldToSimplified(t.zh), t.en.toLowerCase()]));
  const tallies = new Map<string, Tally>();
  for (const { zhCandidates, words, enCandidates, links, matched } of prepared) {
    const enByKey = new Map<string, EnglishCandidate[]>();
    for (const en of enCandidates) push(enByKey, en.key, en);
    for (const candidate of zhCandidates) {
      const phrase = phraseLinks(candidate, acceptedEnglish, enByKey);
      // Without a phrase link, only what the first pass could not match is worth a second look.
      if (!phrase && (matched.has(candidate.key) || candidate.tokens.length < 2)) continue;
      const tokenLinks = links
        .get(candidate.key)!
        .map((set, i) => (phrase?.[i] ? new Set([...set, ...phrase[i]!]) : set));
      const matches = gapMatches(candidate, tokenLinks, enCandidates, words, {
        minF1: MIN_LINK_F1,
        allowDropped: phrase !== undefined,
      });
      for (const { candidate: en, f1, kind } of matches) {
        if (candidate.kind === 'title' && !TITLE_WORDS.test(en.text)) continue;
        const id = `${candidate.key}\t${en.key}`;
        if (firstTallies.has(id)) continue;
        addTally(tallies, candidate, en, f1, kind);
      }
    }
  }
  return tallies;
}

/**
 * For each word of a candidate that is part of a shorter accepted term (the term's words in a row),
 * the content words of that term's English where it occurs in the pair; undefined when none is.
 */
function phraseLinks(
  candidate: ChineseCandidate,
  acceptedEnglish: ReadonlyMap<string, string>,
  enByKey: ReadonlyMap<string, EnglishCandidate[]>,
): Set<number>[] | undefined {
  const tokens = candidate.tokens;
  let links: Set<number>[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    for (let j = i; j < tokens.length; j++) {
      key += tokens[j]!.simplified;
      if (i === 0 && j === tokens.length - 1) break;
      const en = acceptedEnglish.get(key);
      const occurrences = en === undefined ? undefined : enByKey.get(en);
      if (!occurrences) continue;
      links ??= tokens.map(() => new Set<number>());
      for (let t = i; t <= j; t++)
        for (const o of occurrences) for (const k of o.contentWords) links[t]!.add(k);
    }
  }
  return links;
}

/**
 * An English match that, across the document, only ever occurs inside one longer phrase is a fragment
 * of it: "Friendship with Foreign" → "People's Association for Friendship with Foreign Countries".
 * Counted in occurrences (not sentence pairs), and needs two of them, or every phrase of a
 * one-sentence document would be its own fragment.
 */
export function promote(
  match: EnglishCandidate,
  sentence: readonly EnglishCandidate[],
  occurrences: ReadonlyMap<string, number>,
  organization: boolean,
): EnglishCandidate {
  const count = occurrences.get(match.key) ?? 0;
  // Only organisations: 友协 ↔ "Friendship with Foreign" is part of the association's name, while
  // China or "Study of Obesity" are terms in their own right even inside a longer name.
  if (count < 2 || !match.capitalised || !organization) return match;
  let longest = match;
  for (const other of sentence) {
    if (other.first > match.first || other.last < match.last) continue;
    if ((occurrences.get(other.key) ?? 0) !== count) continue;
    if (other.contentWords.length > longest.contentWords.length) longest = other;
  }
  return longest;
}

/** For each Chinese candidate, the words of each token that link to English words of the sentence. */
export type LinkMatrix = Map<string, Set<number>[]>;

export function linkMatrix(
  candidates: readonly ChineseCandidate[],
  words: ReturnType<typeof englishWords>,
): LinkMatrix {
  const byToken = new Map<string, Set<number>>();
  const matrix: LinkMatrix = new Map();
  for (const candidate of candidates) {
    matrix.set(
      candidate.key,
      candidate.tokens.map((token) => {
        const id = `${token.start}:${token.end}:${token.tag}`;
        let linked = byToken.get(id);
        if (!linked) {
          linked = new Set();
          for (let k = 0; k < words.length; k++) {
            const word = words[k]!;
            if (!word.content) continue;
            if (wordsLinked(token, word.text)) linked.add(k);
          }
          byToken.set(id, linked);
        }
        return linked;
      }),
    );
  }
  return matrix;
}

export function bestMatch(
  candidate: ChineseCandidate,
  enCandidates: readonly EnglishCandidate[],
  links: LinkMatrix,
): { candidate: EnglishCandidate; f1: number } | undefined {
  const tokenLinks = links.get(candidate.key)!;
  const totalChars = candidate.tokens.reduce((n, t) => n + t.word.replace(/·/g, '').length, 0);
  let best: { candidate: EnglishCandidate; f1: number } | undefined;
  for (const en of enCandidates) {
    let linkedChars = 0;
    const linkedWords = new Set<number>();
    candidate.tokens.forEach((token, i) => {
      let any = false;
      for (const k of tokenLinks[i]!) {
        if (k >= en.first && k <= en.last) {
          any = true;
          linkedWords.add(k);
        }
      }
      if (any) linkedChars += token.word.replace(/·/g, '').length;
    });
    if (linkedChars === 0) continue;
    // The head of a Chinese compound is its last word; an English phrase that leaves it untranslated
    // names something else (肥胖症研究协会会长 "president of …" ↔ "Association for the Study of Obesity").
    const head = tokenLinks[candidate.tokens.length - 1]!;
    if (![...head].some((k) => k >= en.first && k <= en.last)) continue;
    // One English word does not translate a compound of several words (副会长 + 友协 ↔ "assistance").
    if (linkedWords.size < candidate.tokens.length) continue;
    const zhShare = linkedChars / totalChars;
    const enShare = linkedWords.size / en.contentWords.length;
    const f1 = (2 * zhShare * enShare) / (zhShare + enShare);
    if (!best || f1 > best.f1 || (f1 === best.f1 && longer(en, best.candidate))) {
      best = { candidate: en, f1 };
    }
  }
  return best;
}

export function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
