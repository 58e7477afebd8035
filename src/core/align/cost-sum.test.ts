import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/seeded-random.js';
import { cellOffsets } from './band.js';
import { BEAD_SHAPES } from './bead-shapes.js';
import { agreementKernel } from './boundary-agreement.js';
import { keepCosts, kernelCostOf, sumOfTerms } from './cost-sum.js';
import { prefixSums } from './length-evidence.js';
import type { RangeCost } from './search.js';

/** A term of random values (fixed per bead), at scales far apart so the order of addition shows in the last bits. */
function randomTerm(seed: number, scale: number): RangeCost {
  const next = seededRandom(seed);
  const values = new Map<string, number>();
  return (zs, ze, es, ee) => {
    const key = `${zs} ${ze} ${es} ${ee}`;
    if (!values.has(key)) values.set(key, (next() - 0.5) * scale);
    return values.get(key)!;
  };
}

const beads = (() => {
  const next = seededRandom(5);
  const pick = (n: number) => Math.floor(next() * n);
  return Array.from({ length: 300 }, () => {
    const zs = pick(40);
    const es = pick(40);
    return [zs, zs + pick(4), es, es + pick(4)] as const;
  });
})();

describe('sumOfTerms', () => {
  it('adds its terms from 0 in order, as a JavaScript loop does, to the last bit (past one instance’s 8)', () => {
    for (const count of [1, 2, 8, 9, 15, 16, 20]) {
      const terms = Array.from({ length: count }, (_, k) => randomTerm(k + 1, 10 ** ((k % 5) * 3)));
      const sum = sumOfTerms(terms);
      for (const [zs, ze, es, ee] of beads) {
        let total = 0;
        for (const term of terms) total += term(zs, ze, es, ee);
        expect(sum(zs, ze, es, ee), `${count} terms`).toBe(total);
      }
    }
  });

  it('calls a kernel’s own export among JavaScript terms', () => {
    const zhCounts = [0, 1, 2, 0, 1, 0, 3, 1];
    const enCounts = [0, 1, 1, 0, 1, 0, 3, 2];
    const counts = agreementKernel(prefixSums(zhCounts), prefixSums(enCounts), true, 2.5);
    const js = randomTerm(3, 1);
    const sum = sumOfTerms([js, counts]);
    for (const [zs, ze, es, ee] of beads.filter(([, ze, , ee]) => ze <= 8 && ee <= 8)) {
      const sameCount =
        zhCounts.slice(zs, ze).reduce((a, b) => a + b, 0) ===
        enCounts.slice(es, ee).reduce((a, b) => a + b, 0);
      expect(sum(zs, ze, es, ee)).toBe(js(zs, ze, es, ee) + (sameCount ? 0 : 2.5));
    }
  });
});

describe('keepCosts', () => {
  it('weighs a bead of the kept band once, answers it again from what it kept, and weighs others every time', () => {
    let calls = 0;
    const term = randomTerm(9, 1);
    const counted: RangeCost = (zs, ze, es, ee) => {
      calls++;
      return term(zs, ze, es, ee);
    };
    const cost = kernelCostOf(counted);
    // Rows 0…10 (zh boundaries), en boundaries within 2 of the diagonal.
    const lo = Int32Array.from({ length: 11 }, (_, i) => Math.max(0, i - 2));
    const hi = Int32Array.from({ length: 11 }, (_, i) => Math.min(10, i + 2));
    keepCosts(counted, { lo, hi }, cellOffsets({ lo, hi }), BEAD_SHAPES);
    expect(kernelCostOf(counted)).toBe(cost);
    const inside = cost(3, 4, 2, 4);
    expect(cost(3, 4, 2, 4)).toBe(inside);
    expect(calls).toBe(1);
    expect(inside).toBe(term(3, 4, 2, 4));
    // Ends outside the band (en boundary 9 on row 4), and a shape the bead shapes do not have (4-4).
    cost(3, 4, 8, 9);
    cost(3, 4, 8, 9);
    cost(0, 4, 0, 4);
    cost(0, 4, 0, 4);
    expect(calls).toBe(5);
  });
});

describe('agreementKernel', () => {
  it('charges a bead whose end classes differ, or whose sides hold different counts', () => {
    const next = seededRandom(17);
    const zh = Int32Array.from({ length: 44 }, () => Math.floor(next() * 3));
    const en = Int32Array.from({ length: 44 }, () => Math.floor(next() * 3));
    const classes = agreementKernel(zh, en, false, 1.25);
    const zhPrefix = prefixSums(zh);
    const enPrefix = prefixSums(en);
    const counts = agreementKernel(zhPrefix, enPrefix, true, 0.75);
    for (const [zs, ze, es, ee] of beads) {
      expect(classes(zs, ze, es, ee)).toBe(zh[ze] === en[ee] ? 0 : 1.25);
      const same = zhPrefix[ze]! - zhPrefix[zs]! === enPrefix[ee]! - enPrefix[es]!;
      expect(counts(zs, ze, es, ee)).toBe(same ? 0 : 0.75);
    }
  });
});
