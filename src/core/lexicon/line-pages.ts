/**
 * A sorted-lines data file (sorted-lines.ts) read from disk a page at a time, as look-ups reach it.
 *
 * Why: reading the prebuilt dictionaries whole (11 MB) cost ~35 ms of CPU at every start on the
 * development machine, nearly all of it the kernel handing out fresh memory (~3 ms a MB: copying the
 * bytes was ~1 ms a MB), and the buffers set off a ~12 ms full garbage collection; the sample press
 * release looks up words on ~1 MB of them. A page index built with the file (`<file>.pages`) holds
 * the first key of every page, so a look-up reads the one or two pages its key can be on.
 *
 * The bytes stay at their offsets in one array the size of the file: zero-filled memory the system
 * maps only where a page is read, so SortedLines and its callers keep using file offsets.
 */

import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { bytesHash } from './key-hash.js';
import type { LinePages } from './sorted-lines.js';

/**
 * Page size in bytes of the index `npm run build` writes. 4 KB, the system's page: smaller pages make
 * the index larger and each miss a read of its own; larger ones read more than a look-up needs.
 */
export const PAGE_BYTES = 4096;

const INDEX_HEADER = '# bitext page index v1; file bytes ';
const NEWLINE = 0x0a;

/**
 * The page index of a sorted-lines file (its bytes, header line first): after a header line that
 * carries the file's length, `offset<TAB>key` lines, one for each page: the first line starting at
 * or after each multiple of `pageBytes`. Pages so start at line starts and hold whole lines.
 */
