import { describe, expect, it } from 'vitest';
import { detectCsvSeparator, parseCsv } from './csv.js';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const text = '\uFEFFzh,en\r\n"重慶,市","Chongqing ""city"",\nnext line"\r\n,\r\nlast,"x"';
    expect(parseCsv(text, 'f.csv')).toEqual([
      { cells: ['zh', 'en'], line: 1 },
      { cells: ['重慶,市', 'Chongqing "city",\nnext line'], line: 2 },
      { cells: ['', ''], line: 4 },
      { cells: ['last', 'x'], line: 5 },
    ]);
  });

  it('keeps a quote inside an unquoted field as a letter, as spreadsheets do', () => {
    expect(parseCsv('5" disk,ok\n', 'f.csv')).toEqual([{ cells: ['5" disk', 'ok'], line: 1 }]);
  });

  it('refuses text after a closing quote, and a quote never closed, with line and column', () => {
    expect(() => parseCsv('a,b\nc,"d"e\n', 'f.csv')).toThrow(
      expect.objectContaining({ code: 'CSV_MALFORMED', location: { file: 'f.csv', line: 2, column: 6 } }),
    );
    expect(() => parseCsv('a,b\nc,"d\ne,f\n', 'f.csv', 'TERMS_MALFORMED')).toThrow(
      expect.objectContaining({ code: 'TERMS_MALFORMED', location: { file: 'f.csv', line: 2, column: 3 } }),
    );
  });
});

describe('detectCsvSeparator', () => {
  const of = (text: string) => detectCsvSeparator(text).separator;

  it('takes the separator every record has the same number of, quoted ones aside', () => {
    expect(of('zh,en\n你好,hello; hi\n再見,"bye, then"\n')).toBe(',');
    expect(of('zh;en\n你好,世界;hello, world\n再見;bye\n')).toBe(';');
    expect(of('zh\ten\n你好,世界\thello; world\n')).toBe('\t');
    expect(of('\ufeffzh;en\r\n"a;b";c\r\n')).toBe(';');
  });

  it("follows Excel's sep= line, which it empties so line numbers stay the file's", () => {
    expect(detectCsvSeparator('sep=;\r\nzh;en\r\n')).toEqual({ separator: ';', text: '\r\nzh;en\r\n' });
  });

  it('falls back to the comma, or to the only separator the header has', () => {
    expect(of('just one column\n')).toBe(',');
    expect(of('zh;en\n你好\n再見;bye;x\n')).toBe(';');
  });
});
