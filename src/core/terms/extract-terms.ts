import { type ChineseToken, tokenizeChinese } from '../lexicon/jieba.js';
import { foldToSimplified } from '../lexicon/script.js';
import { abbreviationsIn, linkAbbreviations } from './abbreviations.js';
import { type Association, associations, associationUnits } from './association.js';
import { type ChineseCandidate, chineseCandidates, chineseTokens } from './chinese-candidates.js';
import { keepBestPerChinese } from './choose-rendering.js';
import { type EnglishCandidate, englishCandidates, englishWords, longer } from './english-candidates.js';
import { gapMatches, type MatchKind } from './gap-matches.js';
import { wordsLinked } from './lexical-links.js';
import { isDemonymOf, rendersAsVerb } from './part-of-speech.js';
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
  /** The candidate's words folded to Simplified, for finding its abbreviations. */
  words: string[];
  linkSum: number;
  count: number;
  /** How the second pass matched it; undefined on the first pass. */
  match?: MatchKind;
  /** Co-occurrence across the document, when the two recur together (association.ts). */
  association?: Association;
}

interface Prepared {
  zh: string;
  en: string;
  /** zh folded to Simplified, searched for abbreviations. */
  folded: string;
  /** zh segmented by tokenizeChinese, on first search for an abbreviation (each name searched reuses it). */
  segmented?: ChineseToken[];
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
 * Bilingual term pairs from aligned sentence pairs. In each pair every Chinese candidate (runs of
 * noun-like jieba words) is matched with the English candidate (n-grams inside a clause) whose words
 * it translates best: the F1 of the share of Chinese characters linked to some English word of the
 * phrase and the share of the phrase's content words linked to some Chinese word (links: CC-CEDICT
 * glosses, pinyin, transliteration). Across pairs the match is blended with co-occurrence (Dice
 * coefficient over sentence pairs, Smadja et al. 1996):
 *   score = 0.7 · mean link F1 + 0.3 · Dice · count/(count + 1),
 * so a pair seen once with a perfect match scores 0.85 and repetition lifts it towards 1.
 *
 * A second pass grows accepted terms into the longer units that hold them (see secondPass): the terms
 * found first link their words as phrases, and a longer unit may leave words unlinked where
 * translators render names freely, if co-occurrence backs it.
 */
