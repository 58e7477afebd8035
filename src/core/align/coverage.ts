import { sameAsKernelCost } from './cost-sum.js';
import { coverageKernel, type KernelPart } from './coverage-kernel.js';
import type { RangeCost } from './search.js';

/**
 * Tokens of both sides reduced to integer keys that can match across languages: a zh token has a
 * set of keys (e.g. the stems of its dictionary translations), an en token has one key (its stem).
 * Stored as compressed rows (typed arrays) so a long document costs little memory.
 */
export interface KeyedTokens {
  /** zh tokens of sentence i are zhTokenStart[i] .. zhTokenStart[i+1]−1. */
  zhTokenStart: Int32Array;
  /** Keys of zh token t are zhKeys[zhKeyStart[t]] .. zhKeys[zhKeyStart[t+1]−1]. */
  zhKeyStart: Int32Array;
  zhKeys: Int32Array;
  /** en tokens of sentence j are enKeys[enTokenStart[j]] .. enKeys[enTokenStart[j+1]−1]. */
  enTokenStart: Int32Array;
  enKeys: Int32Array;
  keyCount: number;
}

/** Tokens kept per sentence: bounds the work per bead on run-on sentences. */
const MAX_TOKENS_PER_SENTENCE = 64;

/** Builds KeyedTokens from per-sentence lists; tokens without keys are left out (they carry no evidence). */
export function keyTokens(
  zhSentences: readonly (readonly (readonly number[])[])[],
  enSentences: readonly (readonly number[])[],
  keyCount: number,
): KeyedTokens {
  const zhTokenStart = new Int32Array(zhSentences.length + 1);
  const zhKeyStartList: number[] = [0];
  const zhKeyList: number[] = [];
  for (let i = 0; i < zhSentences.length; i++) {
    let count = 0;
    for (const keys of zhSentences[i]!) {
      if (keys.length === 0 || count === MAX_TOKENS_PER_SENTENCE) continue;
      for (const key of keys) zhKeyList.push(key);
      zhKeyStartList.push(zhKeyList.length);
      count++;
    }
    zhTokenStart[i + 1] = zhTokenStart[i]! + count;
  }
  const enTokenStart = new Int32Array(enSentences.length + 1);
  const enKeyList: number[] = [];
  for (let j = 0; j < enSentences.length; j++) {
    const keys = enSentences[j]!;
    for (let k = 0; k < Math.min(keys.length, MAX_TOKENS_PER_SENTENCE); k++) enKeyList.push(keys[k]!);
    enTokenStart[j + 1] = enKeyList.length;
  }
  return {
    zhTokenStart,
    zhKeyStart: Int32Array.from(zhKeyStartList),
    zhKeys: Int32Array.from(zhKeyList),
    enTokenStart,
    enKeys: Int32Array.from(enKeyList),
    keyCount,
  };
}

/**
 * Likelihood-ratio cost of a bead's lexical coverage. Each token is tested: is its coverage by the
 * other side of the bead likelier if the bead is a translation (P = `hit`) or if the other side
 * were unrelated text of the same size (P = 1 − (1 − f)^L, f = how often the token's keys occur per
 * token of the other side in the document, L = the other side's token count)? The bead costs
 * −weight · Σ log-ratio. A common word matched inside a long bead proves little, a rare word matched
 * in a short one a lot, so merging beads gains only from real translations (the failing of a plain
 * count of covered tokens, which favoured 2-2 and 2-3 beads), and tokens that a translation should
 * have covered but did not count against the bead.
 */
export function coverageRatioCost(tokens: KeyedTokens, weight: number, hit: number): RangeCost {
  const parts: readonly KernelPart[] = [{ tokens, weight, hit }];
  // Its kernel is made on the first bead: a kind's own cost is mostly merged with its neighbours'
  // (mergeCoverageTerms) and never called (18 of mac-dev's 30 instances were never used).
  let kernel: RangeCost | undefined;
  const made = () => (kernel ??= coverageKernel(parts));
  const cost: RangeCost = (zs, ze, es, ee) => made()(zs, ze, es, ee);
  partsOf.set(cost, parts);
  sameAsKernelCost(cost, made);
  return cost;
}

/** The coverage kinds summed in a cost coverageRatioCost (or mergeCoverageTerms) made. */
const partsOf = new WeakMap<RangeCost, readonly KernelPart[]>();

/**
 * `terms` with each run of adjacent coverage costs (coverageRatioCost's) made one cost: their sum, to
 * the last bits of rounding, with one cache of each sentence's summed term and one call per bead
 * instead of one per kind. The dictionary, names and numbers kinds are such a run; the names' and
 * numbers' tokens are so few that their costs were mostly those calls and cache look-ups.
 */
export function mergeCoverageTerms(terms: readonly RangeCost[]): RangeCost[] {
  const out: RangeCost[] = [];
  let run: RangeCost[] = [];
  const close = () => {
    if (run.length === 1) out.push(run[0]!);
    else if (run.length > 1) {
      const parts = run.flatMap((term) => partsOf.get(term)!);
      const merged = coverageKernel(parts);
      partsOf.set(merged, parts);
      out.push(merged);
    }
    run = [];
  };
  for (const term of terms) {
    if (partsOf.has(term)) run.push(term);
    else {
      close();
      out.push(term);
    }
  }
  close();
  return out;
}
