import { describe, expect, it } from 'vitest';
import { fillerPairs } from '../../../test/support/filler-pairs.js';
import { hasDictionaryEntry } from '../lexicon/cedict.js';
import { chineseTokens, kindOf } from './chinese-candidates.js';
import { englishCandidates } from './english-candidates.js';
import { extractTerms, type TermPairInput } from './index.js';
import { rendersAsName } from './name-like-units.js';

const term = (pairs: TermPairInput[], zh: string) =>
  extractTerms([...pairs, ...fillerPairs(40)]).find((t) => t.zh === zh);

describe('names the dictionary knows as common words', () => {
  // 公公 is "father-in-law; grandpa; form of address for a eunuch" to CC-CEDICT.
  const addressed: TermPairInput[] = [
    { zh: '公公，你好些了吗？', en: 'Goong-goong? Are you feeling any better?' },
    { zh: '你是哪个公公手下的？', en: 'Which of the Goong-goongs do you work for?' },
    { zh: '我决不会招你公公出来。', en: 'I would never drag you into it, Goong-goong!' },
    { zh: '是，公公！', en: 'Yes, Goong-goong!' },
    { zh: '公公，你不吃饭？', en: 'Goong-goong, are you not eating?' },
    { zh: '他问公公要书。', en: 'He asked Goong-goong for the book.' },
  ];

  it('keeps one the translator writes as a name, capitalised inside sentences', () => {
    expect(hasDictionaryEntry('公公')).toBe(true);
    expect(term(addressed, '公公')).toMatchObject({ en: 'Goong-goong', count: 6 });
  });

  it('not when the English is a common noun, capitalised only where a sentence starts', () => {
    const common = addressed.map(({ zh }, i) => ({
      zh,
      en: i % 2 ? 'Attendant, are you well?' : 'He spoke to the attendant again.',
    }));
    expect(term(common, '公公')).toBeUndefined();
  });

  it('reads a rendering as a name only from capitals inside sentences', () => {
    const sentences = ['Toads croaked.', 'They reached Toad Hollow.', 'The toads were loud.'];
    const toad = englishCandidates('Toads croaked.').find((c) => c.key === 'toads')!;
    // Capitalised inside one sentence, in lower case inside another: a common noun.
    expect(rendersAsName(toad, sentences)).toBeUndefined();
    const name = englishCandidates('They met Aroma.').find((c) => c.text === 'Aroma')!;
    expect(rendersAsName(name, ['They met Aroma.', 'Aroma came.', 'He saw Aroma there.'])).toBe('name');
    // Capitalised only inside longer names: a word of those names, none of its own.
    const university = englishCandidates('He went to university.').find((c) => c.text === 'university')!;
    const places = ['He taught at Columbia University.', 'She left the University of Florida.'];
    expect(rendersAsName(university, places)).toBeUndefined();
    expect(rendersAsName(name, ['She met His Majesty and Aroma.', 'He saw Aroma there.'])).toBe('name');
  });
});

describe('names jieba does not know', () => {
  it('joins a name jieba breaks into single characters', () => {
    const zh = '余占鳌走过来，弯腰。';
    expect(
      chineseTokens(zh)
        .slice(0, 3)
        .map((t) => t.word),
    ).toEqual(['余', '占', '鳌']);
    const story: TermPairInput[] = [
      { zh, en: 'Yu Zhan\u2019ao walked up and leaned over.' },
      { zh: '奶奶看着余占鳌。', en: 'Grandma stared at Yu Zhan\u2019ao.' },
      { zh: '余占鳌走在最后。', en: 'Yu Zhan\u2019ao brought up the rear.' },
      { zh: '余占鳌对着劫路人走过去。', en: 'Yu Zhan\u2019ao approached the highwayman.' },
      { zh: '余占鳌看看死人。', en: 'Yu Zhan\u2019ao looked at the dead.' },
      { zh: '他就是余占鳌司令。', en: 'It was Commander Yu Zhan\u2019ao.' },
    ];
    expect(term(story, '余占鳌')?.en).toBe('Yu Zhan\u2019ao');
  });

  it('counts a name wherever its characters are, however jieba cut the sentence', () => {
    const story: TermPairInput[] = [
      { zh: '袭人也含着羞悄悄的笑。', en: 'Aroma giggled softly.' },
      { zh: '宝玉亦素喜袭人柔媚。', en: 'Bao-yu had long been attracted by Aroma.' },
      { zh: '袭人本是个聪明女子。', en: 'Aroma had always been an intelligent girl.' },
      { zh: '宝玉视袭人更自不同。', en: 'Bao-yu treated Aroma with even greater consideration.' },
      { zh: '袭人却只瞅着他笑。', en: 'Aroma stared at him and giggled.' },
    ];
    expect(term(story, '袭人')).toMatchObject({ en: 'Aroma', count: 5 });
  });
});

describe('the whole English', () => {
  it('puts with the rendering the words that come with it in one phrase', () => {
    // "Cup" in every pair, "America's Cup" in four of six.
    const race: TermPairInput[] = [
      { zh: '他们想赢得美洲杯。', en: 'They want to win the America\u2019s Cup.' },
      { zh: '美洲杯帆船赛开始了。', en: 'The America\u2019s Cup race began.' },
      { zh: '美洲杯的历史很长。', en: 'The America\u2019s Cup has a long history.' },
      { zh: '新西兰队赢过美洲杯。', en: 'Team New Zealand has won the America\u2019s Cup.' },
      { zh: '金钱不会赢得美洲杯。', en: 'Money does not win the Cup.' },
      { zh: '这是第二次参加美洲杯。', en: 'It is their second Cup challenge.' },
    ];
    expect(term(race, '美洲杯')?.en).toBe('America\u2019s Cup');
  });

  it('across the words that vary between them', () => {
    const wedding: TermPairInput[] = [
      { zh: '她披着红盖头。', en: 'She wore a crimson bridal veil.' },
      { zh: '一块红盖头蒙上来了。', en: 'A crimson bridal veil came down over her head.' },
      { zh: '红盖头动了一下。', en: 'The crimson veil fluttered a bit.' },
      { zh: '红盖头罩上了。', en: 'The crimson veil went back over her head.' },
      { zh: '红盖头揭起时，她很紧张。', en: 'The crimson wedding veil was lifted; she was tense.' },
      { zh: '她想起那红盖头。', en: 'She remembered the crimson wedding veil.' },
    ];
    expect(term(wedding, '红盖头')?.en).toBe('crimson veil');
  });
});

describe('kinds', () => {
  it('takes the dictionary’s company over a name-finder’s person', () => {
    // 西门 is a surname; CC-CEDICT knows 西门子 as "Siemens (company name)".
    const tokens = chineseTokens('西门子正在开发电话。');
    expect(tokens[0]).toMatchObject({ word: '西门子', tag: 'person' });
    expect(kindOf([tokens[0]!], '西门子')).toBe('organization');
  });
});
