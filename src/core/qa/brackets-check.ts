import { type Finding, finding, type QaCheckFunction, type QaPair, type Span } from './types.js';

/** Opening → closing marks, ASCII and Chinese. Single curly quotes are left out: ’ is also the apostrophe. */
const PAIRS: Record<string, string> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '（': '）',
  '【': '】',
  '〔': '〕',
  '《': '》',
  '〈': '〉',
  '「': '」',
  '『': '』',
  '“': '”',
};
const CLOSERS = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));

/**
 * Unbalanced brackets and quotes on either side: a mark with no partner is reported at its position.
 * Straight double quotes have no direction, so only an odd count is reported (at the last one).
 * Quotes alone are info, brackets a warning.
 */
export const checkBrackets: QaCheckFunction = (pairs) => {
  const quotesOpen = pairs.map((pair) => ({ zh: hasOpenQuote(pair.zh), en: hasOpenQuote(pair.en) }));
  return pairs.flatMap((pair, index) => {
    // Dialogue runs over sentences: a quote left open or closed late is a quotation going on when the
    // other side does the same, or a neighbouring sentence on the same side does (mac-dev: 12 such
    // findings per 100 literary pairs, none a slip).
    const continued = (side: 'zh' | 'en') =>
      quotesOpen[index]![side === 'zh' ? 'en' : 'zh'] ||
      !!quotesOpen[index - 1]?.[side] ||
      !!quotesOpen[index + 1]?.[side];
    return [
      ...checkSide(pair, index, 'zh', continued('zh'), pairs),
      ...checkSide(pair, index, 'en', continued('en'), pairs),
    ];
  });
};

/** How many sentences on a bracket may run over: a parenthesis of two or three sentences. */
const BRACKET_REACH = 2;

/**
 * A bracket whose partner stands in a neighbouring sentence of the same side: a parenthesis running
 * over sentences (（由此联想到……？ | ……最终责任）；, mac-dev), not a slip.
 */
function partnerNearby(pairs: readonly QaPair[], index: number, side: 'zh' | 'en', mark: string): boolean {
  const opener = CLOSERS.get(mark);
  const closer = PAIRS[mark];
  for (let d = 1; d <= BRACKET_REACH; d++) {
    const text = opener ? pairs[index - d]?.[side] : pairs[index + d]?.[side];
    if (text === undefined) return false;
    const wanted = opener ?? closer;
    if (unbalancedMarks(text).some((s) => text.slice(s.start, s.end) === wanted)) return true;
  }
  return false;
}

/** Whether a text has a quote with no partner. */
function hasOpenQuote(text: string): boolean {
  return unbalancedMarks(text).some((s) => QUOTES.test(text.slice(s.start, s.end)));
}

const QUOTES = /["“”「」『』]/;

function unbalancedMarks(text: string): Span[] {
  const stack: { char: string; at: number }[] = [];
  const unmatched: Span[] = [];
  let straightQuotes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      straightQuotes.push(i);
      continue;
    }
    if (PAIRS[char] !== undefined) {
      stack.push({ char, at: i });
      continue;
    }
    const opener = CLOSERS.get(char);
    if (opener === undefined) continue;
    const top = stack.findLastIndex((s) => s.char === opener);
    if (top < 0) {
      unmatched.push({ start: i, end: i + 1 });
      continue;
    }
    // Openers left above the match were never closed.
    for (const left of stack.splice(top)) {
      if (left.char !== opener) unmatched.push({ start: left.at, end: left.at + 1 });
    }
  }
  for (const left of stack) unmatched.push({ start: left.at, end: left.at + 1 });
  if (straightQuotes.length % 2 === 1) {
    const last = straightQuotes.at(-1)!;
    unmatched.push({ start: last, end: last + 1 });
  }
  straightQuotes = [];
  return unmatched.sort((a, b) => a.start - b.start);
}

function checkSide(
  pair: QaPair,
  index: number,
  side: 'zh' | 'en',
  quotationGoesOn: boolean,
  pairs: readonly QaPair[],
): Finding[] {
  const all = unbalancedMarks(pair[side]).filter(
    (s) =>
      QUOTES.test(pair[side].slice(s.start, s.end)) ||
      !partnerNearby(pairs, index, side, pair[side].slice(s.start, s.end)),
  );
  const spans = quotationGoesOn ? all.filter((s) => !QUOTES.test(pair[side].slice(s.start, s.end))) : all;
  if (spans.length === 0) return [];
  const marks = spans.map((s) => pair[side].slice(s.start, s.end)).join(' ');
  // A quotation may run over several sentences, so an open quote alone is only info (on the mag dev
  // set every unbalanced straight quote was such a quotation); a bracket left open is a warning.
  const quotesOnly = spans.every((s) => QUOTES.test(pair[side].slice(s.start, s.end)));
  return [
    finding(
      'brackets',
      quotesOnly ? 'info' : 'warning',
      index,
      pair,
      `unbalanced ${marks} in the ${side === 'zh' ? 'Chinese' : 'English'}`,
      'close the bracket or quote, or remove the stray mark',
      { [side]: spans },
    ),
  ];
}
