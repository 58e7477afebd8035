// AssemblyScript, compiled ahead of time into data/agreement.wasm by `npm run build`
// (scripts/build-kernels.ts). The costs of src/core/align/boundary-agreement.ts and
// count-agreement.ts (which explain them and load this), one per instance, so that a sum of costs
// (cost-sum.ts) calls them with no JavaScript between.

import { f64At, i32At } from './memory';

export { alloc } from './memory';

let zhValues: usize = 0;
let enValues: usize = 0;
let counts = false;
let disagreeCost: f64 = 0;

/**
 * The per-boundary classes (i32 each, `counts` false) or the prefix sums of the per-sentence counts
 * (doubles, `counts` true) of each side, copied in, and what a bead that disagrees costs.
 */
export function ready(zh: usize, en: usize, prefixSums: bool, cost: f64): void {
  zhValues = zh;
  enValues = en;
  counts = prefixSums;
  disagreeCost = cost;
}

/**
 * Classes: the bead's end boundaries disagree. Counts: its sides hold different counts. 0 when
 * they agree.
 */
export function cost(zs: i32, ze: i32, es: i32, ee: i32): f64 {
  if (counts)
    return f64At(zhValues, ze) - f64At(zhValues, zs) === f64At(enValues, ee) - f64At(enValues, es)
      ? 0
      : disagreeCost;
  return i32At(zhValues, ze) === i32At(enValues, ee) ? 0 : disagreeCost;
}
