import { agreementKernel, disagreementCost } from './boundary-agreement.js';
import { prefixSums } from './length-evidence.js';
import type { RangeBead, RangeCost } from './search.js';

/**
 * Evidence from something both sides of a translation should hold equally often (speeches begun,
 * questions asked): a bead whose sides hold different counts costs
 *   weight · (log(a/b) − log((1−a)/(1−b))),
 * the log-odds of agreement against chance, calibrated on a first alignment of the same document:
 * a = how often its beads have equal counts on both sides, b = the same for each bead's zh side
 * against the next bead's en side (unrelated text of the same kind and size). A document whose
 * translation does not keep the counts (questions turned into statements, speech reported) gets
 * a ≈ b and so no evidence; agreeing beads cost 0.
 * `zhCounts[i]` / `enCounts[j]`: the count in sentence i / j.
 */
export function countAgreementCost(
  zhCounts: ArrayLike<number>,
  enCounts: ArrayLike<number>,
  firstPass: readonly RangeBead[],
  weight: number,
): RangeCost {
  const zhPrefix = prefixSums(zhCounts);
  const enPrefix = prefixSums(enCounts);
  const zhCount = (b: RangeBead) => zhPrefix[b.zhEnd]! - zhPrefix[b.zhStart]!;
  const enCount = (b: RangeBead) => enPrefix[b.enEnd]! - enPrefix[b.enStart]!;
  let agree = 0;
  let chanceAgree = 0;
  for (let k = 0; k < firstPass.length; k++) {
    if (zhCount(firstPass[k]!) === enCount(firstPass[k]!)) agree++;
    const next = firstPass[(k + 1) % firstPass.length]!;
    if (zhCount(firstPass[k]!) === enCount(next)) chanceAgree++;
  }
  // Pseudo-counts keep a tiny document from a confident chance estimate.
  const chance = (chanceAgree + 1) / (firstPass.length + 2);
  const unequalCost = disagreementCost(agree, firstPass.length, chance, weight);
  if (unequalCost === 0) return () => 0;
  return agreementKernel(zhPrefix, enPrefix, true, unequalCost);
}
