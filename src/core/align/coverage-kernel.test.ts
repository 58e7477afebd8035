import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/seeded-random.js';
import { coverageRatioCost, type KeyedTokens, keyTokens } from './coverage.js';

/**
 * Each token's log(1 − f), f: how often its keys occur per token of the other side (a zh token's
 * keys summed, each zh token counted once per key), shares as if of at least 500 tokens, f ≤ 0.95.
 */
function logMisses(tokens: KeyedTokens): { zh: number[]; en: number[] } {
  const { zhTokenStart, zhKeyStart, zhKeys, enTokenStart, enKeys } = tokens;
  const zhTokens = zhTokenStart[zhTokenStart.length - 1]!;
  const enTokens = enTokenStart[enTokenStart.length - 1]!;
  const enShare = new Map<number, number>();
  for (const key of enKeys.subarray(0, enTokens))
    enShare.set(key, (enShare.get(key) ?? 0) + 1 / Math.max(enTokens, 500));
  const zhShare = new Map<number, number>();
  for (let t = 0; t < zhTokens; t++)
    for (const key of new Set(zhKeys.subarray(zhKeyStart[t]!, zhKeyStart[t + 1]!)))
      zhShare.set(key, (zhShare.get(key) ?? 0) + 1 / Math.max(zhTokens, 500));
  const zh: number[] = [];
  for (let t = 0; t < zhTokens; t++) {
    let f = 0;
    for (const key of zhKeys.subarray(zhKeyStart[t]!, zhKeyStart[t + 1]!)) f += enShare.get(key) ?? 0;
    zh.push(Math.log(1 - Math.min(f, 0.95)));
  }
  const en = [...enKeys.subarray(0, enTokens)].map((key) =>
    Math.log(1 - Math.min(zhShare.get(key) ?? 0, 0.95)),
  );
  return { zh, en };
}

/**
 * The coverage cost as its model defines it (coverage.ts), every token of the bead tested afresh
 * against the other side's keys: what the kernel's masks, blocks and caches must add up to.
 */
function directCost(
  tokens: KeyedTokens,
  weight: number,
  hit: number,
  zs: number,
  ze: number,
  es: number,
  ee: number,
): number {
  if (zs === ze || es === ee) return 0;
  const { zhTokenStart, zhKeyStart, zhKeys, enTokenStart, enKeys } = tokens;
  const { zh: zhLogMiss, en: enLogMiss } = logMisses(tokens);
  const tokenScore = (covered: boolean, logMiss: number, otherLength: number) => {
    const logNotChance = otherLength * logMiss;
    if (logNotChance <= Math.log(1 - hit)) return 0;
    if (!covered) return Math.log(1 - hit) - logNotChance;
    return Math.log(hit) - Math.log(Math.max(-Math.expm1(logNotChance), 1e-6));
  };
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
  return -weight * score;
}

describe('coverage kernel', () => {
  it('scores every bead as the model defines it: fine and coarse, aligned to a unit or not, twice', () => {
    const next = seededRandom(7);
    const keyCount = 40;
    const pick = (n: number) => Math.floor(next() * n);
    // 70 zh and 90 en sentences of 0-40 tokens (some empty, some past the masks' first 32 bits),
    // zh tokens with 1-3 keys.
    const zh = Array.from({ length: 70 }, () =>
      Array.from({ length: pick(5) === 0 ? pick(41) : pick(7) }, () =>
        Array.from({ length: 1 + pick(3) }, () => pick(keyCount)),
      ),
    );
    const en = Array.from({ length: 90 }, () =>
      Array.from({ length: pick(5) === 0 ? pick(41) : pick(7) }, () => pick(keyCount)),
    );
    const tokens = keyTokens(zh, en, keyCount);
    const cost = coverageRatioCost(tokens, 0.7, 0.6);
    const beads: [number, number, number, number][] = [
      [0, 70, 0, 90],
      [64, 70, 80, 90],
      [3, 3, 5, 9],
    ];
    for (const unit of [1, 2, 4, 8, 16]) {
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
    // Twice over: the second round reads the terms and blocks back from the caches.
    for (const round of [0, 1])
      for (const [zs, ze, es, ee] of beads) {
        expect(cost(zs, ze, es, ee), `round ${round}, bead ${zs}-${ze} × ${es}-${ee}`).toBeCloseTo(
          directCost(tokens, 0.7, 0.6, zs, ze, es, ee),
          9,
        );
      }
  });

  it('scores a long document past its caches and memory it starts with', () => {
    // 3,000 sentences a side: sentence indexes past the caches' slots, memory grown for the tokens.
    const next = seededRandom(3);
    const pick = (n: number) => Math.floor(next() * n);
    const zh = Array.from({ length: 3000 }, () => Array.from({ length: 8 }, () => [pick(500)]));
    const en = Array.from({ length: 3000 }, () => Array.from({ length: 9 }, () => pick(500)));
    const tokens = keyTokens(zh, en, 500);
    const cost = coverageRatioCost(tokens, 0.5, 0.8);
    for (const [zs, ze, es, ee] of [
      [2990, 2992, 2989, 2991],
      [1024, 1040, 1024, 1056],
      [0, 3000, 0, 3000],
      [2990, 2992, 2989, 2991],
    ] as const)
      expect(cost(zs, ze, es, ee)).toBeCloseTo(directCost(tokens, 0.5, 0.8, zs, ze, es, ee), 9);
  });
});
