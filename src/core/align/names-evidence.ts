import { BoundedCache } from '../bounded-cache.js';
import { personNameToPinyin, pinyinSyllables } from '../lexicon/pinyin.js';
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

/**
 * Pinyin forms a Chinese name may take in English: the syllables joined (重庆 → chongqing), and
 * for a person name the given name alone (王广成 → guangcheng, as in "Wang Guangcheng") with the
 * surname read as a surname (单 → shan).
 */
function pinyinKeys(word: string): string[] {
  let keys = pinyinCache.get(word);
  if (keys) return keys;
  const joined = pinyinSyllables(word).join('').toLowerCase();
  const forms = new Set([joined]);
  if ([...word].length >= 3) {
    const parts = personNameToPinyin(word).toLowerCase().split(' ');
    forms.add(parts.join(''));
    if (parts.length === 2) forms.add(parts[1]!);
  }
  keys = [...forms].filter((k) => /^[a-z]{3,}$/.test(k));
  pinyinCache.set(word, keys);
  return keys;
}

/**
 * Name evidence: zh words of two or more characters whose pinyin appears as a capitalised English
 * word of the document (王广成 ↔ Wang Guangcheng, 重庆 ↔ Chongqing). Only pairs the document attests
 * become keys, so a word that merely sounds like nothing in the translation carries no evidence;
 * literary romanisations (Wade-Giles, nicknames) do not match, and the learned evidence covers them.
 */
export function nameTokens(zhWords: readonly (readonly string[])[], en: readonly string[]): KeyedTokens {
  const table = new KeyTable();
  const enNames = en.map((sentence) =>
    [...sentence.matchAll(CAPITALISED)].map((m) => table.id(romanisationKey(m[0]))),
  );
  const zhKeys = zhWords.map((words) =>
    words.map((word) => {
      if ([...word].length < 2) return [];
      return pinyinKeys(word).flatMap((k) => table.lookup(k) ?? []);
    }),
  );
  const reachable = new Set(zhKeys.flat(2));
  return keyTokens(
    zhKeys,
    enNames.map((keys) => keys.filter((k) => reachable.has(k))),
    table.size,
  );
}
