import {
  type AlignedDocument,
  alignDocument,
  type DocumentOptions,
  type SideSource,
} from '../core/document.js';
import { BitextError } from '../core/errors.js';
import {
  type DocumentFormat,
  detectDocumentFormat,
  readDocument,
  toSourceParagraphs,
} from '../formats/documents/index.js';
import type { LanguageChoice } from '../formats/lang-choice.js';
import { decodeBytes, type EncodingName } from '../io/decode.js';
import type { DocumentInput } from './use-case.js';

// Where a document file meets the aligner: a reader for its format turns the bytes into paragraphs,
// the aligner takes the paragraphs. `align`, `qa`, `terms` and `tm add` all come through here.

export interface AlignInputOptions extends Omit<DocumentOptions, 'sourceNames'> {
  encoding?: EncodingName;
  /** TMX and XLIFF: which language tags are the two sides (`--zh-lang`, `--en-lang`). */
  languages?: LanguageChoice;
}

/** Reads a bilingual document of any format readDocument knows (plain text, web page, .docx, PDF, .xlsx, CSV, TMX, XLIFF) and aligns it. */
export async function alignDocumentInput(
  input: DocumentInput,
  options: AlignInputOptions = {},
): Promise<AlignedDocument & { format: DocumentFormat }> {
  const { encoding, languages, ...alignment } = options;
  const document = await readDocument(input.bytes, input.name, { encoding, languages });
  const aligned = alignDocument(
    { paragraphs: toSourceParagraphs(document.paragraphs) },
    { ...alignment, sourceNames: { combined: input.name } },
  );
  return { ...aligned, format: document.format };
}

/** Formats whose every file holds both languages side by side. */
const BOTH_SIDES: ReadonlySet<DocumentFormat> = new Set(['xlsx', 'csv', 'tsv', 'tmx', 'xliff']);

/**
 * One side of a two-file alignment, for alignDocument({ zh, en }). Plain text is passed on as
 * decoded, so `--presplit` and line numbers keep meaning the file's own lines; another document
 * as its reader's paragraphs, with their positions (a web page's blocks, a PDF's pages and lines).
 */
export async function sideTextOf(input: DocumentInput, encoding?: EncodingName): Promise<SideSource> {
  const format = detectDocumentFormat(input.bytes, input.name);
  if (format === 'text') {
    return decodeBytes(input.bytes, { file: input.name, encoding }).text;
  }
  if (BOTH_SIDES.has(format)) {
    // Read as one side, its other language would be aligned as if it were this one's.
    throw new BitextError(
      'USAGE',
      `a ${format === 'tmx' || format === 'xliff' ? format.toUpperCase() : 'zh|en table'} holds both languages: give it alone, not as one of two files`,
      { file: input.name },
    );
  }
  const document = await readDocument(input.bytes, input.name, { encoding });
  return toSourceParagraphs(document.paragraphs);
}
