import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countByCheck, type Finding, type QaCheck, type QaPair, runQa } from './index.js';

/** The bundled example (the founding sample) as its five paragraph pairs, pinyin glosses removed. */
function samplePairs(): QaPair[] {
  const text = readFileSync(resolve(import.meta.dirname, '../../../examples/press-release.txt'), 'utf8');
  const lines = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/g, ''));
  return [0, 1, 2, 3, 4].map((i) => ({ zh: lines[i]!, en: lines[i + 5]! }));
}

const only = (findings: Finding[], check: QaCheck) => findings.filter((f) => f.check === check);
const qa = (zh: string, en: string, check: QaCheck) => runQa([{ zh, en }], { checks: [check] });

describe('runQa on the founding sample', () => {
  const pairs = samplePairs();

  it('reports no number or date finding on the sample as published', () => {
    const findings = runQa(pairs);
    expect(only(findings, 'number')).toEqual([]);
    expect(only(findings, 'date')).toEqual([]);
  });

  it('reports the Secretary General slip of the 4th paragraph', () => {
    const names = only(runQa(pairs), 'name');
    expect(names).toHaveLength(1);
    expect(names[0]!.pair).toBe(3);
    expect(names[0]!.message).toContain('Wang Guangcheng');
    const span = names[0]!.zh.spans[0]!;
    expect(pairs[3]!.zh.slice(span.start, span.end)).toBe('袁智兵');
  });

  it('reports a changed date', () => {
    const altered = pairs.map((p, i) => (i === 0 ? { ...p, en: p.en.replace('April 14', 'April 15') } : p));
    const dates = only(runQa(altered), 'date');
    // One mismatch with both values (issue 15), not a missing date and an added one.
    expect(dates.map((f) => [f.pair, f.severity, f.message])).toEqual([
      [0, 'error', '4月14日 (April 14) ↔ April 15: the dates differ'],
    ]);
    expect(dates[0]!.zh.text.slice(dates[0]!.zh.spans[0]!.start, dates[0]!.zh.spans[0]!.end)).toBe('4月14日');
    expect(dates[0]!.en.text.slice(dates[0]!.en.spans[0]!.start, dates[0]!.en.spans[0]!.end)).toBe(
      'April 15',
    );
  });

  it('reports a changed year', () => {
    const altered = pairs.map((p, i) => (i === 1 ? { ...p, en: p.en.replace('in 2020', 'in 2019') } : p));
    expect(only(runQa(altered), 'date').map((f) => [f.pair, f.message])).toEqual([
      [1, '2020年 (2020) ↔ 2019: the dates differ'],
    ]);
  });

  it('reports a changed number', () => {
    const altered = pairs.map((p, i) =>
      i === 2
        ? {
            zh: p.zh.replace('希望', '有3.5万人參加,希望'),
            en: p.en.replace('and he hoped', 'and 3,500 people took part; he hoped'),
          }
        : p,
    );
    const numbers = only(runQa(altered), 'number');
    expect(numbers.map((f) => [f.pair, f.severity, f.message])).toEqual([
      [2, 'error', '3.5万 (35,000) ↔ 3,500: the numbers differ'],
    ]);
  });

  it('reports a changed name spelling', () => {
    const altered = pairs.map((p, i) =>
      i === 2 ? { ...p, en: p.en.replace('Jiang Jiang', 'Jiang Qiang') } : p,
    );
    const names = only(runQa(altered), 'name').filter((f) => f.pair === 2);
    expect(names).toHaveLength(1);
    expect(names[0]!.severity).toBe('error');
    const span = names[0]!.en.spans[0]!;
    expect(names[0]!.en.text.slice(span.start, span.end)).toBe('Jiang Qiang');
  });

  it('reports a dropped clause', () => {
    const altered = pairs.map((p, i) =>
      i === 1 ? { ...p, en: p.en.replace(/, asked for continuous care.*$/, '.') } : p,
    );
    const omissions = only(runQa(altered), 'omission');
    expect(omissions.map((f) => [f.pair, f.severity])).toEqual([[1, 'warning']]);
    // The finding shows the Chinese the English lost: a stretch after what the English kept.
    const span = omissions[0]!.zh.spans[0]!;
    expect(span.start).toBeGreaterThanOrEqual(pairs[1]!.zh.indexOf('懇請'));
    expect(omissions[0]!.message).toContain(pairs[1]!.zh.slice(span.start, span.end));
    expect(only(runQa(pairs), 'omission')).toEqual([]);
  });

  it('counts findings by check', () => {
    const counts = countByCheck(runQa(pairs));
    expect(counts.name).toBe(1);
    expect(counts.number).toBe(0);
    expect(Object.keys(counts)).toHaveLength(9);
  });
});

