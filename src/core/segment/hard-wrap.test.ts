import { describe, expect, it } from 'vitest';
import { isHardWrapped } from './hard-wrap.js';
import { joinLinesAt } from './join-lines.js';

const wrapped = `The city government held a press conference today to present this
year's economic work. In the first three quarters of this year, the
city's GDP grew by six percent, and new factories were put into use.

Foreign trade exports rose by ten percent over the same period last
year. The mayor said that the government would continue to support
small and medium-sized enterprises.`.split('\n');

describe('isHardWrapped', () => {
  it('finds a text wrapped at a width: its lines end inside sentences, near one length', () => {
    expect(isHardWrapped(wrapped)).toBe(true);
    expect(
      isHardWrapped([
        '今天市政府召开新闻发布会，介绍了今年的经济工作。前三个季度，全市',
        '生产总值增长了百分之六，工业生产保持稳定，新的工厂陆续投入使用。外',
        '贸出口比去年同期增长了百分之十，市长表示政府将继续支持中小企业',
        '的发展。',
      ]),
    ).toBe(true);
  });

  it('leaves a text of a sentence per line, a list and a few lines as they are', () => {
    expect(isHardWrapped(['他走了。', 'He left.', '天黑了。', 'It got dark.', '我们回家吧！'])).toBe(false);
    const list = [
      'Contents',
      'Chapter one: the river',
      'Notes',
      'Chapter two: the long road home again',
      'Index',
    ];
    expect(isHardWrapped(list)).toBe(false);
    expect(isHardWrapped(wrapped.slice(0, 2))).toBe(false);
    // Song lyrics: no punctuation, lines of much the same length, but short.
    const lyrics = [
      '月亮代表我的心',
      '你问我爱你有多深',
      '我爱你有几分',
      '我的情也真',
      '我的爱也真',
      '月亮代表我的心',
    ];
    expect(isHardWrapped(lyrics)).toBe(false);
  });
});

describe('joinLinesAt for wrapped plain text', () => {
  it('joins Chinese lines without a space, English ones with one, and keeps every line-final hyphen', () => {
    expect(joinLinesAt(['全国对外友协', '副会长'], { hyphens: 'kept' }).text).toBe('全国对外友协副会长');
    const english = joinLinesAt(['an inter-', 'national, well-', 'known city', 'centre'], {
      hyphens: 'kept',
    });
    expect(english.text).toBe('an inter-national, well-known city centre');
    // Each line starts where it was appended; the joining space belongs to the line before.
    expect(english.starts).toEqual([0, 9, 24, 35]);
    // A typesetter's PDF hyphenates inside words: there the break's hyphen goes.
    expect(joinLinesAt(['an inter-', 'national city']).text).toBe('an international city');
  });
});
