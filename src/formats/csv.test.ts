import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

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
