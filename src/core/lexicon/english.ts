import { stemmer } from 'stemmer';

/** A word of English text with its span. */
export interface EnglishToken {
  /** Lower-cased word. */
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Words of English text, lower-cased (letters and digits; apostrophes inside words kept). */
export function tokenizeEnglish(text: string): EnglishToken[] {
  const tokens: EnglishToken[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ word: wordOf(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** A matched word lower-cased, its apostrophes straight, without a possessive 's (Wang's → wang). */
function wordOf(matched: string): string {
  let word = matched.toLowerCase();
  // A word has an apostrophe far less often than not: no replacing where there is none.
  if (word.includes('’')) word = word.replaceAll('’', "'");
  return word.endsWith("'s") ? word.slice(0, -2) : word;
}

/**
 * Function words that carry no content for alignment or term extraction: articles, pronouns,
 * auxiliaries, prepositions, conjunctions, and a few dictionary-gloss words ("sb", "sth", "etc").
 */
const STOPWORDS = new Set(
  (
    'a an the and or but nor if then else so than that this these those there here what which who whom whose ' +
    'when where why how i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his ' +
    'himself she her hers herself it its itself they them their theirs themselves one ones ' +
    'am is are was were be been being have has had having do does did doing done will would shall should can ' +
    'could may might must ought to of in on at by for with from into onto upon about above below over under ' +
    'up down out off through during before after between among against without within along across around ' +
    'as not no yes very too also just only even still yet all any some each every both either neither such ' +
    'own same other another more most much many few less least again once ever never always ' +
    "s t d ll m o re ve n't 's 'd 'll 'm 're 've don't didn't doesn't isn't wasn't aren't weren't won't can't " +
    "couldn't wouldn't shouldn't hasn't haven't hadn't i'm i've i'd i'll he's she's it's that's there's " +
    "let's you're we're they're you've we've they've you'd we'd they'd you'll we'll they'll " +
    'sb sth etc oneself somebody something someone anything everything nothing'
  ).split(' '),
);

export function isEnglishStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}

const stemCache = new Map<string, string>();

/** Porter stem of a lower-cased word (cached: the same words recur across a document). */
export function stemEnglish(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, stem);
  }
  return stem;
}

/** Stems of the content words of English text, in order (stopwords and bare numbers dropped). */
export function englishContentStems(text: string): string[] {
  const stems: string[] = [];
  // The words as tokenizeEnglish reads them, without a token object each.
  for (const match of text.matchAll(WORD)) {
    const word = wordOf(match[0]);
    const first = word.charCodeAt(0);
    if (STOPWORDS.has(word) || (first >= 0x30 && first <= 0x39)) continue;
    stems.push(stemEnglish(word));
  }
  return stems;
}
