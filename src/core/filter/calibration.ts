import { englishWordCount, zhLength } from './text-measures.js';
import type { LengthCalibration } from './types.js';

// The length ratio of a pair, and its typical value and spread in one document. A ratio of Chinese
// characters to English words depends on the text (a literary chapter is not a statistics bulletin),
// so each document is measured on its own pairs, as Gale & Church (1993) fit the mean and variance
// of the length ratio to the corpus at hand. Median and MAD, not mean and variance, so the junk being
// filtered does not move the yardstick; a histogram, so the measure streams in constant memory.

/** ln((zh chars + 1) / (en words + 1)): 0 when the sides are as long, about 0.6 for ordinary prose. */
export function lengthRatio(zh: string, en: string): number {
  return Math.log((zhLength(zh) + 1) / (englishWordCount(en) + 1));
}

const LOW = -4;
const HIGH = 5;
const BIN = 0.05;
const BINS = Math.round((HIGH - LOW) / BIN);

/**
 * What a document with few pairs is pulled towards: median and spread measured on the dev pairs of
 * ../shared/eval (mac-dev and bfsu-nonlit-dev, 2,325 gold pairs: median 0.38, MAD × 1.4826 = 0.41).
 */
export const PRIOR: LengthCalibration = { center: 0.38, spread: 0.41, pairs: 0 };
/** Weight of the prior, in pairs: a document of 20 pairs is half its own, half the prior. */
const PRIOR_PAIRS = 20;
/** The spread never goes below this: a document of near-identical lines would reject any variation. */
const MIN_SPREAD = 0.15;

/** Accumulates one document's length ratios (constant memory) and gives its calibration. */
export class LengthCalibrator {
  private readonly counts = new Uint32Array(BINS);
  private n = 0;

  add(zh: string, en: string): void {
    const bin = Math.min(BINS - 1, Math.max(0, Math.floor((lengthRatio(zh, en) - LOW) / BIN)));
    this.counts[bin]!++;
    this.n++;
  }

  calibration(): LengthCalibration {
    if (this.n === 0) return PRIOR;
    const median = LOW + quantileOf(this.counts, this.n, 0.5) * BIN;
    const deviations = new Uint32Array(BINS);
    const medianBin = Math.floor((median - LOW) / BIN);
    for (let bin = 0; bin < BINS; bin++) deviations[Math.abs(bin - medianBin)]! += this.counts[bin]!;
    const mad = quantileOf(deviations, this.n, 0.5) * BIN;
    const weight = this.n / (this.n + PRIOR_PAIRS);
    return {
      center: weight * median + (1 - weight) * PRIOR.center,
      spread: Math.max(MIN_SPREAD, weight * mad * 1.4826 + (1 - weight) * PRIOR.spread),
      pairs: this.n,
    };
  }
}

/** The bin (as a fractional index, its middle) where the cumulative count passes q of n. */
function quantileOf(counts: Uint32Array, n: number, q: number): number {
  let seen = 0;
  for (let bin = 0; bin < counts.length; bin++) {
    seen += counts[bin]!;
    if (seen >= q * n) return bin + 0.5;
  }
  return counts.length - 0.5;
}
