import { maskNumbers } from '../../core/fuzzy/numbers.js';
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
  const masked = maskNumbers(normal).text;
  const hash = hashKey(lang === 'zh' ? masked.replace(/ /g, '') : masked).toString(36);
  return lang === 'zh' ? `x${hash}` : `y${hash}`;
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

export function ftsDocument(
  zhTerms: Iterable<string>,
  enTerms: Iterable<string>,
  zhNormal: string,
  enNormal: string,
): string {
  let out = `${sameMaskedTerm(zhNormal, 'zh')} ${sameMaskedTerm(enNormal, 'en')} `;
  for (const term of zhTerms) out += `${ftsTerm(term, 'zh')} `;
  for (const term of enTerms) out += `e${term} `;
  return out;
}

/** An FTS5 string literal: the term in double quotes, inner quotes doubled. */
export function quoteTerm(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}
