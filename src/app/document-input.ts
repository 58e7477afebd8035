import { type AlignedDocument, alignDocument, type DocumentOptions } from '../core/document.js';
import {
  type DocumentFormat,
  detectDocumentFormat,
  readDocument,
  toSourceParagraphs,
} from '../formats/documents/index.js';
import { decodeBytes, type EncodingName } from '../io/decode.js';
import type { DocumentInput } from './use-case.js';

// Where a document file meets the aligner: a reader for its format turns the bytes into paragraphs,
// the aligner takes the paragraphs. `align`, `qa`, `terms` and `tm add` all come through here.

export interface AlignInputOptions extends Omit<DocumentOptions, 'sourceNames'> {
  encoding?: EncodingName;
}

/** Reads a bilingual document of any format (plain text, web page, .docx) and aligns it. */
export async function alignDocumentInput(
  input: DocumentInput,
  options: AlignInputOptions = {},
): Promise<AlignedDocument & { format: DocumentFormat }> {
  const { encoding, ...alignment } = options;
  const document = await readDocument(input.bytes, input.name, { encoding });
  const aligned = alignDocument(
    { paragraphs: toSourceParagraphs(document.paragraphs) },
    { ...alignment, sourceNames: { combined: input.name } },
  );
  return { ...aligned, format: document.format };
}

/**
 * One side of a two-file alignment as text, one paragraph a line. Plain text is passed on as
 * decoded, so `--presplit` and line numbers in messages keep meaning the file's own lines.
 */
export async function sideTextOf(input: DocumentInput, encoding?: EncodingName): Promise<string> {
  if (detectDocumentFormat(input.bytes, input.name) === 'text') {
    return decodeBytes(input.bytes, { file: input.name, encoding }).text;
  }
  const document = await readDocument(input.bytes, input.name, { encoding });
  return document.paragraphs.map((p) => p.text).join('\n');
}
