import { decodeBytes } from '../../io/decode.js';
import type { DocumentParagraph, DocumentReader } from './document-reader.js';

/** Plain text: every non-blank line is a paragraph, as `bitext align` has always read it. */
export const plainTextReader: DocumentReader = {
  format: 'text',
  async read(bytes, file, options) {
    const { text } = decodeBytes(bytes, { file, encoding: options.encoding });
    const paragraphs: DocumentParagraph[] = [];
    text.split(/\r\n|\n|\r/).forEach((line, index) => {
      if (line.trim()) paragraphs.push({ text: line, source: { line: index + 1 } });
    });
    return paragraphs;
  },
};
