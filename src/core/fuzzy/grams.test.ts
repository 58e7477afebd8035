import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseTermsByRegex, indexTerms } from './grams.js';
import { foldHan } from './normalize.js';

// Han (BMP and beyond), Latin with a combining mark, digits, punctuation and spaces: the cases where
// the one-pass scanner and the regex could part ways.
const pieces = [
  '重',
  '慶',
  '市',
  '年',
  '〇',
  '々',
  '𠀀',
  'a',
  'W',
  'é',
  '\u0301',
  '1',
  '9',
  '.',
  ',',
  ' ',
  '。',
  '-',
];
const mixedText = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));

describe('indexTerms (zh)', () => {
  it('gives what the regex definition gives', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        expect(indexTerms(text, 'zh')).toEqual(chineseTermsByRegex(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('makes bigrams of Han runs and keeps Latin runs, digits and lone characters whole', () => {
    expect(indexTerms('wto会议在2020年', 'zh')).toEqual(['wto会议在', '2020', '年']);
    expect(indexTerms('会议在2020年', 'zh')).toEqual(['会议', '议在', '2020', '年']);
  });
});

describe('foldHan', () => {
  it('returns Simplified text unchanged and folds Traditional text by phrases', () => {
    const simplified = '王广成汇报了重庆市外事工作情况';
    expect(foldHan(simplified)).toBe(simplified);
    expect(foldHan('王廣成匯報了重慶市外事工作情況')).toBe(simplified);
    expect(foldHan('abc 123')).toBe('abc 123');
  });
});
