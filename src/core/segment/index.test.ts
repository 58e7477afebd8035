import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../types.js';
import { splitSentences } from './index.js';

const tricky = [
  'Mr. ',
  'U.S. ',
  'p.m. ',
  'etc. ',
  'No. ',
  '3.14',
  '... ',
  '…',
  '?! ',
  '"',
  "'",
  '“',
  '”',
  '」',
  '）',
  ')',
  '。',
  '！',
  '？',
  '；',
  '……',
  '——',
  ' . . . ',
  'He ',
  'the ',
  'I ',
  '1. ',
  '他说：',
  '你好',
  '.',
  '!',
  '?',
  ' ',
  '\t',
  '\u3000',
  'A',
  'a',
  '5',
  '-',
  '—',
];
const paragraph = fc
  .array(
    fc.oneof(
      fc.constantFrom(...tricky),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    ),
    {
      maxLength: 30,
    },
  )
  .map((parts) => parts.join(''));

describe('splitSentences', () => {
  for (const lang of ['zh', 'en'] as Lang[]) {
    it(`is lossless and gives no empty piece (${lang})`, () => {
      fc.assert(
        fc.property(paragraph, (text) => {
          const pieces = splitSentences(text, lang);
          expect(pieces.join('')).toBe(text);
          for (const piece of pieces) expect(piece).not.toBe('');
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('gives nothing for an empty paragraph and the paragraph for one sentence', () => {
    expect(splitSentences('', 'en')).toEqual([]);
    expect(splitSentences('', 'zh')).toEqual([]);
    expect(splitSentences('No full stop here', 'en')).toEqual(['No full stop here']);
    expect(splitSentences('   ', 'zh')).toEqual(['   ']);
  });

  it('keeps the spaces after a sentence on that sentence, leading spaces on the first', () => {
    expect(splitSentences('  One.   Two.  ', 'en')).toEqual(['  One.   ', 'Two.  ']);
  });
});
