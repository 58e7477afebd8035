import { describe, expect, it } from 'vitest';
import { oneToOneBeads } from '../../../test/helpers.js';
import { countAgreementCost } from './count-agreement.js';
import { markCounts, punctuationCost, QUESTION_MARKS } from './punctuation-evidence.js';

describe('markCounts', () => {
  it('counts question marks of both scripts, a run once', () => {
    expect([...markCounts(['你去吗？', '什么？！', '好。', 'Why?? Who?', 'Fine.'], QUESTION_MARKS)]).toEqual([
      1, 1, 0, 2, 0,
    ]);
  });
});

describe('punctuationCost (questions)', () => {
  const zh = ['他问：“行吗？', '当然行。”', '他走了。', '你去吗？', '我不去。', '天黑了。'];
  const en = [
    "'Will it work?",
    'Of course it will.',
    'He left.',
    'Are you going?',
    "I'm not.",
    'Night fell.',
  ];

  it('charges a bead that joins a question to a statement on one side only, once questions match', () => {
    const cost = punctuationCost(zh, en, QUESTION_MARKS, oneToOneBeads(6), 1);
    expect(cost(0, 1, 0, 1)).toBe(0);
    expect(cost(1, 2, 1, 2)).toBe(0);
    // The question with its answer on the en side only: both sides still ask one question.
    expect(cost(0, 1, 0, 2)).toBe(0);
    // The zh answer against the en question: the zh side asks none, the en side one.
    expect(cost(1, 2, 0, 1)).toBeGreaterThan(0);
  });

  it('gives next to no evidence when the translation does not keep questions', () => {
    const statements = [
      'It will work.',
      'Of course it will.',
      'He left.',
      'He asked if I was going.',
      "I'm not.",
      'Night fell.',
    ];
    const kept = punctuationCost(zh, en, QUESTION_MARKS, oneToOneBeads(6), 1);
    const cost = punctuationCost(zh, statements, QUESTION_MARKS, oneToOneBeads(6), 1);
    // First-pass agreement equals chance here; only the pseudo-counts leave a trace.
    expect(cost(0, 1, 0, 1)).toBeLessThan(0.2);
    expect(kept(1, 2, 0, 1)).toBeGreaterThan(1);
  });
});

describe('countAgreementCost', () => {
  it('is the log-odds of agreement against chance, and zero when agreement is only chance', () => {
    const zh = [1, 0, 1, 0, 1, 0, 1, 0];
    const agreeing = countAgreementCost(zh, zh, oneToOneBeads(8), 1);
    expect(agreeing(0, 1, 0, 1)).toBe(0);
    expect(agreeing(0, 1, 1, 2)).toBeGreaterThan(1);
    // The en counts are the zh counts shifted by one: the first pass agrees no more than chance.
    const shifted = countAgreementCost(zh, [0, 1, 0, 1, 0, 1, 0, 1], oneToOneBeads(8), 1);
    expect(shifted(0, 1, 1, 2)).toBe(0);
  });
});
