import type { EncodingName } from './decode.js';

/** Bytes decoded per step while looking for the first bad byte: bounds the memory of one step. */
const CHUNK = 1 << 16;

/** Whether `bytes` decode without error in `encoding` (strict). */
export function decodesCleanly(bytes: Uint8Array, encoding: EncodingName): boolean {
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Byte offset where the first undecodable sequence in `bytes` starts (for a sequence cut short, where it
 * began), or undefined when everything decodes. Linear: one streaming pass finds the 64 KiB chunk the
 * decoder fails in; the search then restarts from a point where the decoder holds no partial sequence
 * (a line feed, which no multi-byte sequence of these encodings contains, or an even offset outside a
 * surrogate pair for UTF-16) and bisects a bounded window.
 */
export function firstBadByte(bytes: Uint8Array, encoding: EncodingName): number | undefined {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let failedChunk = -1;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    try {
      decoder.decode(bytes.subarray(at, at + CHUNK), { stream: at + CHUNK < bytes.length });
    } catch {
      failedChunk = at;
      break;
    }
  }
  if (failedChunk < 0) return undefined;
  // The bad sequence starts at most 3 bytes before the chunk the decoder failed in.
  const from = restartPoint(bytes, encoding, Math.max(0, failedChunk - 4));
  const streamedCleanly = (end: number) => {
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from, end), {
        stream: true,
      });
      return true;
    } catch {
      return false;
    }
  };
  // Smallest end whose prefix fails: the decoder has then seen the byte that shows the error.
  let low = from;
  let high = Math.min(bytes.length, failedChunk + CHUNK);
  if (streamedCleanly(high)) high = bytes.length; // only the final flush failed: a sequence cut short
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (streamedCleanly(mid + 1)) low = mid + 1;
    else high = mid;
  }
  const errorSeenAt = Math.min(low, bytes.length - 1);
  // The sequence the error belongs to began at the last sequence boundary at or before that byte.
  for (let start = errorSeenAt; start >= Math.max(from, errorSeenAt - 3); start--) {
    if (decodesCleanly(bytes.subarray(from, start), encoding)) return start;
  }
  return errorSeenAt;
}

function restartPoint(bytes: Uint8Array, encoding: EncodingName, near: number): number {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    let at = near - (near % 2);
    const lowSurrogate = (i: number) => {
      const hi = encoding === 'utf-16le' ? bytes[i + 1]! : bytes[i]!;
      return hi >= 0xdc && hi <= 0xdf;
    };
    if (at >= 2 && at + 1 < bytes.length && lowSurrogate(at)) at -= 2;
    return at;
  }
  const lineFeed = bytes.lastIndexOf(0x0a, near);
  return lineFeed < 0 ? 0 : lineFeed + 1;
}