export function extractTerms(pairs: readonly TermPairInput[], options: ExtractTermsOptions = {}): TermPair[] {
  const minScore = options.minScore ?? 0.7;
  const zhPairs = new Map<string, number[]>();
  const enPairs = new Map<string, number[]>();
  const tallies = new Map<string, Tally>();

  const prepared: Prepared[] = pairs
    .filter((pair) => pair.zh.trim() && pair.en.trim())
    .map((pair) => {
      const words = englishWords(pair.en);
      const tokens = chineseTokens(pair.zh);
      const zhCandidates = uniqueBy(chineseCandidates(pair.zh, tokens), (c) => c.key);
      return {
        zh: pair.zh,
        en: pair.en,
        folded: foldToSimplified(pair.zh),
        zhCandidates,
        units: associationUnits(pair.zh, tokens),
        words,
        enCandidates: englishCandidates(pair.en, words),
        links: linkMatrix(zhCandidates, words),
        matched: new Set<string>(),
      };
    });
  const enOccurrences = new Map<string, number>();
  prepared.forEach(({ zhCandidates, enCandidates }, index) => {
    for (const key of new Set(zhCandidates.map((c) => c.key))) push(zhPairs, key, index);
    for (const key of new Set(enCandidates.map((c) => c.key))) push(enPairs, key, index);
    for (const { key } of enCandidates) enOccurrences.set(key, (enOccurrences.get(key) ?? 0) + 1);
  });

  for (const { zhCandidates, enCandidates, links, matched } of prepared) {
    for (const candidate of zhCandidates) {
      const best = bestMatch(candidate, enCandidates, links);
      if (!best || best.f1 < MIN_LINK_F1) continue;
      if (candidate.kind === 'title' && !TITLE_WORDS.test(best.candidate.text)) continue;
      const en = promote(best.candidate, enCandidates, enOccurrences, candidate.kind === 'organization');
      addTally(tallies, candidate, en, best.f1);
      matched.add(candidate.key);
    }
  }

  const plain = (id: string, tally: Tally): Evidence => {
    const [zhKey, enKey] = id.split('\t') as [string, string];
    const zhCount = zhPairs.get(zhKey)?.length || tally.count;
    return {
      both: tally.count,
      zhCount,
      zhOccurrences: zhCount,
      enCount: enPairs.get(enKey)?.length || tally.count,
    };
  };
  const firstPass = keepBestPerChinese(scoreTallies(tallies, minScore, plain));
  for (const [id, tally] of secondPass(prepared, firstPass, tallies)) tallies.set(id, tally);

  // A name's abbreviations are occurrences of it: 中国民间组织国际交流促进会 is written once in full and
  // once as 中促会, both times translated "China NGO Network for International Exchanges".
  const abbreviations = new Map<string, Abbreviation[]>();
  for (const [id, tally] of tallies) {
    const found = findAbbreviations(prepared, tally, id, zhPairs, enPairs);
    if (found.length > 0) abbreviations.set(id, found);
  }
  const evidence = (id: string, tally: Tally): Evidence => {
    const found = abbreviations.get(id);
    if (!found) return plain(id, tally);
    const [zhKey, enKey] = id.split('\t') as [string, string];
    const named = new Set(zhPairs.get(zhKey) ?? []);
    const english = new Set(enPairs.get(enKey) ?? []);
    const abbreviated = new Set(found.flatMap((a) => a.pairs).filter((i) => !named.has(i)));
    return {
      both: tally.count + [...abbreviated].filter((i) => english.has(i)).length,
      zhCount: named.size,
      zhOccurrences: named.size + abbreviated.size,
      enCount: english.size,
    };
  };
  // A paired gap rests on co-occurrence alone: the two phrases must come together, in every pair
  // either occurs in (the Chinese in full or abbreviated), at least twice.
  for (const [id, tally] of tallies) {
    if (tally.match !== 'paired') continue;
    const { both, zhOccurrences, enCount } = evidence(id, tally);
    if (both < 2 || both !== zhOccurrences || both !== enCount) tallies.delete(id);
  }

  // Units that recur with the same English, whether or not their words link (韦小宝 ↔ Trinket, a
  // translator's name; 十八大 ↔ 18th National Congress): co-occurrence is the evidence.
  const recurring = associations(prepared, enPairs);
  for (const association of recurring) {
    const id = `${association.candidate.key}\t${association.en.key}`;
    const tally = tallies.get(id);
    if (tally) tally.association = association;
    else {
      tallies.set(id, {
        zh: association.candidate.text,
        en: association.en.text,
        kind: association.candidate.kind,
        words: association.candidate.tokens.map((t) => t.simplified),
        linkSum: 0,
        count: 0,
        association,
      });
    }
  }
  // The English of a place is its name, not its adjective (欧洲 ↔ Europe, not European).
  // Nor the verb a word may also be (谢谢 ↔ thank).
  for (const [id, tally] of tallies) {
    if (tally.en.includes(' ')) continue;
    const zh = foldToSimplified(tally.zh);
    if (isDemonymOf(tally.en, zh) || rendersAsVerb(zh, tally.en)) tallies.delete(id);
  }

  const terms = scoreTallies(tallies, minScore, evidence);
  for (const [id, found] of abbreviations) {
    const tally = tallies.get(id);
    const full = tally && terms.find((t) => t.zh === tally.zh && t.en === tally.en);
    if (!tally || !full) continue;
    const english = enPairs.get(id.split('\t')[1]!) ?? [];
    for (const { text, pairs: where } of found) {
      // As reliable as the full name's match, with co-occurrence of its own.
      const both = where.filter((i) => english.includes(i)).length;
      const score = blend(tally.linkSum / tally.count, both, where.length, english.length);
      if (score < minScore) continue;
      terms.push({
        zh: originalText(prepared[where[0]!]!, text),
        en: tally.en,
        score: round(score),
        kind: tally.kind,
        count: both,
        zhCount: where.length,
        enCount: english.length,
        abbreviationOf: full.zh,
      });
    }
  }
  terms.sort(byRank);
  const kept = dropNested(keepBestPerChinese(terms));
  // An abbreviation goes with its full name's listed English, or not at all.
  const listed = new Set(kept.map((t) => `${t.zh}\t${t.en}`));
  return linkAbbreviations(
    kept.filter((t) => !t.abbreviationOf || listed.has(`${t.abbreviationOf}\t${t.en}`)),
  );
}

