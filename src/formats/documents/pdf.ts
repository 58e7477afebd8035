import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BitextError } from '../../core/errors.js';
import { joinLinesAt } from '../../core/segment/join-lines.js';
import { unifyCjkRadicals } from './cjk-radicals.js';
import type { DocumentParagraph, DocumentReader } from './document-reader.js';
import { type PdfLine, pdfParagraphs } from './pdf-layout.js';

/**
 * PDF: the text layer, read with pdf.js (the legacy build, which runs on Node 20; its "worker" runs
 * in this thread, as pdf.js does in Node). Lines are found from the text items' positions and
 * re-joined into paragraphs (pdf-layout.ts); running headers, footers and page numbers are left out.
 * A scanned PDF has no text layer: that is refused, as OCR is not bitext's job.
 */
export const pdfReader: DocumentReader = {
  format: 'pdf',
  async read(bytes, file) {
    // chosen by its .pdf name: junk before the header is let through, as PDF readers do
    if (!new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-')) {
      throw new BitextError('PDF_CORRUPT', 'not a PDF: a PDF starts with "%PDF-", this file does not', {
        file,
        offset: 0,
      });
    }
    const pages = await readPdfLines(bytes, file);
    const paragraphs: DocumentParagraph[] = pdfParagraphs(pages).map((paragraph, index) => {
      const { text, starts } = joinLinesAt(paragraph.lines.map((l) => l.text));
      const first = paragraph.lines[0];
      return {
        text,
        source: {
          page: paragraph.page,
          ...(first?.line === undefined ? {} : { line: first.line }),
          block: index + 1,
          lines: paragraph.lines.map((l, i) => ({ at: starts[i]!, page: l.page, line: l.line })),
        },
      };
    });
    if (paragraphs.length === 0) {
      throw new BitextError(
        'PDF_NO_TEXT',
        'a PDF with no text layer (a scanned document?): run OCR on it, or give the text another way',
        { file },
      );
    }
    return paragraphs;
  },
};

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

// pdf.js is large and only PDFs need it: loaded on first use, once.
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

// The CMaps and standard font data that ship inside the pdfjs-dist package, read from disk. Text
// extraction needs the CMaps for PDFs whose fonts use a predefined Chinese encoding (UniGB-UCS2-H,
// B5pc-H, …) rather than Identity-H with a ToUnicode map; the Node readers pdf.js uses for these
// read files with fs, so nothing is ever fetched from the network. Found when a PDF is read, as
// pdf.js is loaded then.
function pdfjsDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

async function readPdfLines(bytes: Uint8Array, file: string): Promise<PdfLine[][]> {
  const { getDocument } = await loadPdfJs();
  const dir = pdfjsDir();
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of (detaches) the buffer it is given
    cMapUrl: `${join(dir, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(dir, 'standard_fonts')}/`,
    useWorkerFetch: false,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    useWasm: false, // image decoders only: text needs none
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: 0, // pdf.js warns on the console about fonts it cannot render; we only read text
  });
  try {
    const document = await task.promise;
    const pages: PdfLine[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, c, d, x, y] = item.transform as number[];
        // Rotated or skewed text (a "DRAFT" watermark, a margin note turned 90°) is not body text.
        if (Math.abs(b ?? 0) > 1e-3 || Math.abs(c ?? 0) > 1e-3 || (a ?? 0) <= 0) continue;
        const size = Math.abs(d ?? 0) || item.height;
        // a font's ToUnicode map may name a radical for its ideograph's glyph: ⽉ for 月 (cjk-radicals.ts)
        items.push({ text: unifyCjkRadicals(item.str), x: x ?? 0, y: y ?? 0, width: item.width, size });
      }
      pages.push(linesOf(items, number));
      page.cleanup();
    }
    return pages;
  } catch (error) {
    if (error instanceof BitextError) throw error;
    const name = (error as Error)?.name;
    if (name === 'PasswordException') {
      throw new BitextError(
        'PDF_ENCRYPTED',
        'a password-protected PDF: save it without the password (or print it to a new PDF) first',
        { file },
        { cause: error },
      );
    }
    const reason = String((error as Error)?.message ?? error).split('\n')[0];
    throw new BitextError('PDF_CORRUPT', `not a readable PDF (${reason})`, { file }, { cause: error });
  } finally {
    await task.destroy();
  }
}

interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Items on one baseline (within half the font size) make a line, read left to right. */
function linesOf(items: PdfTextItem[], page: number): PdfLine[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: PdfTextItem[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    const first = group?.[0];
    if (group && first && Math.abs(first.y - item.y) < 0.5 * Math.max(first.size, item.size))
      group.push(item);
    else groups.push([item]);
  }
  return groups.map((group, index) => {
    group.sort((p, q) => p.x - q.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const item of group) {
      // pdf.js puts the spaces it infers inside a run; between runs, a gap of a fifth of an em is one
      const gap = item.x - end;
      if (text && gap > 0.2 * item.size && !/\s$/.test(text) && !/^\s/.test(item.text)) {
        if (!(isCjk(text.at(-1)) && isCjk(item.text[0]))) text += ' ';
      }
      text += item.text;
      end = Math.max(end, item.x + item.width);
    }
    const first = group[0]!;
    return {
      page,
      line: index + 1,
      text: text.replace(/\s+/g, ' ').trim(),
      x: first.x,
      xEnd: end,
      y: Math.max(...group.map((i) => i.y)),
      size: Math.max(...group.map((i) => i.size)),
    };
  });
}

function isCjk(char: string | undefined): boolean {
  return !!char && /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(char);
}
