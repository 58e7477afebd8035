import { createRequire } from 'node:module';
import type { SaxesTagPlain } from 'saxes';
import { BitextError } from '../core/errors.js';
import type { EncodingName } from '../io/decode.js';
import {
  type ByteChunks,
  type DetectedEncoding,
  decodeByteStream,
  ENCODING_DISPLAY,
} from './decode-stream.js';

export type { ByteChunks };

/**
 * Turns a byte stream into text for the XML parser (XML 1.0 §4.3.3 and Appendix F): a byte-order mark
 * decides (CAT tools often write TMX in UTF-16), and a declaration that names another encoding is an
 * error naming both; else UTF-16 without one shows in the first bytes (`<?` as 3C 00 3F 00 or
 * 00 3C 00 3F); else the declaration's encoding="…", any that TextDecoder knows (Node has full ICU:
 * windows-1252, ISO-8859-x, KOI8-R, Shift_JIS, GBK, Big5 …); else UTF-8, the XML default. An
 * encoding the user gives overrides all of these.
 */
export function decodeXmlBytes(
  bytes: ByteChunks,
  file = '',
  encoding?: EncodingName,
): AsyncGenerator<string> {
  return decodeByteStream(bytes, {
    file,
    encoding,
    detect: (head) => xmlEncoding(head, file),
    checkBom: (head, bom) => checkBomAgainstDeclaration(head, bom, file),
  });
}

/**
 * The start of a file (its first `length` bytes) as text, for telling XML from other formats by
 * content: after a byte-order mark, in UTF-16 when its bytes are, white space skipped.
 */
export function xmlHead(bytes: Uint8Array, length = 512): string {
  const [a, b] = bytes;
  const order =
    (a === 0xff && b === 0xfe) || (a === 0x3c && b === 0)
      ? 'utf-16le'
      : (a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c)
        ? 'utf-16be'
        : 'latin1';
  return headText(bytes, order, length)
    .replace(/^(?:\uFEFF|\u00EF\u00BB\u00BF)/, '')
    .trimStart();
}

// What may stand before the root element (XML 1.0 §2.8): the declaration and other processing
// instructions, comments, a DOCTYPE (with an internal subset, which the parser refuses later) and
// white space.
const PROLOG_ITEM = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>|\s+)/i;

/**
 * The local name of an XML file's root element, lower-cased (`tmx`, `xliff`, `martif`, `tbx`), read
 * from its first 4 KiB (`bytes` may be just those); undefined when they do not hold the start of a
 * root element. The one sniffer for the TM import and the document readers: the name decides which
 * reader a file gets whatever its extension, and the reader then checks the rest (a `<TMX>` root is
 * sniffed as TMX and refused by the TMX reader with its reason, not read as a table).
 */
