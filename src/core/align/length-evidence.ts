import type { RangeCost } from './search.js';

/**
 * Gale & Church (1993) length evidence: the English length of a bead is modelled as normal with mean
 * `ratio · zhLength` and variance `variance · zhLength`; the cost is −log P(|δ| ≥ observed), i.e.
 * −log 2(1 − Φ(|δ|)) with δ = (enLength − ratio·zhLength) / √(variance·zhLength).
 * Lengths are characters without white space (Han characters on the zh side).
 */
export interface LengthModel {
  /** en characters per zh character. */
  ratio: number;
  /** Variance of the en length per zh character. */
  variance: number;
}

/** Lengths in characters, ignoring white space. */
export function characterLength(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n++;
  return n;
}

/** Prefix sums of sentence lengths: sum over [start, end) is prefix[end] − prefix[start]. */
export function prefixSums(lengths: ArrayLike<number>): Float64Array {
  const prefix = new Float64Array(lengths.length + 1);
  for (let i = 0; i < lengths.length; i++) prefix[i + 1] = prefix[i]! + lengths[i]!;
  return prefix;
}

/**
 * The document's own length model: the ratio of total lengths, and a variance that starts from
 * `initialVariance · ratio²` (variance in zh characters²) (refined by `estimateVariance` once a first alignment exists).
 */
export function documentLengthModel(
  zhPrefix: Float64Array,
  enPrefix: Float64Array,
  initialVariance: number,
): LengthModel {
  const zhTotal = zhPrefix[zhPrefix.length - 1]!;
  const enTotal = enPrefix[enPrefix.length - 1]!;
  const ratio = zhTotal > 0 && enTotal > 0 ? enTotal / zhTotal : 3;
  return { ratio, variance: initialVariance * ratio * ratio };
}

/**
 * Variance re-estimated from 1-1 beads of a first alignment: the median of (en − ratio·zh)²/zh
 * divided by 0.455 (the median of χ²₁), so a few wrong beads do not inflate it.
 */
export function estimateVariance(
  pairs: readonly (readonly [number, number])[],
  ratio: number,
  fallback: number,
): number {
  const samples: number[] = [];
  for (const [zhLength, enLength] of pairs) {
    if (zhLength <= 0 || enLength <= 0) continue;
    const d = enLength - ratio * zhLength;
    samples.push((d * d) / Math.max((zhLength + enLength / ratio) / 2, 1));
  }
  if (samples.length < 10) return fallback;
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  return Math.max(median / 0.455, fallback * 0.1);
}

/** Gale–Church cost of a bead; beads with an empty side cost nothing here (their shape cost covers them). */
export function lengthCost(zhPrefix: Float64Array, enPrefix: Float64Array, model: LengthModel): RangeCost {
  return (zhStart, zhEnd, enStart, enEnd) => {
    if (zhStart === zhEnd || enStart === enEnd) return 0;
    const zhLength = zhPrefix[zhEnd]! - zhPrefix[zhStart]!;
    const enLength = enPrefix[enEnd]! - enPrefix[enStart]!;
    const mean = (zhLength + enLength / model.ratio) / 2;
    const delta = (enLength - model.ratio * zhLength) / Math.sqrt(model.variance * Math.max(mean, 1));
    return -logTwoSidedTail(Math.abs(delta));
  };
}

/** log 2(1 − Φ(x)) = log erfc(x/√2) for x ≥ 0, accurate in the far tail too. */
export function logTwoSidedTail(x: number): number {
  const z = x / Math.SQRT2;
  if (z < 5) return Math.log(erfc(z));
  // Asymptotic expansion of erfc for large z.
  return -z * z - Math.log(z * Math.sqrt(Math.PI)) + Math.log(1 - 1 / (2 * z * z));
}

/** Complementary error function (Numerical Recipes erfcc, fractional error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
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
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
