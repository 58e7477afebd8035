import { open, readlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BitextError } from '../core/errors.js';
import { type DecodedText, decodeBytes, type EncodingName } from './decode.js';
import { inputTooLarge, readAtMost } from './read-limited.js';

/**
 * Inputs above this are refused: a bilingual document this large is almost surely a mistake (a
 * dump, a binary, a device), and the aligner keeps whole documents in memory. Measured: a 50 MB file
 * aligns in bounded time, so the limit sits well above what users give.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Bytes per read from a file: large reads keep the chunk count low for big documents. */
const READ_CHUNK_BYTES = 1024 * 1024;

export interface ReadTextOptions {
  encoding?: EncodingName;
  /**
   * Reads standard input when the path is `-`. It is given the byte limit and should stop reading
   * past it (readAtMost does); whatever it returns is checked against the limit again.
   */
  readStdin?: (maxBytes: number) => Promise<Uint8Array>;
  /** Directory relative paths are read from (messages keep the path as given). */
  cwd?: string;
  /** The most bytes read from one input (default MAX_INPUT_BYTES); tests lower it. */
  maxBytes?: number;
}

/** Reads and decodes a text file (or stdin for `-`), with errors that name the file. */
export async function readTextFile(path: string, options: ReadTextOptions = {}): Promise<DecodedText> {
  const { name, bytes } = await readInputBytes(path, options);
  return decodeBytes(bytes, { file: name, encoding: options.encoding });
}

/** The name messages call an input by: the path as given, `<stdin>` for `-`. */
export function inputName(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

/** Reads a file's bytes (or stdin for `-`), within the size cap, with errors that name the file. */
export async function readInputBytes(
  path: string,
  options: Omit<ReadTextOptions, 'encoding'> = {},
): Promise<{ name: string; bytes: Uint8Array }> {
  const name = inputName(path);
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  let bytes: Uint8Array;
  if (path === '-') {
    if (!options.readStdin) throw new BitextError('USAGE', 'reading standard input is not possible here');
    bytes = await options.readStdin(maxBytes);
    if (bytes.length > maxBytes) throw inputTooLarge(name, maxBytes, bytes.length);
  } else {
    bytes = await readFileAtMost(resolve(options.cwd ?? '.', path), name, maxBytes);
  }
  return { name, bytes };
}

async function readFileAtMost(full: string, name: string, maxBytes: number): Promise<Uint8Array> {
  try {
    // Open first, then fstat the open file: what is checked is what is read, even if the path is
    // replaced meanwhile. Opening a FIFO waits for a writer, as `cat` does.
    const handle = await open(full, 'r');
    try {
      const info = await handle.stat();
      if (info.isDirectory())
        throw new BitextError('NOT_A_FILE', 'is a directory, not a text file', { file: name });
      // A regular file's size is known: refuse it without reading. Devices and FIFOs report 0 (or
      // nothing useful), so the count while reading is what bounds them.
      if (info.isFile() && info.size > maxBytes) throw inputTooLarge(name, maxBytes, info.size);
      const stream = handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES, autoClose: false });
      return await readAtMost(stream, maxBytes, name);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof BitextError) throw error;
    throw await describeOpenError(error as NodeJS.ErrnoException, full, name);
  }
}

/** One line for why a path cannot be read, without Node's "ENOENT: …, open '/abs/path'" wording. */
async function describeOpenError(error: NodeJS.ErrnoException, full: string, name: string) {
  const where = { file: name };
  switch (error.code) {
    case 'ENOENT': {
      // A symbolic link whose target is gone says ENOENT too; "no such file" would contradict `ls`.
      const target = await readlink(full).catch(() => undefined);
      if (target !== undefined)
        return new BitextError(
          'FILE_NOT_FOUND',
          `is a symbolic link to ${target}, which does not exist`,
          where,
        );
      return new BitextError('FILE_NOT_FOUND', 'no such file', where);
    }
    case 'ENOTDIR':
      return new BitextError('FILE_NOT_FOUND', 'no such file (a part of the path is not a directory)', where);
    case 'ELOOP':
      return new BitextError('FILE_NOT_READABLE', 'symbolic links loop; no file at the end', where);
    case 'EACCES':
    case 'EPERM':
      return new BitextError('FILE_NOT_READABLE', 'permission denied', where);
    case 'EISDIR':
      return new BitextError('NOT_A_FILE', 'is a directory, not a text file', where);
    default:
      return new BitextError('FILE_NOT_READABLE', `cannot read: ${error.message}`, where);
  }
}
