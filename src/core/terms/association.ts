import { hasDictionaryEntry, lookupGlosses } from '../lexicon/cedict.js';
import { englishContentStems } from '../lexicon/english.js';
import type { ChineseToken } from '../lexicon/jieba.js';
import { type ChineseCandidate, kindOf } from './chinese-candidates.js';
import type { EnglishCandidate } from './english-candidates.js';
import { wordsLinked } from './lexical-links.js';
import { FUNCTION_TAGS, isNonNominalChinese, isVerbOnly } from './part-of-speech.js';
import {
  type AssociationSentence,
  isOpaque,
  MAX_UNIT_CHARS,
  mergeAdjacent,
  NEVER_GROWS_BY,
  numberless,
  wholeUnit,
} from './unit-fragments.js';

/**
 * Fewest sentence pairs a unit and its translation must share to be paired by co-occurrence alone.
 * Below it chance pairs too many words of a short document; at 4 every recurring name and term of
 * mac-dev and mag dev that the link pass misses is found (bench/term-recurring.ts).
 */
const MIN_RECURRENCE = 4;
/** Share of the unit's pairs whose English holds the translation: a consistent rendering. */
const MIN_CONSISTENCY = 0.6;
/** Dice coefficient (Smadja et al. 1996) from which the two phrases are taken to translate each other. */
const MIN_DICE = 0.5;
/** Dice within this of the best still counts as a tie, won by the longer English (the whole unit). */
const DICE_TIE = 0.1;
const MAX_TOKENS = 4;
/**
 * Log-likelihood ratio (Dunning 1993) the pairing must reach: 10.83 is p < 0.001 for one degree of
 * freedom. It keeps a short document, where a phrase of every sentence co-occurs with every other,
 * from pairing anything (the founding sample has five pairs).
 */
const MIN_LOG_LIKELIHOOD = 10.83;
/** A two-character word the dictionary lacks that ends in a localiser is a place phrase (床上, 山里). */
const LOCALISER_ENDING = /^\p{Script=Han}[上下里中内外前后旁边]$/u;
/** A two-character title (队长, 法官). */
const TITLE_ENDING = /^\p{Script=Han}[长官]$/u;
/** A numeral with its measure word (三颗, 两年) counts things; it starts no term. */
const COUNTED = /[个只条位名项件本张次年台颗岁天月日]$/u;

/** A pair of phrases that recur together, with the pairs they share. */
export type { AssociationSentence } from './unit-fragments.js';

export interface Association {
  candidate: ChineseCandidate;
  en: EnglishCandidate;
  both: number;
  zhCount: number;
  enCount: number;
  dice: number;
  /** Share of the Chinese unit's pairs that hold the English. */
  consistency: number;
}

/**
 * Units of a sentence for pairing by co-occurrence: runs of up to four jieba words that neither start
 * nor end with a function word, so that units the noun-run candidates cannot hold (中国|梦, 十八|大,
 * 自身|免疫) are counted too. A single word must be a name, a word the dictionary does not know, or a
 * dictionary word of three characters or more: a common two-character noun (男孩 boy) is vocabulary.
 */
export function associationUnits(zh: string, tokens: readonly ChineseToken[]): ChineseCandidate[] {
  const units: ChineseCandidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    for (let j = i; j < Math.min(tokens.length, i + MAX_TOKENS); j++) {
      const token = tokens[j]!;
      if (!/^\p{Script=Han}+$/u.test(token.word)) break;
      key += token.simplified;
      if (key.length > MAX_UNIT_CHARS) break;
      const parts = tokens.slice(i, j + 1);
      if (!acceptable(parts, key)) continue;
      units.push({
        text: zh.slice(parts[0]!.start, token.end),
        key,
        start: parts[0]!.start,
        end: token.end,
        tokens: parts,
        kind: kindOf(parts, key),
      });
    }
  }
  return units;
}

