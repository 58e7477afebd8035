import { describe, expect, it } from 'vitest';
import { readDataFile } from './data-file.js';

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
