import { describe, expect, it } from 'vitest';
import {
  ENGLISH_MONTH_NAMES,
  ENGLISH_WEEKDAY_NAMES,
  extractDates,
  extractNumbers,
  parseChineseNumeral,
  parseNumberWords,
} from './index.js';

const simple = (text: string, lang: 'zh' | 'en') =>
  extractNumbers(text, lang).map((m) => [m.text, m.value, m.kind] as const);

describe('parseChineseNumeral', () => {
  it.each([
    ['十五', 15],
    ['十', 10],
    ['二十', 20],
    ['一百零五', 105],
    ['三千', 3000],
    ['一万二千', 12000],
    ['两亿', 2e8],
    ['一亿二千万', 1.2e8],
    ['十二万亿', 1.2e13],
    ['百万', 1e6],
    ['二〇二一', 2021],
    ['三点五', 3.5],
    ['叁佰贰拾', 320],
    ['兩萬', 20000],
  ])('%s = %d', (numeral, value) => {
    expect(parseChineseNumeral(numeral)).toBe(value);
  });

  it.each(['', '年', '三点'])('%j is not a numeral', (numeral) => {
    expect(parseChineseNumeral(numeral)).toBeUndefined();
  });
});

describe('extractNumbers zh', () => {
  it.each([
    ['共三千人', [['三千', 3000, 'cardinal']]],
    ['一万二千元', [['一万二千', 12000, 'cardinal']]],
    ['3.5万人', [['3.5万', 35000, 'cardinal']]],
    ['两亿元', [['两亿', 2e8, 'cardinal']]],
    ['二〇二一年', [['二〇二一年', 2021, 'year']]],
    ['2020年外事工作', [['2020年', 2020, 'year']]],
    ['工作了3年', [['3', 3, 'cardinal']]],
    ['百分之五', [['百分之五', 5, 'percent']]],
    ['百分之3.5', [['百分之3.5', 3.5, 'percent']]],
    ['增长5%', [['5%', 5, 'percent']]],
    ['增长５％', [['５％', 5, 'percent']]],
    ['第三次', [['第三', 3, 'ordinal']]],
    ['第3名', [['第3', 3, 'ordinal']]],
    ['十五个', [['十五', 15, 'cardinal']]],
    ['２０２１年', [['２０２１年', 2021, 'year']]],
    ['１２３，４５６元', [['１２３，４５６', 123456, 'cardinal']]],
    ['3,000人', [['3,000', 3000, 'cardinal']]],
    ['三分之一', [['三分之一', 1 / 3, 'fraction']]],
    ['千分之五', [['千分之五', 0.005, 'fraction']]],
    [
      '4月14日',
      [
        ['4月', 4, 'month'],
        ['14日', 14, 'day'],
      ],
    ],
    [
      '四月十四日',
      [
        ['四月', 4, 'month'],
        ['十四日', 14, 'day'],
      ],
    ],
    ['12万亿元', [['12万亿', 1.2e13, 'cardinal']]],
    ['2.5亿', [['2.5亿', 2.5e8, 'cardinal']]],
    ['1.5公里', [['1.5', 1.5, 'decimal']]],
    ['有七成的人', [['七成', 70, 'percent']]],
    ['10多亿美元', [['10多亿', 1e9, 'cardinal']]],
    ['70年代', [['70年', 70, 'year']]],
    ['3百万美元', [['3百万', 3e6, 'cardinal']]],
    ['速度为9.6千比特', [['9.6', 9.6, 'decimal']]],
    ['777-200X飞机', [['777', 777, 'cardinal']]],
  ])('%s', (text, expected) => {
    expect(simple(text, 'zh')).toEqual(expected);
  });

  it.each([
    '一两天',
    '三四个人',
    '四川省',
    '统一思想',
    '他十分高兴',
    '一起去',
    '一带一路',
    '新冠 COVID-19',
    '周三',
    '千方百计',
    '万一出了事',
    '万一他不来',
  ])('%s has no number', (text) => {
    expect(extractNumbers(text, 'zh')).toEqual([]);
  });

  it('keeps spans pointing into the original text', () => {
    const text = '他在２０２１年收入３．５万元';
    for (const m of extractNumbers(text, 'zh')) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('extractNumbers en', () => {
  it.each([
    ['3,000 people', [['3,000', 3000, 'cardinal']]],
    ['100 000 people', [['100 000', 100000, 'cardinal']]],
    ['3.5 million yuan', [['3.5 million', 3.5e6, 'cardinal']]],
    ['grew 5%', [['5%', 5, 'percent']]],
    ['grew 5 percent', [['5 percent', 5, 'percent']]],
    ['five percent', [['five percent', 5, 'percent']]],
    ['five people', [['five', 5, 'cardinal']]],
    ['twenty-one years', [['twenty-one', 21, 'cardinal']]],
    ['three hundred and five', [['three hundred and five', 305, 'cardinal']]],
    ['a million', [['a million', 1e6, 'cardinal']]],
    ['the first time', [['first', 1, 'ordinal']]],
    ['the twenty-first century', [['twenty-first', 21, 'ordinal']]],
    ['the 1st place', [['1st', 1, 'ordinal']]],
    ['in 2021', [['2021', 2021, 'year']]],
    ['2.5 billion', [['2.5 billion', 2.5e9, 'cardinal']]],
    ['10,000 yuan', [['10,000', 10000, 'cardinal']]],
    ['3/4 of them', [['3/4', 0.75, 'fraction']]],
    ['1.5 km', [['1.5', 1.5, 'decimal']]],
    ['On April 14', [['14', 14, 'day']]],
    ['half a million people', [['half a million', 5e5, 'cardinal']]],
    ['in the past two decades', [['two decades', 20, 'cardinal']]],
    ['a decade ago', [['a decade', 10, 'cardinal']]],
    ['a dozen eggs', [['a dozen', 12, 'cardinal']]],
    ['the Party’s centenary', [['centenary', 100, 'cardinal']]],
    ['the bicentennial of the city', [['bicentennial', 200, 'cardinal']]],
    ['its Tercentenary', [['Tercentenary', 300, 'cardinal']]],
    ['Twenty-One Pilots', [['Twenty-One', 21, 'cardinal']]],
    ['in the 1970s', [['1970s', 1970, 'year']]],
    ["in the '90s", [["'90s", 1990, 'year']]],
    ['a 1 in 10 chance', [['1 in 10', 0.1, 'fraction']]],
    ['a 10m range', [['10m', 10, 'cardinal']]],
    ['doses of .5mg', [['.5mg', 0.5, 'decimal']]],
    ['a budget of $30m', [['30m', 3e7, 'cardinal']]],
    [
      'the 1997-98 race',
      [
        ['1997', 1997, 'year'],
        ['98', 1998, 'year'],
      ],
    ],
    ["the Dogme '95 manifesto", [['95', 1995, 'year']]],
    [
      'Released 2021-04-15 by',
      [
        ['2021', 2021, 'year'],
        ['04', 4, 'month'],
        ['15', 15, 'day'],
      ],
    ],
    ['version 2021.04.15.3', []],
  ])('%s', (text, expected) => {
    expect(simple(text, 'en')).toEqual(expected);
  });

  it.each(['COVID-19 pandemic', 'the G20 summit', 'hundreds of people', 'someone said'])(
    '%s has no number',
    (text) => {
      expect(extractNumbers(text, 'en')).toEqual([]);
    },
  );

  it('parses number words', () => {
    expect(parseNumberWords('ninety-nine thousand nine hundred')).toEqual({ value: 99900, ordinal: false });
    expect(parseNumberWords('hundredth')).toEqual({ value: 100, ordinal: true });
    expect(parseNumberWords('banana')).toBeUndefined();
  });
});

describe('extractDates', () => {
  it('finds every English month and weekday written without a digit, in full and abbreviated', () => {
    ENGLISH_MONTH_NAMES.forEach((name, k) => {
      expect(extractDates(`It happened in ${name}.`, 'en'), name).toMatchObject([{ month: k + 1 }]);
      const short = `${name.slice(0, 3)}.`;
      expect(extractDates(`Since ${short} they wrote.`, 'en'), short).toMatchObject([{ month: k + 1 }]);
    });
    ENGLISH_WEEKDAY_NAMES.forEach((name, k) => {
      expect(extractDates(`He left on ${name}.`, 'en'), name).toMatchObject([{ weekday: k + 1 }]);
    });
    expect(extractDates('He said nothing at all.', 'en')).toEqual([]);
  });

  const fields = (text: string, lang: 'zh' | 'en') =>
    extractDates(text, lang).map(({ text: t, year, month, day, weekday }) => ({
      t,
      year,
      month,
      day,
      weekday,
    }));

  it.each([
    ['4月14日,市政府', [{ t: '4月14日', month: 4, day: 14 }]],
    ['2021年4月14日', [{ t: '2021年4月14日', year: 2021, month: 4, day: 14 }]],
    ['二〇二一年四月十四号', [{ t: '二〇二一年四月十四号', year: 2021, month: 4, day: 14 }]],
    ['2021年工作计划', [{ t: '2021年', year: 2021 }]],
    ['星期三', [{ t: '星期三', weekday: 3 }]],
    ['周三上午', [{ t: '周三', weekday: 3 }]],
    ['礼拜三', [{ t: '礼拜三', weekday: 3 }]],
    ['星期日', [{ t: '星期日', weekday: 7 }]],
    ['５月', [{ t: '５月', month: 5 }]],
    ['發布時間：2021-04-15　來源', [{ t: '2021-04-15', year: 2021, month: 4, day: 15 }]],
    ['发布于2021/4/15。', [{ t: '2021/4/15', year: 2021, month: 4, day: 15 }]],
    ['發布時間：２０２１－０４－１５', [{ t: '２０２１－０４－１５', year: 2021, month: 4, day: 15 }]],
  ])('zh %s', (text, expected) => {
    expect(fields(text, 'zh')).toEqual(
      expected.map((e) => ({ year: undefined, month: undefined, day: undefined, weekday: undefined, ...e })),
    );
  });

  it.each(['三个月', '13月', '3年', '每周三次'])('zh %s has no date', (text) => {
    expect(extractDates(text, 'zh')).toEqual([]);
  });

  it.each([
    ['On April 14, leaders', [{ t: 'April 14', month: 4, day: 14 }]],
    ['on 14 April', [{ t: '14 April', month: 4, day: 14 }]],
    ['the 14th of April', [{ t: '14th of April', month: 4, day: 14 }]],
    ['April 14, 2021', [{ t: 'April 14, 2021', year: 2021, month: 4, day: 14 }]],
    ['in Sept. 2020', [{ t: 'Sept. 2020', year: 2020, month: 9 }]],
    ['work in 2020', [{ t: '2020', year: 2020 }]],
    ['on Wednesday', [{ t: 'Wednesday', weekday: 3 }]],
    ['May 1', [{ t: 'May 1', month: 5, day: 1 }]],
    ['a child in May', [{ t: 'May', month: 5 }]],
    ["the Dogme '95 manifesto", [{ t: '95', year: 1995 }]],
    ['was founded in 1368.', [{ t: '1368', year: 1368 }]],
    ['in 618, after the Sui', [{ t: '618', year: 618 }]],
    ['the conquest of 1066 AD', [{ t: '1066 AD', year: 1066 }]],
    ['Released 2021-04-15 by', [{ t: '2021-04-15', year: 2021, month: 4, day: 15 }]],
    ['on 2021.04.15.', [{ t: '2021.04.15', year: 2021, month: 4, day: 15 }]],
  ])('en %s', (text, expected) => {
    expect(fields(text, 'en')).toEqual(
      expected.map((e) => ({ year: undefined, month: undefined, day: undefined, weekday: undefined, ...e })),
    );
  });

  it.each(['May I go', 'a Pole named Jan Kwasniewski', 'Mar the surface'])('en %s names no month', (text) => {
    expect(extractDates(text, 'en')).toEqual([]);
  });

  it.each(['we may go', '3,000 people', '2021 percent', 'April 45', 'in 300 cases', 'about 1200 people'])(
    'en %s has no date',
    (text) => {
      expect(extractDates(text, 'en').filter((d) => d.day !== undefined || d.year !== undefined)).toEqual([]);
    },
  );
});
