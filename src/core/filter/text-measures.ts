import { foldToSimplified } from '../lexicon/script.js';

// Measures of a side's text the rules share. All take a string and return numbers.

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
const ENGLISH_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function countHan(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

export function countLatin(text: string): number {
  return text.match(LATIN)?.length ?? 0;
}

/** Characters that carry text on the zh side: Han, letters and digits (no punctuation or space). */
export function zhLength(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

export function englishWordCount(text: string): number {
  return text.match(ENGLISH_WORD)?.length ?? 0;
}

/** Han characters among Han and Latin letters (0 when it has neither). */
export function hanShare(text: string): number {
  const han = countHan(text);
  const latin = countLatin(text);
  return han + latin === 0 ? 0 : han / (han + latin);
}

/**
 * The form near-duplicates share: width and compatibility forms folded (NFKC), lower case,
 * Traditional folded to Simplified, punctuation, symbols and white space removed.
 */
export function nearDuplicateForm(text: string): string {
  return foldToSimplified(text.normalize('NFKC').toLowerCase()).replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '');
}

/**
 * A 53-bit hash of a string (cyrb53, public domain): dedupe keeps one number per distinct pair
 * instead of its text, so its memory is a few dozen bytes a distinct pair, whatever their length.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
