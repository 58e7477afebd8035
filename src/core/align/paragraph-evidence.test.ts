import { describe, expect, it } from 'vitest';
import {
  alignPinned as align,
  CROSSING_EN as en,
  CROSSING_ZH as zh,
} from '../../../test/support/crossing-lengths.js';

const lengthOnly = { dictionary: false, learned: false, names: false, numbers: false };

describe('paragraph evidence', () => {
  it('keeps beads inside paragraphs where lengths alone would merge across a break', () => {
    const merged = align(zh, en, { evidence: lengthOnly });
    expect(merged[0]!.zh).toEqual([0, 1]);
    const withParagraphs = align(zh, en, {
      evidence: lengthOnly,
      zhParagraphs: [0, 1, 1, 1],
      enParagraphs: [0, 1, 1, 1],
    });
    expect(withParagraphs.slice(0, 2).map((b) => [b.zh, b.en])).toEqual([
      [[0], [0]],
      [[1], [1]],
    ]);
    // Switched off, the paragraph indices are ignored.
    expect(
      align(zh, en, {
        evidence: { ...lengthOnly, paragraphs: false },
        zhParagraphs: [0, 1, 1, 1],
        enParagraphs: [0, 1, 1, 1],
      })[0]!.zh,
    ).toEqual([0, 1]);
  });

  it('charges nothing for crossing line breaks when every line is a sentence (a sentence per line)', () => {
    const lines = { evidence: lengthOnly, zhParagraphs: [0, 1, 2, 3], enParagraphs: [0, 1, 2, 3] };
    expect(align(zh, en, lines).map((b) => [b.zh, b.en])).toEqual(
      align(zh, en, { evidence: lengthOnly }).map((b) => [b.zh, b.en]),
    );
  });
});
