import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../../../test/helpers.js';
import {
  sortedLineKeys as keys,
  rebuiltToSameLength,
  sortedLinesFile,
} from '../../../test/support/sorted-keys.js';
import { buildPageIndex, FilePages } from './line-pages.js';
import { SortedLines } from './sorted-lines.js';

const tempDir = tempDirsPerTest('bitext-pages-');

/** A sorted-lines file on disk with its page index (pages of `pageBytes`), opened page by page. */
function paged(
  lines: string[],
  pageBytes: number,
): { table: SortedLines; whole: SortedLines; pages: FilePages } {
  const bytes = sortedLinesFile(lines);
  const file = path.join(tempDir(), `f${pageBytes}-${lines.length}.txt`);
  writeFileSync(file, bytes);
  writeFileSync(`${file}.pages`, buildPageIndex(bytes, 0x09, pageBytes));
  const pages = FilePages.open(pathToFileURL(file), pathToFileURL(`${file}.pages`))!;
  return { table: new SortedLines(pages.bytes, 0x09, pages), whole: new SortedLines(bytes, 0x09), pages };
}

const unread = (bytes: Uint8Array) => bytes.reduce((n, byte) => n + (byte === 0 ? 1 : 0), 0);

describe('FilePages: a sorted-lines file read a page at a time', () => {
  const words = keys(600, 7);
  const lines = words.map((key, i) => `${key}\tvalue ${i}`);

  it('finds what the whole file finds, for every key, prefix and missing key, at any page size', () => {
    for (const pageBytes of [16, 64, 4096]) {
      const { table, whole } = paged(lines, pageBytes);
      expect(table.header()).toBe('# header');
      for (const key of [...words, ...keys(300, 11), '', 'zz', '老老老老老']) {
        const at = table.find(key);
        expect(at).toBe(whole.find(key));
        if (at >= 0) expect(table.value(at)).toBe(whole.value(at));
        const [start, end] = table.range(key);
        expect([start, end]).toEqual(whole.range(key));
        // The span is read: its lines are there, as in the whole file.
        expect(table.bytes.subarray(start, end)).toEqual(whole.bytes.subarray(start, end));
      }
    }
  });

  it('reads only the pages a look-up reaches', () => {
    const { table, pages } = paged(lines, 64);
    const before = unread(pages.bytes);
    expect(table.value(table.find(words[0]!))).toBe('value 0');
    const read = before - unread(pages.bytes);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(400);
    expect(table.allBytes()).toEqual(paged(lines, 4096).whole.bytes);
  });

  it('reads every page once look-ups have read an eighth of them one at a time', () => {
    const { table, pages, whole } = paged(lines, 64);
    const pageCount = buildPageIndex(whole.bytes, 0x09, 64).split('\n').length - 2;
    const wordsByPage = words.filter((_, i) => i % 5 === 0);
    let looked = 0;
    for (const key of wordsByPage) {
      if (unread(pages.bytes) === 0) break;
      expect(table.find(key)).toBe(whole.find(key));
      looked++;
    }
    expect(unread(pages.bytes)).toBe(0);
    expect(looked).toBeGreaterThan(pageCount / 16);
    expect(looked).toBeLessThan(pageCount / 2);
    expect(table.allBytes()).toEqual(whole.bytes);
  });

  it('searches a file rebuilt to the same length without its index as the whole file', () => {
    const file = path.join(tempDir(), 'same-length.txt');
    const before = sortedLinesFile(lines);
    writeFileSync(`${file}.pages`, buildPageIndex(before, 0x09, 64));
    // The same header and size, but the index's pages no longer start on its keys.
    const after = rebuiltToSameLength(lines);
    expect(after.length).toBe(before.length);
    writeFileSync(file, after);
    const pages = FilePages.open(pathToFileURL(file), pathToFileURL(`${file}.pages`))!;
    const table = new SortedLines(pages.bytes, 0x09, pages);
    const whole = new SortedLines(after, 0x09);
    for (const key of words.slice(0, 50)) {
      expect(table.find(key)).toBe(whole.find(key));
      expect(table.value(table.find(key))).toBe(whole.value(whole.find(key)));
    }
  });

  it('is not used for another version of the file', () => {
    const file = path.join(tempDir(), 'stale.txt');
    const bytes = sortedLinesFile(lines);
    writeFileSync(`${file}.pages`, buildPageIndex(bytes, 0x09, 64));
    writeFileSync(file, `${new TextDecoder().decode(bytes)}extra\tline\n`);
    expect(FilePages.open(pathToFileURL(file), pathToFileURL(`${file}.pages`))).toBeUndefined();
    expect(FilePages.open(pathToFileURL(`${file}.missing`), pathToFileURL(`${file}.pages`))).toBeUndefined();
  });
});
