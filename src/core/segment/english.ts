import { BEFORE_NUMBER, MAYBE_FINAL, NEVER_FINAL, SENTENCE_STARTERS } from './abbreviations.js';
import {
  CJK_STOP_IN,
  isDigit,
  isLower,
  isSpace,
  isUpper,
  OPENERS,
  skipClosers,
  skipOpeners,
  skipSpaces,
  straightQuoteCloses,
} from './characters.js';

/**
 * A run of sentence marks: one or more of . ! ? … and the CJK stops; or a dash right before a closing
 * quote, which ends an interrupted utterance (`“你为什么——”`, `I—'`).
 */
export const MARK_RUN = /[.!?…。！？｡]+|[—–]+(?=[”’」』"'])/g;

/** Longest word looked at before a period; longer "words" (URLs, hashes) are never abbreviations. */
const MAX_WORD = 40;

/**
 * Where the next sentence starts after the mark run text[start, end), or -1 when the run ends no
 * sentence. `sentenceStart` is where the current sentence began (for list numbers like `1.`).
 *
 * Rules, in order:
 *   - closing quotes and brackets after the marks stay with the sentence (`He said "Go." Then`);
 *   - Latin marks need a space after them (3.14, U.S.A, example.com, Yahoo!Inc stay whole); CJK marks not;
 *   - nothing ends before a lower-case letter (`"Help!" she cried`, `etc. and`, `p.m. on`);
 *   - ! and ? end the sentence otherwise, and so does a dash that a closing quote follows;
 *   - an ellipsis ends it before a capitalised word, except the pronoun I (a stammer: `I... I know`);
 *   - a period after a title (Mr., Dr., e.g.) ends nothing; after No./p./Fig./Jan. nothing before a
 *     digit; after a list number at the sentence start (`1. Introduction`) nothing;
 *   - after a single capital (an initial: J. K. Rowling), a dotted acronym (U.S., D.E.) or an
 *     abbreviation that can end a sentence (Inc., p.m., etc.), only before a sentence-starting word
 *     (`at 5 p.m. He left` splits, `5 p.m. Monday` does not);
 *   - any other period ends the sentence.
 */
export function latinBoundary(text: string, start: number, end: number, sentenceStart: number): number {
  const run = text.slice(start, end);
  const closed = skipClosers(text, end);
  const hasCjkStop = CJK_STOP_IN.test(run);
  if (closed >= text.length) return -1;
  if (!isSpace(text[closed])) return hasCjkStop ? closed : -1;
  let next = skipSpaces(text, closed);
  // A closing quote set off by a space, as tokenised text writes it (`it . " Then`), stays too.
  if (text[next] === '"' && straightQuoteCloses(text, next)) next = skipSpaces(text, next + 1);
  if (next >= text.length) return -1;
  if (hasCjkStop) return next;
  // Inside a spaced ellipsis (`. . .`) or before more marks: the run is not over.
  if (/[.!?…]/.test(text[next]!)) return -1;
  const first = text[skipOpeners(text, next)];
  if (isLower(first) || startsDashedAside(text, next)) return -1;
  if (/[!?]/.test(run)) return next;
  if (/^[—–]+$/.test(run)) return next;
  if (run.includes('…') || run.length > 1 || endsSpacedEllipsis(text, start)) {
    return isUpper(first) && nextWord(text, next) !== 'I' ? next : -1;
  }
  const word = wordBefore(text, start);
  if (word === undefined || word === '') return next;
  if (NEVER_FINAL.has(word)) return -1;
  if (BEFORE_NUMBER.has(word) && isDigit(first)) return -1;
  if (isListNumber(word) && onlyOpenersBetween(text, sentenceStart, start - word.length)) return -1;
  if (MAYBE_FINAL.has(word) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    return SENTENCE_STARTERS.has(nextWord(text, next)) ? next : -1;
  }
  return next;
}

/** The last dot of `. . .`: a period with a space and another period before it. */
function endsSpacedEllipsis(text: string, index: number): boolean {
  return text[index - 1] === ' ' && text[index - 2] === '.';
}

/** A dash and a lower-case word after the mark: an aside inside the sentence (`and - gasp! - let go`). */
function startsDashedAside(text: string, index: number): boolean {
  if (!/[-–—]/.test(text[index]!)) return false;
  return isLower(text[skipSpaces(text, index + 1)]);
}

/** The word the period at `index` ends, without leading quotes and brackets; undefined when too long. */
function wordBefore(text: string, index: number): string | undefined {
  let i = index;
  while (i > 0 && !isSpace(text[i - 1])) {
    if (index - i >= MAX_WORD) return undefined;
    i--;
  }
  while (i < index && OPENERS.has(text[i]!)) i++;
  return text.slice(i, index);
}

function nextWord(text: string, index: number): string {
  const from = skipOpeners(text, index);
  const match = /^\p{L}+/u.exec(text.slice(from, from + MAX_WORD));
  return match ? match[0] : '';
}

function isListNumber(word: string): boolean {
  return /^(?:\d{1,3}|[ivxIVX]{1,4}|[a-zA-Z])$/.test(word);
}

function onlyOpenersBetween(text: string, from: number, to: number): boolean {
  if (to - from > MAX_WORD) return false;
  for (let i = from; i < to; i++) if (!isSpace(text[i]) && !OPENERS.has(text[i]!)) return false;
  return true;
}

/** Start offsets of the second and later sentences of an English paragraph. */
export function englishBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  let sentenceStart = 0;
  const marks = new RegExp(MARK_RUN.source, 'g');
  for (let m = marks.exec(text); m; m = marks.exec(text)) {
    const at = latinBoundary(text, m.index, m.index + m[0].length, sentenceStart);
    if (at > sentenceStart && at < text.length) {
      boundaries.push(at);
      sentenceStart = at;
      marks.lastIndex = at;
    }
  }
  return boundaries;
}
