import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { describe, expect, it } from 'vitest';
import { chineseWordTag, prepareChineseText, tagChinese, tokenizeChinese } from './jieba.js';
import { foldToSimplified } from './script.js';

const SAMPLE = readFileSync(new URL('../../../examples/press-release.txt', import.meta.url), 'utf8');

describe('jieba with the part of its dictionary the text needs', () => {
  const whole = Jieba.withDict(dict);
  // Both fold Traditional text to Simplified before segmenting it.
  const expectSameAsWhole = (line: string) => {
    const folded = foldToSimplified(line);
    expect(tokenizeChinese(line).map((t) => t.simplified)).toEqual(whole.cut(folded, true));
    expect(tagChinese(line).map((t) => `${t.simplified}/${t.tag}`)).toEqual(
      whole.tag(folded, true).map((t) => `${t.word}/${t.tag}`),
    );
    // One word's tag, looked up, is the one tagging the whole text gives it (dictionary words,
    // words only the HMM finds, digits, Latin letters, punctuation).
    expect(tokenizeChinese(line).map((t) => `${t.simplified}/${chineseWordTag(t.simplified)}`)).toEqual(
      whole.tag(folded, true).map((t) => `${t.word}/${t.tag}`),
    );
  };

  it('segments and tags as the whole dictionary does, as it grows text by text', () => {
    const zhLines = SAMPLE.split('\n').filter((l) => /\p{Script=Han}/u.test(l));
    prepareChineseText(zhLines.map(foldToSimplified));
    for (const line of zhLines) expectSameAsWhole(line);
    // Sentences with characters the sample lacks grow it; the earlier ones still segment the same.
    for (const line of [
      '他在4S店买了一辆车，花了三十万元。',
      '研究生命起源是一门学问，南京市长江大桥很长。',
      '小明硕士毕业于中国科学院计算所，后在日本京都大学深造。',
      '结婚的和尚未结婚的都来了。',
      '张尧经理用iPhone 15拍了2021年的CEO。',
    ])
      expectSameAsWhole(line);
    for (const line of zhLines) expectSameAsWhole(line);
  });
});
