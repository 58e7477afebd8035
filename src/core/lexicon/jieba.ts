import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { BoundedCache } from '../bounded-cache.js';
import { CodePointSet } from './code-point-set.js';
import { openSortedDataFile } from './data-file.js';
import { linesWithin, SORTED_DICTIONARY_HEADER, sortJiebaDictionary } from './jieba-subset.js';
import { foldToSimplified } from './script.js';
import type { SortedLines } from './sorted-lines.js';

const require = createRequire(import.meta.url);

/** The native segmenter's class, loaded on first use (not by every command that imports the aligner). */
function jiebaClass(): typeof Jieba {
  return (require('@node-rs/jieba') as typeof import('@node-rs/jieba')).Jieba;
}

/** A word of Chinese text, with its span in the original (unfolded) string. */
export interface ChineseToken {
  /** The word as written in the input (Traditional stays Traditional). */
  word: string;
  /** The word folded to Simplified, the form dictionaries are keyed by. */
  simplified: string;
  start: number;
  end: number;
  /** jieba part-of-speech tag (ICTCLAS set: nr person, ns place, nt organisation, m numeral, …); '' from tokenizeChinese. */
  tag: string;
}

/**
 * jieba's dictionary sorted by word (data/jieba-dict.txt, made at build time by
 * scripts/build-dictionary-index.ts; see sortJiebaDictionary), as bytes searched in place. A checkout
 * that has not built it sorts @node-rs/jieba's dict.txt in memory (~0.5 s) and gets the same words.
 */
function sortedDictionary(): { table: SortedLines; total: number } {
  const table = openSortedDataFile(
    'jieba-dict.txt',
    () => {
      const { readFileSync } = require('node:fs') as typeof import('node:fs');
      return sortJiebaDictionary(readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8'));
    },
    (header) => header.startsWith(SORTED_DICTIONARY_HEADER),
  );
  const header = table.header();
  if (!header.startsWith(SORTED_DICTIONARY_HEADER))
    throw new Error('data/jieba-dict.txt is not a sorted jieba dictionary');
  return { table, total: Number(header.slice(SORTED_DICTIONARY_HEADER.length)) };
}

/**
 * The segmenter, loaded with the words of the characters seen so far (see jieba-subset.ts: the same
 * segmentation as with the whole dictionary) and grown as texts bring new characters; after
 * MAX_GROWTHS growths it holds the whole dictionary.
 */
interface Segmenter {
  jieba: Jieba;
  /** undefined: the whole dictionary. */
  known?: CodePointSet;
  /** The code points of `known`, to find their spans of the sorted dictionary. */
  knownList?: number[];
  /** A character of no known word, whose entry keeps jieba's total frequency that of the whole dictionary. */
  balance?: { word: string; frequency: number };
  growths: number;
}

/**
 * Growing by a text's new characters reads the dictionary's lines that start with a known or new
 * character (all of it, for a long document); a caller that announces its whole document
 * (prepareChineseText) grows once per document. Past this many growths
 * (a caller segmenting sentence by sentence) the whole dictionary costs less.
 */
const MAX_GROWTHS = 8;

let dictionary: { table: SortedLines; total: number } | undefined;
let segmenter: Segmenter | undefined;

function wholeDictionary(): Segmenter {
  dictionary ??= sortedDictionary();
  return {
    jieba: jiebaClass().withDict(dictionary.table.allBytes().subarray(dictionary.table.firstLine)),
    growths: 0,
  };
}

/** A segmenter that holds every dictionary word made of `text`'s characters. */
function getJieba(text: string): Jieba {
  // Called for every sentence: the common case (no new character) allocates nothing. It returns
  // here, on a line every call runs: V8 threw away the code it had optimised while the segmenter
  // grew, once per sentence, where a later line returned the same segmenter.
  const current = segmenter;
  if (current && (!current.known || current.known.hasAll(text))) return current.jieba;
  return grown(text);
}

/** The segmenter grown by `text`'s new characters (one at least, or no segmenter yet). */
function grown(text: string): Jieba {
  const known = segmenter?.known ?? new CodePointSet();
  const added = new CodePointSet();
  const addedList: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    if (!known.has(codePoint) && added.add(codePoint)) addedList.push(codePoint);
  }
  if (
    (segmenter?.growths ?? 0) >= MAX_GROWTHS ||
    (segmenter?.balance && added.has(segmenter.balance.word.codePointAt(0)!))
  ) {
    segmenter = wholeDictionary();
    return segmenter.jieba;
  }
  dictionary ??= sortedDictionary();
  const { table } = dictionary;
  const knownList = segmenter?.knownList ?? [];
  // Every new word has a character of `added`; it starts with one of `known` or of `added`.
  const spans = [...knownList, ...addedList].map((codePoint) => table.range(String.fromCodePoint(codePoint)));
  const { lines, frequency } = linesWithin(table.bytes, known, added, spans);
  for (const codePoint of addedList) {
    known.add(codePoint);
    knownList.push(codePoint);
  }
  const balanceWord = segmenter?.balance?.word ?? unusedCharacter(known);
  const balanceFrequency = (segmenter?.balance?.frequency ?? dictionary.total) - frequency;
  // jieba-rs re-reads a word already loaded as a new frequency and recomputes its total as the sum.
  const balanceLine = new TextEncoder().encode(`${balanceWord} ${balanceFrequency} x\n`);
  const load = new Uint8Array(lines.length + balanceLine.length);
  load.set(lines);
  load.set(balanceLine, lines.length);
  let jieba: Jieba;
  if (segmenter) {
    jieba = segmenter.jieba;
    jieba.loadDict(load);
  } else {
    jieba = jiebaClass().withDict(load);
  }
  segmenter = {
    jieba,
    known,
    knownList,
    balance: { word: balanceWord, frequency: balanceFrequency },
    growths: (segmenter?.growths ?? 0) + 1,
  };
  return jieba;
}

