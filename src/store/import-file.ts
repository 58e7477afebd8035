import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { BitextError } from '../core/errors.js';
import type { LanguageChoice } from '../formats/lang-choice.js';
import { xmlRootName } from '../formats/xml-safety.js';
import type { EncodingName } from '../io/decode.js';
import { hashFile } from './document-identity.js';
import type { PreparedBatch } from './index-terms/prepared-units.js';
import { IMPORT_FORMATS, type ImportFormat, readUnits } from './read-units.js';
import type { TmAddOptions, TmAddResult, TmDocumentInput, TmStore } from './tm-store.js';
import { importInWorker } from './worker-import.js';

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
  '.mqxliff': 'xliff',
};

/**
 * The import format of a file: given its first bytes, a `<tmx>` or `<xliff>` root element (after any
 * declaration, comments and DOCTYPE) decides, whatever the extension, so a TMX saved as `.txt` is
 * not read as a table; else the extension. A BitextError says how to name the format when neither
 * tells.
 */
export function importFormatOf(path: string, head?: Uint8Array): ImportFormat {
  const root = head && xmlRootName(head);
  const format = root === 'tmx' || root === 'xliff' ? root : FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
  if (!format) {
    throw new BitextError(
      'IMPORT_FORMAT',
      `cannot tell the format from the extension "${extname(path)}"; use --from ${IMPORT_FORMATS.join('|')}`,
      { file: path },
    );
  }
  return format;
}

/** The first bytes of a file, enough to see its root element. */
async function fileHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Files from this size up are read, parsed and prepared in a worker thread while this thread inserts
 * (stores that take prepared batches: both backends): the two halves overlap on two cores. Below it,
 * starting the worker costs more than it saves.
 */
const WORKER_MIN_BYTES = 4 * 1024 * 1024;

/** Units per prepared batch: what a store inserts between two progress reports. */
export const BATCH_SIZE = 2000;

/** A TmStore that also takes units already prepared elsewhere (by the import worker). */
export interface PreparedBatchStore extends TmStore {
  addPrepared(
    document: TmDocumentInput,
    batches: AsyncIterable<PreparedBatch>,
    options?: TmAddOptions,
  ): Promise<TmAddResult>;
}

function takesPreparedBatches(store: TmStore): store is PreparedBatchStore {
  return typeof (store as Partial<PreparedBatchStore>).addPrepared === 'function';
}

export interface ImportOptions extends TmAddOptions, LanguageChoice {
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
  // Hashed first: it is what says, naming the file, that the path is missing or a folder.
  const contentHash = await hashFile(path, name);
  const format = options.format ?? importFormatOf(name, await fileHead(path));
  const read = { encoding: options.encoding, zhLang: options.zhLang, enLang: options.enLang };
  // The name as given: `--document` and `tm documents` know a file by the path the user typed.
  const document = { name, contentHash, kind: format };
  const worker = options.worker ?? 'auto';
  const result =
    takesPreparedBatches(store) &&
    (worker === true || (worker === 'auto' && (await stat(path)).size >= WORKER_MIN_BYTES))
      ? await store.addPrepared(document, importInWorker(path, format, name, BATCH_SIZE, read), options)
      : await store.addDocument(document, readUnits(path, format, name, read), options);
  return { ...result, format };
}
