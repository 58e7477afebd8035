/**
 * Error injection for the QA dev harness (bench/qa-harness.ts): each injector takes a clean gold pair
 * and returns it with one error of its kind in the English (the date-before-1500 injector also rewrites
 * the Chinese year, to make such years exist at all), or undefined when the pair offers no place for it.
 * Seeded: the same seed gives the same doctored pairs.
 */
import { pinyinSyllables } from '../src/core/lexicon/pinyin.js';
import { extractDates, extractNumbers } from '../src/core/numbers/index.js';
import { properNamesInGlosses } from '../src/core/terms/lexical-links.js';
import { transliterationSimilarity } from '../src/core/terms/transliteration.js';
import type { GoldDocument } from './eval-data.js';
import { seededRandom } from './seeded-random.js';

export interface Pair {
  zh: string;
  en: string;
}

export const ERROR_KINDS = [
  'number',
  'date',
  'date-before-1500',
  'untranslated',
  'repeated-word',
  'brackets',
  'name',
  'omission',
  'addition',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Context the injectors need: the words the document writes in lower case (names), and its pairs (additions). */
export interface DocumentContext {
  lowerCaseWords: ReadonlySet<string>;
  /** The document's pairs (an added clause is taken from one far from the pair it goes into). */
  pairs: readonly Pair[];
}

export function documentContext(pairs: readonly Pair[]): DocumentContext {
  const lowerCaseWords = new Set<string>();
  for (const p of pairs) for (const w of p.en.match(/\b[a-z][a-z'-]*\b/g) ?? []) lowerCaseWords.add(w);
  return { lowerCaseWords, pairs };
}

function splice(text: string, start: number, end: number, replacement: string): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

/** A digit of an English number that the Chinese states too, changed to another digit (3.5 → 3.6, 120 → 150). */
function injectNumber(pair: Pair, random: Random): Pair | undefined {
  const zh = extractNumbers(pair.zh, 'zh');
  const candidates = extractNumbers(pair.en, 'en').filter(
    (e) =>
      /\d/.test(e.text) &&
      e.kind !== 'year' &&
      zh.some((z) => Math.abs(z.value - e.value) < 1e-9 * Math.max(1, Math.abs(e.value))),
  );
  if (candidates.length === 0) return undefined;
  const mention = pick(random, candidates);
  const digitOffsets = [...mention.text].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
  const at = mention.start + pick(random, digitOffsets);
  const old = Number(pair.en[at]);
  const replacement = (old + 1 + Math.floor(random() * 8)) % 10;
  // A leading digit must not become 0 (050 would read as 50 and look like an omitted digit).
  const isLeading = at === mention.start;
  const digit = isLeading && replacement === 0 ? (old === 1 ? 2 : 1) : replacement;
  return { zh: pair.zh, en: splice(pair.en, at, at + 1, String(digit)) };
}

/** A date both sides state, changed in the English: its day by one, else its year, else its month. */
function injectDate(pair: Pair, random: Random): Pair | undefined {
  const zh = extractDates(pair.zh, 'zh');
  const candidates = extractDates(pair.en, 'en').filter(
    (e) =>
      (e.day !== undefined || e.year !== undefined) &&
      zh.some((z) => (e.day !== undefined && z.day === e.day) || (e.year !== undefined && z.year === e.year)),
  );
  if (candidates.length === 0) return undefined;
  const date = pick(random, candidates);
  const text = date.text;
  const field = date.day !== undefined ? String(date.day) : String(date.year);
  // The day comes before the year in every English form (April 14, 2021; 14 April 2021).
  const at = date.day !== undefined ? text.indexOf(field) : text.lastIndexOf(field);
  if (at < 0) return undefined;
  const value = Number(field);
  const changed =
    date.day !== undefined ? (value >= 28 ? value - 1 : value + 1) : value + 1 + Math.floor(random() * 9);
  return {
    zh: pair.zh,
    en: splice(pair.en, date.start + at, date.start + at + field.length, String(changed)),
  };
}

/**
 * A year both sides state (2021年 ↔ 2021) rewritten on both sides to a year before 1500 (1368 or 618),
 * then changed in the English: clean gold text has almost no such years, and the check must read them.
 */
function injectEarlyYear(pair: Pair, random: Random): Pair | undefined {
  const zhYears = [...pair.zh.matchAll(/(?<!\d)(1[5-9]\d\d|20\d\d)年/g)];
  const enYears = [...pair.en.matchAll(/(?<![\d,.$])(1[5-9]\d\d|20\d\d)(?![\d%])/g)];
  const shared = zhYears.filter((z) => enYears.some((e) => e[1] === z[1]));
  if (shared.length === 0) return undefined;
  const year = pick(random, shared)[1]!;
  const early = String(random() < 0.5 ? 1000 + Math.floor(random() * 500) : 200 + Math.floor(random() * 800));
  const changed = String(Number(early) + 1 + Math.floor(random() * 9));
  const zh = pair.zh.replaceAll(`${year}年`, `${early}年`);
  const en = pair.en.replace(new RegExp(`(?<![\\d,.$])${year}(?![\\d%])`, 'g'), early);
  const at = en.search(new RegExp(`(?<![\\d,.$])${early}(?![\\d%])`));
  return { zh, en: splice(en, at, at + early.length, changed) };
}

/** An English word replaced by two to four Chinese characters of the pair's own Chinese. */
function injectUntranslated(pair: Pair, random: Random): Pair | undefined {
  const runs = [...pair.zh.matchAll(/\p{Script=Han}{2,}/gu)];
  const words = [...pair.en.matchAll(/\b[a-z]{3,}\b/g)];
  if (runs.length === 0 || words.length === 0) return undefined;
  const run = pick(random, runs)[0];
  const length = Math.min(run.length, 2 + Math.floor(random() * 3));
  const from = Math.floor(random() * (run.length - length + 1));
  const word = pick(random, words);
  return {
    zh: pair.zh,
    en: splice(pair.en, word.index, word.index + word[0].length, run.slice(from, from + length)),
  };
}

/** Grammatical doubles ("had had", "that that") are not errors, so are never injected. */
const GRAMMATICAL = new Set(['had', 'that', 'is', 'very', 'so', 'no', 'yes', 'ha', 'far', 'more', 'bye']);

/** A lower-case word typed twice ("the the"). */
function injectRepeatedWord(pair: Pair, random: Random): Pair | undefined {
  // A whole word: not a piece of "they're" or "fat-free".
  const words = [...pair.en.matchAll(/(?<![\p{L}'’-])[a-z]{2,}(?![\p{L}'’-])/gu)].filter(
    (w) => !GRAMMATICAL.has(w[0]),
  );
  if (words.length === 0) return undefined;
  const word = pick(random, words);
  const end = word.index + word[0].length;
  return { zh: pair.zh, en: `${pair.en.slice(0, end)} ${word[0]}${pair.en.slice(end)}` };
}

/** A closing bracket deleted, or, where there is none, an opening one put before a word. */
function injectBrackets(pair: Pair, random: Random): Pair | undefined {
  const closers = [...pair.en.matchAll(/[)\]]/g)];
  if (closers.length > 0) {
    const closer = pick(random, closers);
    return { zh: pair.zh, en: splice(pair.en, closer.index, closer.index + 1, '') };
  }
  const words = [...pair.en.matchAll(/(?<=\s)[A-Za-z]/g)];
  if (words.length === 0) return undefined;
  const word = pick(random, words);
  return { zh: pair.zh, en: splice(pair.en, word.index, word.index, '(') };
}

/** Capitalised words that are not names: calendar words, pronouns and sentence openers. */
const NOT_NAMES = new Set(
  (
    'January February March April May June July August September October November December Monday ' +
    'Tuesday Wednesday Thursday Friday Saturday Sunday The This That These Those There Then When What ' +
    'Where Which While With Without They Their Them Mister Miss Mrs Chapter'
  ).split(' '),
);

/**
 * A name misspelled: a capitalised word (not the sentence's first), of four letters or more, that the
 * document never writes in lower case (so a name, not a capitalised common word), with one inner
 * letter changed or two inner letters swapped (Bentham → Benthan, Chen → Chne).
 */
function injectName(pair: Pair, random: Random, context: DocumentContext): Pair | undefined {
  const names = [...pair.en.matchAll(/(?<=[\p{L},;:]\s+|[\p{L},;:]\s*["“(]\s*)\p{Lu}\p{Ll}{3,}\b/gu)].filter(
    (m) =>
      !NOT_NAMES.has(m[0]) &&
      !context.lowerCaseWords.has(m[0].toLowerCase()) &&
      namedInChinese(pair.zh, m[0]),
  );
  if (names.length === 0) return undefined;
  const name = pick(random, names);
  const word = name[0];
  const inner = 1 + Math.floor(random() * (word.length - 1));
  let misspelled: string;
  if (random() < 0.5 && inner < word.length - 1 && word[inner] !== word[inner + 1]) {
    misspelled = word.slice(0, inner) + word[inner + 1] + word[inner] + word.slice(inner + 2);
  } else {
    const letters = 'aeioulnrstdm'.replace(word[inner]!.toLowerCase(), '');
    misspelled = word.slice(0, inner) + pick(random, [...letters]) + word.slice(inner + 1);
  }
  return { zh: pair.zh, en: splice(pair.en, name.index, name.index + word.length, misspelled) };
}

/**
 * Whether the Chinese writes the name too: a stretch of two to four characters whose pinyin is the word
 * (Chongqing), that sounds like it (边沁 ~ Bentham, by the terms extractor's consonant skeletons), or
 * whose CC-CEDICT senses name it. A capitalised word with none (Core Values, Swedish) is not a name the
 * Chinese gives, so not a name error to plant.
 */
function namedInChinese(zh: string, word: string): boolean {
  const lower = word.toLowerCase();
  for (const run of zh.match(/\p{Script=Han}+/gu) ?? []) {
    for (let length = 2; length <= 4; length++) {
      for (let i = 0; i + length <= run.length; i++) {
        const piece = run.slice(i, i + length);
        if (pinyinSyllables(piece).join('').toLowerCase() === lower) return true;
        if (transliterationSimilarity(piece, word) >= 0.8) return true;
        if (properNamesInGlosses(piece).has(lower)) return true;
      }
    }
  }
  return false;
}

/** Share of the English words an omission drops, at least: the "one clause, ≥ 20% of a sentence". */
const MIN_DROP = 0.2;
/** At most: dropping more is the old length check's easy case. */
const MAX_DROP = 0.45;

/**
 * A clause dropped from an English sentence of ten words or more: a comma- or semicolon-delimited
 * piece holding 20–45% of the words when there is one, else a run of 20–35% of the words.
 */
function injectOmission(pair: Pair, random: Random): Pair | undefined {
  const words = [...pair.en.matchAll(/\S+/g)];
  if (words.length < 10) return undefined;
  const clauses: { start: number; end: number }[] = [];
  const cuts = [0, ...[...pair.en.matchAll(/[,;:]\s+/g)].map((m) => m.index + m[0].length), pair.en.length];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const count = words.filter((w) => w.index >= start && w.index < end).length;
    const share = count / words.length;
    if (share >= MIN_DROP && share <= MAX_DROP) clauses.push({ start, end });
  }
  if (clauses.length > 0) {
    const clause = pick(random, clauses);
    const en = (pair.en.slice(0, clause.start) + pair.en.slice(clause.end)).replace(/[,;:]\s*$/, '.');
    return { zh: pair.zh, en };
  }
  const share = MIN_DROP + random() * 0.15;
  const count = Math.max(2, Math.ceil(words.length * share));
  const first = 1 + Math.floor(random() * (words.length - count - 1));
  const start = words[first]!.index;
  const last = words[first + count - 1]!;
  return {
    zh: pair.zh,
    en: `${pair.en.slice(0, start)}${pair.en.slice(last.index + last[0].length).trimStart()}`,
  };
}

/** Share of the English words an added clause holds, at least (issue 13's "≥ 20% of a sentence") and at most. */
const MIN_ADDED = 0.2;
const MAX_ADDED = 0.5;
/** Pairs at least this far away (or a third of a shorter document) give the added clause. */
const ADDED_FROM = 50;

/**
 * A clause with no Chinese counterpart added to an English sentence of five words or more: a comma- or
 * semicolon-delimited piece (else a run of words) of 20–50% of the sentence's words, taken from an
 * English sentence far away in the same document, joined at the end with a comma or "and", or put in
 * after one of the sentence's commas.
 */
function injectAddition(
  pair: Pair,
  random: Random,
  context: DocumentContext,
  index: number,
): Pair | undefined {
  const count = (pair.en.match(/\S+/g) ?? []).length;
  if (count < 5) return undefined;
  const least = Math.max(2, Math.ceil(MIN_ADDED * count));
  const most = Math.max(least, Math.floor(MAX_ADDED * count));
  const distance = Math.min(ADDED_FROM, Math.floor(context.pairs.length / 3));
  const sources = context.pairs.filter((p, j) => Math.abs(j - index) >= distance && p.en.trim());
  if (distance === 0 || sources.length === 0) return undefined;
  const source = pick(random, sources).en.trim();
  const pieces = source
    .split(/[,;:]\s+/)
    .map((p) => p.replace(/[.!?"”’)]+$/u, '').trim())
    .filter((p) => {
      const words = p.split(/\s+/).length;
      return words >= least && words <= most;
    });
  let clause: string;
  if (pieces.length > 0) clause = pick(random, pieces);
  else {
    const words = source.replace(/[.!?"”’)]+$/u, '').split(/\s+/);
    if (words.length < least) return undefined;
    const length = least + Math.floor(random() * (Math.min(most, words.length) - least + 1));
    const first = Math.floor(random() * (words.length - length + 1));
    clause = words
      .slice(first, first + length)
      .join(' ')
      .replace(/^[,;:"“(]+|[,;:]+$/gu, '');
  }
  // Not "and and": the clause's own joining word goes.
  clause = clause.replace(/^(?:and|but|or|[-–—])\s+/i, '');
  // A capitalised first word the document also writes in lower case is a sentence opener, not a name.
  const first = clause.match(/^\p{Lu}\p{Ll}*/u)?.[0];
  if (first && context.lowerCaseWords.has(first.toLowerCase()))
    clause = first.toLowerCase() + clause.slice(first.length);
  const commas = [...pair.en.matchAll(/,\s+/g)].map((m) => m.index + m[0].length);
  const end = pair.en.search(/[.!?"”’)]*\s*$/u);
  const at = pick(random, [end, ...commas]);
  const added = at === end ? `${random() < 0.5 ? ',' : ' and'} ${clause}` : `${clause}, `;
  return { zh: pair.zh, en: splice(pair.en, at, at, added) };
}

export const INJECTORS: Record<
  ErrorKind,
  (pair: Pair, random: Random, context: DocumentContext, index: number) => Pair | undefined
> = {
  number: injectNumber,
  date: injectDate,
  'date-before-1500': injectEarlyYear,
  untranslated: injectUntranslated,
  'repeated-word': injectRepeatedWord,
  brackets: injectBrackets,
  name: injectName,
  omission: injectOmission,
  addition: injectAddition,
};

/** Share of each document's pairs that get an error. */
export const INJECTED_SHARE = 0.1;

/** The gold pairs of a document as text: each bead's sentences joined. */
export function goldPairs(document: GoldDocument): Pair[] {
  return document.gold.map((bead) => ({
    zh: bead.zh.map((i) => document.zh[i] ?? '').join(''),
    en: bead.en.map((i) => document.en[i] ?? '').join(' '),
  }));
}

/**
 * One error injected into `share` of a document's pairs (seeded): the pairs are visited in a seeded
 * order, and each chosen pair takes the applicable kind injected least so far (`injected` counts
 * them across documents). The harness and the omission fit (bench/omission-fit.ts) both doctor
 * documents with this, so the fit sees the harness's errors.
 */
export function doctorPairs(
  pairs: readonly Pair[],
  seed: number,
  injected: Record<string, number>,
  share: number,
): { doctored: Pair[]; injectedKind: Map<number, ErrorKind> } {
  const random = seededRandom(seed);
  const context = documentContext(pairs);
  const order = pairs.map((_, i) => i).sort(() => random() - 0.5);
  const target = Math.round(pairs.length * share);
  const doctored = [...pairs];
  const injectedKind = new Map<number, ErrorKind>();
  for (const index of order) {
    if (injectedKind.size >= target) break;
    const pair = pairs[index]!;
    if (!pair.zh.trim() || !pair.en.trim()) continue;
    const kinds = [...ERROR_KINDS].sort((a, b) => (injected[a] ?? 0) - (injected[b] ?? 0));
    for (const kind of kinds) {
      const changed = INJECTORS[kind](pair, random, context, index);
      if (!changed || changed.en === pair.en) continue;
      doctored[index] = changed;
      injectedKind.set(index, kind);
      injected[kind] = (injected[kind] ?? 0) + 1;
      break;
    }
  }
  return { doctored, injectedKind };
}
