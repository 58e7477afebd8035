import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLang } from './detect-lang.js';
import { indexTerms } from './grams.js';
import { normalizeSegment, unitKey } from './normalize.js';
import { maskNumbers } from './numbers.js';
import { matchScorer, scoreMatch } from './score.js';

const zh = (a: string, b: string) => scoreMatch(normalizeSegment(a, 'zh'), normalizeSegment(b, 'zh'), 'zh');
const en = (a: string, b: string) => scoreMatch(normalizeSegment(a, 'en'), normalizeSegment(b, 'en'), 'en');

describe('scoreMatch', () => {
  it('scores equal segments 100 and unrelated ones low', () => {
    expect(zh('重庆市外事工作情况', '重庆市外事工作情况').score).toBe(100);
    expect(zh('重庆市外事工作情况', '今天天气很好').score).toBeLessThan(30);
  });

  it('scores Traditional and Simplified forms of one sentence 100', () => {
    expect(zh('王廣成匯報了重慶市外事工作情況', '王广成汇报了重庆市外事工作情况').score).toBe(100);
    expect(unitKey('匯報', 'Report')).toBe(unitKey('汇报', 'report'));
  });

  it('masks numbers: a changed year is a near-full match that names the number', () => {
    const result = zh('重庆市2021年外事工作情况', '重庆市2020年外事工作情况');
    expect(result.score).toBe(99);
    expect(result.numbers).toEqual([{ query: '2021', match: '2020' }]);
    // The same sentence with another word changed instead scores lower.
    expect(zh('重庆市2020年外事工作情况', '重庆市2020年内政工作情况').score).toBeLessThan(90);
    expect(maskNumbers('from 1,000.5 to 20').numbers).toEqual(['1,000.5', '20']);
  });

  it('counts English edits per word, not per letter', () => {
    // 8 tokens (7 words and the full stop), one substituted: floor(100·7/8) = 87.
    expect(
      en('The delegation visited the museum on Monday.', 'The delegation visited the museum on Friday.')
        .score,
    ).toBe(87);
    expect(en('The Cat sat.', 'the   cat SAT.').score).toBe(100);
  });

  it('never gives 100 to different segments', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.string({ minLength: 1, maxLength: 60 }),
        (a, b) => {
          const na = normalizeSegment(a, 'zh');
          const nb = normalizeSegment(b, 'zh');
          const { score } = scoreMatch(na, nb, 'zh');
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          if (maskNumbers(na).text.replace(/ /g, '') !== maskNumbers(nb).text.replace(/ /g, '')) {
            expect(score).toBeLessThan(100);
          }
        },
      ),
    );
  });
});

describe('matchScorer', () => {
  it('scores each of many candidates as scoreMatch does, and skips only those below min', () => {
    const word = fc.constantFrom(
      'the',
      'of',
      'wto',
      '2020',
      '1,000.5',
      '重庆',
      '外事',
      '.',
      ',',
      'met',
      'Jiang',
    );
    const text = fc.array(word, { maxLength: 14 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(
        text,
        fc.array(text, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('zh', 'en' as const),
        fc.integer({ min: 0, max: 100 }),
        (query, candidates, lang, min) => {
          const q = normalizeSegment(query, lang);
          const scorer = matchScorer(q, lang);
          for (const candidate of candidates) {
            const c = normalizeSegment(candidate, lang);
            const expected = scoreMatch(q, c, lang);
            expect(scorer(c)).toEqual(expected);
            const bounded = scorer(c, min);
            if (bounded === undefined) expect(expected.score).toBeLessThan(min);
            else expect(bounded).toEqual(expected);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('normalizeSegment', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom('zh', 'en' as const), (text, lang) => {
        const once = normalizeSegment(text, lang);
        expect(normalizeSegment(once, lang)).toBe(once);
      }),
    );
    const once = normalizeSegment('　王廣成 匯報ＡＢＣ１２３', 'zh');
    expect(once).toBe('王广成汇报abc123');
  });
});

describe('indexTerms and detectLang', () => {
  it('gives Chinese bigrams, English words and digit runs', () => {
    expect(indexTerms('重庆市2020年', 'zh')).toEqual(['重庆', '庆市', '2020', '年']);
    expect(indexTerms('in 2020 the wto met', 'en')).toEqual(['in', '2020', 'the', 'wto', 'met']);
  });

  it('tells Chinese from English', () => {
    expect(detectLang('受COVID-19疫情影响')).toBe('zh');
    expect(detectLang('Wang Guangcheng (王广成) met Jiang Jiang in Beijing')).toBe('en');
  });
});
