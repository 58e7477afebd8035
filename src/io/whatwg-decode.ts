import { TextDecoder } from 'node:util';

// One decoder for every encoding a file may declare of itself (an XML declaration, a web page's
// <meta charset>): the WHATWG Encoding Standard's, by label, with Node's one error in it corrected.

/** A strict decoder of whole pieces of text (each starting and ending on a character boundary). */
export interface WholeDecoder {
  /** The encoding's WHATWG name (`latin1` and `iso-8859-1` are `windows-1252`, as browsers hold). */
  readonly encoding: string;
  /** Throws a TypeError on bytes the encoding cannot have; a byte-order mark is text, not skipped. */
  decode(bytes: Uint8Array): string;
}

// WHATWG windows-1252 at 0x80–0x9F (the rest is Latin-1). Node 20's TextDecoder takes a Latin-1 fast
// path for windows-1252 (and its labels iso-8859-1, latin1, us-ascii…) that returns C1 controls
// there, so “smart quotes”, € and — would come out as invisible characters.
const WINDOWS_1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * The decoder for an encoding label (`windows-1252`, `ISO-8859-1`, `gb2312`, `utf-8`…), or
 * `undefined` for a label the standard does not know (a browser would ignore it too).
 */
export function wholeDecoder(label: string): WholeDecoder | undefined {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label.trim(), { fatal: true, ignoreBOM: true });
  } catch {
    return undefined;
  }
  const { encoding } = decoder;
  if (encoding === 'windows-1252') {
    return {
      encoding,
      decode: (bytes) =>
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
          .toString('latin1')
          .replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!),
    };
  }
  return { encoding, decode: (bytes) => decoder.decode(bytes) };
}
