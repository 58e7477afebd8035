import { BitextError } from '../core/errors.js';

/**
 * Collects a byte stream, refusing it as soon as more than `maxBytes` have arrived. Counting while
 * reading is what makes the cap hold for inputs whose size is unknown in advance: stdin, pipes,
 * FIFOs and character devices (stat says 0 bytes for /dev/zero, which never ends). Leaving the loop
 * early destroys the stream, so nothing more is read.
 */
export async function readAtMost(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
  name: string,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > maxBytes) throw inputTooLarge(name, maxBytes);
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

export function inputTooLarge(name: string, maxBytes: number, size?: number): BitextError {
  const message =
    size === undefined
      ? `is over ${maxBytes} bytes, the most bitext reads per document (reading stopped there)`
      : `is ${size} bytes; bitext reads at most ${maxBytes} bytes per document`;
  return new BitextError('INPUT_TOO_LARGE', message, { file: name });
}
