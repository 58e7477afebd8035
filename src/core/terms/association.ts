import { hasDictionaryEntry, lookupGlosses } from '../lexicon/cedict.js';
import { englishContentStems } from '../lexicon/english.js';
import type { ChineseToken } from '../lexicon/jieba.js';
import { type ChineseCandidate, kindOf } from './chinese-candidates.js';
import type { EnglishCandidate } from './english-candidates.js';
import { wordsLinked } from './lexical-links.js';
import {
  type AssociationUnit,
  MIN_NAME_RECURRENCE,
  nameLikeUnits,
  rendersAsName,
} from './name-like-units.js';
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
import { wholeEnglish, withModifiers } from './whole-english.js';

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

export type { AssociationSentence } from './unit-fragments.js';

/** A pair of phrases that recur together, with the pairs they share. */
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
export function associationUnits(zh: string, tokens: readonly ChineseToken[]): AssociationUnit[] {
  const units: AssociationUnit[] = [];
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
  // And those that pair only with an English name (name-like-units.ts).
  const keys = new Set(units.map((u) => u.key));
  return [...units, ...nameLikeUnits(zh, tokens).filter((u) => !keys.has(u.key))];
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
  const zhPairs = new Map<string, { candidate: AssociationUnit; pairs: number[] }>();
  for (const { units } of sentences) {
    for (const unit of units) {
      const entry = zhPairs.get(unit.key) ?? { candidate: unit, pairs: [] };
      // A unit read as an ordinary one anywhere is an ordinary one.
      if (entry.candidate.nameOnly && !unit.nameOnly) entry.candidate = unit;
      zhPairs.set(unit.key, entry);
    }
  }
  // A unit occurs wherever its characters do, however jieba cut them there (袭人 is one word in
  // 袭人也含着羞, part of 喜袭人 in 宝玉亦素喜袭人).
  const holding = pairsHolding(sentences);
  for (const entry of zhPairs.values()) entry.pairs = holding(entry.candidate.key);
  // A unit that jieba cut from a longer word (清扬 of 陈清扬, 刘老 of 刘老老) stands for that word.
  for (const [key, entry] of [...zhPairs]) {
    if (entry.pairs.length < MIN_RECURRENCE) continue;
    const grown = wholeUnit(entry.candidate, key, entry.pairs, sentences);
    if (!grown) continue;
    const whole = { ...grown, candidate: { ...grown.candidate, nameOnly: entry.candidate.nameOnly } };
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
    const minPairs = candidate.nameOnly ? MIN_NAME_RECURRENCE : MIN_RECURRENCE;
    if (pairs.length < minPairs) continue;
    const together = new Map<string, { en: EnglishCandidate; both: number }>();
    const forms = new Map<string, { en: EnglishCandidate; count: number }>();
    for (const index of pairs) {
      const seen = new Set<string>();
      for (const en of sentences[index]!.enCandidates) {
        const key = numberless(en.key);
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = together.get(key) ?? { en, both: 0 };
        entry.both++;
        together.set(key, entry);
        const form = forms.get(en.text) ?? { en, count: 0 };
        form.count++;
        forms.set(en.text, form);
      }
    }
    // Written singular where it is (Goong-goong, not the Goong-goongs it was first seen as), and as
    // most often (not as it starts a sentence).
    for (const { en, count } of forms.values()) {
      const entry = together.get(numberless(en.key))!;
      const rank = (e: EnglishCandidate, n: number) => (e.key === numberless(e.key) ? 1000 : 0) + n;
      if (rank(en, count) > rank(entry.en, forms.get(entry.en.text)!.count)) entry.en = en;
    }
    let best: Association | undefined;
    for (const [key, { en, both }] of together) {
      if (both < MIN_RECURRENCE || both < MIN_CONSISTENCY * pairs.length) continue;
      const enCount = enByNumberless.get(key)?.size ?? enPairs.get(en.key)?.length ?? both;
      const dice = (2 * both) / (pairs.length + enCount);
      if (dice < MIN_DICE) continue;
      if (logLikelihood(both, pairs.length, enCount, total) < MIN_LOG_LIKELIHOOD) continue;
      if (candidate.nameOnly && both < MIN_NAME_RECURRENCE) continue;
      // A unit the translator renders as a name is one however the dictionary glosses it (公公 ↔
      // Goong-goong); a name-like unit pairs with nothing else.
      const linked = plausible(candidate, en.text);
      if (candidate.nameOnly || (!linked && both >= MIN_NAME_RECURRENCE)) {
        const reads = rendersAsName(
          en,
          pairs.map((i) => sentences[i]!.en),
        );
        if (reads !== 'name' && !(reads === 'phrase' && linked)) continue;
      } else if (!linked) continue;
      const association = {
        candidate,
        en,
        both,
        zhCount: pairs.length,
        enCount,
        dice,
        consistency: both / pairs.length,
      };
      const words = en.contentWords.length - (best?.en.contentWords.length ?? 0);
      // On a near tie the longer English, or of two as long the likelier (veil over crimson).
      if (
        !best ||
        dice > best.dice + DICE_TIE ||
        (dice > best.dice - DICE_TIE && (words > 0 || (words === 0 && dice > best.dice)))
      )
        best = association;
    }
    if (!best) continue;
    const whole = wholeEnglish(best, together, enByNumberless);
    found.push(withModifiers(whole, together, pairs, sentences, MIN_RECURRENCE, MIN_CONSISTENCY));
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

/** For a Chinese string, the sentence pairs whose Chinese holds it, found through a character-bigram index. */
function pairsHolding(sentences: readonly AssociationSentence[]): (key: string) => number[] {
  const byBigram = new Map<string, number[]>();
  sentences.forEach(({ folded }, index) => {
    for (let i = 0; i + 2 <= folded.length; i++) {
      const bigram = folded.slice(i, i + 2);
      const list = byBigram.get(bigram) ?? byBigram.set(bigram, []).get(bigram)!;
      if (list.at(-1) !== index) list.push(index);
    }
  });
  return (key) => (byBigram.get(key.slice(0, 2)) ?? []).filter((i) => sentences[i]!.folded.includes(key));
}
