import { CJK_CHAR } from './join-lines.js';

/**
 * Plain text wrapped at a fixed width (an e-mail, a text export, a Project Gutenberg book, a PDF
 * copied as text): its paragraphs are blocks of lines separated by blank lines, and a line break
 * inside a block is not a paragraph's end. Read a line a paragraph, such a text has its sentences cut
 * at every line end; the aligner then pairs fragments (`npm run bench:layouts`, the dev documents
 * with one side wrapped: F1 of exact pairs 0.26, and 0.87 with the lines joined, what the same
 * paragraphs score unwrapped). The shares below (half the lines open, 60% near the 90th percentile
 * width) were chosen, not tuned: on every dev document the wrapped layouts of the bench have 89–96%
 * of their inner lines open and all of them near the width, its sentence-a-line layouts 0–2% open,
 * and none of its other layouts, nor the tests' lists and lyrics, is taken for wrapped.
 */

/** A line that ends a sentence (or a heading's colon): a break after it may be the writer's own. */
const ENDS_SENTENCE = /[。！？!?.…:：;；"”’'」』）)\]]$/u;

/** Inner lines (a non-blank line followed by another) needed before a text is judged wrapped. */
const MIN_INNER_LINES = 3;

/**
 * The narrowest width (in columns, a CJK character two) a text is wrapped at: editors and mail
 * programs wrap at 60–80 columns, CJK text at 30–40 characters. Verse and song lyrics, whose lines
 * end without punctuation too, run shorter, and each of their lines stays a paragraph.
 */
const MIN_WRAP_WIDTH = 40;

/**
 * Whether a text's lines are wrapped: most lines followed by another non-blank line end inside a
 * sentence, and most of those are near the text's width (the 90th percentile of their lengths).
 * A text of a sentence per line ends its lines with the sentences' punctuation; a list has lines
 * of all lengths; verse has short ones.
 */
export function isHardWrapped(lines: readonly string[]): boolean {
  const inner: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line && lines[i + 1]!.trim()) inner.push(line);
  }
  if (inner.length < MIN_INNER_LINES) return false;
  const open = inner.filter((line) => !ENDS_SENTENCE.test(line)).length;
  if (open < inner.length / 2) return false;
  const widths = inner.map(width).sort((a, b) => a - b);
  const wrapWidth = widths[Math.floor(0.9 * (widths.length - 1))]!;
  if (wrapWidth < MIN_WRAP_WIDTH) return false;
  const near = widths.filter((w) => w >= 0.6 * wrapWidth).length;
  return near >= 0.6 * inner.length;
}

/** A line's width as a wrapping editor counts it: a CJK character takes two columns. */
function width(line: string): number {
  let columns = 0;
  for (const char of line) columns += CJK_CHAR.test(char) ? 2 : 1;
  return columns;
}
