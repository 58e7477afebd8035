import { type EnglishToken, isEnglishStopword, stemEnglish, tokenizeEnglish } from '../lexicon/english.js';
import { type ChineseToken, tagChinese } from '../lexicon/jieba.js';
import { wordsLinked } from '../terms/lexical-links.js';
import type { QaPair } from './types.js';

/**
 * jieba tags of words that carry content a translation must render: nouns, verbs, adjectives, names,
 * numerals, time and place words, idioms. Function words (particles, prepositions, conjunctions,
 * pronouns, adverbs) are often not rendered word for word, so they neither need nor give a link.
 */
const CONTENT_TAGS = /^(?:n|nr|nrt|nrfg|ns|nt|nz|ng|v|vn|vd|a|an|ad|m|mq|t|s|i|l|j|x|eng)$/;

/** One side's words, each content word with whether it has a counterpart on the other side. */
export interface LinkedPair {
  zh: { token: ChineseToken; linked: boolean }[];
  en: { token: EnglishToken; linked: boolean }[];
}

/**
 * Translations learned from the whole document: a Chinese word and an English stem that occur in the
 * same pairs (at least twice, Dice ≥ 0.5) translate each other there, whatever the dictionary says
 * (the names of a story, its recurring things). The idea of Melamed's competitive linking (2000),
 * kept to its first step.
 */
export class DocumentLexicon {
  private readonly zhCounts = new Map<string, number>();
  private readonly enCounts = new Map<string, number>();
  private readonly joint = new Map<string, number>();

  constructor(pairs: readonly { zh: readonly string[]; en: readonly string[] }[]) {
    for (const pair of pairs) {
      const zh = new Set(pair.zh);
      const en = new Set(pair.en);
      for (const z of zh) this.zhCounts.set(z, (this.zhCounts.get(z) ?? 0) + 1);
      for (const e of en) this.enCounts.set(e, (this.enCounts.get(e) ?? 0) + 1);
      for (const z of zh) {
        for (const e of en) this.joint.set(`${z}\t${e}`, (this.joint.get(`${z}\t${e}`) ?? 0) + 1);
      }
    }
  }

  links(zh: string, enStem: string): boolean {
    const both = this.joint.get(`${zh}\t${enStem}`) ?? 0;
    if (both < 2) return false;
    return (2 * both) / ((this.zhCounts.get(zh) ?? 0) + (this.enCounts.get(enStem) ?? 0)) >= 0.5;
  }
}

interface TokenizedPair {
  zh: ChineseToken[];
  en: EnglishToken[];
}

export function isChineseContent(token: ChineseToken): boolean {
  return CONTENT_TAGS.test(token.tag) && /[\p{Script=Han}\d]/u.test(token.word);
}

function isEnglishContent(token: EnglishToken): boolean {
  return !isEnglishStopword(token.word);
}

export function tokenizePair(pair: QaPair): TokenizedPair {
  return { zh: tagChinese(pair.zh), en: tokenizeEnglish(pair.en) };
}

/** The document lexicon of a document's tokenized pairs (content words only). */
export function learnLexicon(pairs: readonly TokenizedPair[]): DocumentLexicon {
  return new DocumentLexicon(
    pairs.map((p) => ({
      zh: p.zh.filter(isChineseContent).map((t) => t.simplified),
      en: p.en.filter(isEnglishContent).map((t) => stemEnglish(t.word)),
    })),
  );
}

/**
 * Links the content words of a pair: CC-CEDICT glosses, pinyin, transliterations and numerals (the
 * terms extractor's wordsLinked), then the document's own lexicon.
 */
export function linkPair(pair: QaPair, tokens: TokenizedPair, lexicon: DocumentLexicon): LinkedPair {
  const zh = tokens.zh.filter(isChineseContent).map((token) => ({ token, linked: false }));
  const en = tokens.en.filter(isEnglishContent).map((token) => ({ token, linked: false }));
  for (const z of zh) {
    for (const e of en) {
      const surface = pair.en.slice(e.token.start, e.token.end);
      if (
        lexicon.links(z.token.simplified, stemEnglish(e.token.word)) ||
        wordsLinked(z.token, surface) ||
        numbersAgree(z.token.word, e.token.word)
      ) {
        z.linked = true;
        e.linked = true;
      }
    }
  }
  return { zh, en };
}

/** 3 ↔ 3, 三 ↔ three are the number checks' business; here any two numbers of the same digits link. */
function numbersAgree(zh: string, en: string): boolean {
  const digits = zh.match(/\d+/)?.[0];
  return digits !== undefined && en.replace(/,/g, '') === digits;
}
