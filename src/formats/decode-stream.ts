import { TextDecoder } from 'node:util';
import { BitextError } from '../core/errors.js';
import type { EncodingName } from '../io/decode.js';
import { firstBadByte } from '../io/decode-offset.js';
import { wholeDecoder } from '../io/whatwg-decode.js';

/** What the readers take: a file stream, or any (async) sequence of byte or text chunks. */
export type ByteChunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/**
 * The encoding a format's rule picked from the first bytes, and how, for error messages. Besides
 * bitext's own (EncodingName), an XML declaration may name any encoding TextDecoder knows (its
 * WHATWG name: windows-1252, iso-8859-2, koi8-r, shift_jis …).
 */
export interface DetectedEncoding {
  encoding: EncodingName | (string & {});
  why: string;
}

export interface DecodeStreamOptions {
  /** What error messages call the file. */
  file: string;
  /** Given by the user: decode strictly in it (its byte-order mark, if present, is skipped). */
  encoding?: EncodingName;
  /**
   * The format's rule for bytes without a byte-order mark (TSV: UTF-8, GB18030 or Big5 as `align`
   * detects; XML: its declaration). `head` is the first HEAD_BYTES (all of them when `complete`).
   */
  detect: (head: Uint8Array, complete: boolean) => DetectedEncoding;
  /**
   * Called when a byte-order mark decides (and the user gave no encoding), with the first bytes: the
   * format may refuse a file whose mark contradicts what it says of itself (an XML declaration).
   */
  checkBom?: (head: Uint8Array, bom: EncodingName) => void;
}

/**
 * Bytes looked at before choosing the encoding: enough for GB18030 against Big5 (decode.ts scores
 * the first 50,000 characters at most), small beside a file stream's first 1 MiB chunk.
 */
export const HEAD_BYTES = 64 * 1024;

const BOMS: Array<[EncodingName, number[]]> = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

export const ENCODING_DISPLAY: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030',
  big5: 'Big5',
};

/**
 * Streams a file's text in the encoding the user gave, else its byte-order mark's, else the one
 * `detect` picks from the first bytes. Each chunk is decoded up to the last point where no
 * character is cut (cleanCut), the rest carried over to the next, so every decode starts on a
 * character boundary: an undecodable byte is named by its exact offset in the file (firstBadByte
 * within the piece, plus where the piece starts), which a streaming TextDecoder cannot tell.
 * String chunks pass through as they are. The byte-order mark is not part of the text. The error
 * is DECODE_ERROR, as decode.ts's for `align`, whichever format the file is.
 */
export async function* decodeByteStream(
  bytes: ByteChunks,
  options: DecodeStreamOptions,
): AsyncGenerator<string> {
  const iterator = (
    Symbol.asyncIterator in bytes ? bytes[Symbol.asyncIterator]() : bytes[Symbol.iterator]()
  ) as AsyncIterator<Uint8Array | string> | Iterator<Uint8Array | string>;
  const head: Uint8Array[] = [];
  let headLength = 0;
  let complete = false;
  while (headLength < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    if (typeof next.value === 'string') yield next.value;
    else {
      head.push(next.value);
      headLength += next.value.length;
    }
  }
  if (headLength === 0 && complete) return;

  let buffer: Uint8Array = Buffer.concat(head);
  const bom = BOMS.find(([, mark]) => mark.every((b, i) => buffer[i] === b));
  if (bom && !options.encoding) options.checkBom?.(buffer, bom[0]);
  const { encoding, why } = options.encoding
    ? { encoding: options.encoding, why: 'as the import was told' }
    : bom
      ? { encoding: bom[0], why: 'as its byte-order mark says' }
      : options.detect(buffer, complete);
  const bomLength = bom && bom[0] === encoding ? bom[1].length : 0;
  const decode = pieceDecoder(encoding);
  let offset = bomLength;
  buffer = buffer.subarray(bomLength);

  const decodePiece = (piece: Uint8Array): string => {
    try {
      return decode(piece);
    } catch {
      const at = offset + (badByteIn(piece, encoding) ?? 0);
      throw new BitextError(
        'DECODE_ERROR',
        `invalid ${ENCODING_DISPLAY[encoding] ?? encoding} at byte ${at} (decoding ${why})`,
        { file: options.file, offset: at },
      );
    }
  };

  while (!complete) {
    const cut = cleanCut(buffer, encoding);
    if (cut > 0) {
      const text = decodePiece(buffer.subarray(0, cut));
      offset += cut;
      buffer = buffer.subarray(cut);
      if (text) yield text;
    }
    const next = await iterator.next();
    if (next.done) complete = true;
    else if (typeof next.value === 'string') yield next.value;
    else buffer = buffer.length > 0 ? Buffer.concat([buffer, next.value]) : next.value;
  }
  if (buffer.length > 0) {
    const text = decodePiece(buffer);
    if (text) yield text;
  }
}

