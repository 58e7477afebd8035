// AssemblyScript, compiled ahead of time into data/length.wasm by `npm run build`
// (scripts/build-kernels.ts). The Gale–Church length cost of a bead (src/core/align/length-evidence.ts
// explains the model and loads this), computed in the order the TypeScript it replaced computed it,
// with V8's exp and log (fdlibm.ts) and the exact square root, so the costs are the same to the last
// bit. One instance is one cost: the host copies the prefix sums in (alloc) and calls `ready`.

import { log } from './fdlibm';
import { f64At } from './memory';

export { alloc } from './memory';

let zhPrefix: usize = 0;
let enPrefix: usize = 0;
let ratio: f64 = 1;
let variance: f64 = 1;
let weight: f64 = 1;

/** The prefix sums of the sentences' lengths (copied in), the model, and the cost's weight. */
export function ready(zh: usize, en: usize, lengthRatio: f64, lengthVariance: f64, costWeight: f64): void {
  zhPrefix = zh;
  enPrefix = en;
  ratio = lengthRatio;
  variance = lengthVariance;
  weight = costWeight;
}

/** weight · −log P(|δ| ≥ observed); a bead with an empty side costs nothing here. */
export function cost(zhStart: i32, zhEnd: i32, enStart: i32, enEnd: i32): f64 {
  if (zhStart === zhEnd || enStart === enEnd) return 0;
  const zhLength = f64At(zhPrefix, zhEnd) - f64At(zhPrefix, zhStart);
  const enLength = f64At(enPrefix, enEnd) - f64At(enPrefix, enStart);
  const mean = (zhLength + enLength / ratio) / 2;
  const delta = (enLength - ratio * zhLength) / Math.sqrt(variance * Math.max(mean, 1));
  return weight * -logTwoSidedTail(Math.abs(delta));
}

/**
 * log 2(1 − Φ(x)) = log erfc(x/√2) for x ≥ 0, accurate in the far tail too. Below z = 5, Numerical
 * Recipes' erfcc (fractional error < 1.2e-7) is t · exp(P(t)), t = 1/(1 + z/2), so its log is
 * P(t) − log(1 + z/2): one log, where log(erfc) took an exp and a log (a third of the kernel's time).
 */
function logTwoSidedTail(x: f64): f64 {
  const z = x / Math.SQRT2;
  if (z < 5) {
    const t = 1 / (1 + 0.5 * z);
    return (
      -z * z -
      1.26551223 +
      t *
        (1.00002368 +
          t *
            (0.37409196 +
              t *
                (0.09678418 +
                  t *
                    (-0.18628806 +
                      t *
                        (0.27886807 +
                          t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))) -
      log(1 + 0.5 * z)
    );
  }
  // Asymptotic expansion of erfc for large z.
  return -z * z - log(z * Math.sqrt(Math.PI)) + log(1 - 1 / (2 * z * z));
}
