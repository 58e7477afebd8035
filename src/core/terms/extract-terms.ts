import { foldToSimplified } from '../lexicon/script.js';
import { type ChineseCandidate, chineseCandidates } from './chinese-candidates.js';
import { type EnglishCandidate, englishCandidates, englishWords } from './english-candidates.js';
import { wordsLinked } from './lexical-links.js';
import type { TermKind, TermPair } from './types.js';

export interface TermPairInput {
  zh: string;
  en: string;
}

export interface ExtractTermsOptions {
  /** Pairs scoring below this are dropped (default 0.7). */
  minScore?: number;
}

/**
 * Lexical match a candidate pair needs in one sentence pair to be counted at all. Below it, one side
 * holds words the other does not translate. Tuned by hand on the founding sample and mag dev.
 */
const MIN_LINK_F1 = 0.75;

/** A Chinese title (会长, 巡视员) must be matched by a phrase that names a role. */
const TITLE_WORDS =
  /\b(?:president|chair(?:man|woman|person)?|director|secretary|minister|mayor|governor|member|inspector|officer|head|chief|manager|ambassador|professor|dean|principal|leader|commissioner|premier|spokes(?:man|woman|person)|representative|deputy|vice|general|counsel(?:l?or)?|consul|editor|staff|employee|clerk|official|captain|commander|chancellor|judge|envoy|researcher|fellow|expert|analyst|engineer|teacher|doctor|nurse)s?\b/i;

interface Tally {
  zh: string;
  en: string;
  kind: TermKind;
  linkSum: number;
  count: number;
}

/**
 * Bilingual term pairs from aligned sentence pairs. In each pair every Chinese candidate (runs of
 * noun-like jieba words) is matched with the English candidate (n-grams inside a clause) whose words
 * it translates best: the F1 of the share of Chinese characters linked to some English word of the
 * phrase and the share of the phrase's content words linked to some Chinese word (links: CC-CEDICT
 * glosses, pinyin, transliteration). Across pairs the match is blended with co-occurrence (Dice
 * coefficient over sentence pairs, Smadja et al. 1996):
 *   score = 0.7 · mean link F1 + 0.3 · Dice · count/(count + 1),
 * so a pair seen once with a perfect match scores 0.85 and repetition lifts it towards 1.
 */
export function extractTerms(pairs: readonly TermPairInput[], options: ExtractTermsOptions = {}): TermPair[] {
  const minScore = options.minScore ?? 0.7;
  const zhCounts = new Map<string, number>();
  const enCounts = new Map<string, number>();
  const tallies = new Map<string, Tally>();

  const prepared = pairs
    .filter((pair) => pair.zh.trim() && pair.en.trim())
    .map((pair) => {
      const words = englishWords(pair.en);
      return {
        zhCandidates: uniqueBy(chineseCandidates(pair.zh), (c) => c.key),
        words,
        enCandidates: englishCandidates(pair.en, words),
      };
    });
  const enOccurrences = new Map<string, number>();
  for (const { zhCandidates, enCandidates } of prepared) {
    for (const key of new Set(zhCandidates.map((c) => c.key)))
      zhCounts.set(key, (zhCounts.get(key) ?? 0) + 1);
    for (const key of new Set(enCandidates.map((c) => c.key)))
      enCounts.set(key, (enCounts.get(key) ?? 0) + 1);
    for (const { key } of enCandidates) enOccurrences.set(key, (enOccurrences.get(key) ?? 0) + 1);
  }

  for (const { zhCandidates, words, enCandidates } of prepared) {
    const links = linkMatrix(zhCandidates, words);
    for (const candidate of zhCandidates) {
      const best = bestMatch(candidate, enCandidates, links);
      if (!best || best.f1 < MIN_LINK_F1) continue;
      if (candidate.kind === 'title' && !TITLE_WORDS.test(best.candidate.text)) continue;
      const en = promote(best.candidate, enCandidates, enOccurrences, candidate.kind === 'organization');
      const id = `${candidate.key}\t${en.key}`;
      const tally = tallies.get(id) ?? {
        zh: candidate.text,
        en: en.text,
        kind: candidate.kind,
        linkSum: 0,
        count: 0,
      };
      tally.linkSum += best.f1;
      tally.count++;
      tallies.set(id, tally);
    }
  }

  const terms: TermPair[] = [];
  for (const [id, tally] of tallies) {
    const [zhKey, enKey] = id.split('\t') as [string, string];
    const zhCount = zhCounts.get(zhKey) ?? tally.count;
    const enCount = enCounts.get(enKey) ?? tally.count;
    const dice = (2 * tally.count) / (zhCount + enCount);
    const score = 0.7 * (tally.linkSum / tally.count) + 0.3 * dice * (tally.count / (tally.count + 1));
    if (score < minScore) continue;
    terms.push({
      zh: tally.zh,
      en: tally.en,
      score: round(score),
      kind: tally.kind,
      count: tally.count,
      zhCount,
      enCount,
    });
  }
  terms.sort((a, b) => b.score - a.score || b.count - a.count || b.zh.length - a.zh.length);
  return linkAbbreviations(dropNested(keepBestPerChinese(terms)));
}

