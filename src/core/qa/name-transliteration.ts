import { glossLetterModel, lookupGlosses } from '../lexicon/cedict.js';
import type { ChineseToken } from '../lexicon/jieba.js';
import { readingsOf } from '../lexicon/pinyin.js';
import { foldToSimplified } from '../lexicon/script.js';
import { nameSyllables, transliterationCost } from '../lexicon/transliteration-model.js';
import { type NameMention, surnameOf, TRANSLITERATION_CHARS } from '../names/index.js';
import type { KnownName } from './name-glosses.js';
import type { QaPair } from './types.js';

/*
 * A foreign name the pair's Chinese writes in characters and the English misspells (哈里特 ↔ Hrariet,
 * 普斯卡 ↔ Purka): a spelling one slip from the word fits the Chinese syllables much better, by the
 * transliteration model (lexicon/transliteration-model.ts), and looks at least as English (the letter
 * model: Harriet against Hrariet). Spelling correction's noisy channel, with the Chinese as the
 * channel's evidence.
 */

/** Characters a transliterated name may have between punctuation: 佩卡 to 克拉格贾科布森's parts. */
const MIN_SPAN = 2;
const MAX_SPAN = 6;
/**
 * The costs that decide, checked on CC-CEDICT's transliterated names (the ~470 of every third headword
 * with a transliteration character whose sense is one capitalised word, each misspelled once as a
 * typist would, one inner letter changed or two swapped; none of the dev sets' text): a spelling one
 * slip away must fit the syllables within GOOD_FIT, and its better fit plus ENGLISH_WEIGHT times its
 * letter-model gain (nats) must reach BETTER_BY, the fit alone at least MIN_GAIN. There, these flag
 * 6.5 in 100 correct names (before the QA check's own filter, which only asks about a word no dictionary
 * knows, written once) and catch 46 in 100 misspellings (many headwords are not transliterations).
 */
const GOOD_FIT = 1.5;
const BETTER_BY = 2;
const MIN_GAIN = 0.5;
const ENGLISH_WEIGHT = 0.5;
/** Spans a word's variants are tried on: those its own spelling fits within this of its best. */
const SPAN_SLACK = 1;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

interface NameSpan {
  text: string;
  start: number;
  syllables: string[];
}

/**
 * Characters no transliteration uses, that stand next to names: particles, conjunctions, the verbs of
 * speech and being (哈里特说, 边沁和科尔布).
 */
const NAME_TAGS = /^(?:nr|nrt|nrfg|ns|nz|x)$/;

const FUNCTION_CHARS = new Set(
  '的了着过和与及或而但为是在于从到对向把被让给将就也都还又已只才说时等么这那个们用要很不',
);

/**
 * The pair's Han stretches of two to six characters that may be one foreign name, with no ordinary
 * word (音速 "speed of sound") and no function character: one with two transliteration characters
 * (昂德希尔: 德, 尔), a word jieba takes for a name (帕可, 保拉; 布鲁斯 "blues" too, as Bruce), or one with a transliteration character
 * set off at both ends by punctuation, a name dot or a function character (迈瑞克说), or a run of
 * jieba's words that joins a name word to single characters (米德敦, 科图拉). 大利 inside
 * 澳大利亚, 么东 of 什么东西 and 每套 "each set" are none, nor is a Chinese person (`people`: the
 * name-finder's).
 */
export function transliterationSpans(
  pair: QaPair,
  tokens: readonly ChineseToken[],
  people: readonly NameMention[],
): NameSpan[] {
  const zh = pair.zh;
  const enWords = new Set(pair.en.toLowerCase().match(/\p{L}+/gu) ?? []);
  // A Chinese person is the pinyin checks' to judge: one the name-finder knows, or a stretch with no
  // transliteration character whose surname the English writes (汪淼 ↔ Wang, 王成 ↔ Wang).
  const chinese = (simplified: string, start: number, end: number) =>
    people.some((p) => p.kind === 'person' && p.start < end && start < p.end) ||
    readingsOf(simplified[0]!).some((r) => surnameOf(simplified) && enWords.has(r));
  const nameWords = nameTokenRuns(tokens);
  const spans: NameSpan[] = [];
  for (const run of zh.matchAll(/\p{Script=Han}+/gu)) {
    const chars = run[0];
    const syllables = nameSyllables(chars);
    const setOff = (i: number) => i < 0 || i >= chars.length || FUNCTION_CHARS.has(chars[i]!);
    for (let length = MIN_SPAN; length <= MAX_SPAN; length++) {
      for (let at = 0; at + length <= chars.length; at++) {
        const text = chars.slice(at, at + length);
        if ([...text].some((c) => FUNCTION_CHARS.has(c))) continue;
        const simplified = foldToSimplified(text);
        const foreign = [...simplified].filter((c) => TRANSLITERATION_CHARS.has(c)).length;
        const start = run.index + at;
        // A Chinese person (汪淼, 王成) is the pinyin checks' to judge: a name word without a
        // transliteration character must not start with a surname.
        const nameWord = nameWords.get(`${start}:${start + length}`);
        if (nameWord === 'joined' && foreign === 0) continue;
        if (foreign === 0 && chinese(simplified, start, start + length)) continue;
        if (foreign < 2 && !nameWord && !(foreign === 1 && setOff(at - 1) && setOff(at + length))) continue;
        if (!nameWord && ordinaryWord(simplified)) continue;
        spans.push({ text, start, syllables: syllables.slice(at, at + length) });
      }
    }
  }
  return spans;
}

