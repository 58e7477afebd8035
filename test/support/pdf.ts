// Builds small valid PDFs in the test, byte by byte, so no third-party file is needed. Text is set
// in a Type0 font (Identity-H encoding, a CIDFontType2 descendant with no embedded font program):
// each character gets its own CID, and a ToUnicode CMap maps the CIDs back to the characters. Text
// extraction reads only the ToUnicode map and the widths, so no real font is needed.

/** One run of text, placed at (x, y) in PDF points from the bottom-left corner of the page. */
export interface PdfText {
  x: number;
  y: number;
  size: number;
  text: string;
}

export interface PdfPage {
  texts: PdfText[];
  /** A grey picture over the page, as a scanner produces (no text layer). */
  image?: boolean;
}

export interface BuildPdfOptions {
  /** Adds an /Encrypt dictionary whose user password is not empty: the file opens only with a password. */
  passwordProtected?: boolean;
  pageWidth?: number;
  pageHeight?: number;
}

/** Advance widths in thousandths of the font size: CJK and full-width characters one em, the rest half. */
export function glyphWidth(char: string): number {
  return /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u201c\u201d]/u.test(char) ? 1000 : 500;
}

export function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += (glyphWidth(char) * size) / 1000;
  return width;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

function utf16Hex(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++) out += hex4(char.charCodeAt(i));
  return out;
}

