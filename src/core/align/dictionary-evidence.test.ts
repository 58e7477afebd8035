import { describe, expect, it } from 'vitest';
import {
  alignPinned as align,
  CROSSING_EN as en,
  CROSSING_ZH as zh,
} from '../../../test/support/crossing-lengths.js';
import type { alignSentences } from './index.js';

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
