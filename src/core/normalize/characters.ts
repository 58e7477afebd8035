import { type Edit, type EditList, replaceRecorded } from './edits.js';

/**
 * Control and invisible characters. C0 and C1 controls except tab and line feed; CR is a line break
 * (CRLF → LF, a lone CR → LF, so the number of line breaks is kept); zero-width and bidi-format
 * characters, the soft hyphen and a BOM inside the text. The zero-width joiner goes too: it only
 * matters inside emoji sequences, which bilingual documents do not carry, and it breaks matching.
 */
const CONTROLS =
  /\r\n?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function removeControls(text: string, edits: EditList = []): { text: string; count: number } {
  let count = 0;
  const out = replaceRecorded(
    text,
    CONTROLS,
    (c) => {
      count++;
      return c.startsWith('\r') ? '\n' : '';
    },
    edits,
  );
  return { text: out, count };
}

/**
 * Blanks: any Unicode space separator (U+3000 ideographic space, no-break spaces, en/em spaces …)
 * becomes ' ', a run of two or more blanks (spaces, tabs) becomes one space, and blanks at both ends
 * of a line go (leading ideographic spaces are indentation, not content). A single tab inside a line
 * is kept: it may separate columns.
 */
const BLANKS = /^[\t\p{Zs}]+|[\t\p{Zs}]+$|[\t\p{Zs}]{2,}|[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gmu;

export function normalizeSpaces(text: string, edits: EditList = []): { text: string; count: number } {
  let count = 0;
  const out = replaceRecorded(
    text,
    BLANKS,
    (blank, offset, whole) => {
      const atLineStart = offset === 0 || whole[offset - 1] === '\n';
      const end = offset + blank.length;
      const atLineEnd = end === whole.length || whole[end] === '\n';
      const replacement = atLineStart || atLineEnd ? '' : ' ';
      if (replacement !== blank) count++;
      return replacement;
    },
    edits,
  );
  return { text: out, count };
}

/**
 * Chinese written letter-spaced (a space after every character, as some PDF-to-text tools and
 * justified web pages leave it: 中 国 人 民 银 行): the spaces between two CJK characters of such a line
 * go. Chinese puts no space between its words, and a space there cuts the words that segmentation,
 * the dictionary and the names need (F1 of exact pairs on the dev documents with their Chinese so
 * spaced: 0.904 against 0.944). A line is letter-spaced when at least LETTER_SPACED_MIN of its CJK
 * pairs are spaced and at least twice as many as are not: a space between two names in a list
 * (张三 李四) or between the halves of a verse stays.
 */
const CJK = '[\\p{Script=Han}\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20]';
const SPACED_PAIR = new RegExp(`(?<=${CJK}) (?=${CJK})`, 'gu');
const ADJACENT_PAIR = new RegExp(`${CJK}(?=${CJK})`, 'gu');
const LETTER_SPACED_MIN = 4;
/** A space between two CJK characters anywhere: most texts have none, and are returned at once. */
const ANY_SPACED_PAIR = new RegExp(`${CJK} ${CJK}`, 'u');

export function closeLetterSpacing(text: string, edits: EditList = []): { text: string; count: number } {
  let count = 0;
  if (!ANY_SPACED_PAIR.test(text)) return { text, count };
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const spacedLine = lineStarts.map((start, k) => {
    const line = text.slice(start, k + 1 < lineStarts.length ? lineStarts[k + 1]! - 1 : text.length);
    if (!line.includes(' ')) return false;
    const spaced = line.match(SPACED_PAIR)?.length ?? 0;
    const adjacent = line.match(ADJACENT_PAIR)?.length ?? 0;
    return spaced >= LETTER_SPACED_MIN && spaced >= 2 * adjacent;
  });
  if (!spacedLine.includes(true)) return { text, count };
  let line = 0;
  const out = replaceRecorded(
    text,
    SPACED_PAIR,
    (space, offset) => {
      while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
      if (!spacedLine[line]) return space;
      count++;
      return '';
    },
    edits,
  );
  return { text: out, count };
}

/**
 * Unicode NFC. Counted as the combining marks composed into their base letters (e + U+0301 → é is one
 * change), at least one when the text changed otherwise (Hangul jamo, compatibility ideographs).
 */
export function composeUnicode(text: string, edits: EditList = []): { text: string; count: number } {
  const composed = text.normalize('NFC');
  if (composed === text) return { text, count: 0 };
  const marks = (s: string) => s.match(/\p{M}/gu)?.length ?? 0;
  // Composed again piece by piece, for where each change is. NFC never joins a character to an ASCII
  // one or a CJK ideograph that follows it (neither is ever the second of a composition, nor
  // reorders), so each run between such characters, with the character before it, composes alone.
  const pieces = text.replace(NFC_PIECE, (piece: string, offset: number) => {
    const normal = piece.normalize('NFC');
    if (normal !== piece) edits.push(narrowEdit(piece, normal, offset));
    return normal;
  });
  if (pieces !== composed) {
    // Not expected; if it ever happens the change is recorded as one span, still exact at its ends.
    edits.length = 0;
    edits.push(narrowEdit(text, composed, 0));
  }
  return { text: composed, count: Math.max(1, marks(text) - marks(composed)) };
}

/** `before` → `after` at `offset` as one edit, less what they share at either end. */
function narrowEdit(before: string, after: string, offset: number): Edit {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  return { at: offset + head, removed: before.length - head - tail, inserted: after.length - head - tail };
}

/** A character and the run after it of characters NFC may join to what precedes them (see above). */
const NFC_PIECE = /[\s\S]?[^\x00-\x7f\u4e00-\u9fff\uff01-\uff5e]+/gu;
