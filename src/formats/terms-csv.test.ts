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

  it('writes extraction TSV one pair per line', () => {
    expect(
      termPairsToTsv([
        { zh: '姜江', en: 'Jiang\tJiang', score: 0.9, kind: 'person', count: 2, zhCount: 2, enCount: 2 },
      ]),
    ).toBe('姜江\tJiang Jiang\t0.9\tperson\n');
  });
});
