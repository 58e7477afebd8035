import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bead } from '../types.js';
import { alignSentences } from './index.js';

function expectCoverage(beads: readonly Bead[], zhCount: number, enCount: number): void {
  expect(beads.flatMap((b) => b.zh)).toEqual([...Array(zhCount).keys()]);
  expect(beads.flatMap((b) => b.en)).toEqual([...Array(enCount).keys()]);
  for (const bead of beads) {
    expect(bead.zh.length + bead.en.length).toBeGreaterThan(0);
    expect(bead.confidence).toBeGreaterThanOrEqual(0);
    expect(bead.confidence).toBeLessThanOrEqual(1);
  }
}

describe('alignSentences', () => {
  it('aligns empty sides as 1-0 or 0-1 beads', () => {
    expect(alignSentences([], [])).toEqual([]);
    expect(alignSentences(['你好。', '再见。'], []).map((b) => [b.zh, b.en])).toEqual([
      [[0], []],
      [[1], []],
    ]);
    expect(alignSentences([], ['Hi.']).map((b) => [b.zh, b.en])).toEqual([[[], [0]]]);
  });

  it('covers every sentence of both sides once, in order, for any lengths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 12 }),
        fc.array(fc.string({ minLength: 1, maxLength: 60 }), { maxLength: 12 }),
        (zh, en) =>
          expectCoverage(
            alignSentences(zh, en, { evidence: { dictionary: false, learned: false } }),
            zh.length,
            en.length,
          ),
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the coverage invariant on long inputs searched coarse-to-fine', () => {
    const zh = Array.from({ length: 700 }, (_, i) => '这是一个句子。'.repeat(1 + (i % 5)));
    const en = Array.from({ length: 760 }, (_, i) => 'This is a sentence. '.repeat(1 + (i % 4)));
    expectCoverage(
      alignSentences(zh, en, { evidence: { dictionary: false, learned: false } }),
      zh.length,
      en.length,
    );
  });

  it('rejects paragraph indices that do not match the sentences', () => {
    expect(() =>
      alignSentences(['一。', '二。'], ['One.'], { zhParagraphs: [0], enParagraphs: [0] }),
    ).toThrow(/zhParagraphs has 1 entries, expected one per sentence \(2\)/);
  });

  it('uses lengths: a long sentence pairs with the two English sentences of matching length', () => {
    const zh = ['短句。', '这是一个非常长的句子，里面有很多很多的字，需要两句英文来翻译它才对。', '短句。'];
    const en = [
      'Short one.',
      'This is a very long sentence with a great many words in it,',
      'and it takes two English sentences to translate it properly.',
      'Short one.',
    ];
    const beads = alignSentences(zh, en, { evidence: { dictionary: false, learned: false } });
    expect(beads.map((b) => [b.zh, b.en])).toEqual([
      [[0], [0]],
      [[1], [1, 2]],
      [[2], [3]],
    ]);
  });
});
