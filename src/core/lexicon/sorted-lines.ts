/**
 * A dictionary file searched in place: UTF-8 lines `key<separator>value`, sorted by the bytes of
 * their keys (UTF-8 byte order is code-point order), after one header line. Nothing is decoded or
 * built up front: a look-up is a binary search over the bytes, each probe moved back to the start of
 * its line, and only the value found is decoded. Reading a prebuilt file this way costs a few
 * milliseconds where parsing it into a Map cost a tenth of a second at every start. A file read from
 * disk comes with its pages (line-pages.ts), read as the search reaches them, and a file looked up by
 * the thousand with its keys' hash index (key-hash.ts), which answers an exact look-up (`find`).
 */

import type { KeyHash } from './key-hash.js';

const NEWLINE = 0x0a;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The pages of a file not read whole: `bytes` holds the header, and other lines only where a call
 * below has read them. Pages hold whole lines.
 */
export interface LinePages {
  /**
   * Reads the page where the bound of `key` (SortedLines.bound) is and gives the span the bound is
   * in: that page's lines and the next page's start (not read).
   */
  narrow(key: Uint8Array, prefix: boolean): [number, number];
  /** Reads the pages that bytes [from, to) are on. */
  ensure(from: number, to: number): void;
  /** Reads every page. */
  ensureAll(): void;
  /** Whether a page read showed the index stale (the file was then read whole). */
  readonly stale: boolean;
}

export class SortedLines {
  /** Where the first line after the header starts. */
  readonly firstLine: number;

  constructor(
    readonly bytes: Uint8Array,
    private readonly separator: number,
    private readonly pages?: LinePages,
    /** The keys' hash index (key-hash.ts), for exact look-ups; it comes with the pages it indexes. */
    private readonly hash?: KeyHash,
  ) {
    this.firstLine = bytes.indexOf(NEWLINE) + 1;
  }

  /** The bytes with every line read (the whole file, for a caller that walks all of it). */
  allBytes(): Uint8Array {
    this.pages?.ensureAll();
    return this.bytes;
  }

  /** The header line (without its newline). */
  header(): string {
    return decoder.decode(this.bytes.subarray(0, Math.max(0, this.firstLine - 1)));
  }

  /** Where the line after the one starting at `start` starts (or the end). */
  lineEnd(start: number): number {
    const newline = this.bytes.indexOf(NEWLINE, start);
    return newline < 0 ? this.bytes.length : newline + 1;
  }

  /**
   * The first line whose key is not below `key` (or, with `prefix`, the first whose key neither
   * starts with `key` nor is below it): the lower or upper bound of a binary search.
   */
  private bound(key: Uint8Array, prefix: boolean): number {
    let [low, high] = this.pages ? this.pages.narrow(key, prefix) : [this.firstLine, this.bytes.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      // `low` starts a line; the newline before it may be on a page not read.
      const start = Math.max(low, this.bytes.lastIndexOf(NEWLINE, middle - 1) + 1);
      const order = this.compare(start, key, prefix);
      if (order < 0 || (prefix && order === 0)) low = this.lineEnd(start);
      else high = start;
    }
    return low;
  }

  /**
   * The key of the line at `at` against `key`: negative, 0 or positive. With `prefix`, a key that
   * starts with `key` counts as equal.
   */
  private compare(at: number, key: Uint8Array, prefix: boolean): number {
    const bytes = this.bytes;
    for (let k = 0; k < key.length; k++, at++) {
      const byte = bytes[at]!;
      if (byte === this.separator || byte === NEWLINE) return -1;
      const difference = byte - key[k]!;
      if (difference !== 0) return difference;
    }
    return prefix || bytes[at] === this.separator ? 0 : 1;
  }