function acceptable(parts: readonly ChineseToken[], key: string): boolean {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (key.length < 2 || FUNCTION_TAGS.has(first.tag) || FUNCTION_TAGS.has(last.tag)) return false;
  // A measure word alone (颗, 年) ends or starts no unit; jieba tags some names so too (平儿 q).
  if ([first, last].some((t) => t.tag === 'q' && t.word.length === 1)) return false;
  // Nor with a function character jieba left inside an unknown word (投不 of 投不投降).
  if (NEVER_GROWS_BY.has(key[0]!) || NEVER_GROWS_BY.has(key.at(-1)!)) return false;
  if (parts.length === 1) {
    if (first.tag === 'person') return true;
    if (first.tag === 'm' || isNonNominalChinese(first) || LOCALISER_ENDING.test(key)) return false;
    if (['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz'].includes(first.tag)) return true;
    // A title is a unit however short (队长 team leader).
    return (first.tag !== 'v' && !hasDictionaryEntry(key)) || key.length >= 3 || TITLE_ENDING.test(key);
  }
  // A surname jieba split from its given name (陈/nr 清扬/v): a name, whatever the given name's tag.
  if (parts.length === 2 && first.tag === 'nr' && first.word.length === 1 && key.length <= 3) return true;
  // A person name stands alone (王琦瑶说 is the name and a verb); a unit starts with a word (颗|卫星).
  if (parts.some((p) => p.tag === 'person') || first.word.length === 1) return false;
  if (first.tag === 'm' && COUNTED.test(first.simplified)) return false;
  if (hasDictionaryEntry(key)) return true;
  // A phrase, not a unit: a function word inside (孩子们在公园里玩, 今天的天气), or a verb or an
  // adjective at the end, unless a numeral's abbreviation (十八|大).
  if (parts.some((p) => FUNCTION_TAGS.has(p.tag))) return false;
  if (PREDICATE_TAGS.has(last.tag) && !(last.word.length === 1 && parts.at(-2)?.tag === 'm')) {
    // jieba tags many nouns as verbs (辐射 radiation, 免疫 immunity): the dictionary decides those.
    const nounToo =
      last.tag === 'v' &&
      last.word.length > 1 &&
      hasDictionaryEntry(last.simplified) &&
      !isVerbOnly(last.simplified);
    if (!nounToo) return false;
  }
  return !isNonNominalChinese(first) && !(last.word.length > 1 && isNonNominalChinese(last));
}

/** jieba tags of words that end a predicate, not a name: verbs, adjectives, pronouns, numerals, times. */
const PREDICATE_TAGS = new Set(['v', 'vd', 'vg', 'vi', 'a', 'ad', 'ag', 'r', 'm', 't']);

/**
 * Pairs of a Chinese unit and the English phrase that comes with it in most of the sentence pairs
 * holding it (competitive by Dice; on a near tie, the English with more words, so "Chinese Dream" over
 * "Dream").
 */
export function associations(
  sentences: readonly AssociationSentence[],
  enPairs: ReadonlyMap<string, readonly number[]>,
): Association[] {
  const zhPairs = new Map<string, { candidate: ChineseCandidate; pairs: number[] }>();
  sentences.forEach(({ units }, index) => {
    for (const unit of units) {
      const entry = zhPairs.get(unit.key) ?? { candidate: unit, pairs: [] };
      if (entry.pairs.at(-1) !== index) entry.pairs.push(index);
      zhPairs.set(unit.key, entry);
    }
  });
  // A unit that jieba cut from a longer word (清扬 of 陈清扬, 刘老 of 刘老老) stands for that word.
  for (const [key, entry] of [...zhPairs]) {
    if (entry.pairs.length < MIN_RECURRENCE) continue;
    const whole = wholeUnit(entry.candidate, key, entry.pairs, sentences);
    if (!whole) continue;
    zhPairs.delete(key);
    if (
      !zhPairs.has(whole.candidate.key) ||
      zhPairs.get(whole.candidate.key)!.pairs.length < whole.pairs.length
    )
      zhPairs.set(whole.candidate.key, whole);
  }
  const total = sentences.length;
  // English counted singular and plural alike ("movie star", "movie stars").
  const enByNumberless = new Map<string, Set<number>>();
  sentences.forEach(({ enCandidates }, index) => {
    for (const en of enCandidates) {
      const key = numberless(en.key);
      (enByNumberless.get(key) ?? enByNumberless.set(key, new Set()).get(key)!).add(index);
    }
  });
  const found: Association[] = [];
  for (const { candidate, pairs } of zhPairs.values()) {
    if (pairs.length < MIN_RECURRENCE) continue;
    const together = new Map<string, { en: EnglishCandidate; both: number }>();
    for (const index of pairs) {
      const seen = new Set<string>();
      for (const en of sentences[index]!.enCandidates) {
        const key = numberless(en.key);
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = together.get(key) ?? { en, both: 0 };
        entry.both++;
        together.set(key, entry);
      }
    }
    let best: Association | undefined;
    for (const [key, { en, both }] of together) {
      if (both < MIN_RECURRENCE || both < MIN_CONSISTENCY * pairs.length) continue;
      const enCount = enByNumberless.get(key)?.size ?? enPairs.get(en.key)?.length ?? both;
      const dice = (2 * both) / (pairs.length + enCount);
      if (dice < MIN_DICE) continue;
      if (logLikelihood(both, pairs.length, enCount, total) < MIN_LOG_LIKELIHOOD) continue;
      if (!plausible(candidate, en.text)) continue;
      const association = {
        candidate,
        en,
        both,
        zhCount: pairs.length,
        enCount,
        dice,
        consistency: both / pairs.length,
      };
      if (
        !best ||
        dice > best.dice + DICE_TIE ||
        (dice > best.dice - DICE_TIE && en.contentWords.length > best.en.contentWords.length)
      )
        best = association;
    }
    if (best) found.push(wholeEnglish(best, together, enByNumberless));
  }
  const merged = mergeAdjacent(found, sentences, enByNumberless, MIN_RECURRENCE);
  // A unit inside a longer one with the same English is the longer one's part (俱乐部 of 帆船俱乐部 ↔
  // "Yacht Club"; C-value's nested rule): units never hold a name and a verb (王琦瑶说), so the
  // longer one is the term.
  return merged.filter(
    (a) =>
      !merged.some(
        (b) =>
          b !== a &&
          b.candidate.key.length > a.candidate.key.length &&
          b.candidate.key.includes(a.candidate.key) &&
          numberless(b.en.key) === numberless(a.en.key),
      ),
  );
}

