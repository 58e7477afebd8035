import { SortedLines, sortLinesByKey } from './sorted-lines.js';

/**
 * pinyin-pro's reading of a text in context (重庆 → chong qing; a person's name with its surname
 * read as one: 单田芳 → Shan Tianfang), computed from its own phrase patterns, prebuilt
 * (data/pinyin-phrases.txt, made by scripts/build-dictionary-index.ts from the installed pinyin-pro
 * and searched in place), and the readings table (pinyin-table.ts), instead of loading pinyin-pro:
 * its module costs ~75 ms of CPU to load and its first reading ~75 ms more (it builds an Aho–Corasick
 * automaton over its patterns), ~150 ms of every `bitext qa` and `bitext terms`, for a few hundred
 * short strings.
 *
 * The same algorithm as pinyin-pro 3.29's `pinyin(text, { toneType: 'none', type: 'array' })` and
 * `segment(name, { surname: 'head', … format: PinyinSegment })`, step for step (its
 * common/segmentit and core/pinyin): every pattern that ends at each character (the automaton's
 * matches: per end, the longest first, each key's first pattern by priority and probability), the
 * segmentation of most probability (its maxProbability, ties and all), and each character's own
 * first reading where no pattern of two or more covers it, with its rules for 了 and 々. The test
 * (pinyin-phrases.test.ts) holds the two to the same output.
 */

/** The header line of data/pinyin-phrases.txt. */
export const PHRASES_HEADER =
  '# bitext: pinyin-pro phrase patterns v2, toneless: zh<TAB>priority,probability,syllables;… in its order, sorted by zh';

/** pinyin-pro's priorities (common/constant.ts); its third, Custom, is for user dictionaries bitext never loads. */
const NORMAL = 1;
const SURNAME = 10;
/** pinyin-pro's probability of a character no pattern covers. */
const UNKNOWN_PROBABILITY = 1e-13;
/**
 * pinyin-pro 3.29's longest pattern, in characters (its dict5): the longest run looked up. The build
 * refuses patterns longer (writePhraseTable), so a pinyin-pro that adds some cannot go unread.
 */
const LONGEST_PATTERN = 5;
const TAB = 0x09;

export interface PhrasePattern {
  zh: string;
  /** Toneless syllables, one per character (pinyin-pro's `pinyin` split at spaces). */
  syllables: readonly string[];
  priority: number;
  probability: number;
  /** In characters (code points). */
  length: number;
}

/** A character's first reading (toneless), or undefined for one pinyin-pro has no reading of. */
export type FirstReading = (char: string) => string | undefined;

/** The patterns of a phrase table file, looked up in its sorted lines; a key's in pinyin-pro's order. */
export class PhraseTable {
  private readonly lines: SortedLines;

  /** The file's bytes, or the file opened page by page (openSortedDataFile). */
  constructor(file: Uint8Array | SortedLines) {
    this.lines = file instanceof SortedLines ? file : new SortedLines(file, TAB);
    if (this.lines.header() !== PHRASES_HEADER) throw new Error('not a bitext pinyin phrase table (v2)');
  }

  patterns(zh: string): PhrasePattern[] | undefined {
    const start = this.lines.find(zh);
    if (start < 0) return undefined;
    const length = Array.from(zh).length;
    return this.lines
      .value(start)
      .split(';')
      .map((entry) => {
        const [priority, probability, syllables = ''] = entry.split(',');
        return {
          zh,
          syllables: syllables.split(' '),
          priority: Number(priority),
          probability: Number(probability),
          length,
        };
      });
  }
}

/** pinyin-pro's insertPattern: higher priority first, then higher probability; a later equal one first. */
function insertPattern(patterns: PhrasePattern[], pattern: PhrasePattern): void {
  for (let i = patterns.length - 1; i >= 0; i--) {
    const other = patterns[i]!;
    if (
      (pattern.priority === other.priority && pattern.probability >= other.probability) ||
      pattern.priority > other.priority
    ) {
      patterns[i + 1] = other;
    } else {
      patterns[i + 1] = pattern;
      return;
    }
  }
  patterns[0] = pattern;
}

/**
 * The file's text: the header, then a line per key with its patterns in the order pinyin-pro's
 * automaton keeps them (patterns given in pinyin-pro's order), sorted by key bytes.
 */
