import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../../../test/helpers.js';
import {
  sortedLineKeys as keys,
  rebuiltToSameLength,
  sortedLinesFile,
} from '../../../test/support/sorted-keys.js';
import { buildKeyHash, bytesHash, KeyHash } from './key-hash.js';
import { buildPageIndex, FilePages } from './line-pages.js';
import { SortedLines } from './sorted-lines.js';

const tempDir = tempDirsPerTest('bitext-hash-');

/** A file on disk with its page index and hash index, opened page by page, and the same bytes whole. */
function hashed(
  name: string,
  rows: readonly string[],
): { table: SortedLines; whole: SortedLines; file: string } {
  const bytes = sortedLinesFile(rows);
  const file = path.join(tempDir(), name);
  writeFileSync(file, bytes);
  const pages = new TextEncoder().encode(buildPageIndex(bytes, 0x09, 64));
  writeFileSync(`${file}.pages`, pages);
  writeFileSync(`${file}.hash`, buildKeyHash(bytes, 0x09, bytesHash(pages)));
  const opened = FilePages.open(pathToFileURL(file), pathToFileURL(`${file}.pages`))!;
  const hash = KeyHash.open(pathToFileURL(`${file}.hash`), opened.bytes.length, opened.fingerprint);
  expect(hash).toBeDefined();
  return {
    table: new SortedLines(opened.bytes, 0x09, opened, hash),
    whole: new SortedLines(bytes, 0x09),
    file,
  };
}

describe('KeyHash: exact look-ups by the keys’ hash', () => {
  const words = keys(600, 7);
  // Two lines for some keys: the first of them is the one found, as a binary search finds it.
  const rows = [...words.map((key, i) => `${key}\tvalue ${i}`), `${words[3]}\tsecond`, `${words[9]}\tsecond`];

  it('finds the line a binary search of the whole file finds, for every key and missing key', () => {
    const { table, whole } = hashed('keys.txt', rows);
    const prefixes = words.map((word) => word.slice(0, -1));
    for (const key of [...words, ...prefixes, ...keys(300, 11), '', 'zz', '老老老老老', '\uD840']) {
      const at = table.find(key);
      expect(at, key).toBe(whole.find(key));
      if (at >= 0) expect(table.value(at)).toBe(whole.value(at));
    }
    expect(table.value(table.find(words[3]!))).toBe('value 3');
  });

  it('is not used for another version of its file or page index, or another format', () => {
    const { file } = hashed('versions.txt', rows);
    const hashFile = pathToFileURL(`${file}.hash`);
    const pages = FilePages.open(pathToFileURL(file), pathToFileURL(`${file}.pages`))!;
    expect(KeyHash.open(hashFile, pages.bytes.length + 1, pages.fingerprint)).toBeUndefined();
    expect(KeyHash.open(hashFile, pages.bytes.length, pages.fingerprint ^ 1)).toBeUndefined();
    expect(
      KeyHash.open(pathToFileURL(`${file}.missing`), pages.bytes.length, pages.fingerprint),
    ).toBeUndefined();
    const bytes = new Uint8Array(readFileSync(`${file}.hash`));
    expect(KeyHash.of(bytes, pages.bytes.length, pages.fingerprint)).toBeDefined();
    expect(
      KeyHash.of(bytes.subarray(0, bytes.length - 4), pages.bytes.length, pages.fingerprint),
    ).toBeUndefined();
    bytes[0] = bytes[0]! ^ 0xff;
    expect(KeyHash.of(bytes, pages.bytes.length, pages.fingerprint)).toBeUndefined();
  });

  it('gives way to the binary search when the file was rebuilt to the same length without its indexes', () => {
    const { file } = hashed('rebuilt.txt', rows);
    const after = rebuiltToSameLength(rows);
    expect(after.length).toBe(readFileSync(file).length);
    writeFileSync(file, after);
    const pages = FilePages.open(pathToFileURL(file), pathToFileURL(`${file}.pages`))!;
    const hash = KeyHash.open(pathToFileURL(`${file}.hash`), pages.bytes.length, pages.fingerprint);
    const table = new SortedLines(pages.bytes, 0x09, pages, hash);
    const whole = new SortedLines(after, 0x09);
    for (const key of words.slice(0, 80)) {
      expect(table.find(key), key).toBe(whole.find(key));
      expect(table.value(table.find(key))).toBe(whole.value(whole.find(key)));
    }
  });
});
