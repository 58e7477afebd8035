import { describe, expect, it } from 'vitest';
import type { TermEntry } from '../core/terms/index.js';
import { parseTermsTable, termEntriesToCsv, termPairsToTsv } from './terms-csv.js';

describe('terms CSV/TSV', () => {
  const entries: TermEntry[] = [
    {
      zh: '全國對外友協',
      en: "Chinese People's Association for Friendship with Foreign Countries",
      status: 'preferred',
      kind: 'organization',
    },
    {
      zh: '成渝地區雙城經濟圈',
      en: 'Chengdu-Chongqing "economic", circle',
      status: 'admitted',
      score: 0.8,
      note: 'two\nlines',
    },
  ];

  it('round-trips CSV with quotes, commas and line breaks', () => {
    expect(parseTermsTable(termEntriesToCsv(entries), 't.csv')).toEqual(entries);
  });

  it('reads headerless TSV and header aliases', () => {
    expect(parseTermsTable('姜江\tJiang Jiang\n袁智兵\tYuan Zhibing\tforbidden\n', 't.tsv')).toEqual([
      { zh: '姜江', en: 'Jiang Jiang', status: 'preferred' },
      { zh: '袁智兵', en: 'Yuan Zhibing', status: 'forbidden' },
    ]);
    expect(parseTermsTable('en-US,zh-CN\nJiang Jiang,姜江\n', 't.csv')).toEqual([
      { zh: '姜江', en: 'Jiang Jiang', status: 'preferred' },
    ]);
  });

  it('names the line of a bad row', () => {
    expect(() => parseTermsTable('zh,en\n姜江,\n', 't.csv')).toThrow(
      expect.objectContaining({ code: 'TERMS_MALFORMED', location: { file: 't.csv', line: 2 } }),
    );
    expect(() => parseTermsTable('zh,en,status\n姜江,Jiang,maybe\n', 't.csv')).toThrow(/status must be/);
  });

  it('writes extraction TSV one pair per line under a header row, which it reads back', () => {
    const tsv = termPairsToTsv([
      { zh: '姜江', en: 'Jiang\tJiang', score: 0.9, kind: 'person', count: 2, zhCount: 2, enCount: 2 },
    ]);
    expect(tsv).toBe('zh\ten\tscore\tkind\n姜江\tJiang Jiang\t0.9\tperson\n');
    expect(parseTermsTable(tsv, 't.tsv')).toEqual([
      { zh: '姜江', en: 'Jiang Jiang', status: 'preferred', kind: 'person', score: 0.9 },
    ]);
    // The same columns without the header (a list written before it had one): a number is a score.
    expect(parseTermsTable('姜江\tJiang Jiang\t0.9\tperson\n', 't.tsv')[0]).toMatchObject({ score: 0.9 });
  });

  it('refuses control characters in a termbase table, naming line and column', () => {
    expect(() => parseTermsTable('zh\ten\n姜\u001b江\tJiang Jiang\n', 't.tsv')).toThrow(
      expect.objectContaining({
        message: 'control character U+001B in column 1',
        location: { file: 't.tsv', line: 2 },
      }),
    );
  });
});