export function buildPageIndex(file: Uint8Array, separator: number, pageBytes = PAGE_BYTES): string {
  const decoder = new TextDecoder();
  const lines = [`${INDEX_HEADER}${file.length}`];
  let at = file.indexOf(NEWLINE) + 1;
  let nextPage = 0;
  while (at > 0 && at < file.length) {
    const end = file.indexOf(NEWLINE, at);
    const lineEnd = end < 0 ? file.length : end;
    if (at >= nextPage) {
      let keyEnd = file.indexOf(separator, at);
      if (keyEnd < 0 || keyEnd > lineEnd) keyEnd = lineEnd;
      lines.push(`${at}\t${decoder.decode(file.subarray(at, keyEnd))}`);
      nextPage = (Math.floor(at / pageBytes) + 1) * pageBytes;
    }
    at = lineEnd + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** Pages of one open file, each read once, when a look-up first needs it. */
export class FilePages implements LinePages {
  /** The file's bytes at their offsets; zeros where no page has been read. */
  readonly bytes: Uint8Array;
  private fd: number | undefined;
  private readonly loaded: Uint8Array;
  private unread: number;
  /** Runs of pages read so far. */
  private reads = 0;
  /**
   * Set when a page read does not start where the index says (a file rebuilt without its index, to
   * the same length): the whole file is then read and searched as it is, never through the index.
   */
  private whole = false;

  private constructor(
    fd: number,
    size: number,
    /** Where each page starts; the first page starts at the first line after the header. */
    private readonly starts: readonly number[],
    /** Each page's first key, as UTF-8 bytes. */
    private readonly keys: readonly Uint8Array[],
    /** The page index's fingerprint (bytesHash), which the file's hash index was built for. */
    readonly fingerprint: number,
  ) {
    this.fd = fd;
    this.bytes = new Uint8Array(size);
    this.loaded = new Uint8Array(starts.length);
    this.unread = starts.length;
    readSync(fd, this.bytes, 0, starts[0]!, 0);
    // The index's first page starts after the header line.
    if (this.bytes.indexOf(NEWLINE) !== starts[0]! - 1) this.readWhole();
  }

  /**
   * The pages of `path` by its index at `indexPath`, or undefined when either is missing or the index
   * was built for another version of the file (its length differs).
   */
  static open(path: URL, indexPath: URL): FilePages | undefined {
    let indexBytes: Uint8Array;
    let fd: number;
    try {
      indexBytes = readFileSync(indexPath);
      fd = openSync(path, 'r');
    } catch {
      return undefined;
    }
    const index = new TextDecoder().decode(indexBytes);
    const { size } = fstatSync(fd);
    const lines = index.split('\n');
    if (lines[0] !== `${INDEX_HEADER}${size}` || lines.length < 3) {
      closeSync(fd);
      return undefined;
    }
    const encoder = new TextEncoder();
    const starts: number[] = [];
    const keys: Uint8Array[] = [];
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      const tab = line.indexOf('\t');
      starts.push(Number(line.slice(0, tab)));
      keys.push(encoder.encode(line.slice(tab + 1)));
    }
    return new FilePages(fd, size, starts, keys, bytesHash(indexBytes));
  }

  get stale(): boolean {
    return this.whole;
  }

  narrow(key: Uint8Array, prefix: boolean): [number, number] {
    if (this.whole) return this.wholeSpan();
    // The last page whose first key sorts before `key` (with `prefix`: or starts with it) holds the
    // bound, or it is the next page's first line.
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sortsBefore(this.keys[middle]!, key, prefix)) low = middle + 1;
      else high = middle;
    }
    if (low === 0) return [this.starts[0]!, this.starts[0]!];
    const page = low - 1;
    this.loadPages(page, page);
    // The page read may have shown the index stale: the file is then read whole.
    return this.whole ? this.wholeSpan() : [this.starts[page]!, this.pageEnd(page)];
  }

  /** Every line after the header: the span a search of a file read whole covers. */
  private wholeSpan(): [number, number] {
    return [this.bytes.indexOf(NEWLINE) + 1, this.bytes.length];
  }

  ensure(from: number, to: number): void {
    if (this.unread === 0 || to <= from) return;
    this.loadPages(this.pageAt(from), this.pageAt(to - 1));
  }

  ensureAll(): void {
    if (this.unread > 0) this.loadPages(0, this.starts.length - 1);
  }

  /** Closes the file (pages not read yet can no longer be). */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /**
   * Reads pages first..last that are not read yet, each run of them with one call; once look-ups
   * have read an eighth of the pages one run at a time, every page not read yet. A document's
   * look-ups end up reading the whole CC-CEDICT stem index (mac-dev's, 739 reads of a page), and a
   * read costs a system call and Node's checks on top of the bytes it copies.
   */
  private loadPages(first: number, last: number): void {
    for (let page = first; page <= last; page++) {
      if (this.loaded[page]) continue;
      if (++this.reads > this.starts.length / 8 && (first > 0 || last < this.starts.length - 1)) {
        this.loadPages(0, this.starts.length - 1);
        return;
      }
      let end = page;
      while (end + 1 <= last && !this.loaded[end + 1]) end++;
      // From the newline before the first page, to check that each page starts where the index says.
      this.read(this.starts[page]! - 1, this.pageEnd(end));
      for (let p = page; p <= end; p++) {
        if (!this.startsAsIndexed(p)) {
          this.readWhole();
          return;
        }
      }
      this.loaded.fill(1, page, end + 1);
      this.unread -= end + 1 - page;
      page = end;
    }
    if (this.unread === 0) this.close();
  }

  /** Whether page `p` starts a line with its index key. */
  private startsAsIndexed(p: number): boolean {
    const at = this.starts[p]!;
    const key = this.keys[p]!;
    if (this.bytes[at - 1] !== NEWLINE) return false;
    for (let i = 0; i < key.length; i++) if (this.bytes[at + i] !== key[i]) return false;
    return true;
  }

  private readWhole(): void {
    this.read(0, this.bytes.length);
    this.whole = true;
    this.loaded.fill(1);
    this.unread = 0;
    this.close();
  }

  /** Bytes [from, to) of the file into `bytes`, at their offsets. */
  private read(from: number, to: number): void {
    let done = 0;
    while (done < to - from) {
      const read = readSync(this.fd!, this.bytes, from + done, to - from - done, from + done);
      if (read === 0) throw new Error('a dictionary file in data/ shrank while it was read');
      done += read;
    }
  }

  private pageEnd(page: number): number {
    return page + 1 < this.starts.length ? this.starts[page + 1]! : this.bytes.length;
  }

  /** The page holding byte `at` (the first page for the header). */
  private pageAt(at: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.starts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/**
 * Whether a line with key `lineKey` comes before the bound SortedLines searches for `key`: its key
 * sorts before `key`, or, with `prefix`, starts with it (the same test as SortedLines.bound).
 */
function sortsBefore(lineKey: Uint8Array, key: Uint8Array, prefix: boolean): boolean {
  const n = Math.min(lineKey.length, key.length);
  for (let i = 0; i < n; i++) if (lineKey[i] !== key[i]) return lineKey[i]! < key[i]!;
  if (lineKey.length < key.length) return true;
  return prefix;
}
