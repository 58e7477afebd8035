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
  // Each side's unmatched marks, found once: a pair's own check and its neighbours' both read them.
  const unmatched = pairs.map((pair) => ({ zh: unmatchedMarks(pair.zh), en: unmatchedMarks(pair.en) }));
  const quotesOpen = unmatched.map((u) => ({ zh: u.zh.some(isQuote), en: u.en.some(isQuote) }));
  return pairs.flatMap((pair, index) => {
    // Dialogue runs over sentences: a quote left open or closed late is a quotation going on when the
    // other side does the same, or a neighbouring sentence on the same side does (mac-dev: 12 such
    // findings per 100 literary pairs, none a slip).
    const continued = (side: 'zh' | 'en') =>
      quotesOpen[index]![side === 'zh' ? 'en' : 'zh'] ||
      !!quotesOpen[index - 1]?.[side] ||
      !!quotesOpen[index + 1]?.[side];
    return [
      ...checkSide(pair, index, 'zh', continued('zh'), unmatched),
      ...checkSide(pair, index, 'en', continued('en'), unmatched),
    ];
  });
};

/** How many sentences on a bracket may run over: a parenthesis of two or three sentences. */
const BRACKET_REACH = 2;

/**
 * A bracket whose partner stands in a neighbouring sentence of the same side: a parenthesis running
 * over sentences (（由此联想到……？ | ……最终责任）；, mac-dev), not a slip.
 */
function partnerNearby(unmatched: readonly Sides[], index: number, side: 'zh' | 'en', mark: string): boolean {
  const opener = CLOSERS.get(mark);
  const wanted = opener ?? PAIRS[mark];
  for (let d = 1; d <= BRACKET_REACH; d++) {
    const marks = unmatched[opener ? index - d : index + d]?.[side];
    if (marks === undefined) return false;
    if (marks.some((m) => m.mark === wanted)) return true;
  }
  return false;
}

/** A mark with no partner in its text, where it stands. */
interface UnmatchedMark {
  span: Span;
  mark: string;
}
type Sides = Record<'zh' | 'en', UnmatchedMark[]>;

function unmatchedMarks(text: string): UnmatchedMark[] {
  return unbalancedMarks(text).map((span) => ({ span, mark: text.slice(span.start, span.end) }));
}

const QUOTES = /["“”「」『』]/;
const isQuote = (m: UnmatchedMark) => QUOTES.test(m.mark);

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
  unmatched: readonly Sides[],
): Finding[] {
  const all = unmatched[index]![side].filter(
    (m) => isQuote(m) || !partnerNearby(unmatched, index, side, m.mark),
  );
  const kept = quotationGoesOn ? all.filter((m) => !isQuote(m)) : all;
  if (kept.length === 0) return [];
  const marks = kept.map((m) => m.mark).join(' ');
  // A quotation may run over several sentences, so an open quote alone is only info (on the mag dev
  // set every unbalanced straight quote was such a quotation); a bracket left open is a warning.
  const quotesOnly = kept.every(isQuote);
  return [
    finding(
      'brackets',
      quotesOnly ? 'info' : 'warning',
      index,
      pair,
      `unbalanced ${marks} in the ${side === 'zh' ? 'Chinese' : 'English'}`,
      'close the bracket or quote, or remove the stray mark',
      { [side]: kept.map((m) => m.span) },
    ),
  ];
}
