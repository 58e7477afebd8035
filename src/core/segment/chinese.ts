import {
  CJK_STOP_IN,
  CJK_STOPS,
  CLOSERS,
  isCjk,
  isLatinOrDigit,
  isSpace,
  OPENERS,
  skipClosers,
  skipSpaces,
} from './characters.js';
import { latinBoundary, MARK_RUN } from './english.js';

/**
 * Start offsets of the second and later sentences of a Chinese paragraph.
 *
 * Decisions, checked against how the gold corpora (MAC, BFSU) were split:
 *   - 。！？ (and ASCII ! ? after a Han character, as in older web text) end a sentence, together with
 *     the closing quotes and brackets after them: `“走吧！”` is one piece;
 *   - a sentence inside an open quotation ends there too: `他说：“你好。我走了。”然后离开。` gives
 *     `他说：“你好。` / `我走了。”` / `然后离开。`. The gold corpora split dialogue the same way, and
 *     holding a quotation whole would glue long speeches into one unit that no English sentence matches;
 *   - ；and ; do not end a sentence (the gold never ends a line with one: they join clauses of a sentence);
 *   - an ellipsis (…… or ...) alone does not end a sentence (mostly a trailing-off inside speech), unless
 *     a closing quote follows it: `……”` ends the utterance;
 *   - nothing ends right before a comma, colon or semicolon (`“好！”，他说` is one sentence), nor
 *     before another mark;
 *   - an ASCII period after a Han character ends a sentence unless a Latin letter follows
 *     (`走了.然后` and `范围.1999年` split, `U.S.政府`, `3.5亿`, `Adornis.com主要` do not);
 *   - after Latin text (an English title or quotation inside the Chinese), . ! ? end the Chinese
 *     sentence only when Chinese text follows and the English rules agree (`U.S. 政府` stays whole);
 *     Latin sentences inside the Chinese are not split from each other: they belong to one Chinese one.
 */
export function chineseBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  let sentenceStart = 0;
  const quotes = quoteTracker(text);
  const marks = new RegExp(MARK_RUN.source, 'g');
  for (let m = marks.exec(text); m; m = marks.exec(text)) {
    const at = chineseBoundary(text, m.index, m.index + m[0].length, sentenceStart, quotes);
    if (at > sentenceStart && at < text.length) {
      boundaries.push(at);
      sentenceStart = at;
      marks.lastIndex = at;
    }
  }
  return boundaries;
}

/** What the text before an offset leaves open: straight double quotes and curly/corner quotations. */
interface QuoteState {
  /** An odd number of `"` came before: a `"` here closes. */
  straightOpen: boolean;
  /** Quotations (“ 「 『) opened and not yet closed. */
  depth: number;
}

/**
 * Quote state at increasing offsets, counted once over the text. Chinese text typed with ASCII quotes
 * has no other way to tell `。"然后` (closing) from `。"你好` (opening).
 */
function quoteTracker(text: string): (index: number) => QuoteState {
  let position = 0;
  const state: QuoteState = { straightOpen: false, depth: 0 };
  return (index) => {
    for (; position < index; position++) {
      const c = text[position];
      if (c === '"') state.straightOpen = !state.straightOpen;
      else if (c === '“' || c === '「' || c === '『') state.depth++;
      else if ((c === '”' || c === '」' || c === '』') && state.depth > 0) state.depth--;
    }
    return state;
  };
}

function chineseBoundary(
  text: string,
  start: number,
  end: number,
  sentenceStart: number,
  quotes: (index: number) => QuoteState,
): number {
  const run = text.slice(start, end);
  const before = text[start - 1];
  const hasCjkStop = CJK_STOP_IN.test(run);
  if (!hasCjkStop) {
    if (/^[—–]+$/.test(run))
      return afterClosers(text, end, quotes) > end ? sentenceAfter(text, end, quotes) : -1;
    if (/^[.…]+$/.test(run) && (run.includes('…') || run.length >= 3)) {
      return afterEllipsis(text, start, end, quotes(start).depth > 0);
    }
    if (isLatinOrDigit(before) || before === undefined) {
      const at = latinBoundary(text, start, end, sentenceStart);
      return at >= 0 && startsChinese(text[at]) ? at : -1;
    }
    // After a Han character a period is no decimal point (that needs a digit before it): a digit
    // after it starts the next sentence (`部分.7.`, `范围.1999年`, in Chinese written with ASCII
    // marks); a Latin letter may be a domain's (`新浪.com`).
    if (run.includes('.') && !/[!?]/.test(run) && /\p{Script=Latin}/u.test(text[end] ?? '')) return -1;
  }
  return sentenceAfter(text, end, quotes);
}

function sentenceAfter(text: string, end: number, quotes: (index: number) => QuoteState): number {
  const next = afterClosers(text, end, quotes);
  if (next >= text.length || continuesSentence(text[next]!)) return -1;
  return next;
}

/** Start of what follows the closing marks after `end`: spaced closers (`。 ”`) and a closing `"` included. */
function afterClosers(text: string, end: number, quotes: (index: number) => QuoteState): number {
  let at = end;
  for (;;) {
    const closed = skipClosers(text, at);
    const next = skipSpaces(text, closed);
    if (text[next] === '"' && quotes(next).straightOpen) at = next + 1;
    else if (next > closed && CLOSERS.has(text[next]!)) at = next;
    else return next;
  }
}

/**
 * An ellipsis inside a quotation is a trailing-off (`“我……我不知道。”`) and ends the sentence only when
 * the quotation closes right after it; in narration it ends the sentence (`……他努力地破译着`), as does
 * one standing alone after a finished sentence (`。” ……`).
 */
function afterEllipsis(text: string, start: number, end: number, inQuotation: boolean): number {
  const closed = skipClosers(text, end);
  let before = start;
  while (before > 0 && isSpace(text[before - 1])) before--;
  const afterSentence =
    before < start && (CJK_STOPS.has(text[before - 1]!) || CLOSERS.has(text[before - 1]!));
  if (inQuotation && closed === end && !afterSentence) return -1;
  const next = skipSpaces(text, closed);
  if (next >= text.length || continuesSentence(text[next]!)) return -1;
  return next;
}

/** Marks after which the sentence goes on: commas, colons, semicolons, and further sentence marks. */
function continuesSentence(c: string): boolean {
  return /[，,、：:；;。！？!?.…]/.test(c);
}

function startsChinese(c: string | undefined): boolean {
  return c !== undefined && (isCjk(c) || (OPENERS.has(c) && c !== '(' && c !== '[') || isSpace(c));
}
