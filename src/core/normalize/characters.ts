/**
 * Control and invisible characters. C0 and C1 controls except tab and line feed; CR is a line break
 * (CRLF → LF, a lone CR → LF, so the number of line breaks is kept); zero-width and bidi-format
 * characters, the soft hyphen and a BOM inside the text. The zero-width joiner goes too: it only
 * matters inside emoji sequences, which bilingual documents do not carry, and it breaks matching.
 */
const CONTROLS =
  /\r\n?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function removeControls(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(CONTROLS, (c) => {
    count++;
    return c.startsWith('\r') ? '\n' : '';
  });
  return { text: out, count };
}

/**
 * Blanks: any Unicode space separator (U+3000 ideographic space, no-break spaces, en/em spaces …)
 * becomes ' ', a run of two or more blanks (spaces, tabs) becomes one space, and blanks at both ends
 * of a line go (leading ideographic spaces are indentation, not content). A single tab inside a line
 * is kept: it may separate columns.
 */
const BLANKS = /^[\t\p{Zs}]+|[\t\p{Zs}]+$|[\t\p{Zs}]{2,}|[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gmu;

export function normalizeSpaces(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(BLANKS, (blank, offset: number, whole: string) => {
    const atLineStart = offset === 0 || whole[offset - 1] === '\n';
    const end = offset + blank.length;
    const atLineEnd = end === whole.length || whole[end] === '\n';
    const replacement = atLineStart || atLineEnd ? '' : ' ';
    if (replacement !== blank) count++;
    return replacement;
  });
  return { text: out, count };
}

/**
 * Unicode NFC. Counted as the combining marks composed into their base letters (e + U+0301 → é is one
 * change), at least one when the text changed otherwise (Hangul jamo, compatibility ideographs).
 */
export function composeUnicode(text: string): { text: string; count: number } {
  const composed = text.normalize('NFC');
  if (composed === text) return { text, count: 0 };
  const marks = (s: string) => s.match(/\p{M}/gu)?.length ?? 0;
  return { text: composed, count: Math.max(1, marks(text) - marks(composed)) };
}
