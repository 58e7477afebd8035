import { describe, expect, it } from 'vitest';
import { stretchReadings } from '../names/index.js';
import { type QaPair, runQa } from './index.js';

/** Shown name findings (error and warning) as [pair, severity, message]. */
const shownNames = (pairs: QaPair[]) =>
  runQa(pairs, { checks: ['name'] })
    .filter((f) => f.severity !== 'info')
    .map((f) => [f.pair, f.severity, f.message]);
const one = (zh: string, en: string) => shownNames([{ zh, en }]);

describe('names the finder does not know, by the pinyin of the Chinese', () => {
  it('reports a place misspelt against the pinyin of its characters', () => {
    expect(
      one('汪淼驱车沿京密路到密云县。', 'Wang Miao drove along the Jingma Road to Miyun County.'),
    ).toEqual([[0, 'error', '京密 (Jingmi) ↔ Jingma: the name is spelled Jingmi in pinyin']]);
    // A polyphonic character read every way (曲 qu): Qufu is right, Qifu is not.
    expect(one('曲阜县的哭丧户来学过哭腔。', 'Mourners from Qufu County came to learn.')).toEqual([]);
    expect(one('曲阜县的哭丧户来学过哭腔。', 'Mourners from Qifu County came to learn.')).toEqual([
      [0, 'error', '曲阜 (Qufu) ↔ Qifu: the name is spelled Qufu in pinyin'],
    ]);
  });

  it('reads a given name after the surname the English writes (Wang Cheno for 王成)', () => {
    expect(one('王成亦相继身故。', 'Wang Cheno in his turn had died.')).toEqual([
      [0, 'error', '王成 (Cheng) ↔ Cheno: the name is spelled Cheng in pinyin'],
    ]);
    expect(one('王成亦相继身故。', 'Wang Cheng in his turn had died.')).toEqual([]);
    // The surname must stand right before the word: here Cheno is no given name of Wang's.
    expect(one('王成亦相继身故。', 'Wang said that Cheno had died.')).toEqual([]);
  });

  it("leaves foreign names alone: their characters' pinyin is not their English", () => {
    expect(
      one('这个项目的负责人佩卡·普斯卡教授说。', 'says Professor Pekka Puska, director of the project.'),
    ).toEqual([]);
    expect(one('营养学专家迪特尔·约翰逊说。', 'says Dieter Johnsen, a nutrition expert.')).toEqual([]);
    expect(stretchReadings('佩卡·普斯卡').map((r) => r.text)).toEqual([]);
  });

  it('reports a misspelt given name even where the pair also spells it right', () => {
    const pairs = [
      {
        zh: '吴佩珍在王琦瑶的胳膊上拧一下，再拖着王琦瑶快走。',
        en: 'Wu Peizhen gave Wang Qiyao a pinch, then pulled Wang Qiayo aside.',
      },
    ];
    expect(shownNames(pairs)).toEqual([
      [0, 'error', 'Qiyao ↔ Qiayo: the name is spelled Qiyao elsewhere in this document'],
    ]);
  });

  it('reports a surname one letter off before the right given name (Want Er for 王二)', () => {
    const findings = runQa([{ zh: '经理王二说他去了。', en: 'Manager Want Er said he went.' }], {
      checks: ['name'],
    });
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([
      '王二 is Wang Er in pinyin, the English has Want Er',
    ]);
    expect(one('副会长王广成率队', 'Vice president Wamg Guangcheng led a team')).toEqual([
      [0, 'error', '王广成 is Wang Guangcheng in pinyin, the English has Wamg Guangcheng'],
    ]);
  });
});

describe('names learned from the whole document', () => {
  it("trusts a name written once when its own pair's Chinese writes it (Shen of 申玉菲)", () => {
    const pairs = [
      { zh: '汪淼拨通了申玉菲的电话。', en: "Wang dialed Shen Yufei's number." },
      { zh: '他引用了邮件里的话。', en: "he said, quoting from Shne's email." },
    ];
    expect(shownNames(pairs)).toEqual([
      [1, 'error', 'Shen ↔ Shne: the name is spelled Shen elsewhere in this document'],
    ]);
    // Written once and vouched for by nothing, it is no more established than its misspelling.
    pairs[0] = { zh: '汪淼拨通了她的电话。', en: "Wang dialed Shen Yufei's number." };
    expect(shownNames(pairs)).toEqual([]);
  });

  it('still reports a non-word written twice against a name written five times as often', () => {
    const pairs: QaPair[] = Array.from({ length: 20 }, (_, i) => ({
      zh: `王琦瑶第${i + 1}次来了。`,
      en: `Wang Qiyao came for time number ${i + 1}.`,
    }));
    pairs.push({ zh: '她笑了。', en: 'Then Qiayo laughed.' }, { zh: '她哭了。', en: 'Then Qiayo wept.' });
    expect(shownNames(pairs).map((f) => [f[0], f[2]])).toEqual([
      [20, 'Qiyao ↔ Qiayo: the name is spelled Qiyao elsewhere in this document'],
      [21, 'Qiyao ↔ Qiayo: the name is spelled Qiyao elsewhere in this document'],
    ]);
  });

  it('leaves a dictionary word written twice alone beside a frequent name one letter away (Mars, Marx)', () => {
    const pairs: QaPair[] = Array.from({ length: 12 }, (_, i) => ({
      zh: `马克思写了第${i + 1}章。`,
      en: `Then Marx wrote chapter ${i + 1}.`,
    }));
    pairs.push(
      { zh: '火星很远。', en: 'The planet Mars is far.' },
      { zh: '火星很冷。', en: 'The planet Mars is cold.' },
    );
    expect(shownNames(pairs)).toEqual([]);
  });

  it('does not take a word that opens a title for a misspelt name (Boning Up, Boeing)', () => {
    const pairs = [
      { zh: '波音公司宣布。', en: 'The company Boeing announced it.' },
      { zh: '波音的飞机。', en: 'The planes of Boeing.' },
      { zh: '波音的工厂。', en: 'The plants of Boeing.' },
      { zh: '小心为妙', en: 'Boning Up' },
    ];
    expect(shownNames(pairs)).toEqual([]);
  });
});

