import { decodeBytes } from '../../io/decode.js';
import { detectCsvSeparator, parseCsv } from '../csv.js';
import type { DocumentReader } from './document-reader.js';
import { type TableRow, tableParagraphs } from './table.js';

/**
 * CSV (RFC 4180) with a zh and an en column: each row a pair of paragraphs. The separator is found
 * from the first records (comma, semicolon as Excel writes where the comma is a decimal mark, or
 * tab), or from Excel's `sep=;` first line.
 */
export const csvReader: DocumentReader = {
  format: 'csv',
  async read(bytes, file, options) {
    const decoded = decodeBytes(bytes, { file, encoding: options.encoding }).text;
    const { separator, text } = detectCsvSeparator(decoded);
    const rows = parseCsv(text, file, 'CSV_MALFORMED', separator).map((r, index) => ({
      cells: r.cells,
      row: index + 1,
      line: r.line,
    }));
    return tableParagraphs(rows, file);
  },
};

/**
 * Tab-separated text (`.tsv`, `.tab`) with a zh and an en column, as bitext's own TSV and many
 * corpora are: each line a row, cells split at tabs. There is no quoting in it (a field may start
 * with a quotation mark of its own), so none is undone.
 */
export const tsvReader: DocumentReader = {
  format: 'tsv',
  async read(bytes, file, options) {
    const { text } = decodeBytes(bytes, { file, encoding: options.encoding });
    const rows: TableRow[] = text
      .split(/\r\n|\n|\r/)
      .map((line, index) => ({ cells: line.split('\t'), row: index + 1, line: index + 1 }));
    return tableParagraphs(rows, file);
  },
};
