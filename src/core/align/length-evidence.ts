import { copyIn, instantiateKernel, type KernelMemory } from '../kernels.js';
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

/**
 * Length in characters (code points), ignoring white space (what /\s/ matches). Read code unit by
 * code unit: iterating the string's characters made a string of each (27 MB over mac-dev).
 */
export function characterLength(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    // The low half of a surrogate pair belongs to the character its high half counted.
    if (code >= 0xdc00 && code <= 0xdfff && k > 0) {
      const before = text.charCodeAt(k - 1);
      if (before >= 0xd800 && before <= 0xdbff) continue;
    }
    if (!isWhiteSpace(code)) n++;
  }
  return n;
}

/** ECMAScript's white space and line terminators: what /\s/ matches. */
function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
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

interface LengthExports extends KernelMemory {
  ready(zhPrefix: number, enPrefix: number, ratio: number, variance: number, weight: number): void;
  cost: RangeCost;
}

/**
 * `weight` times the Gale–Church cost of a bead, −log 2(1 − Φ(|δ|)) (computed through erfc, Numerical
 * Recipes' erfcc, and an asymptotic expansion in the far tail); beads with an empty side cost
 * nothing here (their shape cost covers them). Scored by the WebAssembly kernel kernels/length.ts in
 * an instance of its own: the returned function is its export.
 */
export function lengthCost(
  zhPrefix: Float64Array,
  enPrefix: Float64Array,
  model: LengthModel,
  weight = 1,
): RangeCost {
  const kernel = instantiateKernel<LengthExports>('length');
  kernel.ready(copyIn(kernel, zhPrefix), copyIn(kernel, enPrefix), model.ratio, model.variance, weight);
  return kernel.cost;
}
