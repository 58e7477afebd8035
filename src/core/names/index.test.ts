import { describe, expect, it } from 'vitest';
import { englishMentionsName, findChineseNames, locateEnglishName, surnameOf } from './index.js';

const persons = (text: string) =>
  findChineseNames(text)
    .filter((n) => n.kind === 'person')
    .map((n) => [n.text, n.pinyin]);

describe('findChineseNames', () => {
  it.each([
    ['副會長王廣成率隊赴京', [['王廣成', 'Wang Guangcheng']]],
    ['拜會副會長姜江時,匯報了工作', [['姜江', 'Jiang Jiang']]],
    ['秘书长袁智兵时', [['袁智兵', 'Yuan Zhibing']]],
    [
      '习近平和李克强会见了欧阳修',
      [
        ['习近平', 'Xi Jinping'],
        ['李克强', 'Li Keqiang'],
        ['欧阳修', 'Ouyang Xiu'],
      ],
    ],
    ['经理王芳说', [['王芳', 'Wang Fang']]],
  ])('%s', (text, expected) => {
    expect(persons(text)).toEqual(expected);
  });

  it.each([
    '重慶史迪威博物館',
    '成渝地區雙城經濟圈',
    '中促會匯報',
    '他十分高兴',
    '詹姆斯说',
    '史密斯表示',
    '花光了钱',
    // Issue 13: ordinary words and foreign names taken for Chinese persons.
    '两国的发展战略相衔接。',
    '他研究罗马法。',
    '他找到了一个金元宝。',
    '菲林戴尔说他很高兴。',
  ])('%s names no person', (text) => {
    expect(persons(text)).toEqual([]);
  });

  it('finds places and organisations with spans into the original', () => {
    const text = '重慶市對外友協與四川省對外友協';
    const names = findChineseNames(text);
    expect(names.map((n) => [n.text, n.kind])).toEqual(
      expect.arrayContaining([
        ['重慶市', 'place'],
        ['四川省', 'place'],
      ]),
    );
    for (const n of names) expect(text.slice(n.start, n.end)).toBe(n.text);
  });
});

describe('englishMentionsName', () => {
  it.each([
    'Wang Guangcheng led a team',
    'led by Guangcheng Wang',
    'WANG Guangcheng said',
    'Wang Guang-cheng said',
    'Wang Guang Cheng said',
    'Wáng Guǎngchéng said',
    'Wang, Guangcheng',
  ])('finds Wang Guangcheng in %j', (en) => {
    expect(englishMentionsName(en, 'Wang Guangcheng')).toBe(true);
  });

  it.each(['Wang Guangchen said', 'Wang Guocheng said', 'Wangguangcheng', 'Huang Guangcheng', 'Wang said'])(
    'does not find Wang Guangcheng in %j',
    (en) => {
      expect(englishMentionsName(en, 'Wang Guangcheng')).toBe(false);
    },
  );

  it('returns the span of the name', () => {
    const en = 'During his meeting with Yuan Zhibing, Wang';
    const span = locateEnglishName(en, 'Yuan Zhibing');
    expect(span && en.slice(span.start, span.end)).toBe('Yuan Zhibing');
  });
});

describe('surnameOf', () => {
  it.each([
    ['王广成', '王'],
    ['欧阳修', '欧阳'],
    ['司马光', '司马'],
    ['中促会', undefined],
  ])('%s → %s', (name, surname) => {
    expect(surnameOf(name)).toBe(surname);
  });
});