export function buildPdf(pages: readonly PdfPage[], options: BuildPdfOptions = {}): Uint8Array {
  const { pageWidth = 420, pageHeight = 595 } = options;
  const cids = new Map<string, number>();
  for (const page of pages)
    for (const { text } of page.texts)
      for (const char of text) if (!cids.has(char)) cids.set(char, cids.size + 1);

  const objects: string[] = []; // objects[i] is object number i + 1
  const add = (body: string) => objects.push(body);
  const stream = (dict: string, data: string) =>
    `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;

  const chars = [...cids.keys()];
  const bfchars: string[] = [];
  for (let i = 0; i < chars.length; i += 100) {
    const chunk = chars.slice(i, i + 100);
    bfchars.push(
      `${chunk.length} beginbfchar\n${chunk.map((c) => `<${hex4(cids.get(c)!)}> <${utf16Hex(c)}>`).join('\n')}\nendbfchar`,
    );
  }
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange',
    ...bfchars,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');

  add('<< /Type /Catalog /Pages 2 0 R >>'); // 1
  add(''); // 2: the page tree, filled in once the pages are numbered
  add(
    '<< /Type /Font /Subtype /Type0 /BaseFont /BitextTestSans /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>',
  ); // 3
  add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /BitextTestSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /CIDToGIDMap /Identity /DW 1000 /W [1 [${chars.map(glyphWidth).join(' ')}]] >>`,
  ); // 4
  add(
    '<< /Type /FontDescriptor /FontName /BitextTestSans /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>',
  ); // 5
  add(stream('', toUnicode)); // 6
  add(
    stream(
      '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8',
      '\x80\x90\xa0\xb0',
    ),
  ); // 7

  const kids: number[] = [];
  for (const page of pages) {
    const ops: string[] = [];
    if (page.image) ops.push(`q ${pageWidth - 40} 0 0 ${pageHeight - 40} 20 20 cm /Im1 Do Q`);
    for (const { x, y, size, text } of page.texts) {
      const codes = [...text].map((c) => hex4(cids.get(c)!)).join('');
      ops.push(`BT /F1 ${size} Tf 1 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)} Tm <${codes}> Tj ET`);
    }
    add(stream('', ops.join('\n')));
    const content = objects.length;
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 7 0 R >> >> /Contents ${content} 0 R >>`,
    );
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  let trailerExtra = '';
  if (options.passwordProtected) {
    // RC4 40-bit (R2) with /O and /U that no empty password produces: a reader needs the password.
    const filler = 'a5'.repeat(32);
    add(`<< /Filter /Standard /V 1 /R 2 /O <${filler}> /U <${'5a'.repeat(32)}> /P -4 >>`);
    trailerExtra = ` /Encrypt ${objects.length} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]`;
  }

  // Latin-1 throughout: every string above is ASCII except the image's bytes, which must stay single bytes.
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** How the press release was laid out: every body line, in order, with the page it went on. */
export interface LaidOutLine {
  page: number;
  text: string;
}

export interface PressReleaseLayout {
  pdf: Uint8Array;
  lines: LaidOutLine[];
}

export const RUNNING_HEADER = '重慶市人民政府外事辦公室 Foreign Affairs Office of Chongqing';

const PAGE = { width: 420, height: 595, left: 60, headerY: 560, top: 525, bottom: 70, footerY: 35 };
const SIZE = 11;
const PITCH = 15;
/** The column is narrow on purpose: at this width the sample breaks inside words and inside a pinyin gloss. */
const COLUMN = 304;

const isHan = (text: string) => /\p{Script=Han}/u.test(text);

/**
 * Chinese wraps at any character, as CJK typesetting does, so a gloss like 協(xié) may be cut; the
 * first line of a Chinese paragraph is indented two characters and there is no gap between paragraphs.
 */
function wrapChinese(paragraph: string): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 2 * SIZE;
  for (const char of paragraph) {
    const w = textWidth(char, SIZE);
    if (width + w > COLUMN && line) {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += char;
    width += w;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * English wraps at spaces; a compound that does not fit breaks after one of its own hyphens (as
 * browsers do), and a long plain word is hyphenated when at least 3 letters fit (as TeX does).
 */
function wrapEnglish(paragraph: string): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (text: string) => textWidth(text, SIZE) <= COLUMN;
  for (const word of paragraph.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    const prefix = line ? `${line} ` : '';
    let split = -1;
    const hyphen = word.lastIndexOf('-', word.length - 2);
    if (hyphen > 0 && fits(prefix + word.slice(0, hyphen + 1))) split = hyphen + 1;
    else if (/^[a-z]{8,}$/.test(word)) {
      for (let cut = word.length - 3; cut >= 3; cut--) {
        if (fits(`${prefix + word.slice(0, cut)}-`)) {
          split = cut;
          break;
        }
      }
    }
    if (split > 0) {
      const soft = word[split - 1] !== '-';
      lines.push(prefix + word.slice(0, split) + (soft ? '-' : ''));
      line = word.slice(split);
    } else {
      if (line) lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The press release as a typeset PDF: a running header and a page number on every page, each
 * paragraph wrapped at a fixed width, Chinese paragraphs marked by an indent, English ones by a gap.
 */
export function pressReleasePdf(paragraphs: readonly string[]): PressReleaseLayout {
  const pages: PdfPage[] = [];
  const lines: LaidOutLine[] = [];
  let page: PdfPage | undefined;
  let y = 0;
  const newPage = () => {
    page = { texts: [{ x: PAGE.left, y: PAGE.headerY, size: 8, text: RUNNING_HEADER }] };
    pages.push(page);
    y = PAGE.top;
  };
  newPage();
  paragraphs.forEach((paragraph, index) => {
    const chinese = isHan(paragraph);
    if (index > 0 && !chinese) y -= PITCH; // a blank line's worth between English paragraphs
    const wrapped = chinese ? wrapChinese(paragraph) : wrapEnglish(paragraph);
    wrapped.forEach((text, i) => {
      if (y < PAGE.bottom) newPage();
      const x = PAGE.left + (chinese && i === 0 ? 2 * SIZE : 0);
      page!.texts.push({ x, y, size: SIZE, text });
      lines.push({ page: pages.length, text });
      y -= PITCH;
    });
  });
  pages.forEach((p, i) => {
    const number = String(i + 1);
    p.texts.push({ x: PAGE.width / 2 - textWidth(number, 9) / 2, y: PAGE.footerY, size: 9, text: number });
  });
  return { pdf: buildPdf(pages, { pageWidth: PAGE.width, pageHeight: PAGE.height }), lines };
}
