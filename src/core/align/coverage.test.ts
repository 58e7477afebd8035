import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/seeded-random.js';
import { coverageRatioCost, keyTokens, mergeCoverageTerms } from './coverage.js';
import { sumOf } from './evidence.js';
import type { RangeCost } from './search.js';

/** Random keyed tokens: `sentences` zh and en sentences of 0–`most` tokens (some empty), keys < 30. */
function randomTokens(next: () => number, sentences: number, most: number) {
  const pick = (n: number) => Math.floor(next() * n);
  const zh = Array.from({ length: sentences }, () =>
    Array.from({ length: pick(most + 1) }, () => Array.from({ length: 1 + pick(3) }, () => pick(30))),
  );
  const en = Array.from({ length: sentences }, () => Array.from({ length: pick(most + 1) }, () => pick(30)));
  return keyTokens(zh, en, 30);
}

describe('coverage costs merged', () => {
  const next = seededRandom(11);
  // A dense kind (sentences past 32 tokens, so both halves of the masks), two sparse ones.
  const dense = coverageRatioCost(randomTokens(next, 60, 40), 0.5, 0.4);
  const sparse = coverageRatioCost(randomTokens(next, 60, 2), 0.3, 0.4);
  const numbers = coverageRatioCost(randomTokens(next, 60, 1), 0.5, 0.8);
  const other: RangeCost = (zs, ze, es, ee) => (ze - zs) * 0.25 - (ee - es) * 0.125;

  it('adds up, bead by bead, to the sum of the separate costs (fine and coarse beads, each twice)', () => {
    const merged = mergeCoverageTerms([dense, sparse, numbers, other]);
    expect(merged).toHaveLength(2);
    expect(merged[1]).toBe(other);
    const pick = (n: number) => Math.floor(next() * n);
    for (let n = 0; n < 400; n++) {
      const zs = pick(60);
      const es = pick(60);
      // Up to 3 sentences a side (cached per sentence), or up to 16 (scored by blocks).
      const span = n % 2 === 0 ? 4 : 17;
      const ze = Math.min(60, zs + pick(span));
      const ee = Math.min(60, es + pick(span));
      const separate = dense(zs, ze, es, ee) + sparse(zs, ze, es, ee) + numbers(zs, ze, es, ee);
      expect(merged[0]!(zs, ze, es, ee), `${zs}-${ze} × ${es}-${ee}`).toBeCloseTo(separate, 9);
      expect(merged[0]!(zs, ze, es, ee)).toBeCloseTo(separate, 9);
    }
  });

  it('keeps a lone coverage cost, and every other term, as the very function it was given', () => {
    expect(mergeCoverageTerms([other, dense, other])).toEqual([other, dense, other]);
    expect(sumOf([dense])).toBe(dense);
  });
});
