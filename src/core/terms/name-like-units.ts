import { escapeRegExp } from '../escape-regexp.js';
import { isEnglishStopword } from '../lexicon/english.js';
import type { ChineseToken } from '../lexicon/jieba.js';
import { type ChineseCandidate, kindOf } from './chinese-candidates.js';
import type { EnglishCandidate } from './english-candidates.js';
import { FUNCTION_TAGS, isNonNominalChinese } from './part-of-speech.js';
import { NEVER_GROWS_BY, numberless } from './unit-fragments.js';

/**
 * Units the ordinary rules of association.ts leave out, which a translator may still render as a
 * name: a two-character word the dictionary knows as a common word (公公 "father-in-law; form of
 * address for a eunuch" ↔ Goong-goong, 皇上 "the emperor" ↔ Majesty), and a string jieba breaks
 * into single characters because it does not know the name (余/m 占/v 鳌/g ↔ Yu Zhan'ao). They are
 * paired only when the English shows the translator treats them as names (see rendersAsName), and on
 * MIN_NAME_RECURRENCE pairs, the recurrence the terms target of issue 13 asks for.
 */

/** Fewest pairs a name-like unit and its English must share (one more than for ordinary units). */
export const MIN_NAME_RECURRENCE = 5;
/** Longest string read off a run of single characters. */
const MAX_RUN_CHARS = 4;
/**
 * Mid-sentence occurrences of the English that must be capitalised for it to be a name; two at
 * least, so a word that merely starts sentences is not one.
 */
const CAPITALISED_SHARE = 0.9;
const MIN_MID_SENTENCE = 2;
/**
 * Share of those capitalised occurrences that must stand alone, not inside a longer name: University
 * is capitalised in Columbia University and University of Florida, but is no name of its own.
 */
const STANDALONE_SHARE = 0.5;

/** A unit for pairing by co-occurrence; `nameOnly` when its English must read as a name. */
export type AssociationUnit = ChineseCandidate & { nameOnly?: boolean };

/**
 * The name-like units of a sentence's tagged words: each two-character noun the dictionary knows
 * (jieba tag n or a name tag; not a verb, adjective or adverb), and each span of two to four
 * characters inside a run of single-character words that holds no function word.
 */
export function nameLikeUnits(zh: string, tokens: readonly ChineseToken[]): AssociationUnit[] {
  const units: AssociationUnit[] = [];
  const add = (parts: readonly ChineseToken[]) => {
    const key = parts.map((p) => p.simplified).join('');
    units.push({
      text: zh.slice(parts[0]!.start, parts.at(-1)!.end),
      key,
      start: parts[0]!.start,
      end: parts.at(-1)!.end,
      tokens: [...parts],
      kind: kindOf(parts, key),
      nameOnly: true,
    });
  };
  let run: ChineseToken[] = [];
  const flush = () => {
    for (let i = 0; i < run.length; i++)
      for (let j = i + 1; j < Math.min(run.length, i + MAX_RUN_CHARS); j++) add(run.slice(i, j + 1));
    run = [];
  };
  for (const token of tokens) {
    if (
      token.word.length === 1 &&
      /^\p{Script=Han}$/u.test(token.word) &&
      !FUNCTION_TAGS.has(token.tag) &&
      !NEVER_GROWS_BY.has(token.simplified)
    ) {
      run.push(token);
      continue;
    }
    flush();
    if (
      token.word.length === 2 &&
      /^\p{Script=Han}+$/u.test(token.word) &&
      // Nor a word with a function character or verb of speech (老道 of 刘老老道: Grannie Liu said).
      ![...token.simplified].some((c) => NEVER_GROWS_BY.has(c)) &&
      /^n[rstz]?$/.test(token.tag) &&
      !isNonNominalChinese(token)
    )
      add([token]);
  }
  flush();
  return units;
}

/**
 * How an English rendering reads in the pairs it shares with the unit: as a `name` when it is
 * capitalised wherever it stands inside a sentence ("Which of the Goong-goongs", "His Majesty"), not
 * just where a sentence begins, and mostly on its own rather than inside a longer name; as a `phrase`
 * when it has two content words or more; else undefined.
 * A name is evidence enough that the unit is one; a phrase must still link to the unit's words.
 */
export function rendersAsName(
  en: EnglishCandidate,
  sentences: readonly string[],
): 'name' | 'phrase' | undefined {
  // Plurals too (toads is the common noun of Toad Hollow).
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(numberless(en.text))}(?:e?s)?(?![\\p{L}\\p{N}])`,
    'giu',
  );
  let inside = 0;
  let capitalised = 0;
  let alone = 0;
  for (const sentence of sentences) {
    for (const match of sentence.matchAll(pattern)) {
      const before = sentence.slice(0, match.index).trimEnd();
      // A sentence or a quotation starts here: a capital says nothing.
      if (before === '' || /[.!?'"‘“’”:—–…(]$/u.test(before)) continue;
      inside++;
      if (!/^\p{Lu}/u.test(match[0])) continue;
      capitalised++;
      const after = sentence.slice(match.index + match[0].length);
      if (
        !namePart(before.match(/[\p{L}'’-]+$/u)?.[0]) &&
        !namePart(after.match(/^\s+(?:of\s+)?([\p{L}'’-]+)/u)?.[1])
      )
        alone++;
    }
  }
  if (
    inside >= MIN_MID_SENTENCE &&
    capitalised >= CAPITALISED_SHARE * inside &&
    alone >= STANDALONE_SHARE * capitalised
  )
    return 'name';
  return en.contentWords.length >= 2 ? 'phrase' : undefined;
}

/** A capitalised word that is no function word (Columbia, not His or The). */
function namePart(word: string | undefined): boolean {
  return word !== undefined && /^\p{Lu}/u.test(word) && !isEnglishStopword(word.toLowerCase());
}
