import { describe, expect, it } from 'vitest';
import { coverageRatioCost } from './coverage.js';
import { chineseContentWords } from './dictionary-evidence.js';
import { alignSentences } from './index.js';
import { nameTokens } from './names-evidence.js';
import { numberTokens } from './numbers-evidence.js';

const only = { dictionary: false, learned: false, numbers: false, names: false };
const beadOf = (beads: ReturnType<typeof alignSentences>, zhId: number) =>
  beads.find((b) => b.zh.includes(zhId))!;

describe('name evidence', () => {
  it('keys Chinese names by their pinyin where the English has them capitalised', () => {
    const zh = ['王广成到了重庆。', '他很累。'];
    const tokens = nameTokens(zh.map(chineseContentWords), [
      'Wang Guangcheng reached Chongqing.',
      'He was tired.',
    ]);
    // 王广成 (via the given name Guangcheng) and 重庆 have keys; nothing in the second sentence does.
    expect(tokens.zhTokenStart).toEqual(Int32Array.from([0, 2, 2]));
    expect(tokens.enTokenStart).toEqual(Int32Array.from([0, 2, 2]));
    const cost = coverageRatioCost(tokens, 1, 0.4);
    expect(cost(0, 1, 0, 1)).toBeLessThan(cost(0, 1, 1, 2));
  });

  it('keys a person the English names by the given name alone, and no word the English does not name', () => {
    // 王 (wang) begins no capitalised English word here: the given name's 广 (guang) does.
    const zh = ['王广成看着李小明。'];
    const tokens = nameTokens(zh.map(chineseContentWords), ['Guangcheng looked at him.']);
    expect(tokens.zhTokenStart).toEqual(Int32Array.from([0, 1]));
    expect(tokens.enTokenStart).toEqual(Int32Array.from([0, 1]));
  });

  it('moves the sentence naming a person to the English sentence that names him, where lengths mislead', () => {
    // The translator dropped the first sentence; by length the second one would go with "Night fell."
    const zh = ['王广成也来到了这里。', '李小明也来了。', '天黑了。'];
    const en = ['Li Xiaoming came too.', 'Night fell.'];
    expect(beadOf(alignSentences(zh, en, { evidence: only }), 1).en).toEqual([1]);
    expect(beadOf(alignSentences(zh, en, { evidence: { ...only, names: true } }), 1).en).toEqual([0]);
  });
});

describe('number evidence', () => {
  it('matches numbers and dates by value across scripts', () => {
    const tokens = numberTokens(
      ['二〇二一年四月十四日，三千人来了。'],
      ['On April 14, 2021, 3,000 people came.'],
    );
    // 2021, 4, 14 and 3000 on both sides.
    expect(tokens.zhTokenStart[1]).toBe(4);
    expect(tokens.enTokenStart[1]).toBe(4);
  });

  it('moves the sentence with a year to the English sentence with the same year', () => {
    const zh = ['那是2019年。', '那是2020年。', '天黑了。'];
    const en = ['It was 2020.', 'Night fell.'];
    expect(beadOf(alignSentences(zh, en, { evidence: only }), 1).en).toEqual([1]);
    expect(beadOf(alignSentences(zh, en, { evidence: { ...only, numbers: true } }), 1).en).toEqual([0]);
  });
});
