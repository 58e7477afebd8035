import { isEnglishStopword } from '../lexicon/english.js';
import { isModifierOrVerbForm } from './part-of-speech.js';

/** A word of an English sentence. */
export interface EnglishWord {
  text: string;
  /** Lower-cased, possessive 's dropped. */
  lower: string;
  start: number;
  end: number;
  content: boolean;
}

/** An English term candidate: words [first, last] of its sentence. */
export interface EnglishCandidate {
  text: string;
  /** Lower-cased, for counting across pairs. */
  key: string;
  start: number;
  end: number;
  first: number;
  last: number;
  /** Indices of its content words. */
  contentWords: number[];
  /** Every content word starts with a capital (a proper name). */
  capitalised: boolean;
}

// Hyphenated words are split (Chengdu-Chongqing is two names, level-II a word and a numeral) but
// candidate texts are cut from the sentence, so they keep their hyphens.
const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;
/** Function words allowed inside a term (Association for Friendship with Foreign Countries). */
const INNER_CONNECTORS = new Set(['of', 'for', 'with', 'the', 'on', 'in', 'to', 'de', 'per', 'from']);
const MAX_WORDS = 12;
/** Adjectives that cannot end a noun phrase ("Chongqing's foreign" is a fragment of "… foreign affairs work"). */
const NOT_FINAL = new Set(
  (
    'foreign international national economic social political cultural friendly chinese local global ' +
    'municipal provincial public new good great main major important various relevant further related ' +
    'joint mutual common external internal overall continuous full special such many several'
  ).split(' '),
);

/** The words of an English sentence; `clause` numbers change where punctuation other than - and ' stands. */
export function englishWords(en: string): (EnglishWord & { clause: number })[] {
  const words: (EnglishWord & { clause: number })[] = [];
  let clause = 0;
  let previousEnd = 0;
  for (const match of en.matchAll(WORD)) {
    const between = en.slice(previousEnd, match.index);
    if (/[,;:!?()[\]{}"“”‘（），。；：！？]|\.\s|\s[-–—]\s|’\s|[–—]/u.test(between)) clause++;
    const text = match[0].replace(/\.$/, '');
    const lower = text.toLowerCase().replace(/['’]s$/, '');
    words.push({
      text,
      lower,
      start: match.index,
      end: match.index + text.length,
      // US is a country here, not the pronoun.
      content: (!isEnglishStopword(lower) || /^[A-Z]{2,}$/.test(text)) && !/^\d+$/.test(lower),
      clause,
    });
    previousEnd = match.index + match[0].length;
  }
  return words;
}

/**
 * Candidate phrases: word n-grams inside one clause that start and end with a content word; inside,
 * only content words and connectors (of, for, with, and, the …).
 */
export function englishCandidates(en: string, words = englishWords(en)): EnglishCandidate[] {
  const candidates: EnglishCandidate[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.content || en[words[i]!.start - 1] === '-') continue;
    const contentWords: number[] = [];
    for (let j = i; j < Math.min(words.length, i + MAX_WORDS); j++) {
      const word = words[j]!;
      if (word.clause !== words[i]!.clause) break;
      // The particle of a hyphenated word ends a phrase like a noun (opening-up, follow-up), though it
      // translates nothing itself.
      const particle = !word.content && j > i && en[word.start - 1] === '-';
      if (!word.content && !particle && !INNER_CONNECTORS.has(word.lower) && !commonNounAnd(words, j)) break;
      if (!word.content && !particle) continue;
      // A possessive starts a noun phrase of its own unless a name follows (People's Association).
      const previous = words[j - 1];
      if (j > i && previous && /['’]s$/i.test(previous.text) && !/^\p{Lu}/u.test(word.text)) break;
      if (!particle) contentWords.push(j);
      // A term is a noun phrase: it does not end in an adjective, an adverb or a participle (dramatic,
      // devoted), nor on the first half of a hyphenated word.
      if (NOT_FINAL.has(word.lower) || isModifierOrVerbForm(word.text) || en[word.end] === '-') continue;
      // A final possessive belongs to the sentence, not the term: Chongqing's → Chongqing.
      const end = /['’]s$/i.test(word.text) ? word.end - 2 : word.end;
      const text = en.slice(words[i]!.start, end);
      candidates.push({
        text,
        key: text.toLowerCase(),
        start: words[i]!.start,
        end,
        first: i,
        last: j,
        contentWords: [...contentWords],
        capitalised: contentWords.every((k) => /^\p{Lu}/u.test(words[k]!.text)),
      });
    }
  }
  return candidates;
}

/** On a tie, the phrase with more content words, then more text (Chengdu-Chongqing over Chongqing's). */
export function longer(a: EnglishCandidate, b: EnglishCandidate): boolean {
  if (a.contentWords.length !== b.contentWords.length) return a.contentWords.length > b.contentWords.length;
  return a.text.length > b.text.length;
}

/**
 * "and" between two lower-case words joins one unit (reform and opening-up, research and development);
 * between names it joins two (… Foreign Countries and Sichuan Provincial …).
 */
function commonNounAnd(words: readonly EnglishWord[], j: number): boolean {
  if (words[j]!.lower !== 'and') return false;
  const before = words[j - 1];
  const after = words[j + 1];
  return !!before && !!after && /^\p{Ll}/u.test(before.text) && /^\p{Ll}/u.test(after.text);
}
