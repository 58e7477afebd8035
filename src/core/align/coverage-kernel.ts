import { copyIn, instantiateKernel, type KernelMemory } from '../kernels.js';
import type { KeyedTokens } from './coverage.js';
import type { RangeCost } from './search.js';

/** One kind's tokens with their chances of being covered by unrelated text (coverage.ts). */
export interface KernelPart {
  tokens: KeyedTokens;
  weight: number;
  hit: number;
  zhLogMiss: Float64Array;
  enLogMiss: Float64Array;
}

interface CoverageExports extends KernelMemory {
  addPart(
    zhTokenStart: number,
    zhKeyStart: number,
    zhKeys: number,
    enTokenStart: number,
    enKeys: number,
    zhLogMiss: number,
    enLogMiss: number,
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
 */
export function coverageKernel(parts: readonly KernelPart[]): RangeCost {
  const kernel = instantiateKernel<CoverageExports>('coverage');
  for (const { tokens, weight, hit, zhLogMiss, enLogMiss } of parts) {
    kernel.addPart(
      copyIn(kernel, tokens.zhTokenStart),
      copyIn(kernel, tokens.zhKeyStart),
      copyIn(kernel, tokens.zhKeys),
      copyIn(kernel, tokens.enTokenStart),
      copyIn(kernel, tokens.enKeys),
      copyIn(kernel, zhLogMiss),
      copyIn(kernel, enLogMiss),
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
