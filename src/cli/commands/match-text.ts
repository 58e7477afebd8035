import { foldToSimplified } from '../../core/lexicon/script.js';
import type { Lang } from '../../core/types.js';
import type { InlineCode } from '../../formats/inline-codes.js';
import type { TmMatch } from '../../store/tm-store.js';

// How `tm lookup` shows a match as text: what JSON gives as data, shown where it is. The words of the
// match that the query does not have and the numbers that differ are marked (inverse video on a
// terminal, «…» otherwise), and the inline codes stand as {1}…{/1} and {2/} markers where they are.

/** A span of text to mark, at UTF-16 offsets. */
interface Span {
  start: number;
  end: number;
}

/** Words (a Latin/digit run) or single characters otherwise (a Chinese character is a word here). */
const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|\S/gu;
const HAN = /\p{Script=Han}/u;

function tokens(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    // Han runs are split per character: Chinese has no spaces, so a word diff is a character diff.
    if (HAN.test(m[0])) {
      let at = m.index;
      for (const ch of m[0]) {
        out.push({ text: ch, start: at, end: at + ch.length });
        at += ch.length;
      }
    } else out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Tokens compare across width, case and script: a Simplified query matches a Traditional unit's characters. */
const fold = (s: string) => foldToSimplified(s.normalize('NFKC').toLowerCase());

/**
 * The spans of `match` whose tokens are not in the query, by a longest common subsequence of the two
 * token lists (segments are sentences: a few hundred tokens at most). Neighbouring spans merge, with
 * the white space between them.
 */
export function differingSpans(
  query: string,
  match: string,
  sameScript: (s: string) => string = fold,
): Span[] {
  const q = tokens(query).map((t) => sameScript(t.text));
  const m = tokens(match);
  const mk = m.map((t) => sameScript(t.text));
  const rows = q.length + 1;
  const cols = m.length + 1;
  const lcs = new Uint16Array(rows * cols);
  for (let i = q.length - 1; i >= 0; i--)
    for (let j = m.length - 1; j >= 0; j--)
      lcs[i * cols + j] =
        q[i] === mk[j]
          ? lcs[(i + 1) * cols + j + 1]! + 1
          : Math.max(lcs[(i + 1) * cols + j]!, lcs[i * cols + j + 1]!);
  const spans: Span[] = [];
  let i = 0;
  for (let j = 0; j < m.length; ) {
    if (i < q.length && q[i] === mk[j]) {
      i++;
      j++;
    } else if (i < q.length && lcs[(i + 1) * cols + j]! >= lcs[i * cols + j + 1]!) i++;
    else {
      const token = m[j]!;
      const last = spans.at(-1);
      if (last && !match.slice(last.end, token.start).trim()) last.end = token.end;
      else spans.push({ start: token.start, end: token.end });
      j++;
    }
  }
  return spans;
}

/** Where each number of the match that differs from the query's stands in `text`. */
function numberSpans(text: string, numbers: TmMatch['numbers']): Span[] {
  const spans: Span[] = [];
  for (const { match } of numbers) {
    if (!match) continue;
    const at = text.indexOf(match);
    if (at >= 0) spans.push({ start: at, end: at + match.length });
  }
  return spans;
}

interface CodeMarker {
  at: number;
  marker: string;
  before: string;
  after: string;
}

/** The marker each code stands as: {n} and {/n} for a pair (bpt/ept by `i`, hi), {n/} for one alone. */
function codeMarkers(codes: readonly InlineCode[]): CodeMarker[] {
  const markers: CodeMarker[] = [];
  const pairs = new Map<string, number>();
  const open: number[] = [];
  let next = 1;
  for (const code of codes) {
    let marker: string;
    if (code.tag === 'bpt' || code.tag === 'hi') {
      const n = next++;
      if (code.tag === 'bpt') pairs.set(code.attrs?.['i'] ?? '', n);
      else open.push(n);
      marker = `{${n}}`;
    } else if (code.tag === 'ept') {
      const n = pairs.get(code.attrs?.['i'] ?? '') ?? next++;
      marker = `{/${n}}`;
    } else if (code.tag === '/hi') {
      marker = `{/${open.pop() ?? next++}}`;
    } else marker = `{${next++}/}`;
    // The white space the plain text left out around the code goes back with it (InlineCode).
    markers.push({ at: code.at, marker, before: code.spaceBefore ?? '', after: code.spaceAfter ?? '' });
  }
  return markers;
}

export interface Marks {
  open: string;
  close: string;
  code: (marker: string) => string;
}

export function marks(colour: boolean): Marks {
  return colour
    ? { open: '\u001b[7m', close: '\u001b[27m', code: (m) => `\u001b[36m${m}\u001b[39m` }
    : { open: '«', close: '»', code: (m) => m };
}

/** `text` with `spans` marked and the code markers inserted at their offsets. */
export function renderMarked(
  text: string,
  spans: readonly Span[],
  codes: readonly InlineCode[] | undefined,
  style: Marks,
): string {
  const events: { at: number; order: number; out: string }[] = [];
  let covered = -1;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < covered) continue;
    events.push({ at: span.start, order: 1, out: style.open }, { at: span.end, order: 0, out: style.close });
    covered = span.end;
  }
  for (const { at, marker, before, after } of codeMarkers(codes ?? []))
    events.push({ at, order: 2, out: before + style.code(marker) + after });
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  let out = '';
  let at = 0;
  for (const event of events) {
    const to = Math.min(Math.max(event.at, at), text.length);
    out += text.slice(at, to) + event.out;
    at = to;
  }
  return out + text.slice(at);
}

/**
 * A match as text: the score, both sides, the side in the query's language with what differs from
 * the query marked, the differing numbers marked on both sides and listed, the inline codes in place.
 */
export function describeMatch(match: TmMatch, query: string, queryLang: Lang, colour: boolean): string {
  const style = marks(colour);
  const side = (lang: Lang) => {
    const text = match.unit[lang];
    const spans = numberSpans(text, match.numbers);
    if (lang === queryLang) spans.push(...differingSpans(query, text));
    return renderMarked(text, spans, lang === 'zh' ? match.unit.zhCodes : match.unit.enCodes, style);
  };
  const numbers = match.numbers.length
    ? `\n      numbers differ: ${match.numbers.map((n) => `${n.query || '∅'} ≠ ${n.match ?? '∅'}`).join(', ')}`
    : '';
  return `${String(match.score).padStart(3)}%  ${side('zh')}\n      ${side('en')}${numbers}\n`;
}