  /** Start of the line whose key is `key`, or −1. */
  find(key: string): number {
    if (this.hash) {
      const found = this.hashed(key, this.hash);
      // A page read may have shown the page index stale (LinePages.stale), and the hash with it.
      if (!this.pages?.stale) return found;
    }
    const bytes = utf8(key);
    const start = this.bound(bytes, false);
    this.pages?.ensure(start, start + 1);
    return start < this.bytes.length && this.compare(start, bytes, false) === 0 ? start : -1;
  }

  /** find by the hash index: the first line of the probe whose key is `key`. */
  private hashed(key: string, hash: KeyHash): number {
    for (let slot = hash.firstSlot(key); ; slot = hash.nextSlot(slot)) {
      const start = hash.lineAt(slot);
      if (start < 0) return -1;
      this.pages?.ensure(start, start + 1);
      if (this.keyAt(start) === key) return start;
    }
  }

  /**
   * The key of the line at `start`, decoded, or undefined when the line has no separator (`compare`
   * reads no key there either). Decoding valid UTF-8 is one-to-one: the strings are equal when the
   * bytes are.
   */
  private keyAt(start: number): string | undefined {
    const end = this.bytes.indexOf(this.separator, start);
    if (end < 0 || this.bytes.lastIndexOf(NEWLINE, end - 1) >= start) return undefined;
    return decoder.decode(this.bytes.subarray(start, end));
  }

  /** The byte span [start, end) of the lines whose keys start with `prefix`, read. */
  range(prefix: string): [number, number] {
    const bytes = utf8(prefix);
    const span: [number, number] = [this.bound(bytes, false), this.bound(bytes, true)];
    this.pages?.ensure(span[0], span[1]);
    return span;
  }

  /** The whole line starting at `start`, decoded (without its newline). */
  line(start: number): string {
    const end = this.lineEnd(start);
    return decoder.decode(
      this.bytes.subarray(start, end > start && this.bytes[end - 1] === NEWLINE ? end - 1 : end),
    );
  }

  /** The value of the line starting at `start`: what follows the separator, decoded. */
  value(start: number): string {
    const separator = this.bytes.indexOf(this.separator, start);
    const end = this.lineEnd(start);
    const stop = end > start && this.bytes[end - 1] === NEWLINE ? end - 1 : end;
    return separator < 0 || separator >= stop ? '' : decoder.decode(this.bytes.subarray(separator + 1, stop));
  }
}

/** A short key's UTF-8 bytes: TextEncoder's call costs more than the encoding of a word. */
function utf8(text: string): Uint8Array {
  if (text.length > 16) return encoder.encode(text);
  const bytes: number[] = [];
  for (const char of text) {
    const c = char.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(bytes);
}

/**
 * Lines sorted as SortedLines searches them: by the bytes of their keys (the text up to the first
 * `separator`). Used at build time, and when a checkout has not built its data files yet.
 */
export function sortLinesByKey(lines: readonly string[], separator: string): string[] {
  const keyed = lines.map((line) => {
    const cut = line.indexOf(separator);
    return { line, key: encoder.encode(cut < 0 ? line : line.slice(0, cut)) };
  });
  keyed.sort((a, b) => compareBytes(a.key, b.key));
  return keyed.map((k) => k.line);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** The code point of the UTF-8 sequence starting at `i`; utf8Width(bytes[i]) bytes long. */
export function utf8CodePointAt(bytes: Uint8Array, i: number): number {
  const byte = bytes[i]!;
  if (byte < 0x80) return byte;
  if (byte < 0xe0) return ((byte & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
  if (byte < 0xf0) return ((byte & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
  return (
    ((byte & 0x07) << 18) |
    ((bytes[i + 1]! & 0x3f) << 12) |
    ((bytes[i + 2]! & 0x3f) << 6) |
    (bytes[i + 3]! & 0x3f)
  );
}

/** How many bytes the UTF-8 sequence starting with `byte` takes. */
export function utf8Width(byte: number): number {
  return byte < 0x80 ? 1 : byte < 0xe0 ? 2 : byte < 0xf0 ? 3 : 4;
}
