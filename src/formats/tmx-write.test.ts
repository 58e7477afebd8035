import { describe, expect, it } from 'vitest';
import { validateTmx } from '../../test/tmx-dtd.js';
import { tmxDate, writeTmx } from './tmx-write.js';

describe('TMX writer', () => {
  it('formats dates as TMX basic ISO 8601 in UTC', () => {
    expect(tmxDate(new Date('2021-04-14T08:09:10.123Z'))).toBe('20210414T080910Z');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const tmx = writeTmx([{ segments: [{ lang: 'zh-CN', text: 'a<b>&"c"\u0001' }] }], { srcLang: 'zh-CN' });
    expect(tmx).toContain('<seg>a&lt;b&gt;&amp;&quot;c&quot;</seg>');
  });

  it('writes documents valid against the TMX 1.4 DTD', async () => {
    const tmx = writeTmx(
      [
        {
          segments: [
            { lang: 'zh-CN', text: '重庆史迪威博物馆' },
            { lang: 'en-US', text: 'Chongqing Stilwell Museum & <friends>' },
          ],
          props: [{ type: 'x-confidence', value: '0.9' }],
          tuid: '1',
          creationDate: new Date(0),
        },
      ],
      { srcLang: 'zh-CN', props: [{ type: 'x-source', value: 'a.txt' }] },
    );
    expect(await validateTmx(tmx)).toEqual({ valid: true, errors: [] });
    const bad = await validateTmx(tmx.replace('<tuv xml:lang="zh-CN">', '<tuv>'));
    expect(bad.valid).toBe(false);
    expect(bad.errors.length).toBeGreaterThan(0);
  });
});
