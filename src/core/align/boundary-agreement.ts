import { copyIn, instantiateKernel, type KernelMemory } from '../kernels.js';
import type { RangeBead, RangeCost } from './search.js';

/** Agreement rates at or above this are not trusted to be that sure (a few boundaries always differ). */
const MAX_AGREEMENT = 0.97;

/**
 * Evidence from a class each side has at every sentence boundary (inside or outside a quotation;
 * how the last sentence ends), as a log-likelihood ratio calibrated on a first alignment of the
 * same document: a = how often the classes agree at its bead boundaries, b = how often they would
 * agree by chance (Σ over classes of P_zh(class) · P_en(class)). A disagreeing boundary costs
 * weight · (log(a/b) − log((1−a)/(1−b))), the log-odds of agreement against chance; agreeing costs
 * 0 (a reward per agreeing boundary would favour beads cut small). A document whose sides do not
 * carry the class over (no quotation marks on one side, questions turned into statements) gets
 * a ≈ b and so no evidence.
 * `zh[i]` / `en[j]` is the class after sentence i − 1 / j − 1 (index 0 is the start of the text).
 */
export function boundaryAgreementCost(
  zh: Uint8Array,
  en: Uint8Array,
  firstPass: readonly RangeBead[],
  weight: number,
): RangeCost {
  const shares = (classes: Uint8Array) => {
    const counts = new Map<number, number>();
    for (let i = 1; i < classes.length; i++) counts.set(classes[i]!, (counts.get(classes[i]!) ?? 0) + 1);
    for (const [key, count] of counts) counts.set(key, count / Math.max(1, classes.length - 1));
    return counts;
  };
  const zhShares = shares(zh);
  const enShares = shares(en);
  let chance = 0;
  for (const [key, share] of zhShares) chance += share * (enShares.get(key) ?? 0);
  let agree = 0;
  for (const bead of firstPass) if (zh[bead.zhEnd] === en[bead.enEnd]) agree++;
  const disagreeCost = disagreementCost(agree, firstPass.length, chance, weight);
  if (disagreeCost === 0) return () => 0;
  return agreementKernel(Int32Array.from(zh), Int32Array.from(en), false, disagreeCost);
}

interface AgreementExports extends KernelMemory {
  ready(zh: number, en: number, prefixSums: boolean, cost: number): void;
  cost: RangeCost;
}

/**
 * A bead's agreement cost, by the WebAssembly kernel kernels/agreement.ts in an instance of its own
 * (the returned function is its export, which a sum calls with no JavaScript between): with
 * `prefixSums` false, `cost` where the classes after the bead differ (zh[ze] ≠ en[ee]); with it true,
 * `cost` where the counts its sides hold differ (zh and en the counts' prefix sums); 0 otherwise.
 */
export function agreementKernel(
  zh: Int32Array | Float64Array,
  en: Int32Array | Float64Array,
  prefixSums: boolean,
  cost: number,
): RangeCost {
  const kernel = instantiateKernel<AgreementExports>('agreement');
  kernel.ready(copyIn(kernel, zh), copyIn(kernel, en), prefixSums, cost);
  return kernel.cost;
}

/**
 * weight · (log(a/b) − log((1−a)/(1−b))): the log-odds that the two sides agree on a translation
 * (a, from `agree` of `total` first-pass observations) against by chance (b = `chance`), or 0 when
 * the document shows no more agreement than chance. One pseudo-observation at the chance rate keeps
 * a tiny document from a confident estimate.
 */
export function disagreementCost(agree: number, total: number, chance: number, weight: number): number {
  const rate = Math.min((agree + chance) / (total + 1), MAX_AGREEMENT);
  if (rate <= chance || chance <= 0 || chance >= 1) return 0;
  return weight * (Math.log(rate / chance) - Math.log((1 - rate) / (1 - chance)));
}
