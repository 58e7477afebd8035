import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/seeded-random.js';
import { type IdBead, trainModel1 } from './model1.js';

/** Model 1's EM written plainly, over a map keyed by the pair: what the kernel must compute. */
function referenceModel1(beads: readonly IdBead[], nullId: number, iterations: number, initial: number) {
  const key = (f: number, e: number) => `${f} ${e}`;
  const t = new Map<string, number>();
  for (const { zh, en } of beads)
    for (const e of en) for (const f of [nullId, ...zh]) t.set(key(f, e), initial);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const counts = new Map<string, number>();
    const totals = new Map<number, number>();
    for (const { zh, en } of beads)
      for (const e of en) {
        const sources = [nullId, ...zh];
        const norm = sources.reduce((sum, f) => sum + t.get(key(f, e))!, 0);
        for (const f of sources) {
          const share = t.get(key(f, e))! / norm;
          counts.set(key(f, e), (counts.get(key(f, e)) ?? 0) + share);
          totals.set(f, (totals.get(f) ?? 0) + share);
        }
      }
    for (const pair of t.keys()) t.set(pair, counts.get(pair)! / totals.get(Number(pair.split(' ')[0]))!);
  }
  return t;
}

describe('IBM Model 1', () => {
  it('learns what plain EM learns, for every pair seen, and knows no other pair', () => {
    const next = seededRandom(5);
    const pick = (n: number) => Math.floor(next() * n);
    // Enough pairs to grow the kernel's table past its first size (2^15 slots).
    const beads: IdBead[] = Array.from({ length: 3000 }, () => ({
      zh: Array.from({ length: 1 + pick(6) }, () => pick(400)),
      en: Array.from({ length: 1 + pick(8) }, () => pick(500)),
    }));
    const table = trainModel1(beads, 400, 4, 0.01);
    const reference = referenceModel1(beads, 400, 4, 0.01);
    expect(table.t.length).toBe(reference.size);
    expect(table.t.length).toBeGreaterThan(1 << 15);
    for (let slot = 0; slot < table.t.length; slot++) {
      const f = table.zhOf[slot]!;
      const e = table.enOf[slot]!;
      expect(table.slotOf(f, e)).toBe(slot);
      expect(table.t[slot]).toBeCloseTo(reference.get(`${f} ${e}`)!, 12);
    }
    expect(table.slotOf(0, 9999)).toBe(-1);
  });

  it('gives every pair its starting value when it trains no round', () => {
    const table = trainModel1([{ zh: [0, 1], en: [0] }], 2, 0, 0.25);
    expect([...table.t]).toEqual([0.25, 0.25, 0.25]);
    expect([...table.zhOf]).toEqual([2, 0, 1]);
  });
});
