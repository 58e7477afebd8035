import { describe, expect, it } from 'vitest';
import { copyRow } from './copy-text.js';

describe('copyRow', () => {
  it('escapes what COPY text format gives meaning to, and writes NULL as \\N', () => {
    expect(copyRow(['a\tb', 'line\nnext\r', 'back\\slash', null, 3, 0.5, '\\N'])).toBe(
      'a\\tb\tline\\nnext\\r\tback\\\\slash\t\\N\t3\t0.5\t\\\\N\n',
    );
  });
});
