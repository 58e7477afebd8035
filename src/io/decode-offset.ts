import type { EncodingName } from './decode.js';

/** Bytes decoded per step while looking for the chunk the first bad byte is in. */
const CHUNK = 1 << 16;

/** The text of `bytes` in `encoding` (strict), or undefined when some byte does not decode. */
export function tryDecode(bytes: Uint8Array, encoding: EncodingName): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Byte offset where the first undecodable sequence in `bytes` starts (for a sequence cut short, where it
 * began), or undefined when everything decodes. Linear in the input: one streaming pass finds the 64 KiB
 * chunk the decoder fails in; a second decoder is brought, in one call, from a point where no sequence
 * is open up to that chunk, then fed byte by byte until it fails; last, the start of the failing
 * sequence is the last sequence boundary at most 3 bytes before.
 */
export function firstBadByte(bytes: Uint8Array, encoding: EncodingName): number | undefined {
  const failedChunk = failingChunk(bytes, encoding);
  if (failedChunk === undefined) return undefined;
  let from = restartPoint(bytes, encoding, Math.max(0, failedChunk - 4));
  let errorSeenAt = errorByteFrom(bytes, encoding, from, failedChunk);
  if (errorSeenAt === undefined) {
    // The restart point was inside a sequence after all (only possible for UTF-16): start over from 0.
    from = 0;
    errorSeenAt = errorByteFrom(bytes, encoding, 0, failedChunk) ?? failedChunk;
  }
  for (let start = errorSeenAt; start >= Math.max(from, errorSeenAt - 3); start--) {
    if (tryDecode(bytes.subarray(from, start), encoding) !== undefined) return start;
  }
  return errorSeenAt;
}

function failingChunk(bytes: Uint8Array, encoding: EncodingName): number | undefined {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  for (let at = 0; at < bytes.length; at += CHUNK) {
    try {
      decoder.decode(bytes.subarray(at, at + CHUNK), { stream: at + CHUNK < bytes.length });
    } catch {
      return at;
    }
  }
  return undefined;
}

/**
 * The byte at which a decoder started at `from` reports the error in the chunk at `chunk` (the last byte
 * when only the final flush fails: a sequence cut off by the end), or undefined when it already fails
 * before the chunk, which means `from` was no clean starting point.
 */
function errorByteFrom(
  bytes: Uint8Array,
  encoding: EncodingName,
  from: number,
  chunk: number,
): number | undefined {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  try {
    decoder.decode(bytes.subarray(from, chunk), { stream: true });
  } catch {
    return undefined;
  }
  const end = Math.min(bytes.length, chunk + CHUNK);
  for (let i = chunk; i < end; i++) {
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: i + 1 < bytes.length });
    } catch {
      return i;
    }
  }
  return bytes.length - 1;
}

/**
 * A point at or before `near` where a decoder holds no partial sequence. UTF-8: any byte that is not a
 * continuation byte. GB18030 and Big5: right after a byte below 0x30, which no multi-byte sequence of
 * either contains (their second bytes start at 0x30 and 0x40). UTF-16: an even offset that is not the
 * second half of a surrogate pair.
 */
function restartPoint(bytes: Uint8Array, encoding: EncodingName, near: number): number {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    let at = near - (near % 2);
    const highByte = (i: number) => (encoding === 'utf-16le' ? bytes[i + 1]! : bytes[i]!);
    if (at >= 2 && at + 1 < bytes.length && highByte(at) >= 0xdc && highByte(at) <= 0xdf) at -= 2;
    return at;
  }
  for (let i = near; i > 0; i--) {
    const b = bytes[i]!;
    if (encoding === 'utf-8' ? b < 0x80 || b >= 0xc0 : bytes[i - 1]! < 0x30) return i;
  }
  return 0;
}
