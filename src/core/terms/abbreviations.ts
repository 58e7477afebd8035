import type { ChineseToken } from '../lexicon/jieba.js';
import { foldToSimplified } from '../lexicon/script.js';
import type { TermPair } from './types.js';

/**
 * Lengths of a Chinese abbreviation: 中促会 for 中国民间组织国际交流促进会, 全总, 中科院, 全国人大. Not tuned:
 * the only one found in the text of the founding sample and mag dev is 中促会.
 */
const MIN_CHARS = 2;
const MAX_CHARS = 4;

/**
 * Abbreviations of a long name in a sentence, given as its jieba words (tokenizeChinese). Chinese abbreviates a name by keeping characters of its
 * words in order, from the first word to the head (中国|民间组织|国际交流|促进会 → 中促会), so a
 * candidate is a run of whole jieba words, two to four characters, that is not part of the name
 * itself, whose characters occur in the name in that order, the first in its first word and the last
 * in its last word. Returns the longest such runs, in Simplified.
 */
export function abbreviationsIn(tokens: readonly ChineseToken[], nameWords: readonly string[]): string[] {
  if (nameWords.length < 3) return [];
  const name = nameWords.join('');
  const firstEnd = nameWords[0]!.length;
  const lastStart = name.length - nameWords.at(-1)!.length;
  const found: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let text = '';
    for (let j = i; j < tokens.length; j++) {
      text += tokens[j]!.simplified;
      if (!/^\p{Script=Han}+$/u.test(text) || text.length > MAX_CHARS) break;
      if (text.length < MIN_CHARS || name.includes(text)) continue;
      if (embeds(text, name, firstEnd, lastStart)) {
        found.push({ start: tokens[i]!.start, end: tokens[j]!.end, text });
      }
    }
  }
  const longest = found.filter(
    (a) =>
      !found.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.text.length > a.text.length),
  );
  return [...new Set(longest.map((a) => a.text))];
}

/** Whether `short` is a subsequence of `name` starting before `firstEnd` and ending at or after `lastStart`. */
function embeds(short: string, name: string, firstEnd: number, lastStart: number): boolean {
  let at = name.indexOf(short[0]!);
  if (at < 0 || at >= firstEnd) return false;
  for (let i = 1; i < short.length; i++) {
    const from = i === short.length - 1 ? Math.max(at + 1, lastStart) : at + 1;
    at = name.indexOf(short[i]!, from);
    if (at < 0) return false;
  }
  return at >= lastStart;
}

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
    if (group.length < 2) continue;
    const folded = group.map((term) => foldToSimplified(term.zh));
    group.forEach((short, i) => {
      if (short.abbreviationOf) return;
      const full = group.find(
        (other, j) =>
          j !== i && other.zh.length > short.zh.length && subsequenceShare(folded[i]!, folded[j]!) >= 0.6,
      );
      if (full) short.abbreviationOf = full.zh;
    });
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
