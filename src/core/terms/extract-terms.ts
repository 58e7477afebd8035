import { tokenizeChinese } from '../lexicon/jieba.js';
import { foldToSimplified } from '../lexicon/script.js';
import { abbreviationsIn, linkAbbreviations } from './abbreviations.js';
import { associations, associationUnits } from './association.js';
import { chineseCandidates, chineseTokens } from './chinese-candidates.js';
import { keepBestPerChinese } from './choose-rendering.js';
import { englishCandidates, englishWords } from './english-candidates.js';
import {
  bestMatch,
  linkMatrix,
  MIN_LINK_F1,
  type Prepared,
  promote,
  push,
  secondPass,
  TITLE_WORDS,
} from './pair-matches.js';
import { isDemonymOf, rendersAsVerb } from './part-of-speech.js';
import { addTally, blend, byRank, type Evidence, round, scoreTallies, type Tally } from './term-tallies.js';
import type { TermPair } from './types.js';

export interface TermPairInput {
  zh: string;
  en: string;
}

export interface ExtractTermsOptions {
  /** Pairs scoring below this are dropped (default 0.7). */
  minScore?: number;
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
