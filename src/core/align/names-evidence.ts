import { BoundedCache } from '../bounded-cache.js';
import { readingCombinations, readingsOf, surnameSyllables } from '../lexicon/pinyin.js';
import { type KeyedTokens, keyTokens } from './coverage.js';
import { KeyTable } from './dictionary-evidence.js';

/** Capitalised English words, hyphenated romanisations joined (Bao-yu → baoyu). */
const CAPITALISED = /\p{Lu}[\p{L}'’]*(?:-\p{L}+)*/gu;

function romanisationKey(text: string): string {
  return text.toLowerCase().replace(/[-'’]/g, '');
}

/**
 * Words whose pinyin keys are kept between calls (twice this at most): a document's names recur,
 * and a process that aligns many documents must not keep every word it ever saw.
 */
export const PINYIN_CACHE_LIMIT = 20_000;
const pinyinCache = new BoundedCache<string, string[]>(PINYIN_CACHE_LIMIT);

/** Entries in the pinyin cache now (for the test that it stays bounded). */
export function pinyinCacheSize(): number {
  return pinyinCache.size;
}

/** Reading combinations kept per word, most common readings first: 重庆 has 4, a long word of polyphonic characters far more. */
const MAX_READINGS_PER_WORD = 16;

/**
 * Pinyin forms a Chinese name may take in English: the syllables joined, in each reading of its
 * characters (重庆 → chongqing), and for a word of three characters or more, read as a person name,
 * the surname read as a surname (单 → shan, 欧阳 → ouyang) before the given name, and the given name
 * alone (王广成 → guangcheng, as in "Wang Guangcheng"). Every reading rather than pinyin-pro's one in
 * context: only forms the document's English attests become keys, and reading characters from the
 * prebuilt table spares loading pinyin-pro and its phrase automaton (~0.15 s) at every start.
 */
function pinyinKeys(word: string): string[] {
  return pinyinCache.memo(word, pinyinFormsOf);
}

function pinyinFormsOf(word: string): string[] {
  const chars = [...word];
  const forms = new Set(readingCombinations(chars, MAX_READINGS_PER_WORD));
  if (chars.length >= 3) {
    const compound = surnameSyllables(chars[0]! + chars[1]!);
    const surnameLength = compound ? 2 : 1;
    const surname = compound ?? surnameSyllables(chars[0]!);
    const surnames = surname ? [surname.join('')] : readingsOf(chars[0]!);
    for (const given of readingCombinations(chars.slice(surnameLength), MAX_READINGS_PER_WORD)) {
      forms.add(given);
      for (const s of surnames) forms.add(s + given);
    }
  }
  return [...forms].filter((k) => /^[a-z]{3,}$/.test(k));
}

/** Letters of the longest pinyin syllable (zhuang, shuang). */
const LONGEST_SYLLABLE = 6;

/**
 * Whether some pinyin form of the word (pinyinFormsOf) may be a key of the document: each begins
 * with a reading of its first character (a surname's first syllable is one: a test holds the table
 * to it) or, in a word of three characters or more, of its given name's first character, and one of
 * those must begin an English key (`starts`: the keys' beginnings up to LONGEST_SYLLABLE letters).
 * Three in four of mac-dev's words are ruled out here, before their forms are made.
 */
function mayBeAttested(chars: readonly string[], starts: ReadonlySet<string>): boolean {
  if (anyBegins(readingsOf(chars[0]!), starts)) return true;
  return (
    chars.length >= 3 &&
    (anyBegins(readingsOf(chars[1]!), starts) || anyBegins(readingsOf(chars[2]!), starts))
  );
}

/** Whether a reading may begin a key: one of `starts`, or a reading no syllable is as long as. */
function anyBegins(readings: readonly string[], starts: ReadonlySet<string>): boolean {
  for (const reading of readings)
    if (reading.length === 0 || reading.length > LONGEST_SYLLABLE || starts.has(reading)) return true;
  return false;
}

/**
 * Name evidence: zh words of two or more characters whose pinyin appears as a capitalised English
 * word of the document (王广成 ↔ Wang Guangcheng, 重庆 ↔ Chongqing). Only pairs the document attests
 * become keys, so a word that merely sounds like nothing in the translation carries no evidence;
 * literary romanisations (Wade-Giles, nicknames) do not match, and the learned evidence covers them.
 */
export function nameTokens(zhWords: readonly (readonly string[])[], en: readonly string[]): KeyedTokens {
  const table = new KeyTable();
  const starts = new Set<string>();
  const enNames = en.map((sentence) =>
    [...sentence.matchAll(CAPITALISED)].map((m) => {
      const key = romanisationKey(m[0]);
      const known = table.size;
      const id = table.id(key);
      // A key's beginnings once, when it is first seen.
      if (id === known)
        for (let n = 1; n <= Math.min(key.length, LONGEST_SYLLABLE); n++) starts.add(key.slice(0, n));
      return id;
    }),
  );
  // A word's keys are found once per document, not at each of its occurrences.
  const keysOfWord = new Map<string, number[]>();
  const keysOf = (word: string): number[] => {
    let keys = keysOfWord.get(word);
    if (keys) return keys;
    const chars = [...word];
    keys =
      chars.length < 2 || !mayBeAttested(chars, starts)
        ? []
        : pinyinKeys(word).flatMap((k) => table.lookup(k) ?? []);
    keysOfWord.set(word, keys);
    return keys;
  };
  const zhKeys = zhWords.map((words) => words.map(keysOf));
  const reachable = new Set(zhKeys.flat(2));
  return keyTokens(
    zhKeys,
    enNames.map((keys) => keys.filter((k) => reachable.has(k))),
    table.size,
  );
}
