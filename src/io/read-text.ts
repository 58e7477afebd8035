import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BitextError } from '../core/errors.js';
import { type DecodedText, decodeBytes, type EncodingName } from './decode.js';

/**
 * Inputs above this are refused before reading: a bilingual document this large is almost surely a
 * mistake (a dump, a binary), and the aligner keeps whole documents in memory. Measured: a 50 MB file
 * aligns in bounded time, so the limit sits well above what users give.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export interface ReadTextOptions {
  encoding?: EncodingName;
  /** Reads standard input when the path is `-`. */
  readStdin?: () => Promise<Uint8Array>;
  /** Directory relative paths are read from (messages keep the path as given). */
  cwd?: string;
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
  let bytes: Uint8Array;
  if (path === '-') {
    if (!options.readStdin) throw new BitextError('USAGE', 'reading standard input is not possible here');
    bytes = await options.readStdin();
  } else {
    try {
      const full = resolve(options.cwd ?? '.', path);
      const info = await stat(full);
      if (info.isDirectory())
        throw new BitextError('NOT_A_FILE', 'is a directory, not a text file', { file: name });
      if (info.size > MAX_INPUT_BYTES) {
        throw new BitextError(
          'INPUT_TOO_LARGE',
          `is ${info.size} bytes; bitext reads at most ${MAX_INPUT_BYTES} bytes per document`,
          { file: name },
        );
      }
      bytes = await readFile(full);
    } catch (error) {
      if (error instanceof BitextError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new BitextError('FILE_NOT_FOUND', 'no such file', { file: name });
      if (code === 'EACCES') throw new BitextError('FILE_NOT_READABLE', 'permission denied', { file: name });
      throw new BitextError('FILE_NOT_READABLE', `cannot read: ${(error as Error).message}`, { file: name });
    }
  }
  return { name, bytes };
}
