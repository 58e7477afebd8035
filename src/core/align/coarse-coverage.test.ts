import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/seeded-random.js';
import { blockScorer, coarseSumScorer } from './coarse-coverage.js';
import { type KeyedTokens, keyTokens } from './coverage.js';

/** Every token of the bead scored afresh: what the block cache must add up to. */
function directScore(
  tokens: KeyedTokens,
  zhLogMiss: Float64Array,
  enLogMiss: Float64Array,
  tokenScore: (covered: boolean, logMiss: number, otherLength: number) => number,
  zs: number,
  ze: number,
  es: number,
  ee: number,
): number {
  const { zhTokenStart, zhKeyStart, zhKeys, enTokenStart, enKeys } = tokens;
  const enSide = new Set(enKeys.subarray(enTokenStart[es]!, enTokenStart[ee]!));
  const zhSide = new Set(zhKeys.subarray(zhKeyStart[zhTokenStart[zs]!]!, zhKeyStart[zhTokenStart[ze]!]!));
  const enLength = enTokenStart[ee]! - enTokenStart[es]!;
  const zhLength = zhTokenStart[ze]! - zhTokenStart[zs]!;
  let score = 0;
  for (let t = zhTokenStart[zs]!; t < zhTokenStart[ze]!; t++) {
    const keys = zhKeys.subarray(zhKeyStart[t]!, zhKeyStart[t + 1]!);
    score += tokenScore(
      keys.some((k) => enSide.has(k)),
      zhLogMiss[t]!,
      enLength,
    );
  }
  for (let k = enTokenStart[es]!; k < enTokenStart[ee]!; k++)
    score += tokenScore(zhSide.has(enKeys[k]!), enLogMiss[k]!, zhLength);
  return score;
}

describe('coarse coverage scorer', () => {
  it('adds its cached blocks up to the direct score of every bead, aligned to a unit or not', () => {
    const next = seededRandom(7);
    const keyCount = 40;
    const pick = (n: number) => Math.floor(next() * n);
    // 70 zh and 90 en sentences of 0-6 tokens (some empty), zh tokens with 1-3 keys.
    const zh = Array.from({ length: 70 }, () =>
      Array.from({ length: pick(7) }, () => Array.from({ length: 1 + pick(3) }, () => pick(keyCount))),
    );
    const en = Array.from({ length: 90 }, () => Array.from({ length: pick(7) }, () => pick(keyCount)));
    const tokens = keyTokens(zh, en, keyCount);
    const zhLogMiss = Float64Array.from({ length: tokens.zhKeyStart.length - 1 }, () => -next());
    const enLogMiss = Float64Array.from({ length: tokens.enKeys.length }, () => -next());
    const tokenScore = (covered: boolean, logMiss: number, otherLength: number) =>
      covered ? 1 + logMiss / (1 + otherLength) : logMiss * 0.3 - otherLength * 0.01;
    const score = coarseSumScorer(
      [blockScorer(tokens, zhLogMiss, enLogMiss, tokenScore)],
      Float64Array.of(1),
    );
    const beads: [number, number, number, number][] = [
      [0, 70, 0, 90],
      [64, 70, 80, 90],
    ];
    for (const unit of [2, 4, 8, 16]) {
      for (let n = 0; n < 60; n++) {
        const zs = unit * pick(Math.floor(70 / unit));
        const es = unit * pick(Math.floor(90 / unit));
        beads.push([
          zs,
          Math.min(70, zs + unit * (1 + pick(3))),
          es,
          Math.min(90, es + unit * (1 + pick(3))),
        ]);
      }
    }
    for (let n = 0; n < 200; n++) {
      const zs = pick(70);
      const es = pick(90);
      beads.push([zs, zs + 1 + pick(70 - zs), es, es + 1 + pick(90 - es)]);
    }
    // Twice over: the second round reads the blocks back from the cache.
    for (const round of [0, 1])
      for (const [zs, ze, es, ee] of beads) {
        const expected = directScore(tokens, zhLogMiss, enLogMiss, tokenScore, zs, ze, es, ee);
        expect(score(zs, ze, es, ee), `round ${round}, bead ${zs}-${ze} × ${es}-${ee}`).toBeCloseTo(
          expected,
          9,
        );
      }
  });
});
