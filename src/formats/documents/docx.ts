import { BitextError } from '../../core/errors.js';
import type { DocumentReader } from './document-reader.js';
import { type DomElement, htmlBlocks } from './html-blocks.js';
import { isZip } from './zip-entries.js';

/**
 * Word .docx: mammoth turns the body into HTML (paragraphs, headings, lists, tables; headers,
 * footers, comments and deleted tracked changes are not in it), read block by block like a web
 * page. Footnotes and endnotes, and the [1] markers that point to them, are left out: they sit at
 * the end of the text, apart from the paragraphs they belong to, and would misalign both sides.
 * A two-column table whose columns are Chinese and English is read as paired paragraphs.
 */
export const docxReader: DocumentReader = {
  format: 'docx',
  async read(bytes, file) {
    if (!isZip(bytes)) {
      throw new BitextError(
        'DOCX_CORRUPT',
        'not a Word .docx: a .docx is a ZIP package, this file is not one',
        {
          file,
          offset: 0,
        },
      );
    }
    // Loaded on first use, as pdf.js and exceljs are: reading plain text should not pay for them.
    const [{ default: mammoth }, { parseHTML }] = await Promise.all([import('mammoth'), import('linkedom')]);
    let html: string;
    try {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      html = (await mammoth.convertToHtml({ buffer }, { ignoreEmptyParagraphs: true })).value;
    } catch (error) {
      const reason = String((error as Error)?.message ?? error).split('\n')[0];
      throw new BitextError(
        'DOCX_CORRUPT',
        `not a readable Word .docx (${reason})`,
        { file },
        { cause: error },
      );
    }
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
    const body = document.body as DomElement;
    for (const selector of [
      'a[id^="footnote-ref-"]',
      'a[id^="endnote-ref-"]',
      'li[id^="footnote-"]',
      'li[id^="endnote-"]',
    ]) {
      for (const element of Array.from(body.querySelectorAll(selector))) element.remove();
    }
    const paragraphs = htmlBlocks(body, { skipFurniture: false });
    if (paragraphs.length === 0)
      throw new BitextError('EMPTY_INPUT', 'a Word document with no text', { file });
    return paragraphs;
  },
};
