import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { BitextError } from '../core/errors.js';
import { CHUNK_BYTES } from './read-units.js';

/**
 * A document's identity in the TM: the SHA-256 of its bytes as given (hex), what `sha256sum` prints.
 * The same file added twice, by `tm add`, `tm import`, the server or a worker, is one document; a
 * re-saved file in another encoding is another version (its units still dedupe).
 */
export function documentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** documentHash of a file, streamed: the same value, without holding the file in memory. */
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
