/**
 * The part of jieba's dictionary a text can use. jieba segments by a DAG of the dictionary words
 * found in the text, scored log(freq) − log(total) each (Sun Junyi's jieba; jieba-rs does the same),
 * and runs its HMM on the stretches no such word covers. A word with any character absent from the
 * text can never be found in it, so the words made only of the text's characters, with the
 * dictionary's total frequency kept by one extra entry of a character the text lacks, segment and
 * tag the text exactly as the whole dictionary does. Loading the whole one (349,045 words) took
 * ~0.2 s of CPU; a press release needs ~1,300 of them, a novel chapter ~60,000.
 */

import type { CodePointSet } from './code-point-set.js';
import { sortLinesByKey, utf8CodePointAt, utf8Width } from './sorted-lines.js';

const NEWLINE = 0x0a;
const SPACE = 0x20;

/**
 * The dictionary lines (UTF-8, "word freq tag\n") whose word is made only of characters in
 * `known` ∪ `added` and has at least one in `added`: the lines a segmenter that already holds every
 * word of `known`'s characters lacks once `added` joins them. With the sum of their frequencies.
 */
export function linesWithin(
  dictionary: Uint8Array,
  known: CodePointSet,
  added: CodePointSet,
  spans: readonly (readonly [number, number])[] = [[0, dictionary.length]],
): { lines: Uint8Array; frequency: number } {
  const picked: number[] = [];
  let length = 0;
  let frequency = 0;
  for (const [from, n] of spans) {
    let at = from;
    while (at < n) {
      let end = dictionary.indexOf(NEWLINE, at);
      if (end < 0) end = n;
      // The word: decode its code points until the space (UTF-8, at most 4 bytes each).
      let i = at;
      let within = true;
      let anyAdded = false;
      while (i < end) {
        const byte = dictionary[i]!;
        if (byte === SPACE) break;
        const codePoint = utf8CodePointAt(dictionary, i);
        i += utf8Width(byte);
        if (added.has(codePoint)) anyAdded = true;
        else if (!known.has(codePoint)) {
          within = false;
          break;
        }
      }
      if (within && anyAdded) {
        picked.push(at, end);
        length += end - at + 1;
        frequency += frequencyAt(dictionary, i + 1, end);
      }
      at = end + 1;
    }
  }
  const lines = new Uint8Array(length);
  let to = 0;
  for (let k = 0; k < picked.length; k += 2) {
    lines.set(dictionary.subarray(picked[k]!, picked[k + 1]!), to);
    to += picked[k + 1]! - picked[k]!;
    lines[to++] = NEWLINE;
  }
  return { lines, frequency };
}

/** The decimal number starting at `from` (jieba reads a missing one as 0). */
export function frequencyAt(dictionary: Uint8Array, from: number, end: number): number {
  let value = 0;
  for (let i = from; i < end; i++) {
    const digit = dictionary[i]! - 0x30;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return value;
}

/** The first line of a sorted jieba dictionary; the sum of all its words' frequencies follows. */
export const SORTED_DICTIONARY_HEADER =
  '# bitext: jieba dictionary (@node-rs/jieba dict.txt) sorted by word; total frequency ';

/**
 * jieba's dictionary with its lines sorted by word (UTF-8 bytes), after a header line that carries
 * the dictionary's total frequency: the words starting with a character are then one span of lines,
 * found by binary search (SortedLines.range), so a text's subset is read from the spans of its
 * characters instead of a pass over all 349,045 lines (~80 ms at every start). jieba reads a
 * dictionary's lines in any order; this one has no word twice.
 */
export function sortJiebaDictionary(dictionary: string): string {
  const lines = dictionary.split('\n').filter((line) => line.trim() !== '');
  let total = 0;
  for (const line of lines) total += Number(line.split(' ')[1] ?? 0) || 0;
  return `${SORTED_DICTIONARY_HEADER}${total}\n${sortLinesByKey(lines, ' ').join('\n')}\n`;
}
