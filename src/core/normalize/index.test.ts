import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addReports, cleanText, emptyReport } from './index.js';

const lineBreaks = (s: string) => s.match(/\r\n|\r|\n/g)?.length ?? 0;

describe('cleanText', () => {
  it('removes controls, zero-width characters and a BOM inside the text, keeping tabs and line feeds', () => {
    const { text, report } = cleanText('a\u0000b\u200bc\ufeffd\u0085e\tf\ng\u00ad');
    expect(text).toBe('abcde\tf\ng');
    expect(report).toEqual({ ...emptyReport(), controls: 5 });
  });

  it('turns CRLF and lone CR into LF, keeping the number of line breaks', () => {
    const { text, report } = cleanText('一\r\n二\r三\n四');
    expect(text).toBe('一\n二\n三\n四');
    expect(report.controls).toBe(2);
  });

  it('composes to NFC and counts each composed character', () => {
    const { text, report } = cleanText('cafe\u0301 and nai\u0308ve');
    expect(text).toBe('café and naïve');
    expect(report.unicode).toBe(2);
  });

  it('turns Unicode spaces into one space and trims both ends of each line', () => {
    const { text, report } = cleanText(
      '\u3000\u3000第一段\u3000內容  ok \n two\u00a0words\t\t!\t\nkeep\ta tab',
    );
    expect(text).toBe('第一段 內容 ok\ntwo words !\nkeep\ta tab');
    expect(report.spaces).toBe(8);
  });

  it("closes up letter-spaced Chinese, line by line, and leaves a space between names or a verse's halves", () => {
    const { text, report } = cleanText(
      '中 国 人 民 银 行 今 天 宣 布 。\n张三 李四 王五\n床前明月光 疑是地上霜\nthe 2021 report',
    );
    expect(text).toBe('中国人民银行今天宣布。\n张三 李四 王五\n床前明月光 疑是地上霜\nthe 2021 report');
    expect(report.spaces).toBe(10);
  });

  it('finds a gloss hidden by a zero-width space or written with a combining tone mark', () => {
    expect(cleanText('協\u200b(xie\u0301)會').text).toBe('協會');
    expect(cleanText('協(xie\u0301)會').report).toEqual({ ...emptyReport(), unicode: 1, pinyinGlosses: 1 });
  });

  it('switches each step off on its own', () => {
    const input = ' 協(xié)\u200b cafe\u0301\u3000 ';
    expect(cleanText(input, { pinyinGlosses: false }).text).toBe('協(xié) café');
    expect(cleanText(input, { unicode: false }).text).toBe('協 cafe\u0301');
    expect(cleanText(input, { controls: false }).text).toBe('協\u200b café');
    expect(cleanText(input, { spaces: false }).text).toBe(' 協 café\u3000 ');
    const off = { pinyinGlosses: false, unicode: false, controls: false, spaces: false };
    expect(cleanText(input, off)).toEqual({ text: input, report: emptyReport() });
  });

  it('adds reports field by field', () => {
    const a = { pinyinGlosses: 1, unicode: 2, controls: 3, spaces: 4 };
    expect(addReports(a, a)).toEqual({ pinyinGlosses: 2, unicode: 4, controls: 6, spaces: 8 });
    expect(addReports(a, emptyReport())).toEqual(a);
  });

  // Pieces that interact: glosses, parentheses, Han, blanks of every kind, controls, combining marks.
  const piece = fc.constantFrom(
    '協',
    '會',
    '他',
    '經',
    '濟',
    'jīngjì',
    'jing1 ji4',
    '’',
    '(',
    ')',
    '（',
    '）',
    'xié',
    'xie2',
    'ta',
    'e',
    '\u0301',
    '\u0308',
    'u',
    'A',
    '3',
    ' ',
    '  ',
    '\t',
    '\u3000',
    '\u00a0',
    '\n',
    '\r',
    '\r\n',
    '\u200b',
    '\ufeff',
    '\u0000',
    '\u0085',
    '。',
    '.',
  );
  const messy = fc
    .array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 40 })
    .map((a) => a.join(''));

  it('is idempotent: cleaning twice gives what cleaning once gives', () => {
    fc.assert(
      fc.property(messy, (input) => {
        const once = cleanText(input).text;
        const twice = cleanText(once);
        expect(twice.text).toBe(once);
        expect(twice.report).toEqual(emptyReport());
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the number of line breaks, and leaves only LF', () => {
    fc.assert(
      fc.property(messy, (input) => {
        const { text } = cleanText(input);
        expect(lineBreaks(text)).toBe(lineBreaks(input));
        expect(text).not.toContain('\r');
      }),
      { numRuns: 2000 },
    );
  });
});
