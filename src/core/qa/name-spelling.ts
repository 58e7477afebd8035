import { distance as editDistance } from 'fastest-levenshtein';
import { glossVocabulary, lookupGlosses } from '../lexicon/cedict.js';
import { stemEnglish } from '../lexicon/english.js';
import { tagChinese } from '../lexicon/jieba.js';
import { pinyinSyllables } from '../lexicon/pinyin.js';
import { foldToSimplified } from '../lexicon/script.js';
import { findChineseNames } from '../names/index.js';
import { properNamesInGlosses } from '../terms/lexical-links.js';
import { type Finding, finding, type QaPair, type Span } from './types.js';

/** A capitalised word: a name, or a common word opening a sentence (the document's lower-case words tell). */
const CAPITALISED = /(?<![\p{L}'’-])\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?(?![\p{L}-])/gu;

interface NameUse {
  pairs: Set<number>;
}

/**
 * A name spelled differently in the English (Benthan for Bentham), found two ways:
 *  - against the document: a capitalised word seen once, one edit (two from ten letters) from a name
 *    the document writes the same way at least twice, where the Chinese of the pair holds the Chinese
 *    that goes with that name (a two-character string found in most of the name's pairs and few others,
 *    its transliteration: 边沁); without that Chinese, a non-word (no CC-CEDICT sense uses it) one
 *    edit from a name written twice (Shanhgai);
 *  - against pinyin: a part of a Chinese person's name (Guangcheng of 王广成) misspelled, the part absent;
 *  - against CC-CEDICT: a Chinese word whose senses name someone or somewhere (边沁 Bentham) and an
 *    English word one or two edits from that name where the name itself is absent (info, the
 *    dictionary's spelling of a foreign name being one of several, unless the word is a non-word);
 *  - against the glosses of the pair's Chinese: a non-word one edit from a translation of two to four
 *    of its characters (Exhrbition, 展览 exhibition).
 * Each reports one finding with both spellings. Common words are never names here: a word the document
 * also writes in lower case is skipped.
 */
export function checkNameSpelling(pairs: readonly QaPair[]): Finding[] {
  const lowerCase = new Set<string>();
  const uses = new Map<string, NameUse>();
  pairs.forEach((pair, index) => {
    for (const w of pair.en.match(/(?<![\p{L}'’-])\p{Ll}+(?![\p{L}-])/gu) ?? []) lowerCase.add(w);
    for (const m of pair.en.matchAll(CAPITALISED)) {
      const word = bare(m[0]);
      if (!uses.has(word)) uses.set(word, { pairs: new Set() });
      uses.get(word)!.pairs.add(index);
    }
  });
  // A name written once is no more established than its misspelling (Kolb / Kelb, once each).
  const established = [...uses.entries()].filter(
    ([w, use]) => !lowerCase.has(w.toLowerCase()) && w.length >= 4 && use.pairs.size >= 2,
  );
  const findings: Finding[] = [];
  pairs.forEach((pair, index) => {
    if (!pair.zh.trim() || !pair.en.trim()) return;
    const reported = new Set<string>();
    for (const m of pair.en.matchAll(CAPITALISED)) {
      const word = bare(m[0]);
      if (reported.has(word) || word.length < 4 || lowerCase.has(word.toLowerCase())) continue;
      const span: Span = { start: m.index, end: m.index + word.length };
      // A word no dictionary and nowhere else in the document writes (Manhcu, Qiayo) is a misspelling
      // when it is one slip from a spelling the document or the pair's Chinese gives.
      const nonWord = isNonWord(word, lowerCase, uses);
      const known =
        checkAgainstDocument(word, index, pairs, established, uses, nonWord) ??
        checkAgainstPinyin(word, pair) ??
        checkAgainstDictionary(word, pair) ??
        (nonWord ? checkAgainstGlosses(word, pair) : undefined);
      if (!known) continue;
      reported.add(word);
      findings.push(
        finding(
          'name',
          // CC-CEDICT gives one spelling of a foreign name (斯蒂芬 Stephen), translators others: a spelling
          // that is itself a word or name CC-CEDICT knows is worth a look only when asked for; one no
          // dictionary knows (Prestol for 普雷斯顿 Preston) is a slip.
          known.source === 'dictionary'
            ? nonWord
              ? 'warning'
              : 'info'
            : known.source === 'gloss'
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

const SOURCES = {
  document: 'elsewhere in this document',
  pinyin: 'in pinyin',
  dictionary: 'in CC-CEDICT',
  gloss: 'in CC-CEDICT (a translation of the Chinese)',
} as const;

interface KnownName {
  name: string;
  zh?: string;
  zhSpan?: Span;
  source: 'document' | 'pinyin' | 'dictionary' | 'gloss';
}

function checkAgainstDocument(
  word: string,
  index: number,
  pairs: readonly QaPair[],
  established: readonly [string, NameUse][],
  uses: ReadonlyMap<string, NameUse>,
  nonWord: boolean,
): KnownName | undefined {
  if ((uses.get(word)?.pairs.size ?? 0) > 1) return undefined;
  for (const [name, use] of established) {
    if (!misspelling(word, name)) continue;
    const anchor = sharedChinese(
      pairs[index]!.zh,
      [...use.pairs].map((i) => pairs[i]!.zh),
      pairs,
    );
    // English often names who the Chinese calls 表哥 or 他: a name written the same way three times
    // or more is evidence enough without its Chinese; so is a name written twice, for a non-word.
    if (!anchor && !nonWord && use.pairs.size < ESTABLISHED_WITHOUT_CHINESE) continue;
    return anchor
      ? { name, zh: anchor.text, zhSpan: anchor.span, source: 'document' }
      : { name, source: 'document' };
  }
  return undefined;
}

/** A Chinese person's name whose pinyin part (Guangcheng, Zhibing) the English misspells, the part absent. */
function checkAgainstPinyin(word: string, pair: QaPair): KnownName | undefined {
  const en = pair.en.toLowerCase();
  for (const person of findChineseNames(pair.zh)) {
    if (person.kind !== 'person') continue;
    for (const part of person.pinyin.split(' ')) {
      const name = part.toLowerCase();
      if (name.length < 4 || new RegExp(`\\b${name}\\b`).test(en)) continue;
      if (misspelling(word.toLowerCase(), name)) {
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

function checkAgainstDictionary(word: string, pair: QaPair): KnownName | undefined {
  const en = pair.en.toLowerCase();
  for (const token of tagChinese(pair.zh)) {
    if (!/^(?:nr|nrt|nrfg|ns|nz|x)$/.test(token.tag) || token.simplified.length < 2) continue;
    for (const name of properNamesInGlosses(token.simplified)) {
      if (name.length < 4 || new RegExp(`\\b${name}\\b`).test(en)) continue;
      if (misspelling(word.toLowerCase(), name)) {
        const spelled = name[0]!.toUpperCase() + name.slice(1);
        // A name CC-CEDICT spells as its pinyin (北京 Beijing) has that one spelling.
        const pinyin = pinyinSyllables(token.simplified).join('').toLowerCase() === name;
        return {
          name: spelled,
          zh: token.word,
          zhSpan: { start: token.start, end: token.end },
          source: pinyin ? 'pinyin' : 'dictionary',
        };
      }
    }
  }
  return undefined;
}

/**
 * A capitalised word that is no English word or name CC-CEDICT's senses use, under any Porter stem, and
 * that the document writes nowhere else, in any case.
 */
function isNonWord(
  word: string,
  lowerCase: ReadonlySet<string>,
  uses: ReadonlyMap<string, NameUse>,
): boolean {
  const lower = word.toLowerCase();
  // A contraction (They've) is no name.
  if (/['’]/.test(word) || lowerCase.has(lower) || (uses.get(word)?.pairs.size ?? 0) > 1) return false;
  const vocabulary = glossVocabulary();
  return !vocabulary.has(lower) && !vocabulary.has(stemEnglish(lower));
}

/**
 * A non-word one slip from a word that translates a word of the pair's Chinese (Exhrbition, 展览馆
 * exhibition hall): the English word meant, capitalised as part of a name.
 */
function checkAgainstGlosses(word: string, pair: QaPair): KnownName | undefined {
  const lower = word.toLowerCase();
  const en = pair.en.toLowerCase();
  for (const run of pair.zh.matchAll(/\p{Script=Han}+/gu)) {
    // Two characters at least: a single character's senses name too many words (大 person ↔ Persson).
    for (let length = 2; length <= 4; length++) {
      for (let at = 0; at + length <= run[0].length; at++) {
        const piece = run[0].slice(at, at + length);
        for (const sense of lookupGlossWords(foldToSimplified(piece))) {
          if (sense.length < 4 || new RegExp(`\\b${sense}\\b`).test(en) || !misspelling(lower, sense))
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

/** British and American spellings of one word (Centre/Center, Colour/Color): no slip. */
function britishVariant(a: string, b: string): boolean {
  const american = (w: string) =>
    w
      .replace(/re$/, 'er')
      .replace(/our/, 'or')
      .replace(/is(e|ing|ed)$/, 'iz$1');
  return american(a) === american(b);
}

/** The English words of a Chinese word's CC-CEDICT senses, lower-cased. */
function lookupGlossWords(simplified: string): string[] {
  return [...new Set(lookupGlosses(simplified).flatMap((g) => g.toLowerCase().match(/[a-z]+/g) ?? []))];
}

/**
 * One letter changed, added, dropped or two swapped (two edits from ten letters), the same first
 * letter, and neither a prefix of the other (Russia/Russian, Smith/Smiths are other words).
 */
function misspelling(word: string, name: string): boolean {
  if (word === name || word[0] !== name[0]) return false;
  if (word.startsWith(name) || name.startsWith(word)) return false;
  const allowed = Math.min(word.length, name.length) >= 10 ? 2 : 1;
  return damerau(word, name) <= allowed;
}

/** Edit distance counting a swap of two neighbouring letters as one edit. */
function damerau(a: string, b: string): number {
  const plain = editDistance(a, b);
  if (plain !== 2 || a.length !== b.length) return plain;
  const differ = [...a].flatMap((c, i) => (c !== b[i] ? [i] : []));
  const [i, j] = differ;
  return differ.length === 2 && j === i! + 1 && a[i!] === b[j] && a[j] === b[i!] ? 1 : plain;
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
