import { foldToSimplified } from '../lexicon/script.js';
import type { TermPair } from './types.js';

/**
 * A shorter Chinese term with the same English as a longer one, most of whose characters it repeats
 * in order (对外友协 in 中国人民对外友好协会), is marked as its abbreviation.
 */
export function linkAbbreviations(terms: TermPair[]): TermPair[] {
  const byEnglish = new Map<string, TermPair[]>();
  for (const term of terms) {
    const group = byEnglish.get(term.en.toLowerCase()) ?? [];
    group.push(term);
    byEnglish.set(term.en.toLowerCase(), group);
  }
  for (const group of byEnglish.values()) {
    for (const short of group) {
      if (short.abbreviationOf) continue;
      const full = group.find(
        (other) =>
          other !== short &&
          other.zh.length > short.zh.length &&
          subsequenceShare(foldToSimplified(short.zh), foldToSimplified(other.zh)) >= 0.6,
      );
      if (full) short.abbreviationOf = full.zh;
    }
  }
  return terms;
}

/** Share of `short`'s characters found in order in `long`. */
function subsequenceShare(short: string, long: string): number {
  let at = 0;
  let found = 0;
  for (const char of short) {
    const next = long.indexOf(char, at);
    if (next < 0) continue;
    found++;
    at = next + 1;
  }
  return found / short.length;
}
