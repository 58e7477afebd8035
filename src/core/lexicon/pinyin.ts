import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';
import { BoundedCache } from '../bounded-cache.js';
import { openBuiltSortedDataFile, openSortedDataFile } from './data-file.js';
import { PHRASES_HEADER, PhraseTable, readInContext, readNameSegments } from './pinyin-phrases.js';
import { buildReadingsTable, READINGS_HEADER, ReadingsTable } from './pinyin-table.js';
import { foldToSimplified, toTraditional } from './script.js';

const require = createRequire(import.meta.url);

let library: typeof PinyinPro | undefined;
/**
 * pinyin-pro, loaded only to build the prebuilt tables or where they are missing, and as its
 * one-file CommonJS build: its ES modules (29 files, dictionaries as object literals) cost ~0.1 s of
 * CPU at start to every command that imports the aligner, whether or not its text ever needs a reading.
 */
function pinyinPro(): typeof PinyinPro {
  library ??= require('pinyin-pro') as typeof PinyinPro;
  return library;
}

let table: ReadingsTable | undefined;

/**
 * The prebuilt readings table (data/pinyin-readings.txt, the same path from src/ and dist/); a
 * checkout that has not run `npm run build` builds the same table in memory (~2 s).
 */
function readingsTable(): ReadingsTable {
  if (table) return table;
  table = new ReadingsTable(
    openSortedDataFile(
      'pinyin-readings.txt',
      buildReadingsTableFromPinyinPro,
      (header) => header === READINGS_HEADER,
    ),
  );
  return table;
}

/**
 * Readings by character, kept: name evidence reads every character of every word of a document, and
 * a look-up in the table is a binary search. Bounded for a process that reads any text at all; the
 * table has 22,426 entries.
 */
const readingsCache = new BoundedCache<string, CharReadings>(30_000);

interface CharReadings {
  readings: readonly string[];
  /** Whether the table has the character (pinyin-pro has a reading of it). */
  known: boolean;
}

/** Every reading of one Han character, toneless and lower-case (協 → ['xie']); see readingsFromPinyinPro. */
export function readingsOf(char: string): readonly string[] {
  return readingsCache.memo(char, readingsInTable).readings;
}

/** A character's first reading in pinyin-pro's dictionary (the table's first), if it has one. */
function firstReading(char: string): string | undefined {
  const entry = readingsCache.memo(char, readingsInTable);
  return entry.known ? entry.readings[0] : undefined;
}

function readingsInTable(char: string): CharReadings {
  const readings = readingsTable().readings(char);
  return readings ? { readings, known: true } : { readings: [char.toLowerCase()], known: false };
}

/**
 * Each way of reading the characters in turn, joined (重庆 → zhongqing, chongqing, …), most common
 * readings first, at most `limit` of them: polyphonic characters multiply, and a long word of them
 * would otherwise give thousands.
 */
export function readingCombinations(chars: readonly string[], limit: number): string[] {
  let joined = [''];
  for (const char of chars) {
    const next: string[] = [];
    const readings = readingsOf(char);
    for (const prefix of joined) {
      for (const reading of readings) next.push(prefix + reading);
    }
    joined = next.slice(0, limit);
  }
  return joined;
}

/**
 * The toneless syllables of a surname read as one (单 → ['shan'], 欧阳 → ['ou', 'yang']), from
 * pinyin-pro's surname list, in Simplified or Traditional; undefined when it is no surname there.
 */
export function surnameSyllables(surname: string): string[] | undefined {
  return readingsTable().surname(surname);
}

/**
 * Every reading pinyin-pro knows for one Han character, toneless and lower-case (協 → ['xie']), and
 * those of its Simplified form; what the prebuilt table holds. pinyin-pro's
 * `pinyin(char, { multiple: true })` answers a single character from its character table alone
 * (getAllPinyin), as `polyphonic` does, but first segments the text with its phrase automaton, which
 * it builds on first use (~0.1 s); `polyphonic` gives the same readings without.
 */
export function readingsFromPinyinPro(char: string): string[] {
  const { polyphonic } = pinyinPro();
  const all = [char, foldToSimplified(char)].flatMap(
    (c) => polyphonic(c, { type: 'array', toneType: 'none' })[0] ?? [c],
  );
  return [...new Set(all.map((r) => r.toLowerCase()))];
}

/** Han characters are found in these blocks (CJK radicals to CJK Extension H). */
const HAN_BLOCKS: readonly [number, number][] = [
  [0x2e80, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x323af],
];

/**
 * The readings table's text, from pinyin-pro: every Han character whose readings are not itself,
 * and every surname of pinyin-pro's surname list (its data/surname.mjs, read as text: an ES module
 * this synchronous code cannot import) with its Traditional forms.
 */
