import { describe, expect, it } from 'vitest';
import { BitextError } from './errors.js';

describe('BitextError', () => {
  it('prefixes the message with where the problem is', () => {
    expect(new BitextError('X', 'bad', { file: 'a.tmx', line: 3, column: 7 }).describe()).toBe(
      'a.tmx:3:7: bad',
    );
    expect(new BitextError('X', 'bad', { file: 'a.txt', offset: 12 }).describe()).toBe(
      'a.txt (byte 12): bad',
    );
    expect(new BitextError('X', 'bad', { file: 'a.txt' }).describe()).toBe('a.txt: bad');
    expect(new BitextError('X', 'bad').describe()).toBe('bad');
  });
});
