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
  zhSentences.forEach((tokens, i) => {
    let count = 0;
    for (const keys of tokens) {
      if (keys.length === 0 || count === MAX_TOKENS_PER_SENTENCE) continue;
      zhKeyList.push(...keys);
      zhKeyStartList.push(zhKeyList.length);
      count++;
    }
    zhTokenStart[i + 1] = zhTokenStart[i]! + count;
  });
  const enTokenStart = new Int32Array(enSentences.length + 1);
  const enKeyList: number[] = [];
  enSentences.forEach((keys, j) => {
    enKeyList.push(...keys.slice(0, MAX_TOKENS_PER_SENTENCE));
    enTokenStart[j + 1] = enKeyList.length;
  });
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
 * A word seen once in a 20-token document is not a word of every 20th token: shares are computed
 * as if the document had at least this many tokens (a few dozen sentences). Only short inputs are
 * affected (every dev document is longer).
 */
const MIN_TOKENS_FOR_SHARES = 500;

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
  const parts = [coveragePart(tokens, weight, hit)];
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

/**
 * One kind's tokens and each token's chance of being covered by unrelated text: log(1 − f) per
 * token, so P(covered by chance | L tokens of the other side) = 1 − exp(L · logMiss).
 */
export function coveragePart(tokens: KeyedTokens, weight: number, hit: number): KernelPart {
  // Each loop is a function of its own: V8 compiles a hot loop alone (on-stack replacement), and the
  // code after it, which had not run yet, threw that compiled code away at every document.
  return {
    tokens,
    weight,
    hit,
    zhLogMiss: zhLogMisses(tokens, enShares(tokens)),
    enLogMiss: enLogMisses(tokens, zhShares(tokens)),
  };
}

/** Per key: the share of en tokens having it. */
function enShares(tokens: KeyedTokens): Float64Array {
  const { enTokenStart, enKeys, keyCount } = tokens;
  const enTokens = enTokenStart[enTokenStart.length - 1]!;
  const enShare = new Float64Array(keyCount);
  for (let k = 0; k < enTokens; k++) enShare[enKeys[k]!]! += 1 / Math.max(enTokens, MIN_TOKENS_FOR_SHARES);
  return enShare;
}

/** Per key: the share of zh tokens having it among their keys. */
function zhShares(tokens: KeyedTokens): Float64Array {
  const { zhTokenStart, zhKeyStart, zhKeys, keyCount } = tokens;
  const zhTokens = zhTokenStart[zhTokenStart.length - 1]!;
  const zhShare = new Float64Array(keyCount);
  const seen = new Int32Array(keyCount).fill(-1);
  for (let t = 0; t < zhTokens; t++) {
    for (let k = zhKeyStart[t]!; k < zhKeyStart[t + 1]!; k++) {
      const key = zhKeys[k]!;
      if (seen[key] === t) continue;
      seen[key] = t;
      zhShare[key]! += 1 / Math.max(zhTokens, MIN_TOKENS_FOR_SHARES);
    }
  }
  return zhShare;
}

function zhLogMisses(tokens: KeyedTokens, enShare: Float64Array): Float64Array {
  const { zhTokenStart, zhKeyStart, zhKeys } = tokens;
  const zhTokens = zhTokenStart[zhTokenStart.length - 1]!;
  const zhLogMiss = new Float64Array(zhTokens);
  for (let t = 0; t < zhTokens; t++) {
    let f = 0;
    for (let k = zhKeyStart[t]!; k < zhKeyStart[t + 1]!; k++) f += enShare[zhKeys[k]!]!;
    zhLogMiss[t] = Math.log(1 - Math.min(f, 0.95));
  }
  return zhLogMiss;
}

function enLogMisses(tokens: KeyedTokens, zhShare: Float64Array): Float64Array {
  const { enTokenStart, enKeys } = tokens;
  const enTokens = enTokenStart[enTokenStart.length - 1]!;
  const enLogMiss = new Float64Array(enTokens);
  for (let k = 0; k < enTokens; k++) enLogMiss[k] = Math.log(1 - Math.min(zhShare[enKeys[k]!]!, 0.95));
  return enLogMiss;
}
