import { describe, expect, it } from 'vitest';
import { joinLines } from '../../core/segment/join-lines.js';
import { unifyCjkRadicals } from './cjk-radicals.js';
import { dropFurniture, type PdfLine, pdfParagraphs } from './pdf-layout.js';

describe('joinLines', () => {
  it('joins English lines with a space and Chinese lines without', () => {
    expect(joinLines(['led a team to report', 'the work'])).toBe('led a team to report the work');
    expect(joinLines(['4月14日,市政府外辦黨組成員、', '二級巡視員,'])).toBe(
      '4月14日,市政府外辦黨組成員、二級巡視員,',
    );
    expect(joinLines(['4月14日,', '市政府外辦'])).toBe('4月14日,市政府外辦');
    expect(joinLines(['匯報了重慶市', '2020年外事工作情況及2021年工作計劃,', '2021年'])).toBe(
      '匯報了重慶市2020年外事工作情況及2021年工作計劃,2021年',
    );
  });

  it('keeps the space between two English words in a Chinese line', () => {
    expect(joinLines(['重慶史迪威博物館 Chongqing Stilwell', 'Museum 等中美交流外事資源'])).toBe(
      '重慶史迪威博物館 Chongqing Stilwell Museum 等中美交流外事資源',
    );
  });

  it('rejoins a pinyin gloss cut by a line break, wherever the cut falls', () => {
    expect(joinLines(['市對外友協(xi', 'é)副會長'])).toBe('市對外友協(xié)副會長');
    expect(joinLines(['市對外友協(', 'xié)副會長'])).toBe('市對外友協(xié)副會長');
    expect(joinLines(['市對外友協', '(xié)副會長'])).toBe('市對外友協(xié)副會長');
    expect(joinLines(['市對外友協(xié', ')副會長'])).toBe('市對外友協(xié)副會長');
  });

  it('drops the hyphen of a soft break and keeps a word’s own', () => {
    expect(joinLines(['the China NGO Network for inter-', 'national exchanges'])).toBe(
      'the China NGO Network for international exchanges',
    );
    expect(joinLines(['level-', 'II inspector'])).toBe('level-II inspector');
    expect(joinLines(['the Chengdu-', 'Chongqing economic circle'])).toBe(
      'the Chengdu-Chongqing economic circle',
    );
    expect(joinLines(['people-', 'to-people exchanges'])).toBe('people-to-people exchanges');
    expect(joinLines(['people-to-', 'people exchanges'])).toBe('people-to-people exchanges');
    expect(joinLines(['the impact of COVID-', '19, and'])).toBe('the impact of COVID-19, and');
    expect(joinLines(['a follow-', 'up visit'])).toBe('a follow-up visit');
    expect(joinLines(['China-', 'US exchange'])).toBe('China-US exchange');
    // the document writes the compound with its hyphen elsewhere, and never as one word
    expect(joinLines(['a well-known museum, well-', 'known friends'])).toBe(
      'a well-known museum, well-known friends',
    );
    expect(joinLines(['soft\u00ad', 'ware'])).toBe('software');
  });
});

const line = (page: number, y: number, text: string, x = 60, size = 11): PdfLine => ({
  page,
  text,
  x,
  xEnd: x + text.length * 5.5,
  y,
  size,
});

describe('dropFurniture', () => {
  it('drops a running header repeated at the same place and bare page numbers, and keeps the body', () => {
    const pages = [1, 2, 3].map((page) => [
      line(page, 560, 'Foreign Affairs Office of Chongqing', 60, 8),
      line(page, 525, `Body text of the ${['first', 'second', 'third'][page - 1]} page that goes on`),
      line(page, 510, `and on ${'.'.repeat(page)}`),
      line(page, 35, page === 2 ? '- 2 -' : String(page), 200, 9),
    ]);
    const kept = dropFurniture(pages).map((p) => p.map((l) => l.text));
    expect(kept).toEqual(
      ['first', 'second', 'third'].map((n, i) => [
        `Body text of the ${n} page that goes on`,
        `and on ${'.'.repeat(i + 1)}`,
      ]),
    );
  });

  it('drops a browser’s date/title header and address/page-count footer, even on a single page', () => {
    const page = [
      line(1, 580, '12/6/26, 3:38 PM 王廣成率隊赴全國對外友協、中促會匯報工作', 20, 8),
      line(1, 525, '4月14日,市政府外辦黨組成員'),
      line(1, 20, 'file:///tmp/release.html 1/1', 20, 8),
    ];
    expect(
      dropFurniture([page])
        .flat()
        .map((l) => l.text),
    ).toEqual(['4月14日,市政府外辦黨組成員']);
  });

  it('keeps a line that repeats on fewer than half the pages', () => {
    const pages = [1, 2, 3, 4, 5].map((page) => [
      line(page, 560, page <= 2 ? 'Draft notes' : `Heading ${'x'.repeat(page)}`),
      line(page, 525, `Body ${'y'.repeat(page)}`),
    ]);
    expect(
      dropFurniture(pages)
        .flat()
        .map((l) => l.text),
    ).toContain('Draft notes');
  });
});

describe('pdfParagraphs', () => {
  it('breaks paragraphs at a larger gap and at an indent, and runs a paragraph on across a page break', () => {
    const full = (letter: string) => letter.repeat(50);
    const pages = [
      [
        line(1, 500, full('a')),
        line(1, 485, full('b')),
        line(1, 455, full('c')), // a gap of two lines
        line(1, 440, full('d')),
        line(1, 425, full('e'), 82), // indented
        line(1, 410, full('f')),
      ],
      [line(2, 500, full('g')), line(2, 485, 'end.')],
    ];
    const paragraphs = pdfParagraphs(pages);
    expect(paragraphs.map((p) => p.lines.length)).toEqual([2, 2, 4]);
    expect(paragraphs.map((p) => p.page)).toEqual([1, 1, 1]);
  });
});

describe('unifyCjkRadicals', () => {
  it('reads the radicals a font names for ideographs as the ideographs (Chromium with Noto CJK)', () => {
    expect(unifyCjkRadicals('4⽉14⽇,市對外友協副會⻑,⺠間')).toBe('4月14日,市對外友協副會長,民間');
    expect(unifyCjkRadicals('On April 14')).toBe('On April 14');
  });
});