/** A private-use character no text seen so far has. */
function unusedCharacter(known: CodePointSet): string {
  let codePoint = 0xf0000;
  while (known.has(codePoint)) codePoint++;
  return String.fromCodePoint(codePoint);
}

/**
 * Announces Simplified (folded) text about to be segmented, e.g. a whole document before its
 * sentences, so the segmenter grows once for all its characters rather than sentence by sentence.
 * Changes no result: only how much of the dictionary is loaded when.
 */
export function prepareChineseText(simplifiedTexts: readonly string[]): void {
  getJieba(simplifiedTexts.join('\n'));
}

/**
 * Segment Chinese text into words. jieba segments Traditional text badly (對/外友/協), so the text is
 * folded to Simplified first and the original is cut by the token lengths (the fold keeps lengths).
 * The tokens are shared: do not change them.
 */
export function tokenizeChinese(text: string): readonly ChineseToken[] {
  return tokensCache.memo(text, cutText);
}

/**
 * The sentences segmented last, kept: the aligner's word and number evidence segment each sentence
 * of a document, one kind after the other. As for tagChinese, a kept result stays right.
 */
const tokensCache = new BoundedCache<string, readonly ChineseToken[]>(5_000);

function cutText(text: string): readonly ChineseToken[] {
  const folded = foldToSimplified(text);
  return cutByLengths(text, folded, getJieba(folded).cut(folded, true), () => '');
}

/**
 * The tag jieba's `tag` gives a word of its segmentation, without tagging the whole text (which
 * costs twice a segmentation, for a caller that needs one word's tag): jieba-rs tags a word by the
 * dictionary's entry when it has one with a frequency, else x, m or eng by its ASCII letters and
 * digits (none; digits only; others).
 */
export function chineseWordTag(simplifiedWord: string): string {
  dictionary ??= sortedDictionary();
  const { table } = dictionary;
  const at = table.find(simplifiedWord);
  if (at >= 0) {
    const [frequency, tag] = table.value(at).split(' ');
    if (Number(frequency) !== 0 && tag !== undefined) return tag;
  }
  const ascii = simplifiedWord.match(/[A-Za-z0-9]/g) ?? [];
  if (ascii.length === 0) return 'x';
  return ascii.every((c) => c >= '0' && c <= '9') ? 'm' : 'eng';
}

/**
 * The sentences tagged last, kept: QA's checks each tag a pair's Chinese (word links, the name-finder
 * twice, the name spelling check), one check after the other over the whole document. Segmentation
 * does not change as jieba grows, so a kept result stays right.
 */
const taggedCache = new BoundedCache<string, readonly ChineseToken[]>(5_000);

/** As tokenizeChinese, with part-of-speech tags (slower). The tokens are shared: do not change them. */
export function tagChinese(text: string): readonly ChineseToken[] {
  return taggedCache.memo(text, tagText);
}

function tagText(text: string): readonly ChineseToken[] {
  const folded = foldToSimplified(text);
  const tagged = getJieba(folded).tag(folded, true);
  return cutByLengths(
    text,
    folded,
    tagged.map((t) => t.word),
    (i) => tagged[i]?.tag ?? '',
  );
}

function cutByLengths(
  original: string,
  folded: string,
  words: string[],
  tagAt: (i: number) => string,
): ChineseToken[] {
  const tokens: ChineseToken[] = [];
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const start = at;
    at += w.length;
    tokens.push({
      word: original.slice(start, at),
      simplified: folded.slice(start, at),
      start,
      end: at,
      tag: tagAt(i),
    });
  }
  return tokens;
}
