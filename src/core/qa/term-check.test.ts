import { describe, expect, it } from 'vitest';
import { runQa } from './index.js';
import type { QaTerm } from './types.js';

const check = (termbase: QaTerm[], zh: string, en: string) =>
  runQa([{ zh, en }], { checks: ['term'], termbase });

describe('term check against the termbase', () => {
  it('checks only the longest entry where entries overlap', () => {
    const termbase: QaTerm[] = [
      { zh: '中国', en: 'China', status: 'preferred' },
      { zh: '中国梦', en: 'Chinese Dream', status: 'preferred' },
    ];
    // 中国 inside 中国梦 needs no "China".
    expect(check(termbase, '实现中国梦。', 'Realize the Chinese Dream.')).toEqual([]);
    // 中国 on its own still does.
    expect(check(termbase, '中国的梦想。', 'The dream of the nation.').map((f) => f.rule)).toEqual([
      'term-missing',
    ]);
    // And the longer entry is checked in its own right.
    expect(check(termbase, '实现中国梦。', 'Realize the dream.').map((f) => f.message)).toEqual([
      '中国梦 should be translated "Chinese Dream" (termbase)',
    ]);
  });

  it('reports a missing admitted-only translation as info, a preferred one as a warning', () => {
    const admitted: QaTerm[] = [{ zh: '韦小宝', en: 'Trinket', status: 'admitted' }];
    expect(check(admitted, '韦小宝笑了。', 'He laughed.').map((f) => f.severity)).toEqual(['info']);
    const preferred: QaTerm[] = [{ zh: '韦小宝', en: 'Trinket', status: 'preferred' }];
    expect(check(preferred, '韦小宝笑了。', 'He laughed.').map((f) => f.severity)).toEqual(['warning']);
    expect(check(preferred, '韦小宝笑了。', 'Trinket laughed.')).toEqual([]);
  });

  it('accepts an abbreviation translated as its full name', () => {
    const termbase: QaTerm[] = [
      {
        zh: '中国民间组织国际交流促进会',
        en: 'China NGO Network for International Exchanges',
        status: 'preferred',
      },
      { zh: '中促会', en: 'China NGO Network for International Exchanges', status: 'preferred' },
    ];
    expect(
      check(
        termbase,
        '中促会代表团来访。',
        'A delegation of the China NGO Network for International Exchanges came.',
      ),
    ).toEqual([]);
    expect(
      check(termbase, '中促会代表团来访。', 'A delegation of the network came.').map((f) => f.rule),
    ).toEqual(['term-missing']);
  });
});
