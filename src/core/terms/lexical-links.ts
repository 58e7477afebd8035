import { BoundedCache } from '../bounded-cache.js';
import { hasDictionaryEntry, lookupGlosses, translationStems } from '../lexicon/cedict.js';
import { stemEnglish } from '../lexicon/english.js';
import type { ChineseToken } from '../lexicon/jieba.js';
import { joinedPinyin, personNameToPinyin } from '../lexicon/pinyin.js';
import { parseChineseNumeral } from '../numbers/index.js';
import { transliterationSimilarity } from './transliteration.js';

/** jieba tags of words that may be transliterations (names of foreign people, places, brands). */
const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nz', 'x', 'j']);
/** Transliteration similarity from which a name counts as linked; set by hand on the sample and mag dev names. */
const TRANSLITERATION_THRESHOLD = 0.8;
/** Administrative suffixes that English drops (重庆市 → Chongqing). */
const ADMIN_SUFFIX = /[市省县区州]$/u;

/**
 * Whether a Chinese word and an English word translate each other, by any of: a CC-CEDICT gloss
 * (stems equal, or one a prefix of the other from four letters: friend/friendship), pinyin (重庆 ↔
 * Chongqing, person names word by word), or a transliteration for name-like words.
 */
export function wordsLinked(token: ChineseToken, enWord: string): boolean {
  if (!/^\p{Script=Han}+$/u.test(token.simplified)) return false;
  // US is how English abbreviates what CC-CEDICT glosses as USA or America (中美).
  if (enWord === 'US' || enWord === 'U.S') return wordsLinked(token, 'USA') || wordsLinked(token, 'America');
  const lower = enWord.toLowerCase();
  const stem = stemEnglish(lower);
  if (token.tag === 'person') {
    const pinyin = personNameToPinyin(token.word).toLowerCase().split(' ');
    if (pinyin.some((part) => part === lower)) return true;
    // The name-finder also takes foreign names for Chinese ones (边沁 has the surname 边): the
    // dictionary's name for it, or its sound.
    if (!/^\p{Lu}/u.test(enWord)) return false;
    if (properNamesInGlosses(token.simplified).has(lower)) return true;
    return (
      !hasDictionaryEntry(token.simplified) &&
      token.simplified.length >= 2 &&
      transliterationSimilarity(token.simplified, enWord) >= TRANSLITERATION_THRESHOLD
    );
  }
  // Demonyms: Chinese ↔ 中国 (gloss China), American ↔ 美国.
  const demonymBase = lower.replace(/(?:ese|ian|an)$/, '');
  for (const gloss of glossStems(token.simplified)) {
    if (gloss === stem) return true;
    if (demonymBase !== lower && demonymBase.length >= 4 && gloss.startsWith(demonymBase)) return true;
    if (gloss.length >= 4 && stem.length >= 4 && (stem.startsWith(gloss) || gloss.startsWith(stem)))
      return true;
  }
  if (NAME_TAGS.has(token.tag) && properNamesInGlosses(token.simplified).has(lower)) return true;
  if (numeralsAgree(token.simplified, lower)) return true;
  // Pinyin of a single character matches too many English words by chance (讲 ↔ Jiang).
  if (token.simplified.length >= 2 && joinedPinyin(token.simplified) === lower) return true;
  const bare = token.simplified.replace(ADMIN_SUFFIX, '');
  if (bare !== token.simplified && bare.length >= 2 && joinedPinyin(bare) === lower) {
    return true;
  }
  // Transliteration only for words the dictionary does not know (贝索斯): 中国 is China, not Zhibing.
  if (NAME_TAGS.has(token.tag) && /^\p{Lu}/u.test(enWord) && !hasDictionaryEntry(token.simplified)) {
    return transliterationSimilarity(token.simplified.replace(/·/g, ''), enWord) >= TRANSLITERATION_THRESHOLD;
  }
  return false;
}

/**
 * Kept by word, bounded (twice this at most, BoundedCache): a server checks document after document,
 * and names and compounds CC-CEDICT lacks would otherwise pile up.
 */
const WORD_CACHE_LIMIT = 50_000;
const properNameCache = new BoundedCache<string, Set<string>>(WORD_CACHE_LIMIT);

/**
 * Capitalised words of a name's CC-CEDICT senses: 史迪威 "Joseph Stilwell (1883-1946), commander of US
 * forces …" gives joseph, stilwell. translationStems skips such senses as descriptions.
 */
export function properNamesInGlosses(simplified: string): Set<string> {
  return properNameCache.memo(simplified, namesInGlosses);
}

function namesInGlosses(simplified: string): Set<string> {
  const names = new Set<string>();
  for (const sense of lookupGlosses(simplified)) {
    const head = sense.replace(/\(.*$/, '').split(/[,;]/)[0] ?? '';
    const words = head.match(/\b\p{Lu}[\p{L}'’-]+/gu) ?? [];
    // A person's full name with dates (边沁 "Jeremy Bentham (1748-1832), …"): Chinese writes the
    // surname alone unless it writes the given name too, with a dot (杰里米·边沁).
    const person = /^[^(]*\(\d{3,4}\s*[-–]/.test(sense) && !simplified.includes('·');
    for (const word of person ? words.slice(-1) : words) names.add(word.toLowerCase());
  }
  return names;
}

const ROMAN = new Map(
  ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'].map((r, i) => [r, i + 1]),
);

/** 二级 ↔ level-II / 2, 十八 ↔ 18th: the numeral inside a Chinese word against a Roman or Arabic numeral. */
function numeralsAgree(simplified: string, lower: string): boolean {
  // Most words are neither: a Roman numeral is of i, v and x, an Arabic one starts with a digit.
  const first = lower.charCodeAt(0);
  if (!(first >= 0x30 && first <= 0x39) && !ROMAN.has(lower)) return false;
  // Ordinals too: 十八大 ↔ 18th.
  const digits = lower.match(/^(\d+)(?:st|nd|rd|th)?$/)?.[1];
  const value = ROMAN.get(lower) ?? (digits ? Number(digits) : undefined);
  if (value === undefined) return false;
  const numeral = simplified.match(/[一二三四五六七八九十两]+/u)?.[0];
  return numeral !== undefined && parseChineseNumeral(numeral) === value;
}

const glossCache = new BoundedCache<string, readonly string[]>(WORD_CACHE_LIMIT);

/**
 * translationStems, and for long names it gives nothing for (中国人民对外友好协会), the stems of the
 * dictionary words inside, longest first (中国人民 + 对外 + 友好 + 协会).
 */
function glossStems(simplified: string): readonly string[] {
  return glossCache.memo(simplified, stemsOfGlossesOrParts);
}

function stemsOfGlossesOrParts(simplified: string): readonly string[] {
  let stems = translationStems(simplified);
  if (stems.length === 0 && simplified.length > 2) {
    const parts: string[] = [];
    let at = 0;
    while (at < simplified.length) {
      let length = Math.min(4, simplified.length - at);
      while (length > 1 && !hasDictionaryEntry(simplified.slice(at, at + length))) length--;
      const part = simplified.slice(at, at + length);
      if (hasDictionaryEntry(part)) parts.push(part);
      at += length;
    }
    stems = [...new Set(parts.flatMap((part) => translationStems(part)))];
  }
  return stems;
}
