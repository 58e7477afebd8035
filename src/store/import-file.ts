import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { BitextError } from '../core/errors.js';
import type { EncodingName } from '../io/decode.js';
import { CHUNK_BYTES, IMPORT_FORMATS, type ImportFormat, readUnits } from './read-units.js';
import { BATCH_SIZE, SqliteTmStore } from './sqlite/sqlite-tm-store.js';
import { importInWorker } from './sqlite/worker-import.js';
import type { TmAddOptions, TmAddResult, TmStore } from './tm-store.js';

export { IMPORT_FORMATS, type ImportFormat };

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

/**
 * Files from this size up are read, parsed and prepared in a worker thread while this thread inserts
 * (SQLite store only): the two halves overlap on two cores. Below it, starting the worker costs more
 * than it saves.
 */
const WORKER_MIN_BYTES = 4 * 1024 * 1024;

export interface ImportOptions extends TmAddOptions {
  format?: ImportFormat;
  displayName?: string;
  /** Prepare in a worker thread: `auto` (default) for files of 4 MiB and more. */
  worker?: boolean | 'auto';
  /**
   * The file's encoding (`--encoding`); else TSV is detected as `align` detects (BOM, UTF-8,
   * GB18030 or Big5) and TMX/XLIFF follow their BOM or XML declaration.
   */
  encoding?: EncodingName;
}

/**
 * Imports a TMX, TSV or XLIFF file into the TM, streaming: the file is read twice (once to hash it,
 * so a file already imported is skipped without parsing; once to parse), never held in memory.
 * All or nothing (see TmStore.addDocument). `displayName` is what error messages call the file.
 */
export async function importFile(
  store: TmStore,
  path: string,
  options: ImportOptions = {},
): Promise<TmAddResult & { format: ImportFormat }> {
  const name = options.displayName ?? path;
  const format = options.format ?? importFormatOf(name);
  const contentHash = await hashFile(path, name);
  const document = { name: basename(name), contentHash, kind: format };
  // The worker detects the encoding itself but is not told one yet (its WorkerData has no field for
  // it), so a given encoding is read in this thread.
  const worker = options.encoding ? false : (options.worker ?? 'auto');
  const result =
    store instanceof SqliteTmStore &&
    (worker === true || (worker === 'auto' && (await stat(path)).size >= WORKER_MIN_BYTES))
      ? await store.addPrepared(document, importInWorker(path, format, name, BATCH_SIZE), options)
      : await store.addDocument(
          document,
          readUnits(path, format, name, { encoding: options.encoding }),
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
