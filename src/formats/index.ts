// bitext/formats: the file formats CAT tools and corpus tools exchange, parsed and written.
export {
  type DocumentFormat,
  type DocumentParagraph,
  type DocumentReader,
  detectDocumentFormat,
  type ParagraphSource,
  type ReadDocument,
  readDocument,
} from './documents/index.js';
export {
  type InlineCode,
  tmxSegContent,
  type UnitMeta,
  type UnitNote,
  type UnitProp,
} from './inline-codes.js';
export {
  beadsToAlign,
  formatDocument,
  PAIR_FORMATS,
  PAIR_XLSX_COLUMNS,
  type PairFormat,
  pairsToJsonl,
  pairsToTmx,
  pairsToTsv,
  pairsToXlsx,
  parseAlign,
} from './pairs.js';
export { findingsToHtml } from './qa-html.js';
export { parseTbx } from './tbx-read.js';
export { termEntriesToTbx } from './tbx-write.js';
export { parseTermsTable, termEntriesToCsv, termPairsToEntries, termPairsToTsv } from './terms-csv.js';
export { type ImportedUnit, readTmx } from './tmx-read.js';
export { type TmxHeaderOptions, type TmxUnit, writeTmx } from './tmx-write.js';
export { readTsv } from './tsv-read.js';
export { readXliff } from './xliff-read.js';
export { type Xliff2Unit, xliff2End, xliff2Start, xliff2Unit } from './xliff2-write.js';
export { writeXlsx, XLSX_MAX_ROWS, type XlsxCell, type XlsxColumn } from './xlsx-write.js';
