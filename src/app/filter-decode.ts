import { createReadStream } from 'node:fs';
import { BitextError } from '../core/errors.js';
import { decodeBytes, type EncodingName } from '../io/decode.js';
import { firstBadByte } from '../io/decode-offset.js';

// The text of a TSV or JSONL pair file, decoded as it streams (filter's memory must not grow with
// its input, so the file is never whole in memory). The encoding is the shared decoder's verdict
// (io/decode.ts: byte-order mark, UTF-16 sniffing, UTF-8, GB18030 or Big5) on the file's first
// 64 KiB, or --encoding; the rest is then decoded strictly in it, a bad byte named by its offset.

/** Bytes the encoding is judged on: the decoder's own step, and plenty of text to tell GB18030 from Big5. */
const SNIFF_BYTES = 1 << 16;

/** The file's text in chunks (no byte-order mark). An empty file gives none. */
export async function* decodedTextOf(
  path: string,
  file: string,
  encoding?: EncodingName,
): AsyncGenerator<string> {
  const stream = createReadStream(path, { highWaterMark: SNIFF_BYTES });
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let head: Buffer = Buffer.alloc(0);
  let ended = false;
  while (head.length < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    head = Buffer.concat([head, next.value]);
  }
  if (head.length === 0) return;
  if (ended) {
    // All of it is here: the shared decoder reads it exactly as other commands would.
    yield decodeBytes(head, { file, encoding }).text;
    return;
  }
  const chosen = encoding ?? decodeBytes(wholeLines(head), { file }).encoding;
  const decoder = new TextDecoder(chosen, { fatal: true });
  let offset = 0;
  let previous: Buffer = Buffer.alloc(0);
  const decode = (bytes: Buffer, last: boolean): string => {
    try {
      return decoder.decode(bytes, { stream: !last });
    } catch {
      // The bad byte is in this chunk, or in a sequence the previous one began.
      const tail = previous.subarray(Math.max(0, previous.length - 4));
      const at = offset - tail.length + (firstBadByte(Buffer.concat([tail, bytes]), chosen) ?? tail.length);
      const why = encoding
        ? 'as forced with --encoding'
        : 'as its first 64 KiB read; give --encoding if it is another';
      throw new BitextError(
        'DECODE_ERROR',
        `invalid ${chosen.toUpperCase()} at byte ${at} (decoding ${why})`,
        {
          file,
          offset: at,
        },
      );
    }
  };
  for (let chunk: Buffer | undefined = head; chunk; ) {
    const text = decode(chunk, false);
    if (text) yield text;
    offset += chunk.length;
    previous = chunk;
    const next = await chunks.next();
    chunk = next.done ? undefined : next.value;
  }
  const rest = decode(Buffer.alloc(0), true);
  if (rest) yield rest;
}

/**
 * The head up to its last line break, so that no character is cut in two: 0x0A is never inside a
 * UTF-8, GB18030 or Big5 character; in UTF-16LE it is followed by its 0x00, which is kept.
 */
function wholeLines(head: Buffer): Buffer {
  const at = head.lastIndexOf(0x0a);
  if (at < 0) return head;
  return head.subarray(0, at + (head[at + 1] === 0 ? 2 : 1));
}
