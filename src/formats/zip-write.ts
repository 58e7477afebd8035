import { createRequire } from 'node:module';
import { BitextError } from '../core/errors.js';

// A ZIP writer that streams (APPNOTE 6.3.x): each entry's local header, its deflated data as it is
// produced, then a data descriptor with the CRC and sizes (general-purpose flag bit 3), and the
// central directory at the end. Nothing but the directory (a few dozen bytes an entry) is kept, so
// an entry of any length is written in constant memory. No ZIP64: an entry or archive over 4 GiB is
// refused (an .xlsx sheet at Excel's row limit stays far below that).

/** Text taken before it is deflated: large enough to compress well, small beside memory. */
const PIECE_CHARS = 256 * 1024;
const MAX_32 = 0xffffffff;

interface WrittenEntry {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

/** An entry: its path in the archive and its content, text (written as UTF-8) in pieces. */
export interface ZipEntry {
  name: string;
  content: string | AsyncIterable<string> | Iterable<string>;
}

/**
 * The archive's bytes, entry by entry. Each piece of an entry's text is deflated on its own with a
 * sync flush (each piece ends on a byte boundary and no block is final), and an empty final block
 * ends the entry: one valid deflate stream, compressed with the piece as its window's reach.
 */
export async function* writeZip(
  entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>,
): AsyncGenerator<Uint8Array> {
  // Required when an archive is written, not imported: node:zlib would load at the start of every
  // command that can write an .xlsx (align, qa, terms), whatever format it writes.
  const { constants, crc32, deflateRawSync } = createRequire(import.meta.url)(
    'node:zlib',
  ) as typeof import('node:zlib');
  const written: WrittenEntry[] = [];
  let offset = 0;
  const time = dosTime(new Date());
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0808, 6); // bit 3: sizes in the data descriptor; bit 11: UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(time.time, 10);
    header.writeUInt16LE(time.date, 12);
    // CRC and sizes (14–25) are zero here and come in the data descriptor.
    header.writeUInt16LE(name.length, 26);
    const start = offset;
    yield header;
    yield name;
    offset += header.length + name.length;

    let crc = 0;
    let size = 0;
    let compressed = 0;
    let pending = '';
    const deflate = function* (text: string, last: boolean): Generator<Uint8Array> {
      const bytes = Buffer.from(text, 'utf8');
      crc = crc32(bytes, crc);
      size += bytes.length;
      const out = deflateRawSync(bytes, {
        finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      });
      compressed += out.length;
      if (out.length > 0) yield out;
    };
    const content = typeof entry.content === 'string' ? [entry.content] : entry.content;
    for await (const chunk of content) {
      pending += chunk;
      if (pending.length >= PIECE_CHARS) {
        yield* deflate(pending, false);
        pending = '';
      }
    }
    yield* deflate(pending, true);
    offset += compressed;
    if (size > MAX_32 || compressed > MAX_32 || offset > MAX_32) {
      throw new BitextError(
        'ZIP_TOO_LARGE',
        `${entry.name} is over 4 GiB, more than a ZIP without ZIP64 holds`,
      );
    }
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    yield descriptor;
    offset += descriptor.length;
    written.push({ name, offset: start, crc: crc >>> 0, compressed, size });
  }

  const directoryStart = offset;
  let directorySize = 0;
  for (const entry of written) {
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4); // made by: 2.0
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0808, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt16LE(time.time, 12);
    record.writeUInt16LE(time.date, 14);
    record.writeUInt32LE(entry.crc, 16);
    record.writeUInt32LE(entry.compressed, 20);
    record.writeUInt32LE(entry.size, 24);
    record.writeUInt16LE(entry.name.length, 28);
    record.writeUInt32LE(entry.offset, 42);
    yield record;
    yield entry.name;
    directorySize += record.length + entry.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryStart, 16);
  yield end;
}

/** MS-DOS date and time fields (local time, 2-second resolution), as ZIP stores them. */
function dosTime(when: Date): { time: number; date: number } {
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2),
    date: ((when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}
