import { extname } from 'node:path';
import type { SourceParagraph } from '../../core/document.js';
import { BitextError } from '../../core/errors.js';
import { xmlRootName } from '../xml-safety.js';
import type {
  DocumentFormat,
  DocumentParagraph,
  DocumentReader,
  ReadDocumentOptions,
} from './document-reader.js';
import { isPdf } from './pdf-signature.js';
import { isZip, zipEntryNames } from './zip-entries.js';

export type {
  DocumentFormat,
  DocumentParagraph,
  DocumentReader,
  ParagraphSource,
  ReadDocumentOptions,
} from './document-reader.js';

/**
 * One reader per format, each loaded when a file of its format comes (a reader and its XML, ZIP and
 * table helpers cost start-up time to every command that reads a plain text); adding a format is one
 * file and one line here.
 */
const READERS: Record<DocumentFormat, () => Promise<DocumentReader>> = {
  text: async () => (await import('./plain.js')).plainTextReader,
  html: async () => (await import('./html.js')).htmlReader,
  docx: async () => (await import('./docx.js')).docxReader,
  xlsx: async () => (await import('./xlsx.js')).xlsxReader,
  csv: async () => (await import('./csv.js')).csvReader,
  tsv: async () => (await import('./csv.js')).tsvReader,
  tmx: async () => (await import('./interchange.js')).tmxReader,
  xliff: async () => (await import('./interchange.js')).xliffReader,
  pdf: async () => (await import('./pdf.js')).pdfReader,
};

export interface ReadDocument {
  format: DocumentFormat;
  paragraphs: DocumentParagraph[];
}

/** A document's paragraphs, whatever its format: chosen by content first, then by extension. */
export async function readDocument(
  bytes: Uint8Array,
  file: string,
  options: ReadDocumentOptions = {},
): Promise<ReadDocument> {
  const format = detectDocumentFormat(bytes, file);
  const reader = await READERS[format]();
  return { format, paragraphs: await reader.read(bytes, file, options) };
}

/** The paragraphs as the aligner takes them (`alignDocument({ paragraphs })`). */
export function toSourceParagraphs(paragraphs: readonly DocumentParagraph[]): SourceParagraph[] {
  return paragraphs.map((p) => ({ text: p.text, lang: p.lang, line: p.source.line, source: p.source }));
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WORD_EXTENSIONS = new Set(['.docx', '.docm', '.dotx', '.dotm']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const EXCEL_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);
const XLIFF_EXTENSIONS = new Set(['.xlf', '.xliff', '.sdlxliff', '.mqxliff']);
const TSV_EXTENSIONS = new Set(['.tsv', '.tab']);

/**
 * Which reader a file needs. Content decides where it can (a ZIP package is a .docx, markup that
 * starts like a web page is HTML, whatever the name); the extension decides the rest, and a .docx
 * that is not a ZIP package is refused as damaged rather than read as text.
 */
export function detectDocumentFormat(bytes: Uint8Array, file: string): DocumentFormat {
  const extension = extname(file).toLowerCase();
  if (isZip(bytes)) return zipFormat(bytes, extension);
  if (isPdf(bytes) || extension === '.pdf') return 'pdf'; // a damaged .pdf: the reader names the damage
  if (OLE.every((b, i) => bytes[i] === b)) {
    throw new BitextError(
      'UNSUPPORTED_FORMAT',
      'a Word 97–2003 .doc (or another OLE file), not a .docx: save it as .docx or as a web page',
      { file, offset: 0 },
    );
  }
  const xml = xmlRoot(bytes);
  if (xml === 'tmx' || (xml === undefined && extension === '.tmx')) return 'tmx';
  if (xml === 'xliff' || (xml === undefined && XLIFF_EXTENSIONS.has(extension))) return 'xliff';
  if (HTML_EXTENSIONS.has(extension) || looksLikeHtml(bytes)) return 'html';
  if (WORD_EXTENSIONS.has(extension)) return 'docx'; // the reader names the damage
  if (EXCEL_EXTENSIONS.has(extension)) return 'xlsx'; // likewise
  // CSV has no signature to sniff: its extension is all there is to go on. A .tsv is a table when
  // it has tabs in its first lines (else it is a text that was only named so).
  if (extension === '.csv') return 'csv';
  if (TSV_EXTENSIONS.has(extension) && bytes.subarray(0, 64 * 1024).includes(0x09)) return 'tsv';
  return 'text';
}

/**
 * A ZIP package is Excel when its own entries (not those of a package embedded in it, as a Word
 * chart embeds a workbook) hold xl/workbook.xml, Word when they hold word/document.xml; a package
 * with neither goes by its extension, and its reader names what is missing.
 */
function zipFormat(bytes: Uint8Array, extension: string): DocumentFormat {
  const names = zipEntryNames(bytes);
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('word/document.xml')) return 'docx';
  return EXCEL_EXTENSIONS.has(extension) ? 'xlsx' : 'docx';
}

/** TMX or XLIFF when the file's root element says so (xmlRootName), else undefined. */
function xmlRoot(bytes: Uint8Array): 'tmx' | 'xliff' | undefined {
  const root = xmlRootName(bytes);
  return root === 'tmx' || root === 'xliff' ? root : undefined;
}

/**
 * The HTML standard's sniffing signatures ("<!DOCTYPE HTML", "<html", "<head", "<body", "<p", …
 * followed by a space or ">"), after a byte-order mark, white space, an XML declaration and comments.
 */
function looksLikeHtml(bytes: Uint8Array): boolean {
  let head: string;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    head = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(0, 2048));
  } else {
    head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replace(/^\xef\xbb\xbf/, '');
  }
  head = head
    .replace(/^\ufeff/, '')
    .replace(/^\s*<\?xml[^>]*>/i, '')
    .replace(/^(?:\s*<!--[\s\S]*?-->)*/, '')
    .trimStart();
  return /^<(?:!doctype\s+html|html|head|body|script|iframe|h[1-6]|div|font|table|a|style|title|b|br|p|meta|article|section|main|nav|header)[\s>/]/i.test(
    head,
  );
}