export function writePhraseTable(patterns: Iterable<PhrasePattern>): string {
  const byKey = new Map<string, PhrasePattern[]>();
  for (const pattern of patterns) {
    if (pattern.length > LONGEST_PATTERN)
      throw new Error(
        `pinyin-pro pattern ${pattern.zh} is longer than ${LONGEST_PATTERN} characters: raise LONGEST_PATTERN`,
      );
    const list = byKey.get(pattern.zh) ?? [];
    insertPattern(list, pattern);
    byKey.set(pattern.zh, list);
  }
  const lines = [...byKey].map(
    ([zh, list]) =>
      `${zh}\t${list.map((p) => `${p.priority},${p.probability},${p.syllables.join(' ')}`).join(';')}`,
  );
  return `${PHRASES_HEADER}\n${sortLinesByKey(lines, '\t').join('\n')}\n`;
}

/** A pattern found at a place in the text. */
interface Match {
  pattern: PhrasePattern;
  index: number;
}

/**
 * pinyin-pro's AC.match: for each character, the patterns ending there, the longest key first, each
 * key's first pattern the mode allows ('off': no surname pattern; 'head': only one starting the text).
 */
function matchPatterns(chars: readonly string[], table: PhraseTable, surname: 'off' | 'head'): Match[] {
  const matches: Match[] = [];
  const consider = (start: number, end: number) => {
    const pattern = table
      .patterns(chars.slice(start, end + 1).join(''))
      ?.find((p) => (surname === 'off' ? p.priority !== SURNAME : start === 0));
    if (pattern) matches.push({ pattern, index: start });
  };
  for (let i = 0; i < chars.length; i++) {
    if (surname === 'head') {
      if (i < LONGEST_PATTERN) consider(0, i);
    } else {
      for (let j = Math.max(0, i - LONGEST_PATTERN + 1); j <= i; j++) consider(j, i);
    }
  }
  return matches;
}

interface Step {
  probability: number;
  decimal: number;
  match?: Match;
  nextIndex: number;
}

/** pinyin-pro's getMaxProbability: the lower `decimal`, then the higher probability; ties to `b`. */
function better(a: Step | undefined, b: Step): Step {
  if (!a) return b;
  if (a.decimal < b.decimal) return a;
  if (a.decimal === b.decimal) return a.probability > b.probability ? a : b;
  return b;
}

/** pinyin-pro's checkDecimal: a probability under 1e-300 is scaled up, counted in `decimal`. */
function carry(step: Step): void {
  if (step.probability < 1e-300) {
    step.probability *= 1e300;
    step.decimal += 1;
  }
}

/** pinyin-pro's getPatternDecimal: a surname counts for more the longer it is. */
function patternDecimal(pattern: PhrasePattern): number {
  return pattern.priority === SURNAME ? -(pattern.length * pattern.length * 10) : 0;
}

/** pinyin-pro's maxProbability: the matches that segment the text with the most probability. */
function mostProbable(matches: readonly Match[], length: number): Match[] {
  const dp: Step[] = [];
  const terminal: Step = { probability: 1, decimal: 0, nextIndex: length };
  let at = matches.length - 1;
  let match = matches[at];
  for (let i = length - 1; i >= 0; i--) {
    const suffix = i + 1 >= length ? terminal : dp[i + 1]!;
    const nextIndex = suffix.match ? i + 1 : suffix.nextIndex;
    while (match && match.index + match.pattern.length - 1 === i) {
      const step: Step = {
        probability: match.pattern.probability * suffix.probability,
        decimal: suffix.decimal + patternDecimal(match.pattern),
        match,
        nextIndex,
      };
      carry(step);
      dp[match.index] = better(dp[match.index], step);
      match = matches[--at];
    }
    const unknown: Step = { probability: UNKNOWN_PROBABILITY * suffix.probability, decimal: 0, nextIndex };
    carry(unknown);
    dp[i] = better(dp[i], unknown);
  }
  const chosen: Match[] = [];
  for (let index = 0; index < length; ) {
    const step = dp[index]!;
    if (step.match) chosen.push(step.match);
    index = step.nextIndex;
  }
  return chosen;
}

/** One character's reading: what pinyin-pro's list holds for it. */
interface Reading {
  origin: string;
  result: string;
}

/**
 * pinyin-pro's getPinyin (toneless): each character's reading, from the chosen pattern covering it
 * or, for a character alone, its first reading after the rules for 了 (liao with no reading before
 * it) and 々 (its predecessor's reading); 一 and 不 change only their tones.
 */
