import type { RangeCost } from './search.js';

/**
 * Closeness to the diagonal: a translation keeps roughly the order and proportions of its source,
 * so a bead far from the line joining the document's corners is a little less likely. The
 * deviation of a faithful translation grows like a random walk (∝ √n sentences), so the cost is
 * quadratic in the deviation measured in units of √n, and small: it only breaks near-ties.
 */
export function diagonalCost(zhCount: number, enCount: number, weight: number): RangeCost {
  const scale = Math.sqrt((zhCount + enCount) / 2);
  return (zs, ze, es, ee) => {
    const zhMiddle = (zs + ze) / 2 / zhCount;
    const enMiddle = (es + ee) / 2 / enCount;
    const deviation = (Math.abs(zhMiddle - enMiddle) * (zhCount + enCount)) / 2 / scale;
    return weight * deviation * deviation;
  };
}
