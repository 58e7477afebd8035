import type { Lang, ParagraphSource } from '../../core/types.js';
import type { EncodingName } from '../../io/decode.js';
import type { LanguageChoice } from '../lang-choice.js';

// The one interface every document reader implements. A reader turns a file's bytes into
// paragraphs of text; the aligner only ever sees those paragraphs, never a file format.

/** The document formats bitext reads; each has one reader. */
export type DocumentFormat = 'text' | 'html' | 'docx' | 'xlsx' | 'csv' | 'tsv' | 'tmx' | 'xliff' | 'pdf';

/** Where a paragraph came from in its file, in that format's own terms (all 1-based). */
export type { ParagraphSource };

export interface DocumentParagraph {
  /** The text, white space collapsed; one paragraph even where it was wrapped. */
  text: string;
  /** The language the document declares (an HTML `lang`, a zh|en table column); else the aligner decides from the script. */
  lang?: Lang;
  source: ParagraphSource;
}

export interface ReadDocumentOptions {
  /** Forced text encoding (plain text, web pages, CSV); Word, Excel and XML files carry their own. */
  encoding?: EncodingName;
  /** TMX and XLIFF: which language tags are the Chinese and the English side (default: any zh-*, en-*). */
  languages?: LanguageChoice;
}

export interface DocumentReader {
  readonly format: DocumentFormat;
  /** Paragraphs in document order; throws BitextError naming `file` when the file cannot be read. */
  read(bytes: Uint8Array, file: string, options: ReadDocumentOptions): Promise<DocumentParagraph[]>;
}
