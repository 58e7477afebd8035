import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topByWeight } from './candidate-plan.js';

describe('topByWeight', () => {
  it('selects what a full sort by weight (descending, then id) would put first', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { maxLength: 300 }),
        fc.array(fc.constantFrom(0.5, 1, 1.5, 2.25, 3), { minLength: 401, maxLength: 401 }),
        fc.integer({ min: 1, max: 120 }),
        (ids, values, count) => {
          const weights = Float64Array.from(values);
          const expected = [...ids].sort((a, b) => weights[b]! - weights[a]! || a - b).slice(0, count);
          const actual = topByWeight(ids, weights, count);
          expect([...actual].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
        },
      ),
      { numRuns: 500 },
    );
  });
});
