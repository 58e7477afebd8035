import { SortedLines, sortLinesByKey } from './sorted-lines.js';

/**
 * pinyin-pro's character readings and surname readings, prebuilt (data/pinyin-readings.txt, made by
 * scripts/build-dictionary-index.ts from the installed pinyin-pro and opencc-js): a character's
 * readings are a look-up in the file's bytes. Loading pinyin-pro (its dictionaries are object
 * literals) and building its phrase automaton cost ~0.15 s of CPU at every start, for the few
 * hundred characters a document asks about.
 */
export const READINGS_HEADER =
  '# bitext: toneless pinyin readings by character and surname (from pinyin-pro; Traditional forms read as their Simplified fold)';

/** Keys of surname lines: a prefix no Han character has, so the two kinds of line never collide. */
const SURNAME = '!';
const TAB = 0x09;

/**
 * The table's text: a line `char<TAB>reading reading…` for every character with readings, then
 * `!surname<TAB>reading…` for each surname (欧阳 → ou yang), sorted by key bytes.
 */
export function buildReadingsTable(
  readings: ReadonlyMap<string, readonly string[]>,
  surnames: ReadonlyMap<string, readonly string[]>,
): string {
  const lines = [
    ...[...readings].map(([char, list]) => `${char}\t${list.join(' ')}`),
    ...[...surnames].map(([surname, syllables]) => `${SURNAME}${surname}\t${syllables.join(' ')}`),
  ];
  return `${READINGS_HEADER}\n${sortLinesByKey(lines, '\t').join('\n')}\n`;
}

export class ReadingsTable {
  private readonly lines: SortedLines;

  /** The file's bytes, or the file opened page by page (openSortedDataFile). */
  constructor(file: Uint8Array | SortedLines) {
    this.lines = file instanceof SortedLines ? file : new SortedLines(file, TAB);
    if (this.lines.header() !== READINGS_HEADER) throw new Error('not a bitext pinyin readings table');
  }

  private field(key: string): string[] | undefined {
    const at = this.lines.find(key);
    return at < 0 ? undefined : this.lines.value(at).split(' ');
  }

  /** Every toneless reading of a character, most common first; undefined for a character without. */
  readings(char: string): string[] | undefined {
    return this.field(char);
  }

  /** The syllables of a surname as a surname (单 → shan, 欧阳 → ou yang); undefined if it is none. */
  surname(surname: string): string[] | undefined {
    return this.field(SURNAME + surname);
  }
}
