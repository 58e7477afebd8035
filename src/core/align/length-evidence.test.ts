import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterLength, lengthCost, prefixSums } from './length-evidence.js';

describe('characterLength', () => {
  it('counts the characters /\\s/ does not match, a surrogate pair as one, on any text', () => {
    const regexCount = (text: string) => [...text].filter((ch) => !/\s/u.test(ch)).length;
    // Every code unit /\s/ matches, surrogates alone and in pairs, and ordinary letters.
    const units = [
      ...Array.from({ length: 0x10000 }, (_, code) => code).filter((code) =>
        /\s/.test(String.fromCharCode(code)),
      ),
      0xd83d,
      0xde00,
      0xd800,
      0xdfff,
      0x41,
      0x4e2d,
      0x180e,
      0x200b,
    ];
    expect(units.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 40 }), (codes) => {
        const text = String.fromCharCode(...codes);
        expect(characterLength(text)).toBe(regexCount(text));
      }),
      { numRuns: 3000 },
    );
    expect(characterLength('中国 人民\t😀 A\u3000')).toBe(6);
  });
});

/** log erfc(z), by Simpson's rule in the log domain: −z² + log(2/√π ∫₀⁸ exp(−u(u + 2z)) du). */
function logErfc(z: number): number {
  const steps = 20_000;
  const h = 8 / steps;
  let sum = 0;
  for (let k = 0; k <= steps; k++) {
    const u = k * h;
    sum += (k === 0 || k === steps ? 1 : k % 2 === 1 ? 4 : 2) * Math.exp(-u * (u + 2 * z));
  }
  return -z * z + Math.log(((2 / Math.sqrt(Math.PI)) * sum * h) / 3);
}

describe('lengthCost', () => {
  it('is weight · −log P(|δ| ≥ observed) of the Gale–Church model, near and far from the mean', () => {
    const model = { ratio: 3, variance: 4 };
    const zh = prefixSums([20, 35, 8]);
    const en = prefixSums([60, 30, 400, 1]);
    const cost = lengthCost(zh, en, model, 0.7);
    for (const [zs, ze, es, ee] of [
      [0, 1, 0, 1],
      [0, 1, 0, 2],
      [1, 2, 1, 2],
      [1, 3, 1, 2],
      [2, 3, 2, 3],
      [0, 3, 0, 4],
      [2, 3, 3, 4],
    ] as const) {
      const zhLength = zh[ze]! - zh[zs]!;
      const enLength = en[ee]! - en[es]!;
      const mean = (zhLength + enLength / model.ratio) / 2;
      const delta = (enLength - model.ratio * zhLength) / Math.sqrt(model.variance * Math.max(mean, 1));
      const z = Math.abs(delta) / Math.SQRT2;
      // Numerical Recipes' erfc below z = 5 (fractional error < 1.2e-7); an asymptotic series above.
      const tolerance = z < 5 ? 1e-6 : 2e-3;
      expect(Math.abs(cost(zs, ze, es, ee) - -0.7 * logErfc(z)), `${zs}-${ze} × ${es}-${ee}`).toBeLessThan(
        tolerance,
      );
    }
    expect(cost(0, 0, 0, 2)).toBe(0);
  });
});