function readChars(
  chars: readonly string[],
  chosen: readonly Match[],
  firstReading: FirstReading,
): Reading[] {
  const list: Reading[] = [];
  let next = 0;
  for (let i = 0; i < chars.length; ) {
    const match = chosen[next];
    if (match && i === match.index) {
      next++;
      if (match.pattern.length === 1 && match.pattern.priority <= NORMAL) {
        list.push({ origin: chars[i]!, result: alone(chars, i, firstReading) });
        i++;
        continue;
      }
      for (let j = 0; j < match.pattern.length; j++)
        list.push({ origin: chars[i + j]!, result: match.pattern.syllables[j] ?? '' });
      i += match.pattern.length;
    } else {
      list.push({ origin: chars[i]!, result: alone(chars, i, firstReading) });
      i++;
    }
  }
  return list;
}

function alone(chars: readonly string[], i: number, firstReading: FirstReading): string {
  const char = chars[i]!;
  const before = i > 0 ? chars[i - 1] : undefined;
  const beforeReading = before === undefined ? undefined : firstReading(before);
  if (char === '々') return beforeReading ?? 'tong';
  if (char === '了' && beforeReading === undefined) return 'liao';
  return firstReading(char) ?? char;
}

/** pinyin-pro's `pinyin(text, { toneType: 'none', type: 'array' })`: a reading per character. */
export function readInContext(text: string, table: PhraseTable, firstReading: FirstReading): string[] {
  if (text === '') return [];
  const chars = Array.from(text);
  const chosen = mostProbable(matchPatterns(chars, table, 'off'), chars.length);
  return readChars(chars, chosen, firstReading).map((r) => r.result);
}

/**
 * pinyin-pro's `segment(name, { surname: 'head', toneType: 'none', format: PinyinSegment })`: the
 * readings of its segments (the surname or a word starting the name, then each character), each
 * segment's joined.
 */
export function readNameSegments(name: string, table: PhraseTable, firstReading: FirstReading): string[] {
  const chars = Array.from(name);
  const chosen = mostProbable(matchPatterns(chars, table, 'head'), chars.length);
  const list = readChars(chars, chosen, firstReading);
  // pinyin-pro's middlewareSegment: a match's characters as one segment, any other character alone.
  const segments: string[] = [];
  let i = 0;
  for (let j = 0; i < list.length && j < chosen.length; ) {
    const zh = Array.from(chosen[j]!.pattern.zh);
    if (chosen[j]!.pattern.zh.startsWith(list[i]!.origin)) {
      let end = i + 1;
      while (end < list.length && list[end]!.origin === zh[end - i]) end++;
      segments.push(
        list
          .slice(i, end)
          .map((r) => r.result)
          .join(''),
      );
      i = end;
      j++;
    } else {
      segments.push(list[i]!.result);
      i++;
    }
  }
  for (; i < list.length; i++) segments.push(list[i]!.result);
  return segments;
}

/** A pattern as pinyin-pro's data/patterns.mjs holds it (`pinyin` toned, syllables spaced). */
export interface PinyinProPattern {
  zh: string;
  pinyin: string;
  priority: number;
  probability: number;
  length: number;
}

/** pinyin-pro's patterns (its PatternsNormal, in order) as the phrase table's text, their tones taken off. */
export function buildPhraseTable(patterns: readonly PinyinProPattern[]): string {
  return writePhraseTable(
    patterns.map((p) => ({
      zh: p.zh,
      syllables: withoutTones(p.pinyin).split(' '),
      priority: p.priority,
      probability: p.probability,
      length: p.length,
    })),
  );
}

/** pinyin-pro's getPinyinWithoutTone, the same replacements in the same order. */
function withoutTones(pinyin: string): string {
  return pinyin
    .replace(/(ā|á|ǎ|à)/g, 'a')
    .replace(/(ō|ó|ǒ|ò)/g, 'o')
    .replace(/(ē|é|ě|è)/g, 'e')
    .replace(/(ī|í|ǐ|ì)/g, 'i')
    .replace(/(ū|ú|ǔ|ù)/g, 'u')
    .replace(/(ǖ|ǘ|ǚ|ǜ)/g, 'ü')
    .replace(/(n̄|ń|ň|ǹ)/g, 'n')
    .replace(/(m̄|ḿ|m̌|m̀)/g, 'm')
    .replace(/(ê̄|ế|ê̌|ề)/g, 'ê');
}
