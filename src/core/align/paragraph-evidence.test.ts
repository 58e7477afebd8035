import { describe, expect, it } from 'vitest';
import { type AlignOptions, alignSentences } from './index.js';

// The case needs lengths that merge two 1-1 beads into a 2-2; pin the 2-2 surcharge and the length
// weight (tuned on the dev sets and free to change) at the values the case was built with, for
// these calls only.
const align = (zh: readonly string[], en: readonly string[], options: AlignOptions = {}) =>
  alignSentences(zh, en, { ...options, tuning: { manyToManyCost: 2, weights: { length: { weight: 1 } } } });

// Lengths that cross: the first zh sentence is short and its translation long, the second the
// reverse, so lengths alone merge them into one 2-2 bead.
const zh = ['老师来了。', '学生们在教室里安静地读书写字，外面的雨一直下个不停。', '天黑了。', '我们回家吧。'];
const en = [
  'The old teacher came in with a kind smile on her face.',
  'The students read quietly, and it kept raining.',
  'Night came.',
  "Let's go home.",
];
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
