import { describe, expect, it } from 'vitest';
import { TranslationTable } from './translation-table.js';

describe('TranslationTable: IBM Model 1 over a document', () => {
  // 书 always comes with "book", 猫 with "cat"; 我 and "I" come along in every pair.
  const pairs = [
    { zh: ['我', '书'], en: ['I', 'book'] },
    { zh: ['我', '猫'], en: ['I', 'cat'] },
    { zh: ['我', '书', '猫'], en: ['I', 'book', 'cat'] },
    { zh: ['书'], en: ['book'] },
  ];
  const table = new TranslationTable(pairs);

  it('learns which words translate which from how they co-occur', () => {
    expect(table.probability('书', 'book')).toBeGreaterThan(table.probability('书', 'I'));
    expect(table.probability('猫', 'cat')).toBeGreaterThan(table.probability('猫', 'book'));
    expect(table.probability('我', 'I')).toBeGreaterThan(table.probability('我', 'cat'));
    // Never seen together, or never seen at all.
    expect(table.probability('猫', 'nothing')).toBe(0);
    expect(table.probability('狗', 'cat')).toBe(0);
  });

  it('gives each Chinese word a distribution: its t(e | f) over the English it met sum to 1', () => {
    for (const f of ['我', '书', '猫']) {
      const sum = ['I', 'book', 'cat'].reduce((s, e) => s + table.probability(f, e), 0);
      expect(sum).toBeCloseTo(1, 12);
    }
  });

  it('counts the pairs a Chinese word is in, once per pair', () => {
    expect(table.pairCount('书')).toBe(3);
    expect(table.pairCount('我')).toBe(3);
    expect(new TranslationTable([{ zh: ['书', '书'], en: ['book'] }]).pairCount('书')).toBe(1);
    expect(table.pairCount('狗')).toBe(0);
  });
});
