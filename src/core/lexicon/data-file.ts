import { createRequire } from 'node:module';
import { KeyHash } from './key-hash.js';
import { FilePages } from './line-pages.js';
import { SortedLines } from './sorted-lines.js';

const require = createRequire(import.meta.url);

/**
 * A dictionary file `npm run build` writes into data/ (scripts/build-dictionary-index.ts; the same
 * path from src/ and dist/), as bytes. A checkout that has not built it, or whose file an older
 * build wrote (its header line fails `isCurrent`), gets the same text from `build`, made in memory
 * as slowly as before. A plain Uint8Array view: Buffer's own indexOf goes through a JS wrapper at
 * every call, the typed array's is a builtin.
 */
export function readDataFile(
  name: string,
  build: () => string,
  isCurrent: (header: string) => boolean,
): Uint8Array {
  return readBuiltDataFile(name, isCurrent) ?? new TextEncoder().encode(build());
}

/** A data file as `npm run build` wrote it, or undefined when it is missing or an older build wrote it. */
function readBuiltDataFile(name: string, isCurrent: (header: string) => boolean): Uint8Array | undefined {
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(dataFileUrl(name));
  } catch {
    return undefined;
  }
  if (!isCurrent(headerOf(bytes))) return undefined;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/**
 * The data files searched as sorted lines (sorted-lines.ts), with the byte that ends each line's key:
 * what opens them and what writes their page indexes (scripts/build-dictionary-index.ts) read it here.
 * A line of the vocabulary is one word: its key ends at the newline.
 */
export const SORTED_DATA_FILES = {
  'cedict-stems.txt': 0x09,
  'cedict-glosses.txt': 0x09,
  'cedict-vocabulary.txt': 0x0a,
  'jieba-dict.txt': 0x20,
  'opencc.txt': 0x09,
  'pinyin-readings.txt': 0x09,
  'pinyin-phrases.txt': 0x09,
} as const;

export type SortedDataFile = keyof typeof SORTED_DATA_FILES;

/**
 * The files whose keys `npm run build` also indexes by hash (`<name>.hash`, key-hash.ts): those the
 * aligner looks words up in by the thousand. jieba's dictionary, looked up a few hundred times a
 * document, would need a 4 MB index.
 */
export const HASHED_DATA_FILES: ReadonlySet<SortedDataFile> = new Set([
  'cedict-stems.txt',
  'pinyin-readings.txt',
]);

/**
 * A sorted-lines dictionary file (sorted-lines.ts) that `npm run build` writes into data/ with its page
 * index (`<name>.pages`, line-pages.ts): its pages are read as look-ups reach them. Without a current
 * index it is read whole, and without a current file built in memory, as readDataFile does.
 */
export function openSortedDataFile(
  name: SortedDataFile,
  build: () => string,
  isCurrent: (header: string) => boolean,
): SortedLines {
  return (
    openBuiltSortedDataFile(name, isCurrent) ??
    new SortedLines(new TextEncoder().encode(build()), SORTED_DATA_FILES[name])
  );
}

/** openSortedDataFile's file as `npm run build` wrote it, or undefined when there is none current. */
export function openBuiltSortedDataFile(
  name: SortedDataFile,
  isCurrent: (header: string) => boolean,
): SortedLines | undefined {
  const separator = SORTED_DATA_FILES[name];
  const pages = FilePages.open(dataFileUrl(name), dataFileUrl(`${name}.pages`));
  if (pages && isCurrent(headerOf(pages.bytes))) {
    const hash = HASHED_DATA_FILES.has(name)
      ? KeyHash.open(dataFileUrl(`${name}.hash`), pages.bytes.length, pages.fingerprint)
      : undefined;
    return new SortedLines(pages.bytes, separator, pages, hash);
  }
  pages?.close();
  const bytes = readBuiltDataFile(name, isCurrent);
  return bytes ? new SortedLines(bytes, separator) : undefined;
}

/** Where `npm run build` writes a data file (the same from src/ and dist/). */
export function dataFileUrl(name: string): URL {
  return new URL(`../../../data/${name}`, import.meta.url);
}

/** A file's first line, decoded. */
function headerOf(bytes: Uint8Array): string {
  const newline = bytes.indexOf(0x0a);
  return new TextDecoder().decode(bytes.subarray(0, newline < 0 ? bytes.length : newline));
}
