import type { Lang } from '../types.js';

/**
 * Index terms for candidate retrieval, from normalised text (see normalize.ts). Chinese: character
 * bigrams within each run of Han characters (a lone character is kept as a unigram), Latin words as
 * whole words, digit runs. English: words and digit runs. Numbers are kept because they are the
 * rarest terms of many segments (dates, amounts); a segment whose number changed still meets its
 * match through the other terms. Terms keep their order and repeats.
 *
 * Why bigrams and not SQLite's trigram tokenizer: most Chinese words are two characters, and a
 * trigram index cannot find a two-character term at all; a bigram is the shortest unit that still
 * separates words (2-grams are what CAT tools and pg_bigm use for CJK).
 */
export function indexTerms(normalized: string, lang: Lang): string[] {
  return lang === 'zh' ? chineseTerms(normalized) : words(normalized);
}

const HAN_RUN = /\p{Script=Han}+|[\p{L}\p{M}]+|\p{Nd}+/gu;

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

/** Words and digit runs (apostrophes, hyphens and decimal points split them, as SQLite's unicode61 tokenizer does). */
export function words(text: string): string[] {
  // ASCII text (most English) takes a plain character class: ~3x faster than Unicode properties.
  if (ASCII.test(text)) return text.match(/[A-Za-z]+|[0-9]+/g) ?? [];
  return text.match(/[\p{L}\p{M}]+|\p{Nd}+/gu) ?? [];
}

const ASCII = /^[\x00-\x7f]*$/;
