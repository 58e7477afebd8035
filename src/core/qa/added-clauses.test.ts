import { describe, expect, it } from 'vitest';
import { findAddedClauses } from './added-clauses.js';
import { runQa } from './index.js';

/** A small document whose words link the same way in every pair (CC-CEDICT and pinyin). */
const document = [
  {
    zh: '他在北京买了一本书，然后回到了上海的家里。',
    en: 'He bought a book in Beijing, then returned to his home in Shanghai.',
  },
  {
    zh: '她在上海买了一辆汽车，然后开车回到了北京。',
    en: 'She bought a car in Shanghai, then drove back to Beijing.',
  },
  {
    zh: '我们在广州吃了一顿饭，然后坐火车去了深圳。',
    en: 'We had a meal in Guangzhou, then took the train to Shenzhen.',
  },
  {
    zh: '他们在深圳参观了工厂，然后坐飞机回到了北京。',
    en: 'They visited a factory in Shenzhen, then flew back to Beijing.',
  },
  {
    zh: '老师在学校讲了一个故事，然后学生们回家了。',
    en: 'The teacher told a story at school, then the students went home.',
  },
  {
    zh: '医生在医院看了病人，然后写了一份报告。',
    en: 'The doctor saw the patients at the hospital, then wrote a report.',
  },
  {
    zh: '农民在田里种了小麦，然后在河边休息了一会儿。',
    en: 'The farmers planted wheat in the field, then rested by the river for a while.',
  },
  {
    zh: '我在书店买了一本小说，然后在公园里读完了。',
    en: 'I bought a novel at the bookshop, then finished reading it in the park.',
  },
];

const added = (pairs: typeof document) =>
  runQa(pairs, { checks: ['omission'] }).filter((f) => f.rule === 'omission-added');

describe('added clauses', () => {
  it('finds an English clause the Chinese does not have, as the span with its place in the English', () => {
    const clause = 'the old merchant counted his silver coins in the market';
    const doctored = document.map((p, i) =>
      i === 6
        ? { ...p, en: `The farmers planted wheat in the field, ${clause}, then rested by the river.` }
        : p,
    );
    const findings = added(doctored);
    expect(findings.map((f) => [f.pair, f.check, f.severity])).toEqual([[6, 'omission', 'warning']]);
    const span = findings[0]!.en.spans[0]!;
    expect(doctored[6]!.en.slice(span.start, span.end)).toBe(clause);
    expect(findings[0]!.zh.spans).toEqual([]);
    // The message quotes the clause and says where in the English it stands (1-based, inclusive).
    expect(findings[0]!.message).toContain(
      `"${clause}" (characters ${span.start + 1}–${span.end} of the English`,
    );
  });

  it('leaves explicitation alone: subjects, connectives and a speaker the English spells out', () => {
    const explicit = document.map((p, i) =>
      i === 4
        ? {
            ...p,
            en: 'The teacher told the children a story at school, and after that the students went home.',
          }
        : i === 5
          ? { ...p, en: 'The doctor saw the patients at the hospital, and then he wrote a report, he said.' }
          : p,
    );
    expect(added(document)).toEqual([]);
    expect(added(explicit)).toEqual([]);
  });

  it('scores every pair with a candidate clause, none in a short sentence', () => {
    const clauses = findAddedClauses([...document, { zh: '他走了。', en: 'He left, and fast.' }]);
    expect(clauses.slice(0, 8).every((c) => c !== undefined)).toBe(true);
    expect(clauses[8]).toBeUndefined();
  });
});