/**
 * An English match that, across the document, only ever occurs inside one longer phrase is a fragment
 * of it: "Friendship with Foreign" → "People's Association for Friendship with Foreign Countries".
 * Counted in occurrences (not sentence pairs), and needs two of them, or every phrase of a
 * one-sentence document would be its own fragment.
 */
function promote(
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
type LinkMatrix = Map<string, Set<number>[]>;

function linkMatrix(
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

function bestMatch(
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

/**
 * A candidate that occurs only inside a longer accepted one, as often as it does (博物馆 only ever in
 * 重庆史迪威博物馆), is a fragment of that term, not a term (the nested-candidate rule of C-value,
 * Frantzi et al. 2000).
 */
function dropNested(terms: readonly TermPair[]): TermPair[] {
  return terms.filter(
    (term) =>
      !terms.some(
        (longer) =>
          longer !== term &&
          longer.zh.length > term.zh.length &&
          foldToSimplified(longer.zh).includes(foldToSimplified(term.zh)) &&
          longer.zhCount === term.zhCount,
      ),
  );
}

/** On a tie, the phrase with more content words, then more text (Chengdu-Chongqing over Chongqing's). */
function longer(a: EnglishCandidate, b: EnglishCandidate): boolean {
  if (a.contentWords.length !== b.contentWords.length) return a.contentWords.length > b.contentWords.length;
  return a.text.length > b.text.length;
}

/** One English rendering per Chinese term: the best-scored one (competitive linking, Melamed 2000). */
function keepBestPerChinese(terms: readonly TermPair[]): TermPair[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = foldToSimplified(term.zh);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A shorter Chinese term with the same English as a longer one, most of whose characters it repeats
 * in order (对外友协 in 中国人民对外友好协会), is marked as its abbreviation.
 */
function linkAbbreviations(terms: TermPair[]): TermPair[] {
  const byEnglish = new Map<string, TermPair[]>();
  for (const term of terms) {
    const group = byEnglish.get(term.en.toLowerCase()) ?? [];
    group.push(term);
    byEnglish.set(term.en.toLowerCase(), group);
  }
  for (const group of byEnglish.values()) {
    for (const short of group) {
      const full = group.find(
        (other) =>
          other !== short &&
          other.zh.length > short.zh.length &&
          subsequenceShare(foldToSimplified(short.zh), foldToSimplified(other.zh)) >= 0.6,
      );
      if (full) short.abbreviationOf = full.zh;
    }
  }
  return terms;
}

/** Share of `short`'s characters found in order in `long`. */
function subsequenceShare(short: string, long: string): number {
  let at = 0;
  let found = 0;
  for (const char of short) {
    const next = long.indexOf(char, at);
    if (next < 0) continue;
    found++;
    at = next + 1;
  }
  return found / short.length;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
