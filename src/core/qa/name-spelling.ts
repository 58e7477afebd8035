import { glossVocabulary } from '../lexicon/cedict.js';
import { stemEnglish } from '../lexicon/english.js';
import { type ChineseToken, tagChinese } from '../lexicon/jieba.js';
import { foldToSimplified } from '../lexicon/script.js';
import {
  findChineseNames,
  misspelling,
  type NameMention,
  type StretchReading,
  stretchReadings,
} from '../names/index.js';
import { properNamesInGlosses } from '../terms/lexical-links.js';
import { checkAgainstDictionary, checkAgainstGlosses, type KnownName } from './name-glosses.js';
import { checkAgainstTransliteration, transliterationSpans } from './name-transliteration.js';
import { type Finding, finding, type QaPair, type Span } from './types.js';

/**
 * A capitalised word: a name, or a common word opening a sentence (the document's lower-case words
 * tell). Each part of a hyphenated compound is a word of its own (London-based, Kragh-Jacobsen).
 */
const CAPITALISED = /(?<![\p{L}'’])\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?(?!\p{L})/gu;
/** A capitalised word standing alone: only these establish a spelling (Beta-tested is no name Beta). */
const WHOLE_CAPITALISED = /(?<![\p{L}'’-])\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?(?![\p{L}-])/gu;
const LOWER_CASE = /(?<![\p{L}'’])\p{Ll}+(?!\p{L})/gu;

interface NameUse {
  pairs: Set<number>;
}

/** What the whole document says about its capitalised words. */
interface DocumentWords {
  pairs: readonly QaPair[];
  lowerCase: ReadonlySet<string>;
  uses: ReadonlyMap<string, NameUse>;
  /** The capitalised words that may be names (4+ letters, never in lower case), in document order. */
  names: readonly [string, NameUse][];
  /** The pinyin of each pair's Han stretches, computed when first asked for. */
  readings: Map<number, StretchReading[]>;
}

/**
 * A name spelled differently in the English (Benthan for Bentham), found against:
 *  - the document: a capitalised word seen once (a non-word a few times, if the name is written five
 *    times as often), one edit (two from ten letters) from a name the document writes the same way at
 *    least twice, where the Chinese of the pair holds the Chinese that goes with that name (a two-character
 *    string found in most of the name's pairs and few others, its transliteration: 边沁); without that
 *    Chinese, a non-word (no CC-CEDICT sense uses it) one edit from a name written twice (Shanhgai),
 *    or from a name written once that its own pair's Chinese vouches for (Shen of 申玉菲);
 *  - pinyin: a part of a Chinese person's name (Guangcheng of 王广成) misspelled, the part absent or
 *    the word a non-word (Qiayo beside Qiyao); a non-word one edit from the pinyin of two to four
 *    characters of the pair's Chinese (Jingma for 京密, Cheno of "Wang Cheno" for 王成) that the
 *    English does not also write;
 *  - CC-CEDICT: a Chinese word whose senses name someone or somewhere (边沁 Bentham) and an
 *    English word one or two edits from that name where the name itself is absent (info, the
 *    dictionary's spelling of a foreign name being one of several, unless the word is a non-word);
 *  - the glosses of the pair's Chinese: a non-word one edit from a translation of two to four of its
 *    characters, or its plural or demonym (Exhrbition, 展览 exhibition; Germdns, 德国人 German).
 * Each reports one finding with both spellings. Common words are never names here: a word the document
 * also writes in lower case is skipped.
 */
export function checkNameSpelling(pairs: readonly QaPair[]): Finding[] {
  const lowerCase = new Set<string>();
  const uses = new Map<string, NameUse>();
  pairs.forEach((pair, index) => {
    for (const w of pair.en.match(LOWER_CASE) ?? []) lowerCase.add(w);
    for (const m of pair.en.matchAll(WHOLE_CAPITALISED)) {
      const word = bare(m[0]);
      if (!uses.has(word)) uses.set(word, { pairs: new Set() });
      uses.get(word)!.pairs.add(index);
    }
  });
  const names = [...uses].filter(([name]) => name.length >= 4 && !lowerCase.has(name.toLowerCase()));
  const document: DocumentWords = { pairs, lowerCase, uses, names, readings: new Map() };
  const findings: Finding[] = [];
  pairs.forEach((pair, index) => {
    if (!pair.zh.trim() || !pair.en.trim()) return;
    const reported = new Set<string>();
    // The pair's Chinese names and jieba words, found when a word first needs them, once per pair.
    let people: NameMention[] | undefined;
    let tokens: readonly ChineseToken[] | undefined;
    const peopleOfPair = () => (people ??= findChineseNames(pair.zh));
    const tokensOfPair = () => (tokens ??= tagChinese(pair.zh));
    let spans: ReturnType<typeof transliterationSpans> | undefined;
    const spansOfPair = () => (spans ??= transliterationSpans(pair, tokensOfPair(), peopleOfPair()));
    let previous = { word: '', end: 0 };
    for (const m of pair.en.matchAll(CAPITALISED)) {
      const word = bare(m[0]);
      // The capitalised word just before, when only a space parts them (Wang of "Wang Cheno").
      const before = /^\s+$/.test(pair.en.slice(previous.end, m.index)) ? previous.word : '';
      previous = { word, end: m.index + m[0].length };
      if (reported.has(word) || word.length < 4 || lowerCase.has(word.toLowerCase())) continue;
      const span: Span = { start: m.index, end: m.index + word.length };
      // A word no dictionary and nowhere else in the document writes (Manhcu, Qiayo) is a misspelling
      // when it is one slip from a spelling the document or the pair's Chinese gives.
      const unknown = isUnknownWord(word, lowerCase);
      const nonWord = unknown && (uses.get(word)?.pairs.size ?? 0) <= 1;
      // A dictionary word opening a sentence or a title (Boning Up) is capitalised for that alone.
      const known =
        (unknown || midSentence(pair.en, m.index)
          ? checkAgainstDocument(word, index, document, unknown)
          : undefined) ??
        checkAgainstPinyin(word, pair, unknown, peopleOfPair()) ??
        (nonWord ? checkAgainstStretches(word, before, index, document) : undefined) ??
        checkAgainstDictionary(word, pair, tokensOfPair()) ??
        (nonWord ? checkAgainstGlosses(word, pair, tokensOfPair()) : undefined) ??
        (nonWord ? checkAgainstTransliteration(word, pair, spansOfPair()) : undefined);
      if (!known) continue;
      reported.add(word);
      findings.push(
        finding(
          'name',
          // CC-CEDICT gives one spelling of a foreign name (斯蒂芬 Stephen), translators others: a spelling
          // that is itself a word or name CC-CEDICT knows is worth a look only when asked for; one no
          // dictionary knows (Prestol for 普雷斯顿 Preston) is a slip.
          known.source === 'dictionary'
            ? nonWord && !(known.person && vowelVariant(word.toLowerCase(), known.name.toLowerCase()))
              ? 'warning'
              : 'info'
            : known.source === 'gloss' || known.source === 'transliteration'
              ? 'warning'
              : 'error',
          index,
          pair,
          `${known.zh ? `${known.zh} (${known.name})` : known.name} ↔ ${word}: the name is spelled ${known.name} ${SOURCES[known.source]}`,
          `spell it ${known.name}`,
          { en: [span], ...(known.zhSpan ? { zh: [known.zhSpan] } : {}) },
          'name-spelling',
        ),
      );
    }
  });
  return findings;
}

const ESTABLISHED_WITHOUT_CHINESE = 3;
/**
 * A non-word written in several pairs is still a slip when the name it is one edit from is written
 * this many times as often (Zhna'ao twice against Zhan'ao 16 times, in a novel).
 */
const SLIP_RATIO = 5;

const SOURCES = {
  document: 'elsewhere in this document',
  pinyin: 'in pinyin',
  dictionary: 'in CC-CEDICT',
  gloss: 'in CC-CEDICT (a translation of the Chinese)',
  transliteration: 'by the sound of the Chinese (a transliteration)',
} as const;

function checkAgainstDocument(
  word: string,
  index: number,
  document: DocumentWords,
  unknown: boolean,
): KnownName | undefined {
  const { pairs, uses, names } = document;
  const written = uses.get(word)?.pairs.size ?? 0;
  for (const [name, use] of names) {
    if (!misspelling(word, name)) continue;
    const times = use.pairs.size;
    if (written > 1 && (!unknown || written * SLIP_RATIO > times)) continue;
    if (times === 1) {
      // A name written once is no more established than its misspelling (Kolb / Kelb, once each),
      // unless the other is a non-word and the name's own pair's Chinese vouches for it (Shen, 申玉菲).
      if (!unknown || written > 1) continue;
      const [at] = use.pairs;
      if (!vouchedByChinese(name, at!, document)) continue;
      return { name, source: 'document' };
    }
    const anchor = sharedChinese(
      pairs[index]!.zh,
      [...use.pairs].map((i) => pairs[i]!.zh),
      pairs,
    );
    // English often names who the Chinese calls 表哥 or 他: a name written the same way three times
    // or more is evidence enough without its Chinese; so is a name written twice, for a non-word.
    if (!anchor && !(unknown && written <= 1) && times < ESTABLISHED_WITHOUT_CHINESE) continue;
    return anchor
      ? { name, zh: anchor.text, zhSpan: anchor.span, source: 'document' }
      : { name, source: 'document' };
  }
  return undefined;
}

/**
 * Whether a pair's Chinese writes `name`: as the pinyin of some of its characters, alone or with the
 * capitalised word before or after it (Shen of "Shen Yufei", 申玉菲), or as a CC-CEDICT name.
 */
function vouchedByChinese(name: string, index: number, document: DocumentWords): boolean {
  const lower = romanised(name);
  const forms = new Set([lower]);
  const words = [...document.pairs[index]!.en.matchAll(WHOLE_CAPITALISED)].map((m) => romanised(bare(m[0])));
  words.forEach((w, i) => {
    if (w !== lower) return;
    if (i > 0) forms.add(words[i - 1] + w);
    if (i + 1 < words.length) forms.add(w + words[i + 1]);
  });
  return readingsOf(index, document).some(
    (r) => forms.has(r.pinyin) || properNamesInGlosses(foldToSimplified(r.text)).has(lower),
  );
}

function readingsOf(index: number, document: DocumentWords): StretchReading[] {
  let readings = document.readings.get(index);
  if (!readings) {
    readings = stretchReadings(document.pairs[index]!.zh);
    document.readings.set(index, readings);
  }
  return readings;
}

/**
 * A non-word one edit from the pinyin of two to four characters of the pair's Chinese (Jingma, 京密
 * jingmi; Qifu, 曲阜 qufu), or from its given name after the surname the English writes before it
 * (Wang Cheno, 王成 wangcheng), where the English writes that pinyin nowhere and the word is no reading
 * of the Chinese itself.
 */
function checkAgainstStretches(
  word: string,
  before: string,
  index: number,
  document: DocumentWords,
): KnownName | undefined {
  const lower = romanised(word);
  const surname = romanised(before);
  const readings = readingsOf(index, document);
  if (readings.some((r) => r.pinyin === lower || r.pinyin === surname + lower)) return undefined;
  const en = romanised(document.pairs[index]!.en);
  for (const reading of readings) {
    const spellings = [reading.pinyin];
    if (surname && reading.pinyin.startsWith(surname) && reading.pinyin.length - surname.length >= 2)
      spellings.push(reading.pinyin.slice(surname.length));
    for (const spelling of spellings) {
      if (spelling.length < 4 || en.includes(spelling) || !misspelling(lower, spelling)) continue;
      return {
        name: spelling[0]!.toUpperCase() + spelling.slice(1),
        zh: reading.text,
        zhSpan: { start: reading.start, end: reading.end },
        source: 'pinyin',
      };
    }
  }
  return undefined;
}

/** Whether the word at `at` is inside a sentence: after a word, a number or a comma, not a full stop or quote. */
function midSentence(en: string, at: number): boolean {
  return /[\p{L}\d,;]\s+$/u.test(en.slice(Math.max(0, at - 20), at));
}

/** A word as pinyin is compared: lower-case letters only (Zhan'ao → zhanao). */
function romanised(word: string): string {
  return word.toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * A Chinese person's name whose pinyin part (Guangcheng, Zhibing) the English misspells: the part
 * absent, or the word a non-word (Qiayo where the pair writes Qiyao too).
 */
function checkAgainstPinyin(
  word: string,
  pair: QaPair,
  unknown: boolean,
  people: readonly NameMention[],
): KnownName | undefined {
  const en = romanisedWords(pair.en);
  const lower = romanised(word);
  for (const person of people) {
    if (person.kind !== 'person') continue;
    for (const part of person.pinyin.split(' ')) {
      const name = romanised(part);
      if (name.length < 4 || (!unknown && en.has(name))) continue;
      if (misspelling(lower, name)) {
        return {
          name: part,
          zh: person.text,
          zhSpan: { start: person.start, end: person.end },
          source: 'pinyin',
        };
      }
    }
  }
  return undefined;
}

/** The words of an English text as pinyin is compared (Zhan'ao → zhanao). */
function romanisedWords(en: string): Set<string> {
  return new Set((en.match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? []).map(romanised));
}

/**
 * A capitalised word that is no English word or name CC-CEDICT's senses use, under any Porter stem, and
 * that the document never writes in lower case.
 */
function isUnknownWord(word: string, lowerCase: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase();
  // A contraction (They've) is no name; a pinyin syllable break (Zhan'ao) is.
  if (/['’](?:ve|re|ll|d|t|s|m)$/i.test(word) || lowerCase.has(lower)) return false;
  const vocabulary = glossVocabulary();
  return !vocabulary.has(lower) && !vocabulary.has(stemEnglish(lower));
}

/**
 * Two spellings one vowel apart (Stephan/Stephen, Johnsen/Johnson): a transliteration's characters
 * do not tell the vowels of a foreign person's name, and both are names people bear (a place has one
 * spelling: Chicagu is a slip).
 */
function vowelVariant(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((c, i) => (c !== b[i] ? [i] : []));
  return differ.length === 1 && /[aeiouy]/.test(a[differ[0]!]!) && /[aeiouy]/.test(b[differ[0]!]!);
}

/**
 * A two-character Han string of this pair's Chinese that is in most (≥ half) of the name's pairs and
 * goes with the name (Dice ≥ 0.5 over the document's pairs): the Chinese of the name.
 */
function sharedChinese(
  zh: string,
  namePairs: readonly string[],
  pairs: readonly QaPair[],
): { text: string; span: Span } | undefined {
  let best: { text: string; span: Span; dice: number } | undefined;
  for (let i = 0; i + 2 <= zh.length; i++) {
    const bigram = zh.slice(i, i + 2);
    if (!/^\p{Script=Han}{2}$/u.test(bigram)) continue;
    const inName = namePairs.filter((z) => z.includes(bigram)).length;
    if (inName * 2 < namePairs.length) continue;
    const overall = pairs.filter((p) => p.zh.includes(bigram)).length;
    const dice = (2 * inName) / (namePairs.length + overall);
    if (dice >= 0.5 && (!best || dice > best.dice))
      best = { text: bigram, span: { start: i, end: i + 2 }, dice };
  }
  return best && { text: best.text, span: best.span };
}

/** A word without its possessive ('s). */
function bare(word: string): string {
  return word.replace(/['’]s$/, '');
}
