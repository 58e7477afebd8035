/**
 * A hash index of a sorted-lines data file's keys (sorted-lines.ts), written with it by `npm run
 * build` (`<file>.hash`): an exact look-up is a hash of the key and a probe or two, where a binary
 * search compared ~17 lines (a page's index, then the page). Over mac-dev the aligner looks up
 * ~14,000 words in CC-CEDICT's stem index; in a fresh process the binary search cost about 8% of the
 * alignment's CPU, half of it V8 compiling the search into every caller.
 *
 * The file: a header of five little-endian 32-bit numbers (magic, version, the data file's length,
 * a fingerprint of its page index, the slot count, a power of two), then the slots: a line's start
 * + 1 (0: empty), placed by the key's hash with linear probing, in the file's line order, so that
 * of equal keys the first line is found first, as a binary search finds it.
 */

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const MAGIC = 0x48585442; // "BTXH"
const VERSION = 1;
const HEADER_WORDS = 5;
const NEWLINE = 0x0a;

/** FNV-1a (32 bits) over a string's UTF-16 code units. */
export function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < key.length; k++) hash = Math.imul(hash ^ key.charCodeAt(k), 0x01000193);
  return hash >>> 0;
}

/** FNV-1a (32 bits) over bytes: a page index's fingerprint. */
export function bytesHash(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < bytes.length; k++) hash = Math.imul(hash ^ bytes[k]!, 0x01000193);
  return hash >>> 0;
}

/**
 * The hash index of `file` (a sorted-lines file, header line first; keys end at `separator` or the
 * newline), whose page index has the fingerprint `pagesFingerprint` (bytesHash of its bytes).
 */
export function buildKeyHash(file: Uint8Array, separator: number, pagesFingerprint: number): Uint8Array {
  const decoder = new TextDecoder();
  const starts: number[] = [];
  const hashes: number[] = [];
  let at = file.indexOf(NEWLINE) + 1;
  while (at > 0 && at < file.length) {
    const newline = file.indexOf(NEWLINE, at);
    const lineEnd = newline < 0 ? file.length : newline;
    let keyEnd = file.indexOf(separator, at);
    if (keyEnd < 0 || keyEnd > lineEnd) keyEnd = lineEnd;
    starts.push(at);
    hashes.push(keyHash(decoder.decode(file.subarray(at, keyEnd))));
    at = lineEnd + 1;
  }
  // At most half the slots full: an absent key's probe run stays short.
  let slotCount = 1;
  while (slotCount < 2 * starts.length) slotCount *= 2;
  const words = new Uint32Array(HEADER_WORDS + slotCount);
  words.set([MAGIC, VERSION, file.length, pagesFingerprint, slotCount]);
  const mask = slotCount - 1;
  starts.forEach((start, line) => {
    let slot = hashes[line]! & mask;
    while (words[HEADER_WORDS + slot] !== 0) slot = (slot + 1) & mask;
    words[HEADER_WORDS + slot] = start + 1;
  });
  // Little-endian on disk: the machines Node runs on are.
  return new Uint8Array(words.buffer);
}

/** Slots read at a time: 4 KB, the system's page (the sample reads a few dozen pages, mac-dev all). */
const PAGE_SLOTS = 1024;

/** The slots of a hash index, read from its file a page at a time, as probes reach them. */
export class KeyHash {
  private readonly slots: Uint32Array;
  private readonly mask: number;
  private readonly loaded: Uint8Array;
  private unread: number;

  private constructor(
    slotCount: number,
    private fd: number | undefined,
    slots?: Uint32Array,
  ) {
    this.slots = slots ?? new Uint32Array(slotCount);
    this.mask = slotCount - 1;
    const pages = Math.ceil(slotCount / PAGE_SLOTS);
    this.loaded = new Uint8Array(pages).fill(fd === undefined ? 1 : 0);
    this.unread = fd === undefined ? 0 : pages;
  }

  /**
   * The index in the file at `path`, or undefined when there is none, or it is not of this version
   * or was built for another version of its data file (length) or page index (fingerprint).
   */
  static open(path: URL, fileLength: number, pagesFingerprint: number): KeyHash | undefined {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return undefined;
    }
    const header = new Uint32Array(HEADER_WORDS);
    const read = readSync(fd, new Uint8Array(header.buffer), 0, 4 * HEADER_WORDS, 0);
    const slotCount = read === 4 * HEADER_WORDS ? validSlotCount(header, fileLength, pagesFingerprint) : 0;
    if (slotCount === 0 || fstatSync(fd).size !== 4 * (HEADER_WORDS + slotCount)) {
      closeSync(fd);
      return undefined;
    }
    return new KeyHash(slotCount, fd);
  }

  /** The index in `bytes` (a whole `.hash` file), checked as `open` checks it. */
  static of(bytes: Uint8Array, fileLength: number, pagesFingerprint: number): KeyHash | undefined {
    if (bytes.length % 4 !== 0 || bytes.length < 4 * HEADER_WORDS) return undefined;
    const words = new Uint32Array(bytes.slice().buffer);
    const slotCount = validSlotCount(words, fileLength, pagesFingerprint);
    if (slotCount === 0 || words.length !== HEADER_WORDS + slotCount) return undefined;
    return new KeyHash(slotCount, undefined, words.subarray(HEADER_WORDS));
  }

  /** Where the probe for `key` starts. */
  firstSlot(key: string): number {
    return keyHash(key) & this.mask;
  }

  nextSlot(slot: number): number {
    return (slot + 1) & this.mask;
  }

  /** The start of the line in `slot`, or −1 when it is empty (the probe ends: no such key). */
  lineAt(slot: number): number {
    const page = Math.floor(slot / PAGE_SLOTS);
    if (this.loaded[page] === 0) this.load(page);
    return this.slots[slot]! - 1;
  }

  private load(page: number): void {
    const from = page * PAGE_SLOTS;
    const count = Math.min(PAGE_SLOTS, this.slots.length - from);
    const into = new Uint8Array(this.slots.buffer, 4 * from, 4 * count);
    let done = 0;
    while (done < into.length) {
      const read = readSync(this.fd!, into, done, into.length - done, 4 * (HEADER_WORDS + from) + done);
      if (read === 0) throw new Error('a hash index in data/ shrank while it was read');
      done += read;
    }
    this.loaded[page] = 1;
    if (--this.unread === 0) {
      closeSync(this.fd!);
      this.fd = undefined;
    }
  }
}

/** The slot count a header gives when it is this version's, for this file and page index; else 0. */
function validSlotCount(header: Uint32Array, fileLength: number, pagesFingerprint: number): number {
  const [magic, version, length, fingerprint, slotCount = 0] = header;
  if (magic !== MAGIC || version !== VERSION || length !== fileLength || fingerprint !== pagesFingerprint)
    return 0;
  return slotCount > 0 && (slotCount & (slotCount - 1)) === 0 ? slotCount : 0;
}
