import { describe, expect, it } from 'vitest';
import { type AlignOptions, alignSentences } from './index.js';

// The case needs lengths that merge two 1-1 beads into a 2-2; pin the 2-2 surcharge and the length
// weight (tuned on the dev sets and free to change) at the values the case was built with, for
// these calls only.
const align = (zh: readonly string[], en: readonly string[], options: AlignOptions = {}) =>
  alignSentences(zh, en, { ...options, tuning: { manyToManyCost: 2, weights: { length: { weight: 1 } } } });

// The translator expanded the first sentence and compressed the second, so their lengths cross:
// lengths alone merge them into one 2-2 bead; the dictionary (老师 teacher, 学生 student, 雨 rain,
// 家 home) keeps them apart.
const zh = ['老师来了。', '学生们在教室里安静地读书写字，外面的雨一直下个不停。', '天黑了。', '我们回家吧。'];
const en = [
  'The old teacher came in with a kind smile on her face.',
  'The students read quietly, and it kept raining.',
  'Night came.',
  "Let's go home.",
];
const asPairs = (beads: ReturnType<typeof alignSentences>) => beads.map((b) => [b.zh, b.en]);

describe('dictionary evidence', () => {
  it('aligns by CC-CEDICT translations where lengths mislead', () => {
    const lengthOnly = align(zh, en, { evidence: { dictionary: false, learned: false } });
    expect(asPairs(lengthOnly)[0]).toEqual([
      [0, 1],
      [0, 1],
    ]);
    const withDictionary = align(zh, en, { evidence: { learned: false } });
    expect(asPairs(withDictionary)).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
      [[3], [3]],
    ]);
  });

  it('aligns Traditional Chinese like Simplified', () => {
    const traditional = [
      '老師來了。',
      '學生們在教室裡安靜地讀書寫字，外面的雨一直下個不停。',
      '天黑了。',
      '我們回家吧。',
    ];
    expect(asPairs(align(traditional, en, { evidence: { learned: false } }))).toEqual(
      asPairs(align(zh, en, { evidence: { learned: false } })),
    );
  });
});