/** Co-occurrence of a tally: pairs with both sides, with the Chinese (literally, and with abbreviations), with the English. */
interface Evidence {
  both: number;
  zhCount: number;
  zhOccurrences: number;
  enCount: number;
}

/** score = 0.7 · mean link F1 + 0.3 · Dice · both/(both + 1) (see extractTerms). */
function blend(meanF1: number, both: number, zhCount: number, enCount: number): number {
  const dice = (2 * both) / (zhCount + enCount);
  return 0.7 * meanF1 + 0.3 * dice * (both / (both + 1));
}

/**
 * Share of a recurring unit's pairs holding the same English from which that rendering counts as a
 * perfect match: the rest are pronouns and other references (刘老老 ↔ "Grannie Liu" in 45 of 54 pairs,
 * "she" or "the old woman" in most others). Set on the names of mac-dev.
 */
const CONSISTENT = 0.8;

function addTally(
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
function byRank(a: TermPair, b: TermPair): number {
  return b.score - a.score || b.count - a.count || b.zh.length - a.zh.length;
}

function scoreTallies(
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

/**
 * The second pass. Each term accepted on the first pass links, in every pair holding both its sides,
 * all its Chinese words to all the words of its English (全国|对外友协: 对外友协 to every word of
 * "People's Association for Friendship with Foreign Countries"). Then the Chinese candidates that
 * hold such a term, and those the first pass could not match, are matched again (gap-matches.ts),
 * so the longest unit whose English is consistent is found, C-value's preference for the longest
 * nested term (Frantzi et al. 2000) with translation as the evidence of a unit. Returns new tallies.
 */
function secondPass(
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

interface Abbreviation {
  /** In Simplified. */
  text: string;
  /** The pairs whose Chinese holds it. */
  pairs: number[];
}

/**
 * Abbreviations of an organisation's Chinese name (abbreviations.ts) found in the pairs that hold its
 * English but not the name; kept only if it never occurs without the English.
 */
function findAbbreviations(
  prepared: readonly Prepared[],
  tally: Tally,
  id: string,
  zhPairs: ReadonlyMap<string, number[]>,
  enPairs: ReadonlyMap<string, number[]>,
): Abbreviation[] {
  if (tally.kind !== 'organization' || tally.words.length < 3) return [];
  const [zhKey, enKey] = id.split('\t') as [string, string];
  const withName = new Set(zhPairs.get(zhKey) ?? []);
  const english = enPairs.get(enKey) ?? [];
  const texts = new Set<string>();
  for (const i of english) {
    if (withName.has(i)) continue;
    const pair = prepared[i]!;
    pair.segmented ??= tokenizeChinese(pair.zh);
    for (const text of abbreviationsIn(pair.segmented, tally.words)) texts.add(text);
  }
  const found: Abbreviation[] = [];
  for (const text of texts) {
    const where = prepared.flatMap((p, i) => (p.folded.includes(text) ? [i] : []));
    if (where.every((i) => english.includes(i))) found.push({ text, pairs: where });
  }
  return found;
}

/** The text of a Simplified string as written in a pair's sentence (Traditional stays Traditional). */
function originalText({ zh, folded }: Prepared, simplified: string): string {
  const at = folded.indexOf(simplified);
  return at < 0 ? simplified : zh.slice(at, at + simplified.length);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
  const folded = terms.map((term) => foldToSimplified(term.zh));
  return terms.filter(
    (term, i) =>
      !terms.some(
        (longer, j) =>
          j !== i &&
          longer.zh.length > term.zh.length &&
          folded[j]!.includes(folded[i]!) &&
          longer.zhCount === term.zhCount,
      ),
  );
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
