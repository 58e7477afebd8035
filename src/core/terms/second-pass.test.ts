import { describe, expect, it } from 'vitest';
import { tokenizeChinese } from '../lexicon/jieba.js';
import { abbreviationsIn } from './abbreviations.js';
import { extractTerms } from './index.js';

const PAFFC = "People's Association for Friendship with Foreign Countries";

/** 对外友协 alone in two pairs (so it is accepted first), 全国对外友协 in `national` more. */
function associationPairs(national: number) {
  const pairs = [
    { zh: '对外友协支持这项工作。', en: `The ${PAFFC} supports the work.` },
    { zh: '对外友协表示欢迎。', en: `The ${PAFFC} welcomed it.` },
  ];
  for (let i = 0; i < national; i++) {
    pairs.push({ zh: '他拜会了全国对外友协。', en: `He visited the Chinese ${PAFFC}.` });
  }
  return pairs;
}

describe('second pass: longer units around accepted terms', () => {
  it('pairs an unlinked first word with an unlinked first English word when they always come together', () => {
    const terms = extractTerms(associationPairs(2));
    expect(terms.find((t) => t.zh === '全国对外友协')?.en).toBe(`Chinese ${PAFFC}`);
    expect(terms.find((t) => t.zh === '对外友协')?.en).toBe(PAFFC);
  });

  it('does not pair them on one occurrence', () => {
    const terms = extractTerms(associationPairs(1));
    expect(terms.find((t) => t.zh === '全国对外友协')).toBeUndefined();
  });

  it('does not pair them when the English is part of a longer name', () => {
    const pairs = associationPairs(0);
    for (let i = 0; i < 2; i++) {
      pairs.push({ zh: '他拜会了全国对外友协。', en: `He visited the Chinese ${PAFFC} Office.` });
    }
    expect(extractTerms(pairs).find((t) => t.zh === '全国对外友协')).toBeUndefined();
  });

  it('does not pair them when the English also occurs without the Chinese', () => {
    const pairs = associationPairs(2);
    pairs.push({ zh: '他拜会了对外友协。', en: `He visited the Chinese ${PAFFC}.` });
    const national = extractTerms(pairs).find((t) => t.zh === '全国对外友协');
    expect(national?.en).not.toBe(`Chinese ${PAFFC}`);
  });
});

describe('second pass: words English leaves out', () => {
  const unit = (en: string) =>
    extractTerms([{ zh: '支持成渝地区双城经济圈建设。', en }]).find((t) => t.zh === '成渝地区双城经济圈');

  it('takes inner nouns that translate nothing in the sentence as left out', () => {
    expect(unit('support the construction of Chengdu-Chongqing economic circle.')?.en).toBe(
      'Chengdu-Chongqing economic circle',
    );
  });

  it('does not when a word inside is translated elsewhere in the sentence (region)', () => {
    expect(unit('support the Chengdu-Chongqing economic circle across the region.')).toBeUndefined();
  });
});

describe('foreign names written with a dot', () => {
  it('pairs the whole name (the dot translates nothing) as a person', () => {
    const terms = extractTerms([
      { zh: '哈里森·福特主演了这部电影。', en: 'Harrison Ford starred in the film.' },
    ]);
    expect(terms.find((t) => t.zh === '哈里森·福特')).toMatchObject({ en: 'Harrison Ford', kind: 'person' });
    expect(terms.find((t) => t.zh === '哈里森')).toBeUndefined();
  });

  it('does not make a shop named after a person a person', () => {
    const terms = extractTerms([{ zh: '他去了拉尔夫·劳伦商店。', en: 'He went to the Ralph Lauren store.' }]);
    const shop = terms.find((t) => t.zh === '拉尔夫·劳伦商店');
    expect(shop?.en).toBe('Ralph Lauren store');
    expect(shop?.kind).not.toBe('person');
  });
});

describe('abbreviationsIn', () => {
  const name = ['中国', '民间组织', '国际交流', '促进会'];

  it('finds a run of whole words whose characters run through the name from its first word to its head', () => {
    expect(abbreviationsIn(tokenizeChinese('争取中促会的帮助。'), name)).toEqual(['中促会']);
  });

  it('finds no abbreviation in a part of the name, or in a word that does not reach the head', () => {
    expect(abbreviationsIn(tokenizeChinese('中国的国际交流很多。'), name)).toEqual([]);
    expect(abbreviationsIn(tokenizeChinese('中美交流。'), name)).toEqual([]);
  });

  it('abbreviates only names of three words or more', () => {
    expect(abbreviationsIn(tokenizeChinese('中促会'), ['中国', '促进会'])).toEqual([]);
  });
});