describe('number check', () => {
  it.each([
    ['共有3.5万人参加', '35,000 people took part'],
    ['共有3.5万人参加', '35 thousand people took part'],
    ['投资两亿元', 'an investment of 200 million yuan'],
    ['增长百分之五', 'grew by 5%'],
    ['增长５％', 'grew by five percent'],
    ['一万二千人', '12,000 people'],
    ['2020年外事工作', 'foreign affairs work in 2020'],
    ['一个代表团', 'a delegation'],
    ['第三次会议', 'the third meeting'],
    ['有350万人', '3.5 million people'],
    ['波音747-400型', 'the Boeing 747-400'],
    ['有七成的可能', 'a 70% chance'],
    ['在过去的20年里', 'in the past two decades'],
    ['50万人', 'half a million people'],
    ['在70年代', 'in the 1970s'],
    ['仅有十分之一的希望', 'a 1 in 10 chance'],
    ['速度为9.6千比特秒', 'at 9.6 kilobits per second'],
    ['没过一两天', 'within a day or two'],
    ['由1997至1998赛季', 'the 1997-98 season'],
    // Plain bugs of issue 13: a space-grouped number, 万一 "in case", a number said twice in Chinese.
    ['有10万人参加', '100 000 people took part'],
    ['有10万人参加', '100\u00a0000 people took part'],
    ['万一他不来怎么办？', 'What if he does not come?'],
    ['万一出了事，谁负责？', 'Who is responsible if something goes wrong?'],
    ['有300人报名，这300人都来了', 'All 300 who signed up came'],
    // False-alarm causes of issue 13: labels, units and letters, centuries, ordinals, centenary.
    ['如图2.1所示', 'as Figure 2-1 shows'],
    ['见2.2.1节', 'see section 2.2.1 above'],
    ['6. 片厂', 'The Film Studio'],
    ['频率为300MHz', 'at 300MHz'],
    ['白细胞介素IL-10的水平', 'levels of IL-10'],
    ['能量达10²⁰电子伏', 'energies of 10²⁰ eV'],
    ['20世纪60年代', 'in the 1960s'],
    ['20世纪', 'the twentieth century'],
    ['十八大以来', 'since the 18th National Congress'],
    ['党的十一届三中全会', 'the Third Plenary Session of the 11th Central Committee'],
    ['建党100年', "the Party's centenary"],
    ['翻了十七八个滚', 'rolled over more than a dozen times'],
    ['借了二十两给他们', 'lent them another twenty'],
    ['温度是2.726±0.010K', 'the temperature is 2.726±0.010K'],
  ])('accepts %s ↔ %s', (zh, en) => {
    expect(qa(zh, en, 'number')).toEqual([]);
  });

  it.each([
    ['共有3.5万人参加', '3,500 people took part', ['error']],
    ['增长百分之五', 'grew by 6%', ['error']],
    ['有三千人', 'there were many people', ['warning']],
    ['有二十人', 'there were many people', ['info']],
    ['四十多年前', 'half a century ago', ['info']],
    ['有人参加', '300 people took part', ['warning']],
    ['约0.25美元一份', 'for about US $25', ['error']],
    ['有10万人参加', '110 000 people took part', ['error']],
  ])('reports %s ↔ %s', (zh, en, severities) => {
    expect(qa(zh, en, 'number').map((f) => f.severity)).toEqual(severities);
  });
});

