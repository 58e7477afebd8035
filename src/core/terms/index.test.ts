import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chineseCandidates } from './chinese-candidates.js';
import { englishCandidates } from './english-candidates.js';
import { extractTerms, type TermPairInput, transliterationSimilarity } from './index.js';

/** The bundled example (the founding sample) as its five paragraph pairs, pinyin glosses removed. */
function samplePairs(): TermPairInput[] {
  const text = readFileSync(resolve(import.meta.dirname, '../../../examples/press-release.txt'), 'utf8');
  const lines = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/g, ''));
  return [0, 1, 2, 3, 4].map((i) => ({ zh: lines[i]!, en: lines[i + 5]! }));
}

describe('extractTerms on the founding sample', () => {
  const terms = extractTerms(samplePairs());
  const pairOf = (zh: string) => terms.find((t) => t.zh === zh);

  it.each([
    ['王廣成', 'Wang Guangcheng', 'person'],
    ['姜江', 'Jiang Jiang', 'person'],
    ['袁智兵', 'Yuan Zhibing', 'person'],
    ['重慶史迪威博物館', 'Chongqing Stilwell Museum', 'organization'],
    ['二級巡視員', 'level-II inspector', 'title'],
    ['秘書長', 'Secretary General', 'title'],
    // Found by the second pass: a word paired by co-occurrence (全國 ↔ Chinese), a head translated
    // freely (促進會 ↔ Network), words English leaves out (地區雙城).
    ['全國對外友協', "Chinese People's Association for Friendship with Foreign Countries", 'organization'],
    ['中國民間組織國際交流促進會', 'China NGO Network for International Exchanges', 'organization'],
    ['成渝地區雙城經濟圈', 'Chengdu-Chongqing economic circle', 'place'],
  ])('pairs %s with %s', (zh, en, kind) => {
    expect(pairOf(zh)).toMatchObject({ en, kind });
  });

  it('links 中促會 to the name it abbreviates', () => {
    expect(pairOf('中促會')).toMatchObject({
      en: 'China NGO Network for International Exchanges',
      abbreviationOf: '中國民間組織國際交流促進會',
    });
  });

  it('keeps the shorter unit only where its English differs', () => {
    // 對外友協 is also 市對外友協 and 四川省對外友協, so it stays; 成渝 occurs only in the longer unit.
    expect(pairOf('對外友協')?.en).toBe("People's Association for Friendship with Foreign Countries");
    expect(pairOf('成渝')).toBeUndefined();
  });

  it('counts the evidence', () => {
    expect(pairOf('王廣成')).toMatchObject({ count: 3, zhCount: 3 });
    for (const term of terms) {
      expect(term.score).toBeGreaterThanOrEqual(0.7);
      expect(term.score).toBeLessThanOrEqual(1);
    }
  });

  it('ranks by score', () => {
    const scores = terms.map((t) => t.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('keeps one English rendering per Chinese term and drops nested fragments', () => {
    const zh = terms.map((t) => t.zh);
    expect(new Set(zh).size).toBe(zh.length);
    expect(zh).not.toContain('博物館');
    expect(zh).not.toContain('史迪威博物館');
  });
});

describe('extractTerms', () => {
  it('links an abbreviation to its full form when both translate the same English', () => {
    const pairs = [
      {
        zh: '中国人民对外友好协会会见了代表团。',
        en: "The Chinese People's Association for Friendship with Foreign Countries met the delegation.",
      },
      {
        zh: '他访问了中国人民对外友好协会。',
        en: "He visited the Chinese People's Association for Friendship with Foreign Countries.",
      },
      {
        zh: '对外友协支持这项工作。',
        en: "The Chinese People's Association for Friendship with Foreign Countries supports the work.",
      },
      {
        zh: '对外友协表示欢迎。',
        en: "The Chinese People's Association for Friendship with Foreign Countries welcomed it.",
      },
    ];
    const terms = extractTerms(pairs);
    const full = terms.find((t) => t.zh === '中国人民对外友好协会');
    expect(full?.en).toBe("Chinese People's Association for Friendship with Foreign Countries");
    const short = terms.find((t) => t.zh === '对外友协');
    expect(short?.abbreviationOf).toBe('中国人民对外友好协会');
  });

  it('finds nothing in pairs that do not translate each other', () => {
    expect(
      extractTerms([{ zh: '重庆史迪威博物馆开放了。', en: 'It rained all day in the mountains.' }]),
    ).toEqual([]);
  });

  it('skips pairs with an empty side', () => {
    expect(extractTerms([{ zh: '重庆史迪威博物馆', en: '' }])).toEqual([]);
  });
});

describe('candidates', () => {
  it('joins noun runs on the Chinese side and leaves generic words out', () => {
    const keys = chineseCandidates('歡迎用好重慶史迪威博物館等資源').map((c) => c.key);
    expect(keys).toContain('重庆史迪威博物馆');
    expect(keys).not.toContain('资源');
  });

  it('keeps English phrases inside a clause and cuts a final possessive', () => {
    const texts = englishCandidates("members of Chongqing's team, and the Stilwell Museum").map(
      (c) => c.text,
    );
    expect(texts).toContain('Stilwell Museum');
    expect(texts).toContain('Chongqing');
    expect(texts).not.toContain('team and the Stilwell Museum');
  });
});

describe('transliterationSimilarity', () => {
  it.each([
    ['贝索斯', 'Bezos'],
    ['亚马逊', 'Amazon'],
    ['杰夫', 'Jeff'],
  ])('%s sounds like %s', (zh, en) => {
    expect(transliterationSimilarity(zh, en)).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ['中国', 'Zhibing'],
    ['贝索斯', 'Miami'],
  ])('%s does not sound like %s', (zh, en) => {
    expect(transliterationSimilarity(zh, en)).toBeLessThan(0.8);
  });
});
