import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { BitextError } from '../core/errors.js';

/** What the readers take: a file stream, or any (async) sequence of byte or text chunks. */
export type ByteChunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/**
 * Turns a byte stream into text for the XML parser: UTF-8 unless a UTF-16 byte-order mark says
 * otherwise (CAT tools often write TMX in UTF-16). Decoding is streaming, so a multi-byte character
 * split across two chunks is kept whole.
 */
export async function* decodeXmlBytes(bytes: ByteChunks): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of bytes) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    if (!decoder) {
      const encoding =
        chunk[0] === 0xff && chunk[1] === 0xfe
          ? 'utf-16le'
          : chunk[0] === 0xfe && chunk[1] === 0xff
            ? 'utf-16be'
            : 'utf-8';
      decoder = new TextDecoder(encoding, { fatal: true });
    }
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new BitextError('XML_ENCODING', `the file is not valid ${decoder.encoding}`);
    }
  }
  if (decoder) yield decoder.decode();
}

export interface XmlHandlers {
  open(tag: SaxesTagPlain): void;
  close(tag: SaxesTagPlain): void;
  text(text: string): void;
}

/**
 * Parses XML text chunk by chunk and hands each item the handlers emit to the caller as soon as its
 * chunk is parsed, so memory stays bounded by the chunk size. Safety: any `<!DOCTYPE` is refused
 * before its content is used, so there are no external entities and no entity expansion (billion
 * laughs); saxes itself knows only the five predefined entities and character references. Any
 * malformation is a BitextError naming file, line and column.
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
  parser.on('doctype', () =>
    fail(
      'XML_DTD_REFUSED',
      'DOCTYPE declarations are refused (no DTDs, no entities: external entities and entity expansion are unsafe)',
    ),
  );
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
