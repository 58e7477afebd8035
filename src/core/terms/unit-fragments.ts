import { BoundedCache } from '../bounded-cache.js';
import { hasDictionaryEntry, lookupGlosses } from '../lexicon/cedict.js';
import type { ChineseToken } from '../lexicon/jieba.js';
import type { Association } from './association.js';
import { type ChineseCandidate, kindOf } from './chinese-candidates.js';
import type { EnglishCandidate } from './english-candidates.js';
import type { AssociationUnit } from './name-like-units.js';

/**
 * Fragments of units: what jieba cut from a longer word, and halves of one name. The association
 * pass (association.ts) counts units by jieba's words; these put the pieces back together.
 */

/** Longest unit, in characters. */
export const MAX_UNIT_CHARS = 10;
/** Share of a unit's occurrences with the same character beside it, from which the unit is a fragment. */
const FRAGMENT_SHARE = 0.9;
/**
 * The share that suffices where jieba itself reads the character with the unit, as one word, in half
 * the occurrences at least: a name spelled two ways (伯基茨维 three times, 玻基茨维尔 once, ↔
 * Burkittsville) is grown by its commoner first character, not cut to the letters both spellings share.
 * 0.75 is three of four; a unit followed by another word (美洲杯|帆船赛) is not grown by this rule.
 */
const FRAGMENT_SHARE_IN_WORD = 0.75;
/** Characters a unit never grows by: function words and verbs of speech (王琦瑶的, 刘老老道). */
export const NEVER_GROWS_BY = new Set(
  '的了着过在是和与及或也都就又说道把被对从向给让这那不很我你他她它们'.split(''),
);
/** A sentence pair as the association pass reads it. */
export interface AssociationSentence {
  /** The Chinese folded to Simplified. */
  folded: string;
  zh: string;
  /** The English sentence, read for how a rendering is written (name-like-units.ts). */
  en: string;
  units: readonly AssociationUnit[];
  enCandidates: readonly EnglishCandidate[];
}

/**
 * The longer unit a recurring unit is a fragment of: while one Han character stands on the same side
 * of nearly all its occurrences, the unit grows by it (the C-value idea that a string always seen
 * inside a longer one is not a unit, Frantzi et al. 2000). Undefined when the unit is whole.
 */
export function wholeUnit(
  unit: ChineseCandidate,
  key: string,
  pairs: readonly number[],
  sentences: readonly AssociationSentence[],
): { candidate: ChineseCandidate; pairs: number[] } | undefined {
  let whole = key;
  for (let grown = true; grown && whole.length < MAX_UNIT_CHARS; ) {
    grown = false;
    for (const side of [-1, 1]) {
      const beside = new Map<string, number>();
      const inWord = new Map<string, number>();
      let occurrences = 0;
      for (const index of pairs) {
        const sentence = sentences[index]!;
        const text = sentence.folded;
        for (let at = text.indexOf(whole); at >= 0; at = text.indexOf(whole, at + 1)) {
          occurrences++;
          const char = side < 0 ? text[at - 1] : text[at + whole.length];
          if (!char || !/\p{Script=Han}/u.test(char) || NEVER_GROWS_BY.has(char)) continue;
          beside.set(char, (beside.get(char) ?? 0) + 1);
          if (insideWord(sentence).has(side < 0 ? at : at + whole.length))
            inWord.set(char, (inWord.get(char) ?? 0) + 1);
        }
      }
      const [char, count] = [...beside].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
      const jiebaToo =
        (inWord.get(char) ?? 0) >= 0.5 * occurrences && count >= FRAGMENT_SHARE_IN_WORD * occurrences;
      if (occurrences > 0 && (count >= FRAGMENT_SHARE * occurrences || jiebaToo)) {
        whole = side < 0 ? char + whole : whole + char;
        grown = true;
        break;
      }
    }
  }
  // Grown into a verb (投不 + 投降 "to surrender" is a question, 投不投降), it was no name.
  if (whole === key || /^to /.test(lookupGlosses(whole.slice(-2))[0] ?? '')) return undefined;
  const where = pairs.filter((i) => sentences[i]!.folded.includes(whole));
  // Opaque (a name, or unknown to the dictionary) if the fragment was: see plausible.
  const opaque = unit.tokens.some(isOpaque) && !hasDictionaryEntry(whole);
  return { candidate: candidateAt(whole, sentences[where[0]!]!, opaque), pairs: where };
}

