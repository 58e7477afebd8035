import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermCounts } from './term-counts.js';
import { base36, ftsTerm, maskedHash, maskedHashByRegex, sameMaskedTerm, storedTerms } from './term-index.js';

const pieces = ['1', '2', '0', '.', ',', ' ', 'a', '年', '重', '-', '\uE000'];
const numberText = fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((parts) => parts.join(''));

describe('maskedHash', () => {
  it('equals the hash of the masked text built by regex, with and without spaces', () => {
    fc.assert(
      fc.property(numberText, fc.boolean(), (text, dropSpaces) => {
        expect(maskedHash(text, dropSpaces)).toBe(maskedHashByRegex(text, dropSpaces));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives sides that differ only in their numbers the same term', () => {
    expect(sameMaskedTerm('重庆市2020年外事', 'zh')).toBe(sameMaskedTerm('重庆市2,021.5年外事', 'zh'));
    expect(sameMaskedTerm('in 2020 we met', 'en')).not.toBe(sameMaskedTerm('in 2020 they met', 'en'));
  });
});

describe('base36', () => {
  it('writes what Number#toString(36) writes, for every safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(base36('x', n)).toBe(`x${n.toString(36)}`);
      }),
      { numRuns: 5000 },
    );
    for (const n of [0, 35, 36, 2 ** 53 - 1]) expect(base36('', n)).toBe(n.toString(36));
  });
});

describe('storedTerms and TermCounts', () => {
  it('keeps each term once', () => {
    expect([...storedTerms('the wto and the un met in 2020', 'en')]).toEqual([
      'the',
      'wto',
      'and',
      'un',
      'met',
      'in',
      '2020',
    ]);
    expect([...storedTerms('外事外事', 'zh')]).toEqual(['外事', '事外']);
  });

  it('writes the storedTerms of both sides, whatever the text (Han keyed by code units or not)', () => {
    const piece = fc.constantFrom('重', '慶', '市', '𠀀', 'a', 'é', '1', ' ', '。', 'wto', 'the');
    const text = fc.array(piece, { maxLength: 20 }).map((parts) => parts.join(''));
    const counts = new TermCounts();
    fc.assert(
      fc.property(text, text, (zh, en) => {
        const expected = [
          ...[...storedTerms(zh, 'zh')].map((t) => ftsTerm(t, 'zh')),
          ...[...storedTerms(en, 'en')].map((t) => ftsTerm(t, 'en')),
        ];
        expect(counts.document(zh, en).split(' ').slice(2)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes each distinct term of a unit once and counts units, not occurrences', () => {
    const counts = new TermCounts();
    const first = counts.document('外事外事', 'the wto and the wto');
    expect(first.split(' ').slice(2)).toEqual(['外事', '事外', 'ethe', 'ewto', 'eand']);
    counts.document('外事', 'wto met');
    const drained = [...counts.drain()].map(({ lang, term, units }) => `${lang}:${term}=${units}`);
    expect(drained.sort()).toEqual([
      'en:and=1',
      'en:met=1',
      'en:the=1',
      'en:wto=2',
      'zh:事外=1',
      'zh:外事=2',
    ]);
    expect(counts.size).toBe(0);
  });
});
