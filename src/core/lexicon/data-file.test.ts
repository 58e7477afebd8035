import { describe, expect, it } from 'vitest';
import { openBuiltSortedDataFile, openSortedDataFile, readDataFile } from './data-file.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('readDataFile', () => {
  it('reads the built file when its header is current', () => {
    // npm run build (which npm test runs first) writes data/opencc.txt.
    const bytes = readDataFile(
      'opencc.txt',
      () => 'built in memory\n',
      () => true,
    );
    expect(text(bytes).startsWith('# bitext: opencc-js conversion tables')).toBe(true);
  });

  it('builds the text in memory when the file is missing or from an older build', () => {
    expect(
      text(
        readDataFile(
          'no-such-file.txt',
          () => 'built\n',
          () => true,
        ),
      ),
    ).toBe('built\n');
    const stale = readDataFile(
      'opencc.txt',
      () => 'built\n',
      (header) => header === 'a newer header',
    );
    expect(text(stale)).toBe('built\n');
  });
});

describe('openBuiltSortedDataFile', () => {
  it('opens the built file, and gives nothing (no build) for one from an older build', () => {
    const built = openBuiltSortedDataFile('pinyin-phrases.txt', () => true);
    expect(built?.header().startsWith('# bitext: pinyin-pro phrase patterns')).toBe(true);
    expect(
      openBuiltSortedDataFile('pinyin-phrases.txt', (header) => header === 'a newer header'),
    ).toBeUndefined();
    const rebuilt = openSortedDataFile(
      'pinyin-phrases.txt',
      () => 'a newer header\n重庆\tchong qing\n',
      (header) => header === 'a newer header',
    );
    expect(rebuilt.value(rebuilt.find('重庆'))).toBe('chong qing');
  });
});