/** A word CC-CEDICT knows with no sense that names (音速 "speed of sound"; not 布鲁斯 "blues; Bruce"). */
function ordinaryWord(simplified: string): boolean {
  const senses = lookupGlosses(simplified);
  return (
    senses.length > 0 &&
    !senses.some((sense) => /(?:^|\s)\p{Lu}\p{Ll}/u.test(sense.replace(/^\([^)]*\)\s*/, '')))
  );
}

/**
 * jieba's name-like words (边沁 x, 帕可 x, 'word'), and the runs of whole words that join one to
 * single characters or other name words ('joined'): jieba cuts transliterations apart (米德/nrt 敦/ns,
 * 科/n 图拉/nrt), so a run holds the whole name. Keyed by `start:end`.
 */
function nameTokenRuns(tokens: readonly ChineseToken[]): Map<string, 'word' | 'joined'> {
  const runs = new Map<string, 'word' | 'joined'>();
  const part = (t: ChineseToken) =>
    /^\p{Script=Han}+$/u.test(t.word) &&
    !FUNCTION_CHARS.has(t.word) &&
    (NAME_TAGS.test(t.tag) || t.word.length === 1);
  tokens.forEach((first, i) => {
    if (NAME_TAGS.test(first.tag)) runs.set(`${first.start}:${first.end}`, 'word');
    let named = NAME_TAGS.test(first.tag);
    for (let j = i + 1; j < tokens.length && part(first); j++) {
      const last = tokens[j]!;
      if (!part(last) || last.start !== tokens[j - 1]!.end || last.end - first.start > MAX_SPAN) break;
      named ||= NAME_TAGS.test(last.tag);
      const key = `${first.start}:${last.end}`;
      if (named && !runs.has(key)) runs.set(key, 'joined');
    }
  });
  return runs;
}

/**
 * The spelling the Chinese sounds like when it is one slip (a letter changed, added, or two swapped;
 * the first letter kept) from the word and fits the Chinese clearly better. `spans`: the pair's
 * transliterationSpans, found once per pair.
 */
export function checkAgainstTransliteration(
  word: string,
  pair: QaPair,
  spans: readonly NameSpan[],
): KnownName | undefined {
  const lower = word.toLowerCase();
  if (!/^[a-z]{4,}$/.test(lower)) return undefined;
  // An abbreviation (Calif., Corp.) is no name spelled out.
  if (new RegExp(`\\b${word}\\.(?=\\s*[,;\\p{Ll}])`, 'u').test(pair.en)) return undefined;
  const costs = spans.map((span) => transliterationCost(span.syllables, lower));
  const own = Math.min(...costs);
  if (own < MIN_GAIN) return undefined;
  const english = glossLetterModel();
  const ownLetters = english.cost(lower);
  const en = pair.en.toLowerCase();
  // The same slips are tried against each span: made once, each with how much more English it looks.
  // A fit costs 0 at best, so a slip scores own + its English gain at most: one that cannot reach
  // BETTER_BY (most: a random slip looks less English) is never fitted to a span, the costly part.
  const variants = [...slips(lower)]
    .map((spelling) => ({ spelling, gain: ENGLISH_WEIGHT * (ownLetters - english.cost(spelling)) }))
    .filter((v) => own + v.gain >= BETTER_BY);
  let best: { spelling: string; span: NameSpan; score: number } | undefined;
  spans.forEach((span, s) => {
    if (costs[s]! > own + SPAN_SLACK) return;
    for (const { spelling: variant, gain } of variants) {
      if (best && own + gain <= best.score) continue;
      const cost = transliterationCost(span.syllables, variant);
      if (cost > GOOD_FIT || cost > own - MIN_GAIN) continue;
      // How much better the spelling explains the Chinese and looks English: the larger, the likelier.
      const score = own - cost + gain;
      if (score < BETTER_BY || (best && score <= best.score)) continue;
      // The pair writing the spelling too (Kolb and Kolbe) makes it another name, not a slip.
      if (new RegExp(`\\b${variant}\\b`).test(en)) continue;
      best = { spelling: variant, span, score };
    }
  });
  if (!best) return undefined;
  return {
    name: word[0] + best.spelling.slice(1),
    zh: best.span.text,
    zhSpan: { start: best.span.start, end: best.span.start + best.span.text.length },
    source: 'transliteration',
  };
}

/** Spellings one typing slip from a word, its first letter kept: a letter changed, added, or two swapped. */
function slips(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < word.length; i++) {
    for (const c of ALPHABET) out.add(word.slice(0, i) + c + word.slice(i + 1));
    if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  for (let i = 1; i <= word.length; i++)
    for (const c of ALPHABET) out.add(word.slice(0, i) + c + word.slice(i));
  out.delete(word);
  return out;
}