/**
 * The length of the longest prefix of `bytes` that ends on a character boundary, so that it decodes
 * alone. UTF-16: an even length not ending in a high surrogate. UTF-8: before the last lead byte
 * among the last four (a sequence that might be cut off is carried over whole). GB18030 and Big5:
 * after the last byte below 0x30, which no multi-byte sequence of either contains (their trail bytes
 * start at 0x30 and 0x40); tabs, line breaks and spaces are such bytes, so a line of a file is as
 * much as is ever carried; the same holds for Shift_JIS, EUC-JP and EUC-KR (trail bytes from 0x40,
 * 0xA1 and 0x41). Single-byte encodings: any length.
 */
export function cleanCut(bytes: Uint8Array, encoding: string): number {
  const length = bytes.length;
  if (SINGLE_BYTE.has(encoding)) return length;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    let end = length - (length % 2);
    if (end >= 2) {
      const high = encoding === 'utf-16le' ? bytes[end - 1]! : bytes[end - 2]!;
      if (high >= 0xd8 && high <= 0xdb) end -= 2;
    }
    return end;
  }
  if (encoding === 'utf-8') {
    for (let i = length - 1; i >= Math.max(0, length - 4); i--) {
      const b = bytes[i]!;
      if (b < 0x80) return i + 1;
      if (b >= 0xc0) return i;
    }
    return length;
  }
  for (let i = length - 1; i >= 0; i--) if (bytes[i]! < 0x30) return i + 1;
  return 0;
}

/**
 * The encodings TextDecoder knows (WHATWG names) in which every byte is one character: a chunk can be
 * cut anywhere, and the bad byte is the first that alone does not decode (unassigned in the table).
 */
const SINGLE_BYTE: ReadonlySet<string> = new Set([
  'ibm866',
  'iso-8859-2',
  'iso-8859-3',
  'iso-8859-4',
  'iso-8859-5',
  'iso-8859-6',
  'iso-8859-7',
  'iso-8859-8',
  'iso-8859-8-i',
  'iso-8859-10',
  'iso-8859-13',
  'iso-8859-14',
  'iso-8859-15',
  'iso-8859-16',
  'koi8-r',
  'koi8-u',
  'macintosh',
  'windows-874',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'x-mac-cyrillic',
]);

function badByteIn(piece: Uint8Array, encoding: string): number | undefined {
  if (!SINGLE_BYTE.has(encoding)) return firstBadByte(piece, encoding as EncodingName);
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let i = 0; i < piece.length; i++) {
    try {
      decoder.decode(piece.subarray(i, i + 1));
    } catch {
      return i;
    }
  }
  return undefined;
}

/** A strict decoder of whole pieces (each starting on a character boundary) in `encoding`. */
function pieceDecoder(encoding: string): (piece: Uint8Array) => string {
  const decoder = wholeDecoder(encoding);
  if (!decoder) throw new RangeError(`no decoder for ${encoding}`); // detect() names only known ones
  return (piece) => decoder.decode(piece);
}
