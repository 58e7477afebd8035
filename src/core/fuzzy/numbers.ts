/**
 * Numbers are placeables: CAT tools score `2020年` against `2021年` as a near-full match and show the
 * number that differs, because the translator only has to copy the new number.
 */

/** Stands for one number in masked text: a private-use code point, so it can never occur in real text. */
export const NUMBER_MASK = '\uE000';

// Digits with inner separators (1,000.5 · 3.14 · 2020-21 stays two numbers).
const NUMBER = /\d+(?:[.,]\d+)*/gu;

export interface MaskedText {
  text: string;
  numbers: string[];
}

export function maskNumbers(text: string): MaskedText {
  const numbers: string[] = [];
  const masked = text.replace(NUMBER, (n) => {
    numbers.push(n);
    return NUMBER_MASK;
  });
  return { text: masked, numbers };
}

/** A number of the query that the match has differently (paired in order of appearance). */
export interface NumberDifference {
  query: string;
  match: string | null;
}

export function numberDifferences(query: readonly string[], match: readonly string[]): NumberDifference[] {
  const differences: NumberDifference[] = [];
  const length = Math.max(query.length, match.length);
  for (let i = 0; i < length; i++) {
    const q = query[i];
    const m = match[i];
    if (q !== m) differences.push({ query: q ?? '', match: m ?? null });
  }
  return differences;
}
