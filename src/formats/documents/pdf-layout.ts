// From positioned lines of a PDF's text layer to paragraphs: page furniture is dropped, lines are
// grouped into paragraphs by layout; the lines of a paragraph are joined back into its text by
// joinLinesAt (src/core/segment/join-lines.ts), as a wrapped plain text's are.
// Pure: no pdf.js here, so the rules can be tested on lines alone.

/** One line of text on a page, in PDF points (y grows upwards; y is the baseline). */
export interface PdfLine {
  page: number;
  /** The line's place among the page's lines of text, top to bottom (1-based), headers included. */
  line?: number;
  text: string;
  x: number;
  xEnd: number;
  y: number;
  size: number;
}

export interface PdfParagraph {
  /** The page the paragraph starts on (1-based). */
  page: number;
  lines: PdfLine[];
}

/** How many lines at the top and at the bottom of a page may be a running header or footer. */
const EDGE_LINES = 3;

/**
 * A line that is only a page number: "7", "- 7 -", "Page 7", "7 of 12", "7/12", "第7頁", "第 7 页 共 12 页",
 * a Roman numeral.
 */
const PAGE_NUMBER =
  /^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^\d{1,4}\s*(?:of|\/)\s*\d{1,4}$|^第\s*\d{1,4}\s*[頁页](?:\s*[,，]?\s*共\s*\d{1,4}\s*[頁页])?$|^[ivxlcdm]{1,7}$/i;

/**
 * What a browser prints at the top and bottom of every page when its header and footer are on:
 * the date and time (then the title), and the address (then "1/3"). Matched on the outermost line
 * only, so a one-page print loses them too.
 */
const BROWSER_FURNITURE =
  /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s|$)|^(?:https?|file):\/\/\S+(?:\s+\d{1,4}\s*\/\s*\d{1,4})?$/i;

/**
 * Running headers and footers: a line among the first or last few of a page whose text (digits
 * aside, so "Page 3" matches "Page 4") stands at the same height on at least half the pages, and
 * on two at least. A bare page number at the top or bottom of a page goes too, even on one page.
 */
export function dropFurniture(pages: readonly PdfLine[][]): PdfLine[][] {
  const key = (line: PdfLine) => line.text.replace(/\d+/g, '#');
  const edges = pages.map((lines) =>
    lines.filter((_, i) => i < EDGE_LINES || i >= lines.length - EDGE_LINES),
  );
  const repeated = (line: PdfLine): boolean => {
    let count = 0;
    for (const edge of edges) {
      if (edge.some((other) => key(other) === key(line) && Math.abs(other.y - line.y) < 3)) count++;
    }
    return count >= 2 && count >= pages.length / 2;
  };
  return pages.map((lines, p) =>
    lines.filter((line, i) => {
      if (!edges[p]!.includes(line)) return true;
      const outermost = i < 2 || i >= lines.length - 2;
      if (outermost && PAGE_NUMBER.test(line.text)) return false;
      if ((i === 0 || i === lines.length - 1) && BROWSER_FURNITURE.test(line.text)) return false;
      return !repeated(line);
    }),
  );
}

function percentile(values: number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const ENDS_SENTENCE = /[.!?。！？…"”’」』)）]$/u;

/**
 * Lines into paragraphs. A new paragraph starts where the vertical gap is larger than the
 * document's line spacing, where a line is indented from the left margin (a Chinese first-line
 * indent), where the font size changes, and after a line that stops well short of the right margin
 * and ends a sentence. Across a page break there is no gap to measure: a paragraph goes on unless
 * the next page's first line is indented, or the last line stops short, or the page ended early
 * (above its body's usual bottom) on a sentence end — the space between paragraphs fell there.
 */
export function pdfParagraphs(rawPages: readonly PdfLine[][]): PdfParagraph[] {
  const pages = dropFurniture(rawPages);
  const lines = pages.flat();
  if (lines.length === 0) return [];

  // The line spacing: the low end of the baseline-to-baseline distances on a page (paragraph gaps
  // are the high end), so a document with few wrapped lines still gives its line pitch.
  const pitches: number[] = [];
  for (const page of pages) {
    for (let i = 1; i < page.length; i++) {
      const pitch = page[i - 1]!.y - page[i]!.y;
      if (pitch > 0 && pitch < 4 * page[i]!.size) pitches.push(pitch);
    }
  }
  const size = percentile(
    lines.map((l) => l.size),
    0.5,
  )!;
  const linePitch = percentile(pitches, 0.2) ?? 1.2 * size;
  // The body's left and right edges: the usual start of a line, and the end of a full one.
  const left = percentile(
    lines.map((l) => Math.round(l.x)),
    0.1,
  )!;
  const right = percentile(
    lines.map((l) => l.xEnd),
    0.9,
  )!;
  const width = Math.max(right - left, 1);
  const bottom = Math.min(...lines.map((l) => l.y));

  const isShort = (line: PdfLine) => line.xEnd < right - Math.max(0.25 * width, 3 * line.size);
  const isIndented = (line: PdfLine) => line.x > left + 0.8 * line.size;

  const paragraphs: PdfParagraph[] = [];
  let previous: PdfLine | undefined;
  for (const line of lines) {
    let starts = !previous;
    if (previous) {
      const endsSentence = ENDS_SENTENCE.test(previous.text);
      if (Math.abs(line.size - previous.size) > 0.2 * previous.size || isIndented(line)) starts = true;
      else if (isShort(previous) && endsSentence) starts = true;
      else if (line.page === previous.page) {
        const gap = previous.y - line.y;
        starts = gap <= 0 || gap > 1.3 * linePitch;
      } else {
        starts = isShort(previous) || (endsSentence && previous.y - bottom > 0.5 * linePitch);
      }
    }
    if (starts) paragraphs.push({ page: line.page, lines: [line] });
    else paragraphs.at(-1)!.lines.push(line);
    previous = line;
  }
  return paragraphs;
}