describe('date check', () => {
  it.each([
    ['4月14日,市政府', 'On April 14, the city'],
    ['4月14日,市政府', 'On 14 April, the city'],
    ['2021年工作计划', 'the work plan for 2021'],
    ['星期三上午', 'on Wednesday morning'],
    ['周三上午', 'on Wednesday morning'],
    ['2021年4月14日', 'April 14'],
    // Years before 1500 are read in English (issue 13), with a preposition or an era, or as a number.
    ['1368年，明朝建立', 'The Ming dynasty was founded in 1368.'],
    ['618年唐朝建立', 'The Tang dynasty was founded in 618, after the Sui.'],
    ['1066年', 'the Norman conquest of 1066 AD'],
    ['1206年成吉思汗统一蒙古', 'Genghis Khan united the Mongols: 1206 was the year'],
  ])('accepts %s ↔ %s', (zh, en) => {
    expect(qa(zh, en, 'date')).toEqual([]);
  });

  it.each([
    ['4月14日,市政府', 'On April 13, the city', ['error']],
    ['礼拜三上午', 'on Thursday morning', ['error']],
    ['1368年，明朝建立', 'The Ming dynasty was founded in 1369.', ['error']],
    ['1999年10月下旬', 'Near the end of October, 2004', ['error']],
    ['1994年10月', 'In October of 1120, three students', ['error']],
    ['他出生了', 'He was born in 1949.', ['info']],
    ['2021年工作计划', 'the work plan', ['error']],
    ['工作计划', 'the plan of May 3', ['warning']],
  ])('reports %s ↔ %s', (zh, en, severities) => {
    expect(qa(zh, en, 'date').map((f) => f.severity)).toEqual(severities);
  });
});

