import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { BitextError } from '../core/errors.js';
import type { EncodingName } from '../io/decode.js';
import { type ByteChunks, type DetectedEncoding, decodeByteStream } from './decode-stream.js';

export type { ByteChunks };

/**
 * Turns a byte stream into text for the XML parser (XML 1.0 §4.3.3 and Appendix F): a byte-order mark
 * decides (CAT tools often write TMX in UTF-16); else UTF-16 without one shows in the first bytes
 * (`<?` as 3C 00 3F 00 or 00 3C 00 3F); else the declaration's encoding="…" when bitext reads it
 * (UTF-8, GB18030 and its subsets GBK/GB2312, Big5); else UTF-8, the XML default. An encoding the
 * user gives overrides all of these.
 */
export function decodeXmlBytes(
  bytes: ByteChunks,
  file = '',
  encoding?: EncodingName,
): AsyncGenerator<string> {
  return decodeByteStream(bytes, { file, encoding, detect: xmlEncoding });
}

const DECLARED: Record<string, EncodingName> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  'x-gbk': 'gb18030',
  'euc-cn': 'gb18030',
  'windows-936': 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  cp950: 'big5',
};

export function xmlEncoding(head: Uint8Array): DetectedEncoding {
  const [a, b, c, d] = head;
  if (a === 0x3c && b === 0 && c === 0x3f && d === 0)
    return { encoding: 'utf-16le', why: 'as UTF-16LE, which its first bytes are' };
  if (a === 0 && b === 0x3c && c === 0 && d === 0x3f)
    return { encoding: 'utf-16be', why: 'as UTF-16BE, which its first bytes are' };
  const start = Buffer.from(head.subarray(0, 256)).toString('latin1');
  const declared = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(start)?.[1];
  if (declared === undefined) return { encoding: 'utf-8', why: 'as UTF-8, the XML default' };
  const encoding = DECLARED[declared.toLowerCase()];
  if (encoding) return { encoding, why: `as its XML declaration says (encoding="${declared}")` };
  // Other declared encodings (ISO-8859-1, windows-1252 …) were read as UTF-8 before, which holds for
  // ASCII content; a non-ASCII byte then fails with this explanation.
  return {
    encoding: 'utf-8',
    why: `as UTF-8: its XML declaration names ${declared}, which bitext does not read; convert the file to UTF-8`,
  };
}

export interface XmlHandlers {
  open(tag: SaxesTagPlain): void;
  close(tag: SaxesTagPlain): void;
  text(text: string): void;
}

/**
 * Parses XML text chunk by chunk and hands each item the handlers emit to the caller as soon as its
 * chunk is parsed, so memory stays bounded by the chunk size. Safety: saxes never reads a DTD and
 * knows only the five predefined entities and character references, so a DOCTYPE that merely names
 * its DTD (what OmegaT, Maxprograms and TBX v2 tools write) is harmless and accepted; anything that
 * could declare entities (an internal subset) is refused before its content is used (billion laughs).
 * Any malformation is a BitextError naming file, line and column.
 */
export async function* parseXmlStream<T>(
  chunks: AsyncIterable<string>,
  file: string,
  setup: (emit: (item: T) => void) => XmlHandlers,
): AsyncGenerator<T> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let ready: T[] = [];
  const handlers = setup((item) => ready.push(item));
  const fail = (code: string, message: string): never => {
    throw new BitextError(code, message, { file, line: parser.line, column: parser.column + 1 });
  };
  parser.on('doctype', (doctype) => {
    const refusal = doctypeRefusal(doctype);
    if (refusal) fail('XML_DTD_REFUSED', refusal);
  });
  parser.on('error', (error) =>
    fail('XML_MALFORMED', `malformed XML: ${error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}`),
  );
  parser.on('opentag', (tag) => handlers.open(tag as SaxesTagPlain));
  parser.on('closetag', (tag) => handlers.close(tag as SaxesTagPlain));
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  for await (const chunk of chunks) {
    parser.write(chunk);
    if (ready.length > 0) {
      const items = ready;
      ready = [];
      yield* items;
    }
  }
  parser.close();
  yield* ready;
}

// <!DOCTYPE root>, <!DOCTYPE root SYSTEM "x.dtd"> or <!DOCTYPE root PUBLIC "pubid" "x.dtd"> and
// nothing else: saxes hands over the text between `<!DOCTYPE` and `>`.
const EXTERNAL_ID =
  /^\s*[\w.:-]+(?:\s+(?:SYSTEM\s+("[^"]*"|'[^']*')|PUBLIC\s+("[^"]*"|'[^']*')\s+("[^"]*"|'[^']*')))?\s*$/;

/**
 * Why a DOCTYPE is refused, or undefined when it only names a DTD, which is never fetched or read. An
 * internal subset (`[…]`) is where entities are declared, so it is refused whatever it holds. A
 * system identifier must name a .dtd and not a local file by URL: `file:///etc/passwd` is no DTD a
 * CAT tool writes, and a file that points at one is not taken on trust.
 */
export function doctypeRefusal(doctype: string): string | undefined {
  if (doctype.includes('[')) {
    return 'DOCTYPE with an internal subset refused (no entity declarations: entity expansion and external entities are unsafe)';
  }
  const match = EXTERNAL_ID.exec(doctype);
  const system = (match?.[1] ?? match?.[3])?.slice(1, -1);
  if (!match || (system !== undefined && (!/\.dtd$/i.test(system) || /^file:/i.test(system)))) {
    return `DOCTYPE refused: expected <!DOCTYPE name>, or one naming a .dtd file (never read), found <!DOCTYPE${doctype.replace(/\s+/g, ' ').slice(0, 120)}>`;
  }
  return undefined;
}
