import { decodeBytes } from '../../io/decode.js';
import { parseCsv } from '../csv.js';
import type { DocumentReader } from './document-reader.js';
import { tableParagraphs } from './table.js';

/** CSV (RFC 4180, comma-separated) with a zh and an en column: each row a pair of paragraphs. */
export const csvReader: DocumentReader = {
  format: 'csv',
  async read(bytes, file, options) {
    const { text } = decodeBytes(bytes, { file, encoding: options.encoding });
    const rows = parseCsv(text, file).map((r, index) => ({ cells: r.cells, row: index + 1, line: r.line }));
    return tableParagraphs(rows, file);
  },
};
