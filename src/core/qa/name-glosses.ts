import { glossVocabulary, lookupGlosses } from '../lexicon/cedict.js';
import { isEnglishStopword } from '../lexicon/english.js';
import type { ChineseToken } from '../lexicon/jieba.js';
import { joinedPinyin } from '../lexicon/pinyin.js';
import { foldToSimplified } from '../lexicon/script.js';
import { misspelling, TRANSLITERATION_CHARS } from '../names/index.js';
import { properNamesInGlosses } from '../terms/lexical-links.js';
import { transliterationSimilarity } from '../terms/transliteration.js';
import type { QaPair, Span } from './types.js';

/*
 * Name spellings CC-CEDICT gives for the Chinese of a pair (its names' senses, its words' glosses),
 * for the name spelling check (name-spelling.ts).
 */

/** The spelling a word is held against, and what says so. */
export interface KnownName {
  name: string;
  zh?: string;
  zhSpan?: Span;
  source: 'document' | 'pinyin' | 'dictionary' | 'gloss' | 'transliteration';
  /** A person's name (jieba nr): people spell one name several ways. */
  person?: boolean;
}

/** `tokens`: the pair's Chinese as tagChinese cuts it, once per pair (name-spelling.ts). */
export function checkAgainstDictionary(
  word: string,
  pair: QaPair,
  tokens: readonly ChineseToken[],
): KnownName | undefined {
  const en = pair.en.toLowerCase();
  for (const token of tokens) {
    if (!NAME_TAGS.test(token.tag) || token.simplified.length < 2) continue;
    for (const name of namesInGlosses(token.simplified)) {
      if (name.length < 4 || new RegExp(`\\b${name}\\b`).test(en)) continue;
      if (misspelling(word.toLowerCase(), name)) {
        const spelled = name[0]!.toUpperCase() + name.slice(1);
        // A name CC-CEDICT spells as its pinyin (北京 Beijing) has that one spelling.
        const pinyin = joinedPinyin(token.simplified) === name;
        return {
          name: spelled,
          zh: token.word,
          zhSpan: { start: token.start, end: token.end },
          source: pinyin ? 'pinyin' : 'dictionary',
          person: token.tag.startsWith('nr'),
        };
      }
    }
  }
  return undefined;
}

/**
 * The names of a word's CC-CEDICT senses (边沁 Bentham), through a sense that only points to another
 * entry (杭州 "see 杭州市[Hang2 zhou1 Shi4]" → Hangzhou).
 */
function namesInGlosses(simplified: string): Set<string> {
  const names = new Set(properNamesInGlosses(simplified));
  for (const target of crossReferences(simplified))
    for (const n of properNamesInGlosses(target)) names.add(n);
  // The pinyin in the pointer is no name.
  for (const g of lookupGlosses(simplified))
    if (SEE.test(g))
      for (const w of g.match(/\[[^\]]*\]/g) ?? [])
        for (const n of w.toLowerCase().match(/[a-z]+/g) ?? []) names.delete(n);
  return names;
}

