import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/seeded-random.js';
import { instantiateKernel, type KernelMemory } from './kernels.js';

interface MathExports extends KernelMemory {
  log(x: number): number;
  exp(x: number): number;
  expm1(x: number): number;
}

describe('kernels', () => {
  it("compute log, exp and expm1 as JavaScript's Math does, to the last bit", () => {
    const kernel = instantiateKernel<MathExports>('coverage');
    const next = seededRandom(13);
    const differing: string[] = [];
    const check = (name: 'log' | 'exp' | 'expm1', x: number) => {
      const expected = Math[name](x);
      if (!Object.is(kernel[name](x), expected)) differing.push(`${name}(${x})`);
    };
    const special = [0, -0, 1, -1, 0.5, 2, Number.MIN_VALUE, Number.MAX_VALUE, Infinity, -Infinity, NaN];
    for (const x of special) {
      check('log', x);
      check('exp', x);
      check('expm1', x);
    }
    for (let n = 0; n < 50_000; n++) {
      // Where the aligner calls them (logs of shares and chances, expm1 of L · log(1 − f), exp of
      // differences of costs), and beyond:
      // subnormals, values near 1, the whole exponent range, and every branch of expm1's reduction.
      for (const x of [next() * 2, 1e-6 + next() * 1e-3, 1 + (next() - 0.5) * 1e-5, next() * 1e-310])
        check('log', x);
      check('log', Math.exp((next() - 0.5) * 1400));
      for (const x of [-next() * 40, -next() * 1e-3, (next() - 0.5) * 2, (next() - 0.5) * 1400]) {
        check('exp', x);
        check('expm1', x);
      }
    }
    expect(differing.slice(0, 5)).toEqual([]);
  });
});