export function buildReadingsTableFromPinyinPro(): string {
  const readings = new Map<string, string[]>();
  for (const [first, last] of HAN_BLOCKS) {
    for (let codePoint = first; codePoint <= last; codePoint++) {
      const char = String.fromCodePoint(codePoint);
      if (!/\p{Script=Han}/u.test(char)) continue;
      const list = readingsFromPinyinPro(char);
      if (list.length !== 1 || list[0] !== char.toLowerCase()) readings.set(char, list);
    }
  }
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const source = readFileSync(require.resolve('pinyin-pro/dist/esm/data/surname.mjs'), 'utf8');
  const surnames = new Map<string, string[]>();
  for (const [, surname, reading] of source.matchAll(/^\s*(\p{Script=Han}+): '([^']+)'/gmu)) {
    const syllables = toneless(reading!).split(/\s+/);
    for (const form of new Set([surname!, toTraditional(surname!)])) surnames.set(form, syllables);
  }
  return buildReadingsTable(readings, surnames);
}

/** nán gōng → nan gong, lǚ → lü: tone marks off, the diaeresis kept (pinyin-pro's `toneType: 'none'`). */
function toneless(syllables: string): string {
  return syllables
    .normalize('NFD')
    .replace(/[\u0300-\u0307\u0309-\u036f]/g, '')
    .normalize('NFC');
}

/**
 * Readings of words kept by word: QA's word links ask for a Chinese word's pinyin once for each
 * English word of its pair, and a fresh reading takes ~45 µs on a busy machine (with its fold to Simplified).
 */
const syllablesCache = new BoundedCache<string, readonly string[]>(20_000);
const personNameCache = new BoundedCache<string, string>(20_000);

/**
 * Toneless pinyin syllables of a word in context (重慶 → ['chong', 'qing']). Text is folded to
 * Simplified first: pinyin-pro's phrase table is keyed by Simplified words.
 */
export function pinyinSyllables(text: string): readonly string[] {
  return syllablesCache.memo(text, readSyllables);
}

function readSyllables(text: string): readonly string[] {
  const simplified = foldToSimplified(text);
  const phrases = phraseTable();
  if (phrases) return readInContext(simplified, phrases, firstReading);
  return pinyinPro().pinyin(simplified, { toneType: 'none', type: 'array' });
}

let phrases: PhraseTable | undefined | null;

/**
 * pinyin-pro's phrase patterns, prebuilt (data/pinyin-phrases.txt, searched in place): with them and
 * the readings table, pinyin-pro's readings are computed without loading it (pinyin-phrases.ts). A
 * checkout that has not run `npm run build` asks pinyin-pro itself (null: looked for, not there).
 */
function phraseTable(): PhraseTable | undefined {
  if (phrases === undefined) {
    const file = openBuiltSortedDataFile('pinyin-phrases.txt', (header) => header === PHRASES_HEADER);
    phrases = file ? new PhraseTable(file) : null;
  }
  return phrases ?? undefined;
}

/**
 * A Chinese person name in the form English press copy uses: surname first, capitalised, given name
 * joined (王廣成 → Wang Guangcheng, 欧阳修 → Ouyang Xiu). Surname readings come from pinyin-pro's
 * surname mode (单 → Shan, 曾 → Zeng).
 */
export function personNameToPinyin(name: string): string {
  return personNameCache.memo(name, romaniseName);
}

function romaniseName(name: string): string {
  const [surname = '', ...given] = nameSegments(foldToSimplified(name));
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  const givenName = given.join('').toLowerCase();
  return givenName ? `${cap(surname)} ${cap(givenName)}` : cap(surname);
}

/** The readings of a name's segments: its surname (or a word starting it), then each character. */
function nameSegments(name: string): string[] {
  const phrases = phraseTable();
  if (phrases) return readNameSegments(name, phrases, firstReading);
  const { segment, OutputFormat } = pinyinPro();
  const pieces = segment(name, {
    surname: 'head',
    toneType: 'none',
    format: OutputFormat.PinyinSegment,
  }) as string[] | { origin: string; result: string }[];
  return (pieces as unknown[]).map((p) => (typeof p === 'string' ? p : (p as { result: string }).result));
}

const joinedCache = new BoundedCache<string, string>(20_000);

/**
 * A word's pinyin syllables as one lower-case string (重慶 → chongqing), kept: QA and the terms
 * extractor compare a Chinese word's pinyin with every English word of its pair.
 */
export function joinedPinyin(text: string): string {
  return joinedCache.memo(text, joinSyllables);
}

function joinSyllables(text: string): string {
  return pinyinSyllables(text).join('').toLowerCase();
}

/** Place or organisation words in pinyin, syllables of a word joined (重慶市 → Chongqingshi). */
export function wordToPinyin(word: string): string {
  const s = joinedPinyin(word);
  return s.charAt(0).toUpperCase() + s.slice(1);
}
