import { copyIn, instantiateKernel, type KernelMemory } from '../kernels.js';
import type { KeyedTokens } from './coverage.js';
import type { RangeCost } from './search.js';

/** One kind's tokens, weight and P(covered | a translation) (coverage.ts). */
export interface KernelPart {
  tokens: KeyedTokens;
  weight: number;
  hit: number;
}

interface CoverageExports extends KernelMemory {
  addPart(
    zhTokenStart: number,
    zhKeyStart: number,
    zhKeys: number,
    enTokenStart: number,
    enKeys: number,
    zhSentences: number,
    enSentences: number,
    keyCount: number,
    weight: number,
    logHit: number,
    logMissHit: number,
  ): void;
  ready(zhSentences: number, enSentences: number): void;
  cost: RangeCost;
}

/**
 * The summed coverage cost of `parts` (all of one document's sentences), scored by the WebAssembly
 * kernel (kernels/coverage.ts) in an instance of its own: the returned function is the instance's
 * export, called by the search with no JavaScript between.
 *
 * A token's log-ratio: with chance = 1 − exp(L·logMiss), log(1 − chance) = L·logMiss needs no exp or
 * log, and a word so common that chance alone covers it more often than a translation would says
 * nothing (score 0). A zh token is covered when the bead's en side has one of its keys, so the zh
 * side's score is a sum over its sentences of a term that depends on the sentence and the en range
 * only (and the en side's likewise): a sentence ORs its pair masks (which of its ≤ 64 tokens one
 * sentence of the other side covers) over the range. That term, its kinds' scores each weighted, is
 * kept in a small cache, so the ~13 shapes that end at a cell, the next cells and the later passes
 * share it. Beads of the coarse levels (units of 2, 4, 8… sentences) are scored by blocks of a unit
 * against the other side's range, each block once. A 1-0 or 0-1 bead's tokens are neutral: the
 * empty-bead surcharge (TUNING.emptyCost) prices it. A lone kind is scored as −weight · Σ score, as
 * it always was (its numbers to the last bit).
 */
export function coverageKernel(parts: readonly KernelPart[]): RangeCost {
  const kernel = instantiateKernel<CoverageExports>('coverage');
  for (const { tokens, weight, hit } of parts) {
    kernel.addPart(
      copyIn(kernel, tokens.zhTokenStart),
      copyIn(kernel, tokens.zhKeyStart),
      copyIn(kernel, tokens.zhKeys),
      copyIn(kernel, tokens.enTokenStart),
      copyIn(kernel, tokens.enKeys),
      tokens.zhTokenStart.length - 1,
      tokens.enTokenStart.length - 1,
      tokens.keyCount,
      weight,
      Math.log(hit),
      Math.log(1 - hit),
    );
  }
  const { tokens } = parts[0]!;
  kernel.ready(tokens.zhTokenStart.length - 1, tokens.enTokenStart.length - 1);
  return kernel.cost;
}
