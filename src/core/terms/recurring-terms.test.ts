import { describe, expect, it } from 'vitest';
import { fillerPairs } from '../../../test/support/filler-pairs.js';
import { lookupGlosses } from '../lexicon/cedict.js';
import { associationUnits } from './association.js';
import { chineseCandidates, chineseTokens, kindOf } from './chinese-candidates.js';
import { englishCandidates } from './english-candidates.js';
import { extractTerms, type TermPairInput } from './index.js';
import { isDemonymOf, isModifierOrVerbForm, isVerbOnly, rendersAsVerb } from './part-of-speech.js';

describe('terms that recur with one rendering', () => {
  it('pairs a name with the translator’s rendering, though no dictionary links them', () => {
    const story: TermPairInput[] = [
      { zh: '韦小宝笑了起来。', en: 'Trinket burst out laughing.' },
      { zh: '韦小宝走进屋里。', en: 'Trinket walked into the room.' },
      { zh: '他看见韦小宝坐在门口。', en: 'He saw Trinket sitting at the door.' },
      { zh: '韦小宝不说话。', en: 'Trinket said nothing.' },
      { zh: '众人都望着韦小宝。', en: 'Everyone looked at Trinket.' },
    ];
    const terms = extractTerms([...story, ...fillerPairs(40)]);
    expect(terms.find((t) => t.zh === '韦小宝')).toMatchObject({ en: 'Trinket', count: 5 });
  });

  it('keeps a dictionary compound jieba cuts in two, with its whole English', () => {
    const speeches: TermPairInput[] = [
      { zh: '实现中国梦需要大家努力。', en: 'Realizing the Chinese Dream needs everyone’s effort.' },
      { zh: '中国梦是人民的梦。', en: 'The Chinese Dream is the dream of the people.' },
      { zh: '青年要为中国梦奋斗。', en: 'Young people should strive for the Chinese Dream.' },
      { zh: '我们讲述中国梦。', en: 'We tell of the Chinese Dream.' },
      { zh: '中国梦属于每个人。', en: 'The Chinese Dream belongs to everyone.' },
    ];
    expect(chineseCandidates('实现中国梦需要大家努力。').map((c) => c.key)).toContain('中国梦');
    const terms = extractTerms([...speeches, ...fillerPairs(40)]);
    expect(terms.find((t) => t.zh === '中国梦')?.en).toBe('Chinese Dream');
  });

  it('never pairs in a short document by co-occurrence alone', () => {
    // Five pairs, each holding both: no evidence that one translates the other (Dunning's G² is 0).
    const short = Array.from({ length: 5 }, () => ({ zh: '韦小宝笑了。', en: 'Trinket laughed.' }));
    expect(extractTerms(short).find((t) => t.zh === '韦小宝')).toBeUndefined();
  });

  it('takes the whole English unit over a part of it', () => {
    const pairs: TermPairInput[] = [
      { zh: '我们去了温泉。', en: 'We went to the thermal springs.' },
      { zh: '温泉很热。', en: 'The thermal springs were hot.' },
      { zh: '山下有温泉。', en: 'Below the hill are thermal springs.' },
      { zh: '他们在温泉洗澡。', en: 'They bathed in the thermal springs.' },
      { zh: '温泉旁边有一家旅馆。', en: 'Beside the thermal springs stands an inn.' },
    ];
    expect(extractTerms([...pairs, ...fillerPairs(40)]).find((t) => t.zh === '温泉')?.en).toBe(
      'thermal springs',
    );
  });
});

describe('terms are nouns', () => {
  it('drops verbs and adjectives on either side', () => {
    expect(isVerbOnly('致力于')).toBe(true);
    expect(isVerbOnly('倒计时')).toBe(false); // "to count down; countdown"
    expect(rendersAsVerb('谢谢', 'Thank')).toBe(true);
    for (const word of ['dramatic', 'supernatural', 'devoted', 'personalized', 'biggest', 'famous'])
      expect(isModifierOrVerbForm(word), word).toBe(true);
    for (const word of ['music', 'hospital', 'representative', 'family', 'Pacific', 'speed'])
      expect(isModifierOrVerbForm(word), word).toBe(false);
    expect(chineseCandidates('他致力于研究。').map((c) => c.key)).not.toContain('致力于');
    expect(englishCandidates('a dramatic change').map((c) => c.text)).not.toContain('dramatic');
  });

  it('names a place by its noun, not its adjective', () => {
    expect(isDemonymOf('European', '欧洲')).toBe(true);
    expect(isDemonymOf('Caribbean', '加勒比')).toBe(false);
    const pairs: TermPairInput[] = [
      { zh: '欧洲的市场很大。', en: 'The European market is large.' },
      { zh: '他去过欧洲。', en: 'He has been to Europe.' },
    ];
    expect(extractTerms(pairs).find((t) => t.zh === '欧洲')?.en).not.toBe('European');
  });

  it('keeps "reform and opening-up" as one English unit', () => {
    const texts = englishCandidates('China’s reform and opening-up began in 1978.').map((c) => c.text);
    expect(texts).toContain('reform and opening-up');
    // Names joined by "and" are two.
    expect(
      englishCandidates('Chongqing and Sichuan Provincial Association').map((c) => c.text),
    ).not.toContain('Chongqing and Sichuan Provincial Association');
  });
});

describe('kinds', () => {
  const kind = (word: string) => kindOf(chineseTokens(word), word);

  it('labels by the dictionary’s description, or leaves a plain term', () => {
    expect(kind('加勒比')).not.toBe('person');
    expect(kind('博物馆')).toBe('term');
    expect(kind('俱乐部')).toBe('term');
    expect(kind('托马斯')).toBe('person'); // "Thomas (male name)"
    // "McDonald's (fast food company)", which jieba tags a person: neither is sure.
    expect(kind('麦当劳')).not.toBe('person');
    expect(kind('纽约')).toBe('place');
  });
});

describe('foreign names by transliteration', () => {
  it('pairs 边沁 with Bentham, not the Jeremy Bentham of its gloss', () => {
    expect(lookupGlosses('边沁')[0]).toMatch(/^Jeremy Bentham/);
    const pairs: TermPairInput[] = [
      { zh: '边沁认为快乐是善。', en: 'Jeremy Bentham held that pleasure is good.' },
      { zh: '边沁的功利主义影响很大。', en: 'Bentham’s utilitarianism was influential.' },
    ];
    expect(extractTerms(pairs).find((t) => t.zh === '边沁')?.en).toBe('Bentham');
  });
});

describe('units, not phrases', () => {
  it('counts no unit with a function word inside or a verb at the end', () => {
    const units = (zh: string) => associationUnits(zh, chineseTokens(zh)).map((u) => u.key);
    expect(units('孩子们在公园里玩。')).not.toContain('孩子们在公园里玩');
    expect(units('今天的天气很好。')).not.toContain('今天的天气');
    // A numeral's abbreviation ends in an adjective (十八|大), and jieba tags nouns as verbs (辐射).
    expect(units('党的十八大以来')).toContain('十八大');
    expect(units('宇宙背景辐射')).toContain('背景辐射');
  });

  it('keeps a connector inside an English unit', () => {
    expect(englishCandidates('Seeking truth from facts is the line.').map((c) => c.text)).toContain(
      'Seeking truth from facts',
    );
  });
});
