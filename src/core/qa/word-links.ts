import { translationStems } from '../lexicon/cedict.js';
import { type EnglishToken, isEnglishStopword, stemEnglish, tokenizeEnglish } from '../lexicon/english.js';
import { type ChineseToken, tagChinese } from '../lexicon/jieba.js';
import { wordsLinked } from '../terms/lexical-links.js';
import { TranslationTable } from './translation-table.js';
import type { QaPair } from './types.js';

/**
 * jieba tags of words that carry content a translation must render: nouns, verbs, adjectives, names,
 * numerals, time and place words, idioms. Function words (particles, prepositions, conjunctions,
 * pronouns, adverbs) are often not rendered word for word, so they neither need nor give a link.
 */
const CONTENT_TAGS = /^(?:n|nr|nrt|nrfg|ns|nt|nz|ng|v|vn|vd|a|an|ad|m|mq|t|s|i|l|j|x|eng)$/;

/** A pair's content words: the Chinese as jieba tags them, the English with surface form and stem. */
export interface ContentWords {
  zh: ChineseToken[];
  en: { token: EnglishToken; surface: string; stem: string }[];
}

function isChineseContent(token: ChineseToken): boolean {
  return CONTENT_TAGS.test(token.tag) && /[\p{Script=Han}\d]/u.test(token.word);
}

/** The content words of a pair (none for an empty side). */
export function contentWords(pair: QaPair): ContentWords {
  return {
    zh: pair.zh.trim() ? tagChinese(pair.zh).filter(isChineseContent) : [],
    en: tokenizeEnglish(pair.en)
      .filter((t) => !isEnglishStopword(t.word))
      .map((token) => ({
        token,
        surface: pair.en.slice(token.start, token.end),
        stem: stemEnglish(token.word),
      })),
  };
}

/** The document's translation table (IBM Model 1) over its pairs' content words. */
export function learnTable(pairs: readonly ContentWords[]): TranslationTable {
  return new TranslationTable(
    pairs
      .filter((p) => p.zh.length > 0 && p.en.length > 0)
      .map((p) => ({ zh: p.zh.map((t) => t.simplified), en: p.en.map((e) => e.stem) })),
  );
}

/**
 * t(e | f) from which a learned translation counts as a link. Learned from the document with the pair
 * itself in it, so only for a Chinese word the document holds in LEARNED_MIN_PAIRS pairs or more: a
 * rarer word's table is mostly its own pair. Set on the mac-dev harness (bench/qa-harness.ts).
 */
const LEARNED_MIN_PROBABILITY = 0.1;
const LEARNED_MIN_PAIRS = 3;

/**
 * Whether a Chinese word has a counterpart among the English content words: a dictionary link (the
 * terms extractor's wordsLinked: CC-CEDICT glosses, pinyin, transliteration, numerals; and a gloss whose
 * stem is close to the English one, stemsClose), equal digits, or a translation the document's IBM
 * Model 1 table learned (Brown et al. 1993) that no other Chinese word of the pair explains better.
 */
export function linksInto(zh: ChineseToken, en: ContentWords['en'], table: TranslationTable): boolean {
  const glosses = glossStems(zh);
  return en.some((e) => wordLinks(zh, glosses, e, table, undefined));
}

/**
 * The indices of the English content words a Chinese word links to (linksInto's test, word by word);
 * `pairZh`, the pair's Chinese content words, lets a learned link stand only where this word is the
 * likeliest source of the English word (the Model 1 alignment, not just t(e | f) ≥ threshold).
 */
export function linkTargets(
  zh: ChineseToken,
  en: ContentWords['en'],
  table: TranslationTable,
  pairZh?: readonly ChineseToken[],
): number[] {
  const glosses = glossStems(zh);
  const targets: number[] = [];
  en.forEach((e, i) => {
    if (wordLinks(zh, glosses, e, table, pairZh)) targets.push(i);
  });
  return targets;
}

/** The Porter stems of a Chinese word's CC-CEDICT glosses, looked up once per word, not per English word. */
function glossStems(zh: ChineseToken): readonly string[] {
  return /^\p{Script=Han}+$/u.test(zh.simplified) ? translationStems(zh.simplified) : [];
}

function wordLinks(
  zh: ChineseToken,
  glosses: readonly string[],
  e: ContentWords['en'][number],
  table: TranslationTable,
  pairZh: readonly ChineseToken[] | undefined,
): boolean {
  if (numbersAgree(zh.word, e.token.word) || wordsLinked(zh, e.surface)) return true;
  if (glosses.some((g) => stemsClose(g, e.stem))) return true;
  if (table.pairCount(zh.simplified) < LEARNED_MIN_PAIRS) return false;
  const t = table.probability(zh.simplified, e.stem);
  if (t < LEARNED_MIN_PROBABILITY) return false;
  return !pairZh?.some((other) => table.probability(other.simplified, e.stem) > t);
}

/**
 * Porter stems of one word that Porter leaves apart: cry/cri(ed), permit/permiss(ion), decid(e)/decis(ion).
 * A final y read as i, a common start of five letters, or all but the last letter of stems of four or more.
 */
function stemsClose(gloss: string, stem: string): boolean {
  if (equalButFinalY(gloss, stem)) return true;
  if (gloss.length < 4 || stem.length < 4) return false;
  let common = 0;
  while (common < gloss.length && common < stem.length && gloss[common] === stem[common]) common++;
  if (common >= 5) return true;
  return common >= Math.min(gloss.length, stem.length) - 1 && Math.abs(gloss.length - stem.length) <= 1;
}

/** Whether two stems are equal once a final y of either is read as i (cry ↔ cri). */
function equalButFinalY(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const last = a.length - 1;
  if (last < 0) return true;
  if (!a.startsWith(b.slice(0, last))) return false;
  const asI = (c: string) => (c === 'y' ? 'i' : c);
  return asI(a[last]!) === asI(b[last]!);
}

/** 3 ↔ 3, 三 ↔ three are the number checks' business; here any two numbers of the same digits link. */
function numbersAgree(zh: string, en: string): boolean {
  const digits = zh.match(/\d+/)?.[0];
  return digits !== undefined && en.replace(/,/g, '') === digits;
}