const insideWords = new WeakMap<AssociationSentence, Set<number>>();

/** Offsets of a sentence that fall inside one of jieba's words (between two of its characters). */
function insideWord(sentence: AssociationSentence): Set<number> {
  let inside = insideWords.get(sentence);
  if (inside) return inside;
  inside = new Set();
  for (const unit of sentence.units)
    for (const token of unit.tokens) for (let p = token.start + 1; p < token.end; p++) inside.add(p);
  insideWords.set(sentence, inside);
  return inside;
}

/** A unit read off a sentence as one token, where jieba's words do not make it. */
function candidateAt(whole: string, sentence: AssociationSentence, opaque: boolean): ChineseCandidate {
  const start = sentence.folded.indexOf(whole);
  const text = sentence.zh.slice(start, start + whole.length);
  const token: ChineseToken = {
    word: text,
    simplified: whole,
    start,
    end: start + whole.length,
    tag: opaque ? 'x' : 'n',
  };
  return { text, key: whole, start, end: token.end, tokens: [token], kind: kindOf([token], whole) };
}

/**
 * A phrase key with each word's plural -s dropped, kept by key: the association counts ask again for
 * each English candidate of every pair a unit is in (the sample: 4,807 calls of 480 keys).
 */
export function numberless(key: string): string {
  return numberlessKeys.memo(key, dropPlurals);
}

const numberlessKeys = new BoundedCache<string, string>(50_000);

function dropPlurals(key: string): string {
  return key.replace(/(?<=\p{L}{3})s\b/gu, '');
}

/**
 * Two units paired with the same English that stand side by side (科菲 + 维尔 ↔ Coffeyville, which jieba
 * cuts 科菲|维尔 and names 科菲 alone once) are halves of one: they give way to the whole, counted again.
 */
export function mergeAdjacent(
  found: readonly Association[],
  sentences: readonly AssociationSentence[],
  enByNumberless: ReadonlyMap<string, ReadonlySet<number>>,
  minPairs: number,
): Association[] {
  const dropped = new Set<Association>();
  const added: Association[] = [];
  const byEnglish = new Map<string, Association[]>();
  for (const a of found) {
    const key = numberless(a.en.key);
    (byEnglish.get(key) ?? byEnglish.set(key, []).get(key)!).push(a);
  }
  for (const [key, group] of byEnglish) {
    for (const a of group) {
      for (const b of group) {
        if (a === b || dropped.has(a) || dropped.has(b)) continue;
        const whole = a.candidate.key + b.candidate.key;
        const where = sentences.flatMap((s, i) => (s.folded.includes(whole) ? [i] : []));
        if (where.length < minPairs) continue;
        const english = enByNumberless.get(key) ?? new Set<number>();
        const both = where.filter((i) => english.has(i)).length;
        const opaque = [...a.candidate.tokens, ...b.candidate.tokens].some(isOpaque);
        dropped.add(a);
        dropped.add(b);
        added.push({
          candidate: candidateAt(whole, sentences[where[0]!]!, opaque),
          en: a.en,
          both,
          zhCount: where.length,
          enCount: english.size,
          dice: (2 * both) / (where.length + english.size),
          consistency: both / where.length,
        });
      }
    }
  }
  return [...found.filter((a) => !dropped.has(a)), ...added];
}

/**
 * A name or a word the dictionary does not know: its translation need not link. A name-finder
 * person that is a dictionary common noun (和尚 "monk") is not opaque.
 */
export function isOpaque(token: ChineseToken): boolean {
  // A variant spelling (爱滋病 "variant of 艾滋病") has no gloss of its own to link by.
  const senses = lookupGlosses(token.simplified);
  if (senses.length === 0 || senses.every((s) => /^(?:variant of|see |old variant)/.test(s))) return true;
  if (!['person', 'nr', 'nrt', 'nrfg', 'ns', 'nz', 'x'].includes(token.tag)) return false;
  return token.tag !== 'person' || /^\p{Lu}/u.test(senses[0]!);
}
