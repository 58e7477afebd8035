import { describe, expect, it } from 'vitest';
import {
  defaultFilterConfig,
  type FilterPair,
  judgePair,
  LengthCalibrator,
  PRIOR,
  resolveFilterConfig,
} from './index.js';
import { FILTER_RULES } from './registry.js';
import type { LengthCalibration } from './types.js';

const GOOD = {
  zh: '王广成汇报了重庆市2020年外事工作情况及2021年工作计划。',
  en: "Wang Guangcheng reported Chongqing's foreign affairs work in 2020 and its work plan for 2021.",
};

function pair(zh: string, en: string, extra: Partial<FilterPair> = {}): FilterPair {
  return { zh, en, document: 'd', origin: { file: 'f', line: 1 }, ...extra };
}

function verdictOf(p: FilterPair, calibration: LengthCalibration = PRIOR) {
  return judgePair(p, defaultFilterConfig(), { calibration }, true);
}

/** Each rule: a pair it rejects (and no earlier rule does), and the good pair, which it passes. */
const CASES: Record<string, FilterPair> = {
  'too-short': pair('。', 'Yes.'),
  mojibake: pair(Buffer.from('重庆市外事工作').toString('latin1'), 'Foreign affairs work of Chongqing.'),
  'symbols-only': pair('http://www.example.com/a?id=3 — 2021', 'http://www.example.com/a?id=3 — 2021!'),
  untranslated: pair('COVID-19 Vaccine Update', 'Covid-19 vaccine update.'),
  script: pair(
    'The meeting was held in Beijing today.',
    'The meeting was held in Beijing today, said the minister.',
  ),
  'too-long': pair('会议'.repeat(250), `${'The meeting was held. '.repeat(60)}`),
  brackets: pair(
    '史迪威研究中心（重庆史迪威博物馆负责人参与上述活动。',
    'The head of the Stilwell Research Center (Chongqing Stilwell Museum) attended.',
  ),
  numbers: pair('共有三千人参加了会议。', 'In all 300 people attended the meeting.'),
  confidence: pair(GOOD.zh, GOOD.en, { confidence: 0.1 }),
  'length-ratio': pair(
    '会议结束了。',
    'The meeting ended, and after it the delegates walked out into the rain to look for taxis that would take them back to their hotels across the city.',
  ),
  lexical: pair(
    '奶奶右眼看着吃饼的人，左眼看着轿夫和吹鼓手，心里想着明天的婚事。',
    'Economic growth in the third quarter was driven by strong exports of electronics and machinery.',
  ),
};

describe('filter rules', () => {
  it('has a positive and a negative case for every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(FILTER_RULES.map((r) => r.name).sort());
  });

  it('keeps a good pair: every rule passes it', () => {
    const verdict = verdictOf(pair(GOOD.zh, GOOD.en, { confidence: 0.98 }));
    expect(verdict.kept).toBe(true);
    for (const rule of FILTER_RULES) expect(verdict.outcomes![rule.name]!.pass, rule.name).toBe(true);
  });

  it.each(Object.entries(CASES))('%s rejects its junk pair, naming itself and why', (rule, junk) => {
    const verdict = verdictOf(junk);
    expect(verdict.kept).toBe(false);
    expect(verdict.rule).toBe(rule);
    expect(verdict.why).toBeTruthy();
  });

  it('numbers: 三千 is 3,000, 百分之五 is 5%, and small number words need no counterpart', () => {
    expect(verdictOf(pair('共有三千人参加了会议。', 'In all 3,000 people attended the meeting.')).kept).toBe(
      true,
    );
    expect(verdictOf(pair('增长了百分之五。', 'It grew by 5 percent.')).outcomes!['numbers']!.pass).toBe(
      true,
    );
    expect(
      verdictOf(pair('他统一了一些看法。', 'He brought some views together.')).outcomes!['numbers']!.pass,
    ).toBe(true);
    expect(verdictOf(pair('增长了百分之五。', 'It grew by 6 percent.')).rule).toBe('numbers');
  });

  it('brackets: full-width and half-width close each other; a stray closer is unbalanced', () => {
    expect(
      verdictOf(pair('中心（博物馆)负责人参加了活动。', 'The head of the center (museum) attended.'))
        .outcomes!['brackets']!.pass,
    ).toBe(true);
    expect(
      verdictOf(pair('《人民日报》报道了会议。', 'The People’s Daily reported on the meeting.')).outcomes![
        'brackets'
      ]!.pass,
    ).toBe(true);
    expect(verdictOf(pair('报道了会议】。', 'It reported on the meeting.')).rule).toBe('brackets');
  });

  it('script: the en side with Han text is rejected', () => {
    expect(verdictOf(pair(GOOD.zh, '王广成汇报了重庆市外事工作情况 and the plan for next year.')).rule).toBe(
      'script',
    );
  });

  it('length-ratio is measured against the document: the same pair passes in a document of long Chinese lines', () => {
    const odd = pair('这是一个很长很长的中文句子，用了很多很多的字才说完一件很小的事情。', 'A short one.');
    expect(verdictOf(odd).rule).toBe('length-ratio');
    const calibrator = new LengthCalibrator();
    for (let i = 0; i < 200; i++) calibrator.add(odd.zh, `A short one ${i % 3 ? '' : 'too'}.`);
    expect(verdictOf(odd, calibrator.calibration()).outcomes!['length-ratio']!.pass).toBe(true);
  });

  it('confidence: a pair without one passes', () => {
    expect(verdictOf(pair(GOOD.zh, GOOD.en)).outcomes!['confidence']!.pass).toBe(true);
  });
});

describe('filter config', () => {
  it('changes thresholds and switches rules off', () => {
    const config = resolveFilterConfig({ rules: { lexical: false, numbers: { maxUnmatched: 2 } } }, 'f.json');
    expect(config.rules['lexical']!.enabled).toBe(false);
    expect(config.rules['numbers']!.params).toEqual({ maxUnmatched: 2 });
    expect(config.rules['mojibake']!.enabled).toBe(true);
  });

  it('refuses an unknown rule, an unknown threshold and a wrong type, naming them', () => {
    expect(() => resolveFilterConfig({ rules: { lexicl: {} } }, 'f.json')).toThrow(/unknown rule "lexicl"/);
    expect(() => resolveFilterConfig({ rules: { numbers: { max: 1 } } }, 'f.json')).toThrow(
      /rule "numbers" has no threshold "max" \(it has: maxUnmatched\)/,
    );
    expect(() => resolveFilterConfig({ rules: { numbers: { maxUnmatched: '1' } } }, 'f.json')).toThrow(
      /must be a number/,
    );
    expect(() => resolveFilterConfig({ rule: {} }, 'f.json')).toThrow(/unknown key "rule"/);
  });
});
