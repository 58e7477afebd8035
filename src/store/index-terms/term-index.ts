import { indexTerms } from '../../core/fuzzy/grams.js';
import { maskNumbers, NUMBER_MASK } from '../../core/fuzzy/numbers.js';
import type { Lang } from '../../core/types.js';

/**
 * A 53-bit hash of the key (cyrb53: two 32-bit multiply-xorshift lanes), a safe JavaScript integer:
 * about 7x faster than SHA-256 through node:crypto on 50-character keys, which matters at 20,000+
 * units/s; collisions are resolved by probing, so the hash never decides equality.
 */
export function hashKey(key: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  return finishHash(h1, h2);
}

function finishHash(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The index term a side is found by when equal to the query but for its numbers: a hash of the
 * normalised side with numbers masked, as `x…` (zh) or `y…` (en) in base 36. A lookup finds the 100%
 * and number-only matches, the commonest useful ones, with one posting-list read. Kept in the FTS
 * table rather than as indexed columns: two more B-tree inserts per unit cost more than two tokens.
 */
export function sameMaskedTerm(normal: string, lang: Lang): string {
  return base36(lang === 'zh' ? 'x' : 'y', maskedHash(normal, lang === 'zh'));
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * `prefix + n.toString(36)` for a safe non-negative integer, digit by digit: Number#toString(36) takes
 * ~1 µs (it is written for fractions too), which was 8% of the import worker's time.
 */
export function base36(prefix: string, n: number): string {
  let digits = '';
  do {
    const quotient = Math.floor(n / 36);
    digits = BASE36[n - quotient * 36]! + digits;
    n = quotient;
  } while (n > 0);
  return prefix + digits;
}

const MASK_CODE = NUMBER_MASK.charCodeAt(0);
const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * hashKey(maskNumbers(text).text), spaces removed first when `dropSpaces`, in one pass without
 * building the masked string (the regex replace and the copies were 7% of the import CPU). A number is
 * what numbers.ts masks, `\d+(?:[.,]\d+)*`; maskedHashByRegex is the reference it is tested against.
 */
export function maskedHash(text: string, dropSpaces: boolean): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    let c = text.charCodeAt(i);
    if (isDigit(c)) {
      while (i + 1 < length) {
        const next = text.charCodeAt(i + 1);
        if (isDigit(next)) i++;
        else if ((next === 46 || next === 44) && i + 2 < length && isDigit(text.charCodeAt(i + 2))) i += 2;
        else break;
      }
      c = MASK_CODE;
    } else if (c === 32 && dropSpaces) {
      continue;
    }
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  return finishHash(h1, h2);
}

/** The definition maskedHash must agree with. */
export function maskedHashByRegex(text: string, dropSpaces: boolean): number {
  const masked = maskNumbers(text).text;
  return hashKey(dropSpaces ? masked.replace(/ /g, '') : masked);
}

/**
 * Both languages share one FTS5 table (one insert per unit instead of two). English words get an
 * `e` prefix and Latin words of the Chinese side a `z` prefix, so a side's terms never meet the other
 * side's; Han bigrams occur only on the Chinese side and stay as they are.
 */
export function ftsTerm(term: string, lang: Lang): string {
  if (lang === 'en') return `e${term}`;
  // indexTerms gives Han runs or Latin-script words; Han starts at U+2E80.
  return term.charCodeAt(0) >= 0x2e80 ? term : `z${term}`;
}

/** The inverse of ftsTerm for the index terms of a side (not the masked-side hashes). */
export function termOfFtsKey(key: string): { lang: Lang; term: string } {
  if (key.charCodeAt(0) >= 0x2e80) return { lang: 'zh', term: key };
  return { lang: key[0] === 'e' ? 'en' : 'zh', term: key.slice(1) };
}

/** An FTS5 string literal: the term in double quotes, inner quotes doubled. */
export function quoteTerm(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * The distinct terms a side is indexed and looked up by (indexTerms without repeats). Insert (through
 * TermCounts), lookup and concordance all take their terms from indexTerms, so they agree.
 */
export function storedTerms(normal: string, lang: Lang): Set<string> {
  return new Set(indexTerms(normal, lang));
}
