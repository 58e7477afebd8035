import { describe, expect, it } from 'vitest';
import { canonicalEnTag, canonicalZhTag } from './lang-tags.js';

const tag = (t: string | undefined, text = '外事工作') => canonicalZhTag(t, text).tag;

describe('canonicalZhTag', () => {
  it('keeps the regions of each script, and reads the script from the tag first', () => {
    expect(['zh-CN', 'zh_cn', 'ZH-Hans', 'zh-Hans-CN', 'zh-CHS', 'zh-Hans-TW'].map((t) => tag(t))).toEqual([
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
    ]);
    expect(['zh-SG', 'zh-Hans-SG', 'zh_my'].map((t) => tag(t))).toEqual(['zh-SG', 'zh-SG', 'zh-MY']);
    expect(['zh-TW', 'zh-hk', 'zh-Hant-MO', 'zh-Hant', 'zh-CHT'].map((t) => tag(t, '外事工作'))).toEqual([
      'zh-TW',
      'zh-HK',
      'zh-MO',
      'zh-Hant',
      'zh-TW',
    ]);
    // The tag wins over the text: Simplified text labelled zh-TW stays Traditional (never merged).
    expect(canonicalZhTag('zh-TW', '重庆市')).toEqual({ tag: 'zh-TW', script: 'traditional', decided: true });
  });

  it('takes the script from the text when the tag tells none, and says when neither does', () => {
    expect(canonicalZhTag(undefined, '重慶市外事工作')).toEqual({
      tag: 'zh-TW',
      script: 'traditional',
      decided: true,
    });
    expect(canonicalZhTag('zh', '重庆市外事工作')).toEqual({
      tag: 'zh-CN',
      script: 'simplified',
      decided: true,
    });
    expect(canonicalZhTag(undefined, '2021年4月14日')).toEqual({
      tag: 'zh-CN',
      script: 'simplified',
      decided: false,
    });
    expect(canonicalZhTag('zh', '外事工作', 'traditional')).toEqual({
      tag: 'zh-TW',
      script: 'traditional',
      decided: false,
    });
  });
});

describe('canonicalEnTag', () => {
  it('canonicalises casing and defaults to en-US', () => {
    expect([undefined, 'en-gb', 'en_sg', 'EN-us', 'en'].map(canonicalEnTag)).toEqual([
      'en-US',
      'en-GB',
      'en-SG',
      'en-US',
      'en',
    ]);
  });
});