export function xmlRootName(bytes: Uint8Array): string | undefined {
  let rest = xmlHead(bytes, 4096);
  for (let item = PROLOG_ITEM.exec(rest); item; item = PROLOG_ITEM.exec(rest))
    rest = rest.slice(item[0].length);
  return /^<(?:[\w.-]+:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(rest)?.[1]?.toLowerCase();
}

/** The encoding="…" of an XML declaration at the start of `text`, if any. */
function declaredEncoding(text: string): string | undefined {
  return /^\uFEFF?<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(text)?.[1];
}

/** The first bytes as text in a UTF-16 byte order, or as Latin-1 (enough to read a declaration). */
function headText(head: Uint8Array, encoding: 'utf-16le' | 'utf-16be' | 'latin1', length = 512): string {
  const bytes = head.subarray(0, length);
  return encoding === 'latin1'
    ? Buffer.from(bytes).toString('latin1')
    : new TextDecoder(encoding).decode(bytes.subarray(0, bytes.length - (bytes.length % 2)));
}

/**
 * What TextDecoder calls a declared encoding, or undefined when it does not know it. GBK and GB2312
 * are read as GB18030, their superset, as `align` reads them.
 */
function canonicalEncoding(label: string): string | undefined {
  try {
    const name = new TextDecoder(label).encoding;
    return name === 'gbk' ? 'gb18030' : name;
  } catch {
    return undefined;
  }
}

const UTF16 = new Set(['utf-16le', 'utf-16be']);

function mismatch(file: string, message: string): BitextError {
  return new BitextError('XML_ENCODING_MISMATCH', message, { file, offset: 0 });
}

function checkBomAgainstDeclaration(head: Uint8Array, bom: EncodingName, file: string): void {
  const declared = declaredEncoding(
    bom === 'utf-8' ? headText(head.subarray(3), 'latin1') : headText(head, bom as 'utf-16le' | 'utf-16be'),
  );
  if (declared === undefined) return;
  const name = canonicalEncoding(declared);
  // encoding="UTF-16" names no byte order (TextDecoder says utf-16le): either mark fits it.
  const fits = /^(?:utf-16|ucs-2|unicode)$/i.test(declared) ? UTF16.has(bom) : name === bom;
  if (!fits) {
    throw mismatch(
      file,
      `the XML declaration says encoding="${declared}" but the byte-order mark says ${ENCODING_DISPLAY[bom]}`,
    );
  }
}

function xmlEncoding(head: Uint8Array, file: string): DetectedEncoding {
  const [a, b, c, d] = head;
  const utf16 =
    a === 0x3c && b === 0 && c === 0x3f && d === 0
      ? 'utf-16le'
      : a === 0 && b === 0x3c && c === 0 && d === 0x3f
        ? 'utf-16be'
        : undefined;
  if (utf16) {
    const declared = declaredEncoding(headText(head, utf16));
    if (declared !== undefined && !/^(?:utf-16|ucs-2|unicode)/i.test(declared))
      throw mismatch(
        file,
        `the XML declaration says encoding="${declared}" but the file is in ${ENCODING_DISPLAY[utf16]}, which its first bytes are`,
      );
    return { encoding: utf16, why: `as ${ENCODING_DISPLAY[utf16]}, which its first bytes are` };
  }
  const declared = declaredEncoding(headText(head, 'latin1'));
  if (declared === undefined) return { encoding: 'utf-8', why: 'as UTF-8, the XML default' };
  const encoding = canonicalEncoding(declared);
  if (encoding !== undefined && UTF16.has(encoding))
    throw mismatch(
      file,
      `the XML declaration says encoding="${declared}" but the file has no byte-order mark and its declaration is in single bytes`,
    );
  // ISO-2022-JP keeps a shift state across the chunks bitext decodes separately.
  if (encoding !== undefined && encoding !== 'iso-2022-jp')
    return { encoding, why: `as its XML declaration says (encoding="${declared}")` };
  throw new BitextError(
    'XML_ENCODING_UNKNOWN',
    `the XML declaration says encoding="${declared}", which bitext cannot decode; convert the file to UTF-8`,
    { file, offset: 0 },
  );
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
  // Required when XML is parsed, not imported: the format sniffing every document reader loads this
  // module for (xmlRootName) needs no parser, and saxes with its character tables costs ~25 M
  // instructions at the start of every align.
  const { SaxesParser } = createRequire(import.meta.url)('saxes') as typeof import('saxes');
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
    return 'DOCTYPE declarations are refused when they declare anything: this one has an internal subset (entity expansion and external entities are unsafe)';
  }
  const match = EXTERNAL_ID.exec(doctype);
  const system = (match?.[1] ?? match?.[3])?.slice(1, -1);
  if (!match || (system !== undefined && (!/\.dtd$/i.test(system) || /^file:/i.test(system)))) {
    return `DOCTYPE declarations are refused unless they only name a .dtd file (never read), found <!DOCTYPE${doctype.replace(/\s+/g, ' ').slice(0, 120)}>`;
  }
  return undefined;
}
