import { lengthRatio } from '../calibration.js';
import { englishWordCount, zhLength } from '../text-measures.js';
import type { FilterRule } from '../types.js';

/**
 * Too short to teach a translation model anything, or to judge. Defaults: 1 zh character and 1 en
 * word (the literary dev pairs include “是。” ↔ “Yes.”; anything stricter dropped good pairs there).
 */
export const tooShort: FilterRule<{ minZhChars: number; minEnWords: number }> = {
  name: 'too-short',
  description:
    'a side with fewer than minZhChars Chinese characters (letters, digits) or minEnWords English words',
  defaults: { minZhChars: 1, minEnWords: 1 },
  check(pair, p) {
    const zh = zhLength(pair.zh);
    const en = englishWordCount(pair.en);
    const pass = zh >= p.minZhChars && en >= p.minEnWords;
    return { score: Math.min(zh, en), pass, why: `${zh} zh characters, ${en} en words` };
  },
};

/**
 * Longer than MT training uses (sequence limits of 200–256 tokens are the norm; a pair that long is
 * usually two paragraphs glued by a failed split). Defaults: 400 zh characters, 250 en words — the
 * longest gold pairs of the dev sets are 262 zh characters and 160 en words.
 */
export const tooLong: FilterRule<{ maxZhChars: number; maxEnWords: number }> = {
  name: 'too-long',
  description: 'a side with more than maxZhChars Chinese characters or maxEnWords English words',
  defaults: { maxZhChars: 400, maxEnWords: 250 },
  check(pair, p) {
    const zh = zhLength(pair.zh);
    const en = englishWordCount(pair.en);
    const pass = zh <= p.maxZhChars && en <= p.maxEnWords;
    return {
      score: Math.max(zh / p.maxZhChars, en / p.maxEnWords),
      pass,
      why: `${zh} zh characters, ${en} en words`,
    };
  },
};

/**
 * Characters against words, in spreads of this document's own pairs (calibration.ts). Default 3.5
 * spreads, tuned on the filter dev set (bench/filter-devset.ts): 4.5 caught 70% of the pairs given
 * three sentences too many, 3.5 catches 85% and drops 0.2% more of the good pairs.
 */
export const lengthRatioRule: FilterRule<{ maxDeviation: number }> = {
  name: 'length-ratio',
  description:
    'ln(zh chars / en words) further than maxDeviation robust spreads from the document’s typical ratio',
  defaults: { maxDeviation: 3.5 },
  check(pair, p, { calibration }) {
    const ratio = lengthRatio(pair.zh, pair.en);
    const deviation = (ratio - calibration.center) / calibration.spread;
    return {
      score: Math.round(deviation * 100) / 100,
      pass: Math.abs(deviation) <= p.maxDeviation,
      why: `ratio ${ratio.toFixed(2)} against the document's ${calibration.center.toFixed(2)} ± ${calibration.spread.toFixed(2)} (${deviation.toFixed(1)} spreads)`,
    };
  },
};