describe('names against the glosses of the Chinese', () => {
  it('reads plurals and demonyms of a gloss (德国人 German → Germans, 中国 China → Chinese)', () => {
    expect(one('有些德国人喜欢饮用苹果醋。', 'Some Geramns have taken to drinking cider vinegar.')).toEqual([
      [
        0,
        'warning',
        '德国人 (Germans) ↔ Geramns: the name is spelled Germans in CC-CEDICT (a translation of the Chinese)',
      ],
    ]);
    expect(one('说书人讲述中国神话。', 'storytellers shared Chinise fairytales.')).toEqual([
      [
        0,
        'warning',
        '中国 (Chinese) ↔ Chinise: the name is spelled Chinese in CC-CEDICT (a translation of the Chinese)',
      ],
    ]);
  });

  it('checks each part of a hyphenated compound (Lnodon-based)', () => {
    expect(one('总部在伦敦的公司。', 'the Lnodon-based company')).toEqual([
      [0, 'warning', '伦敦 (London) ↔ Lnodon: the name is spelled London in CC-CEDICT'],
    ]);
  });

  it('follows a sense that points to another entry (杭州 "see 杭州市")', () => {
    expect(
      one('他把杭州城里的茧行吃空卖空。', 'He had driven a silk shop in Hengzhou into the ground.'),
    ).toEqual([[0, 'error', '杭州 (Hangzhou) ↔ Hengzhou: the name is spelled Hangzhou in pinyin']]);
  });

  it("takes a foreign name for no slip of an ordinary word's gloss (Pierson, 东西 person; Ewen, 就是 even)", () => {
    expect(one('学不到什么东西。约翰·皮尔逊说。', 'Nothing to learn here, says John Pierson.')).toEqual([]);
    expect(one('这就是演员埃文·布雷纳。', 'This is the actor Ewen Bremner.')).toEqual([]);
    // The characters the word sounds like still give their own spelling: 托尼 "(name) Tony".
    expect(one('这招真高，托尼，', 'Good move Tonm.')).toEqual([
      [
        0,
        'warning',
        '托尼 (Tony) ↔ Tonm: the name is spelled Tony in CC-CEDICT (a translation of the Chinese)',
      ],
    ]);
  });

  it("keeps a person's name one vowel from CC-CEDICT's spelling as info, a place's as a warning", () => {
    expect(one('营养学专家约翰逊说。', 'says Johnsen, a nutrition expert.')).toEqual([]);
    expect(one('他在芝加哥长大。', 'He grew up in Chicagu.')).toEqual([
      [0, 'warning', '芝加哥 (Chicago) ↔ Chicagu: the name is spelled Chicago in CC-CEDICT'],
    ]);
  });
});

describe('foreign names the Chinese transliterates, by the sound of the characters', () => {
  // An invented name CC-CEDICT does not know: 卡斯滕·霍尔伯格 ↔ Karsten Holberg.
  const zh = '研究员卡斯滕·霍尔伯格说，这种方法不可靠。';
  it('reports a misspelt name whose slip the Chinese syllables fit much worse', () => {
    expect(one(zh, 'The method is unreliable, says researcher Karsten Holbreg.')).toEqual([
      [
        0,
        'warning',
        '霍尔伯格 (Holberg) ↔ Holbreg: the name is spelled Holberg by the sound of the Chinese (a transliteration)',
      ],
    ]);
  });

  it('leaves the right spelling alone', () => {
    expect(one(zh, 'The method is unreliable, says researcher Karsten Holberg.')).toEqual([]);
  });

  it('asks nothing of characters that are ordinary words (每套 "each set")', () => {
    expect(one('每套售价十元。', 'Macy sells each set for ten yuan.')).toEqual([]);
  });
});
