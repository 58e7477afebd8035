import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { BitextError } from '../core/errors.js';
import { type ImportedUnit, readTmx } from '../formats/tmx-read.js';
import { readTsv } from '../formats/tsv-read.js';
import { readXliff } from '../formats/xliff-read.js';
import type { TmAddOptions, TmAddResult, TmStore } from './tm-store.js';

export const IMPORT_FORMATS = ['tmx', 'tsv', 'xliff'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const FORMAT_BY_EXTENSION: Record<string, ImportFormat> = {
  '.tmx': 'tmx',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.txt': 'tsv',
  '.xlf': 'xliff',
  '.xliff': 'xliff',
  '.xlf2': 'xliff',
  '.sdlxliff': 'xliff',
};

/** The import format of a file by its extension, or a BitextError saying how to name it. */
export function importFormatOf(path: string): ImportFormat {
  const format = FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
  if (!format) {
    throw new BitextError(
      'IMPORT_FORMAT',
      `cannot tell the format from the extension "${extname(path)}"; use --from ${IMPORT_FORMATS.join('|')}`,
      { file: path },
    );
  }
  return format;
}

// 64 KiB chunks: the parser's working set (units of one chunk) stays small whatever the file size.
const CHUNK_BYTES = 64 * 1024;

/**
 * Imports a TMX, TSV or XLIFF file into the TM, streaming: the file is read twice (once to hash it,
 * so a file already imported is skipped without parsing; once to parse), never held in memory.
 * All or nothing (see TmStore.addDocument). `displayName` is what error messages call the file.
 */
export async function importFile(
  store: TmStore,
  path: string,
  options: TmAddOptions & { format?: ImportFormat; displayName?: string } = {},
): Promise<TmAddResult & { format: ImportFormat }> {
  const name = options.displayName ?? path;
  const format = options.format ?? importFormatOf(name);
  const contentHash = await hashFile(path, name);
  const chunks = () => createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const read = (): AsyncIterable<ImportedUnit> =>
    format === 'tmx'
      ? readTmx(chunks(), name)
      : format === 'tsv'
        ? readTsv(chunks(), name)
        : readXliff(chunks(), name);
  const result = await store.addDocument(
    { name: basename(name), contentHash, kind: format },
    read(),
    options,
  );
  return { ...result, format };
}

/** SHA-256 of a file's bytes, hex. */
export async function hashFile(path: string, name = path): Promise<string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new BitextError('NOT_A_FILE', 'is a directory, not a file', { file: name });
  } catch (error) {
    if (error instanceof BitextError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new BitextError(
      code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_NOT_READABLE',
      code === 'ENOENT' ? 'no such file' : (error as Error).message,
      {
        file: name,
      },
    );
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}
