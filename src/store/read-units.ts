import { createReadStream } from 'node:fs';
import { type ImportedUnit, readTmx } from '../formats/tmx-read.js';
import { readTsv } from '../formats/tsv-read.js';
import { readXliff } from '../formats/xliff-read.js';

export const IMPORT_FORMATS = ['tmx', 'tsv', 'xliff'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

// 64 KiB chunks: the parser's working set (units of one chunk) stays small whatever the file size.
export const CHUNK_BYTES = 64 * 1024;

/** The units of a TMX, TSV or XLIFF file, streamed. `name` is what error messages call the file. */
export function readUnits(path: string, format: ImportFormat, name: string): AsyncIterable<ImportedUnit> {
  const chunks = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  return format === 'tmx'
    ? readTmx(chunks, name)
    : format === 'tsv'
      ? readTsv(chunks, name)
      : readXliff(chunks, name);
}
