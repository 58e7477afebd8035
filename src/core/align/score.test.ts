import { describe, expect, it } from 'vitest';
import { isBitextError } from '../errors.js';
import {
  addCounts,
  countAlignment,
  formatAlignLine,
  laxScore,
  NO_COUNTS,
  parseAlignFile,
  strictScore,
} from './score.js';

const gold = parseAlignFile('[0]:[0]\n[1,2]:[1]\n[3]:[]\n[]:[2]\n');

describe('parseAlignFile', () => {
  it('reads ids on both sides, empty sides and skips blank lines', () => {
    expect(parseAlignFile('[0,1]:[2]\n\n[5]:[]\n[]:[7]')).toEqual([
      { zh: [0, 1], en: [2] },
      { zh: [5], en: [] },
      { zh: [], en: [7] },
    ]);
  });

  it('names the file and line of a malformed bead', () => {
    try {
      parseAlignFile('[0]:[0]\n0:1\n', 'doc.align');
      expect.unreachable();
    } catch (error) {
      expect(isBitextError(error) && error.code).toBe('BAD_ALIGN_LINE');
      expect(isBitextError(error) && error.location).toEqual({ file: 'doc.align', line: 2, column: 1 });
    }
  });

  it('round-trips through formatAlignLine', () => {
    expect(gold.map(formatAlignLine).join('\n')).toBe('[0]:[0]\n[1,2]:[1]\n[3]:[]\n[]:[2]');
  });
});

describe('countAlignment', () => {
  it('scores a perfect prediction 1', () => {
    const counts = countAlignment(gold, gold);
    expect(strictScore(counts)).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(laxScore(counts).f1).toBe(1);
  });

  it('counts strict and lax matches (worked by hand)', () => {
    const predicted = parseAlignFile('[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[2]');
    const counts = countAlignment(predicted, gold);
    // Strict: only [0]:[0] is a gold bead → P = R = 1/4.
    expect(strictScore(counts)).toEqual({ precision: 0.25, recall: 0.25, f1: 0.25 });
    // Lax: [0]:[0] and [1]:[1] (shares link 1–1 with [1,2]:[1]) are correct; [2]:[] and [3]:[2] are not.
    // Gold found: [0]:[0] and [1,2]:[1] → P = R = 2/4.
    expect(counts.laxCorrect).toBe(2);
    expect(counts.laxGoldFound).toBe(2);
    expect(laxScore(counts).f1).toBe(0.5);
  });

  it('pools counts over documents before dividing', () => {
    const a = countAlignment(
      parseAlignFile('[0]:[0]\n[1,2]:[1]'),
      parseAlignFile('[0]:[0]\n[1]:[1]\n[2]:[]'),
    );
    const b = countAlignment(parseAlignFile('[0]:[0]\n[1]:[1]'), parseAlignFile('[0]:[0]\n[1]:[1]'));
    const pooled = strictScore(addCounts(addCounts(NO_COUNTS, a), b));
    // 3 correct of 4 predicted, of 5 gold: P = 0.75, R = 0.6, F1 = 0.9 / 1.35.
    expect(pooled.precision).toBe(0.75);
    expect(pooled.recall).toBe(0.6);
    expect(pooled.f1).toBeCloseTo(2 / 3, 12);
  });

  it('gives 0 on empty predictions instead of dividing by zero', () => {
    expect(strictScore(countAlignment([], gold))).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
