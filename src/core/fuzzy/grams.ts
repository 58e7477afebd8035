import type { Lang } from '../types.js';

/**
 * Index terms for candidate retrieval, from normalised text (see normalize.ts). Chinese: character
 * bigrams within each run of Han characters (a lone character is kept as a unigram), Latin words as
 * whole words. English: words. Numbers are left out so that segments differing only in a number still
 * meet. Terms keep their order and repeats, so consecutive terms of a phrase are consecutive here.
 *
 * Why bigrams and not SQLite's trigram tokenizer: most Chinese words are two characters, and a
 * trigram index cannot find a two-character term at all; a bigram is the shortest unit that still
 * separates words (2-grams are what CAT tools and pg_bigm use for CJK).
 */
export function indexTerms(normalized: string, lang: Lang): string[] {
  return lang === 'zh' ? chineseTerms(normalized) : words(normalized);
}

const HAN_RUN = /\p{Script=Han}+|[\p{L}\p{M}]+/gu;

function chineseTerms(text: string): string[] {
  const terms: string[] = [];
  for (const [run] of text.matchAll(HAN_RUN)) {
    const chars = Array.from(run);
    if (!/\p{Script=Han}/u.test(chars[0]!)) {
      terms.push(run);
    } else if (chars.length === 1) {
      terms.push(run);
    } else {
      for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
    }
  }
  return terms;
}

/** Words: runs of letters (apostrophes and hyphens split them, as SQLite's unicode61 tokenizer does). */
export function words(text: string): string[] {
  // ASCII text (most English) takes a plain character class: ~3x faster than Unicode properties.
  if (ASCII.test(text)) return text.match(/[A-Za-z]+/g) ?? [];
  return text.match(/[\p{L}\p{M}]+/gu) ?? [];
}

const ASCII = /^[\x00-\x7f]*$/;