/**
 * Whether co-occurrence may pair a unit with a phrase that shares no dictionary link with it: only if
 * the unit holds a name or a word the dictionary does not know (韦小宝 ↔ Trinket, 平儿 ↔ Patience). A
 * unit of dictionary words must link to one word of the phrase at least (和尚 "monk" is not "little
 * Buddha", 不见不散 not "die").
 */
function plausible(candidate: ChineseCandidate, en: string): boolean {
  if (candidate.tokens.some(isOpaque)) return true;
  const words = en.split(/[^\p{L}\p{N}'’]+/u).filter(Boolean);
  // A hyphenated word is also one word (e-mail ↔ 电子邮件 "email").
  for (const hyphenated of en.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? [])
    words.push(hyphenated.replace(/-/g, ''));
  if (candidate.tokens.some((t) => words.some((w) => wordsLinked(t, w)))) return true;
  // Or a content word of the English in the unit's own description (小康社会 "society in which average
  // people are moderately well-off", a sense too long to give translation stems).
  const described = new Set(englishContentStems(lookupGlosses(candidate.key).join(' ')));
  return englishContentStems(en).some((stem) => described.has(stem));
}

/** Dunning's G² for a 2×2 table of sentence pairs: both, the Chinese, the English, all. */
function logLikelihood(both: number, zh: number, en: number, total: number): number {
  const cells = [both, zh - both, en - both, total - zh - en + both];
  const rows = [zh, total - zh];
  const columns = [en, total - en];
  let g = 0;
  cells.forEach((observed, i) => {
    const expected = (rows[i >> 1]! * columns[i & 1]!) / total;
    if (observed > 0 && expected > 0) g += observed * Math.log(observed / expected);
  });
  return 2 * g;
}

/**
 * Share of the best rendering's pairs a longer rendering holding it must come in to be taken as the
 * whole English (千比特秒 ↔ "kilobits per second" in 3 of the 4 pairs with "kilobits"); as
 * WHOLE_SHARE in extract-terms.ts.
 */
const WHOLE_ENGLISH_SHARE = 0.75;

/**
 * Share of a longer rendering's own pairs that must hold the Chinese: it is this unit's English, not
 * another unit's ("Yacht Club" for 俱乐部 is 帆船俱乐部's).
 */
const WHOLE_ENGLISH_OWN = 0.9;

/**
 * The longest rendering that holds the best one as whole words, comes with it nearly as often and
 * seldom without it.
 */
function wholeEnglish(
  best: Association,
  together: ReadonlyMap<string, { en: EnglishCandidate; both: number }>,
  enByNumberless: ReadonlyMap<string, ReadonlySet<number>>,
): Association {
  const key = ` ${numberless(best.en.key)} `;
  let whole = best;
  for (const [other, { en, both }] of together) {
    if (both < WHOLE_ENGLISH_SHARE * best.both || other.length <= whole.en.key.length) continue;
    if (!` ${other} `.includes(key)) continue;
    const enCount = enByNumberless.get(other)?.size ?? both;
    if (both < WHOLE_ENGLISH_OWN * enCount) continue;
    whole = {
      ...best,
      en,
      both,
      enCount,
      consistency: both / best.zhCount,
      dice: (2 * both) / (best.zhCount + enCount),
    };
  }
  return whole;
}
