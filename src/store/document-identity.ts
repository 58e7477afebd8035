import { createHash } from 'node:crypto';

/**
 * A document's identity in the TM: the SHA-256 of its bytes as given (hex), what `sha256sum` prints.
 * The same file added twice, by `tm add`, `tm import`, the server or a worker, is one document; a
 * re-saved file in another encoding is another version (its units still dedupe).
 */
export function documentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