/** "see 杭州市[Hang2 zhou1 Shi4]", "see also 台湾|台灣[Tai2 wan1]": a sense that points to another entry. */
const SEE = /^see (?:also )?([^[|\s]+)(?:\|([^[\s]+))?\[/;

function crossReferences(simplified: string): string[] {
  return lookupGlosses(simplified).flatMap((g) => {
    const target = SEE.exec(g);
    return target ? [foldToSimplified(target[1]!)] : [];
  });
}

/**
 * A non-word one slip from a word that translates a word of the pair's Chinese (Exhrbition, 展览馆
 * exhibition hall): the English word meant, capitalised as part of a name.
 */
export function checkAgainstGlosses(
  word: string,
  pair: QaPair,
  tokens: readonly ChineseToken[],
): KnownName | undefined {
  const lower = word.toLowerCase();
  const en = pair.en.toLowerCase();
  // Pierson of 约翰·皮尔逊 sounds like the Chinese: a foreign name, not a slip for "person" (东西);
  // only the senses of the characters it sounds like (托尼 "(name) Tony" for Tonm) say how to spell it.
  const foreignName = soundsLikeTheChinese(word, tokens);
  for (const run of pair.zh.matchAll(/\p{Script=Han}+/gu)) {
    // Two characters at least: a single character's senses name too many words (大 person ↔ Persson).
    for (let length = 2; length <= 4; length++) {
      for (let at = 0; at + length <= run[0].length; at++) {
        const piece = run[0].slice(at, at + length);
        if (foreignName && !soundsAlike(piece, word)) continue;
        for (const sense of lookupGlossWords(foldToSimplified(piece)).flatMap(inflections)) {
          if (
            sense.length < 4 ||
            isEnglishStopword(sense) ||
            new RegExp(`\\b${sense}\\b`).test(en) ||
            !misspelling(lower, sense)
          )
            continue;
          if (britishVariant(lower, sense)) continue;
          const start = run.index + at;
          return {
            name: sense[0]!.toUpperCase() + sense.slice(1),
            zh: piece,
            zhSpan: { start, end: start + length },
            source: 'gloss',
          };
        }
      }
    }
  }
  return undefined;
}

/**
 * Whether the word sounds like a name the Chinese writes in characters (Ewen, 埃文; Pierson, 皮尔逊):
 * a name-like jieba word with a transliteration character, by the terms extractor's consonant skeletons.
 */
function soundsLikeTheChinese(word: string, tokens: readonly ChineseToken[]): boolean {
  return tokens.some((token) => NAME_TAGS.test(token.tag) && soundsAlike(token.word, word));
}

const NAME_TAGS = /^(?:nr|nrt|nrfg|ns|nz|x)$/;

function soundsAlike(piece: string, word: string): boolean {
  const foreign = [...foldToSimplified(piece)].some((c) => TRANSLITERATION_CHARS.has(c));
  return foreign && transliterationSimilarity(piece, word) >= SOUNDS_ALIKE;
}

/**
 * Consonant-skeleton similarity from which a word is the transliterated name: 3 of 4 skeleton letters
 * (Pierson P-L-S-N, 皮尔逊 P-S-N), a little under the terms extractor's 0.8.
 */
const SOUNDS_ALIKE = 0.75;

/**
 * A gloss word and the forms of it that CC-CEDICT's senses use too: plurals (German → Germans,
 * section → sections) and demonyms (China → Chinese, Germany → German).
 */
function inflections(gloss: string): string[] {
  const vocabulary = glossVocabulary();
  const stem = gloss.replace(/[aeiouy]$/, '');
  const forms = [
    `${gloss}s`,
    `${gloss}es`,
    `${gloss}n`,
    `${stem}an`,
    `${stem}ian`,
    `${stem}ese`,
    `${stem}ish`,
  ];
  return [gloss, ...forms.filter((f) => f !== gloss && vocabulary.has(f))];
}

/** British and American spellings of one word (Centre/Center, Colour/Color): no slip. */
function britishVariant(a: string, b: string): boolean {
  const american = (w: string) =>
    w
      .replace(/re$/, 'er')
      .replace(/our/, 'or')
      .replace(/is(e|ing|ed)$/, 'iz$1');
  return american(a) === american(b);
}

/**
 * The English words of a Chinese word's CC-CEDICT senses, lower-cased; a sense that only points to
 * another entry ("see 杭州市[Hang2 zhou1 Shi4]") gives that entry's words.
 */
function lookupGlossWords(simplified: string): string[] {
  const senses = [
    ...lookupGlosses(simplified).filter((g) => !SEE.test(g)),
    ...crossReferences(simplified).flatMap((target) => lookupGlosses(target)),
  ];
  return [...new Set(senses.flatMap((g) => g.toLowerCase().match(/[a-z]+/g) ?? []))];
}