describe('name spelling across the document', () => {
  const bentham = [
    { zh: '边沁认为快乐是唯一的善。', en: 'Bentham held that pleasure is the only good.' },
    { zh: '边沁的功利主义影响很大。', en: "Bentham's utilitarianism was influential." },
    { zh: '密尔修正了边沁的学说。', en: 'Mill revised the doctrine of Benthan.' },
  ];

  it('reports a name spelled otherwise than the document spells it, with both spellings, once', () => {
    const findings = runQa(bentham, { checks: ['name'] }).filter((f) => f.severity !== 'info');
    expect(findings.map((f) => [f.pair, f.severity, f.message])).toEqual([
      [2, 'error', '边沁 (Bentham) ↔ Benthan: the name is spelled Bentham elsewhere in this document'],
    ]);
    const en = findings[0]!.en;
    expect(en.text.slice(en.spans[0]!.start, en.spans[0]!.end)).toBe('Benthan');
  });

  it('leaves other words of one edit alone: plurals, demonyms, words the document writes in lower case', () => {
    const pairs = [
      { zh: '美国人喜欢它。', en: 'Americans like it.' },
      { zh: '美国人也这样。', en: 'So do Americans.' },
      { zh: '美国人说。', en: 'The American said so.' },
      { zh: '他说。', en: 'Then he said so, then he left.' },
      { zh: '他说。', en: 'They said so.' },
    ];
    expect(runQa(pairs, { checks: ['name'] }).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('reports a non-word one slip from a name written twice, without its Chinese in the pair', () => {
    const pairs = [
      { zh: '上海的街道很热闹。', en: 'The streets of Shanghai were busy.' },
      { zh: '她在上海长大。', en: 'She grew up in Shanghai.' },
      { zh: '夜生活还没有开始。', en: "Shanhgai's nightlife had yet to begin." },
    ];
    const shown = runQa(pairs, { checks: ['name'] }).filter((f) => f.severity !== 'info');
    expect(shown.map((f) => [f.pair, f.message])).toEqual([
      [2, 'Shanghai ↔ Shanhgai: the name is spelled Shanghai elsewhere in this document'],
    ]);
  });

  it("shows a CC-CEDICT name's misspelling no dictionary knows; another real spelling stays info", () => {
    const slip = qa('满人摔跤手在酒馆里。', 'The Manhcu wrestlers were in the inn.', 'name');
    expect(slip.map((f) => [f.severity, f.message])).toEqual([
      ['warning', '满人 (Manchu) ↔ Manhcu: the name is spelled Manchu in CC-CEDICT'],
    ]);
    const gloss = qa('北京展览馆的尖顶。', 'The spire of the Beijing Exhrbition Center.', 'name');
    expect(qa('北京展览中心。', 'The Beijing Exhibition Centre.', 'name')).toEqual([]);
    expect(gloss.map((f) => f.severity)).toEqual(['warning']);
    expect(gloss[0]!.message).toContain('(Exhibition) ↔ Exhrbition');
  });

  it('reports a misspelt pinyin part of a Chinese name', () => {
    const findings = qa('王广成率队访问北京', 'Wnag Guangcheng led a team to Beijing', 'name');
    expect(findings.map((f) => f.message)).toEqual([
      '王广成 (Wang) ↔ Wnag: the name is spelled Wang in pinyin',
    ]);
    // Surname first, the person check already names both spellings: one finding, not two.
    const surnameFirst = qa('王广成率队访问北京', 'Wang Guangchegn led a team to Beijing', 'name');
    expect(surnameFirst.map((f) => f.message)).toEqual([
      '王广成 is Wang Guangcheng in pinyin, the English has Wang Guangchegn',
    ]);
  });
});

describe('dates written in digits (issue 13: datelines)', () => {
  it('reads 2021-04-15 as one date on either side, not a year, a count and the year 2004', () => {
    expect(
      qa('发布时间：2021-04-15，会议在重庆召开。', 'Released on April 15, 2021 in Chongqing.', 'date'),
    ).toEqual([]);
    expect(
      qa('发布时间：2021年4月15日，会议召开。', 'Released on 2021-04-15, the meeting was held.', 'date'),
    ).toEqual([]);
    expect(
      qa('发布时间：2021/4/15，会议召开。', 'Released on 2021-04-15, the meeting was held.', 'number'),
    ).toEqual([]);
    // Full-width digits and separators, as Traditional press pages often write them.
    expect(qa('發布時間：２０２１－０４－１５，會議召開。', 'Released on April 15, 2021.', 'date')).toEqual(
      [],
    );
    expect(qa('發布時間：２０２１－０４－１５，會議召開。', 'Released on April 15, 2021.', 'number')).toEqual(
      [],
    );
  });

  it('reports a changed day or month of such a date', () => {
    const changed = (zh: string, en: string) => qa(zh, en, 'date').map((f) => [f.severity, f.message]);
    expect(
      changed('发布时间：2021-04-15，会议召开。', 'Released on 2021-04-16, the meeting was held.'),
    ).toEqual([['error', '2021-04-15 (April 15, 2021) ↔ 2021-04-16: the dates differ']]);
    expect(changed('发布时间：2021年4月15日，会议召开。', 'Released on 2021-05-15.')).toEqual([
      ['error', '2021年4月15日 (April 15, 2021) ↔ 2021-05-15: the dates differ'],
    ]);
  });
});

describe('name check', () => {
  it.each([
    ['副会长王广成率队', 'Vice president Wang Guangcheng led a team'],
    ['副会长王广成率队', 'Guangcheng Wang led a team'],
    ['秘书长袁智兵表示', 'Secretary General Yuan said'],
    ['他的妻子麦肯齐说', 'His wife MacKenzie said'],
  ])('accepts %s ↔ %s', (zh, en) => {
    expect(qa(zh, en, 'name')).toEqual([]);
  });

  it('reports a missing person as a warning', () => {
    const findings = qa('副会长王广成率队', 'The vice president led a team', 'name');
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
    expect(findings[0]!.message).toContain('Wang Guangcheng');
  });

  it('reports a missing untitled name only as info', () => {
    expect(qa('王广成率队访问', 'A team visited', 'name').map((f) => f.severity)).toEqual(['info']);
  });

  it('reports a title given to the wrong person', () => {
    const findings = qa(
      '在拜会秘书长袁智兵时,王广成汇报了工作',
      'Meeting Yuan Zhibing, Wang Guangcheng, Secretary General, reported the work',
      'name',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('秘书长');
  });
});

describe('term check', () => {
  const termbase = [
    { zh: '史迪威博物馆', en: 'Stilwell Museum', status: 'preferred' as const },
    { zh: '史迪威博物馆', en: 'Stilwell Memorial', status: 'forbidden' as const },
  ];
  const check = (zh: string, en: string) => runQa([{ zh, en }], { checks: ['term'], termbase });

  it('accepts the preferred translation, in Traditional too', () => {
    expect(check('重慶史迪威博物館', 'Chongqing Stilwell Museum')).toEqual([]);
    expect(check('其他', 'Stilwell Memorial')).toEqual([]);
  });

  it('reports a missing and a forbidden translation', () => {
    expect(check('重庆史迪威博物馆', 'the Chongqing museum').map((f) => f.severity)).toEqual(['warning']);
    expect(check('重庆史迪威博物馆', 'the Stilwell Memorial').map((f) => f.severity)).toEqual([
      'error',
      'warning',
    ]);
  });
});

describe('omission check', () => {
  it('reports 1-0 and 0-1 beads', () => {
    const findings = runQa(
      [
        { zh: '第一句话。', en: '' },
        { zh: '', en: 'An added sentence.' },
      ],
      { checks: ['omission'] },
    );
    expect(findings.map((f) => f.message)).toEqual([
      'this Chinese sentence has no English counterpart',
      'this English sentence has no Chinese counterpart',
    ]);
  });

  it('takes a dateline on a line of its own for layout, not an omission', () => {
    expect(runQa([{ zh: '', en: 'November 15, 2012' }], { checks: ['omission'] })).toEqual([]);
    expect(runQa([{ zh: '2012年11月15日', en: '' }], { checks: ['omission'] })).toEqual([]);
  });

  it('reports a pair far longer than the document ratio', () => {
    const normal = {
      zh: '这是一个很普通的中文句子，长度适中。',
      en: 'This is an ordinary Chinese sentence of medium length.',
    };
    const padded = { zh: normal.zh, en: `${normal.en} ${normal.en} ${normal.en} ${normal.en}` };
    expect(runQa([normal, normal, padded, normal], { checks: ['omission'] }).map((f) => f.pair)).toEqual([2]);
    expect(runQa([normal, normal, normal], { checks: ['omission'] })).toEqual([]);
  });
});

describe('untranslated check', () => {
  it('reports Han characters and full-width punctuation in the English', () => {
    const findings = qa('中促会', 'The 中促会 met，today', 'untranslated');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.en.spans).toEqual([
      { start: 4, end: 7 },
      { start: 11, end: 12 },
    ]);
    expect(qa('标点', 'Only “curly quotes” here, and – dashes.', 'untranslated')).toEqual([]);
  });
});

describe('inconsistency check', () => {
  it('reports the same source translated two ways, and the reverse', () => {
    const findings = runQa(
      [
        { zh: '谢谢大家。', en: 'Thank you all.' },
        { zh: '谢谢大家', en: 'Thanks, everyone.' },
        { zh: '感谢大家。', en: 'Thank you all' },
        { zh: '謝謝大家。', en: 'thank you all.' },
      ],
      { checks: ['inconsistency'] },
    );
    expect(findings.map((f) => [f.pair, f.severity])).toEqual([
      [1, 'warning'],
      [2, 'info'],
    ]);
  });
});

describe('repeated-word check', () => {
  it.each([
    ['the the meeting', 1],
    ['The the meeting', 1],
    ['Jiang Jiang said', 0],
    ['what he had had', 0],
    ['we met in in Beijing', 1],
    ["they think it it's a film", 1],
    ['a fat fat-free food', 0],
  ])('%s → %d', (en, count) => {
    expect(qa('会议', en, 'repeated-word')).toHaveLength(count);
  });

  it('reports doubled function characters in Chinese, not reduplication', () => {
    expect(qa('我们的的工作', 'our work', 'repeated-word')).toHaveLength(1);
    expect(qa('常常研究研究', 'often study', 'repeated-word')).toEqual([]);
  });

  it.each(['我们要实实在在地做事', '这的的确确是真的', '是是非非'])(
    '%s is reduplication (AABB), not a slip',
    (zh) => {
      expect(qa(zh, 'we must work in earnest', 'repeated-word')).toEqual([]);
    },
  );
});

describe('brackets check', () => {
  it.each([
    ['史迪威研究中心(重慶史迪威博物館)', 'the center (the museum)', 0],
    ['促進“民相親,心相通”', 'promote "exchange"', 0],
    ['研究中心(博物館', 'the center (the museum)', 1],
    ['《报告', 'the report)', 2],
    ['促进“民相亲', 'the "report', 0],
    ['促进“民相亲”', 'the "report', 1],
  ])('%s ↔ %s → %d', (zh, en, count) => {
    const findings = qa(zh, en, 'brackets');
    expect(findings).toHaveLength(count);
  });

  it('reports open quotes as info and open brackets as warnings', () => {
    const findings = qa('他说：“你好”（世界', 'He said: "hello (world', 'brackets');
    expect(findings.map((f) => [f.severity, f.zh.spans.length, f.en.spans.length])).toEqual([
      ['warning', 1, 0],
      ['warning', 0, 2],
    ]);
    expect(qa('他说：“你好”', 'He said: "hello', 'brackets').map((f) => f.severity)).toEqual(['info']);
  });

  it('takes quotes running over sentences for dialogue (issue 13)', () => {
    const dialogue = [
      { zh: '他说：“你好。', en: 'He said: "Hello.' },
      { zh: '我很好。”', en: 'I am fine."' },
      { zh: '“走吧。', en: '"Let us go.' },
      { zh: '天黑了。”', en: 'It is dark."' },
    ];
    expect(runQa(dialogue, { checks: ['brackets'] })).toEqual([]);
  });
});

describe('literary liberties that are not slips (mac-dev false alarms)', () => {
  const shown = (pairs: { zh: string; en: string }[], check: QaCheck) =>
    runQa(pairs, { checks: [check] }).filter((f) => f.severity !== 'info');

  it('a parenthesis running over two sentences', () => {
    const pairs = [
      {
        zh: '也许是一场大灾难（由此联想到，以前的每一次大灾难？',
        en: 'Maybe a disaster. Could every disaster be so?',
      },
      {
        zh: '都有一个人要负的最终责任）；也许是全世界的毁灭。',
        en: 'Someone bore the responsibility. Or the end of the world.',
      },
    ];
    expect(shown(pairs, 'brackets')).toEqual([]);
    // Alone, each half is unbalanced.
    expect(shown([pairs[1]!], 'brackets')).toHaveLength(1);
  });

  it('"her her", a word said three times or more, and 现在|在', () => {
    expect(shown([{ zh: '问她。', en: 'They asked her her business.' }], 'repeated-word')).toEqual([]);
    expect(shown([{ zh: '咯当咯当。', en: 'A persistent tock tock tock tock.' }], 'repeated-word')).toEqual(
      [],
    );
    expect(shown([{ zh: '“这东西现在在哪儿？”', en: 'Where is it?' }], 'repeated-word')).toEqual([]);
    expect(shown([{ zh: '他在在家。', en: 'He was was at home.' }], 'repeated-word')).toHaveLength(2);
  });

  it('ranges (八九两, 一两月) and round hyperbole (一万个不服) in characters', () => {
    const numbers = [
      { zh: '还有八九两剩下。', en: 'The remaining eight he kept.' },
      { zh: '一百个…… 一万个不服。', en: 'A hundred times no!' },
    ];
    expect(shown(numbers, 'number')).toEqual([]);
    expect(shown([{ zh: '还有三千两剩下。', en: 'Some money was left.' }], 'number')).toHaveLength(1);
    expect(shown([{ zh: '他每过一两月会来一次。', en: 'He came every two months or so.' }], 'date')).toEqual(
      [],
    );
  });
});
