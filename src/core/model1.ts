import { copyIn, float64sOut, instantiateKernel, int32sOut, type KernelMemory } from './kernels.js';

/**
 * IBM Model 1 (Brown et al. 1993) trained by EM over one document's beads, with a NULL word that
 * absorbs English words no Chinese word accounts for: the aligner learns it over its first alignment
 * (align/learned-evidence.ts) and QA over the pairs it checks (qa/translation-table.ts).
 *
 * Words are ids. Each co-occurring (Chinese, English) pair of types gets a dense slot in order of first
 * appearance, and every bead's co-occurrences are listed once as slots (per English token: NULL's,
 * then each Chinese token's), so the EM iterations run over arrays instead of a map keyed by the
 * pair. The training is the WebAssembly kernel kernels/model1.ts (compiled ahead of time: in a
 * fresh process V8 compiled this loop's JavaScript anew at every run, several times over).
 */

/** A bead's words as ids. */
export interface IdBead {
  zh: readonly number[];
  en: readonly number[];
}

/** What EM learned: t(e | f) by slot, and each slot's pair of ids. */
export interface Model1Table {
  /** t(e | f) of each slot's pair. */
  t: Float64Array;
  /** The Chinese id (nullId for NULL) and the English id of each slot. */
  zhOf: Int32Array;
  enOf: Int32Array;
  /** The NULL word's id: one more than the Chinese types'. */
  nullId: number;
  /** The slot of (f, e), or −1 when the two were never seen together. */
  slotOf(f: number, e: number): number;
}

interface Model1Exports extends KernelMemory {
  train(
    zhIds: number,
    enIds: number,
    zhLengths: number,
    enLengths: number,
    beads: number,
    nullId: number,
    iterations: number,
    initial: number,
  ): number;
  probabilities(): number;
  zhOfSlots(): number;
  enOfSlots(): number;
  slotOf(f: number, e: number): number;
}

/** EM over `beads` (Chinese ids below `nullId`): t(e | f) after `iterations` rounds from `initial`. */
export function trainModel1(
  beads: readonly IdBead[],
  nullId: number,
  iterations: number,
  initial: number,
): Model1Table {
  const kernel = instantiateKernel<Model1Exports>('model1');
  const zhLengths = Int32Array.from(beads, (bead) => bead.zh.length);
  const enLengths = Int32Array.from(beads, (bead) => bead.en.length);
  const zhIds = new Int32Array(zhLengths.reduce((sum, n) => sum + n, 0));
  const enIds = new Int32Array(enLengths.reduce((sum, n) => sum + n, 0));
  let zhAt = 0;
  let enAt = 0;
  for (const { zh, en } of beads) {
    zhIds.set(zh, zhAt);
    enIds.set(en, enAt);
    zhAt += zh.length;
    enAt += en.length;
  }
  const slots = kernel.train(
    copyIn(kernel, zhIds),
    copyIn(kernel, enIds),
    copyIn(kernel, zhLengths),
    copyIn(kernel, enLengths),
    beads.length,
    nullId,
    iterations,
    initial,
  );
  return {
    t: float64sOut(kernel, kernel.probabilities(), slots),
    zhOf: int32sOut(kernel, kernel.zhOfSlots(), slots),
    enOf: int32sOut(kernel, kernel.enOfSlots(), slots),
    nullId,
    slotOf: kernel.slotOf,
  };
}

/** The id of `word` in `ids`, given the next one when new; counts it in `counts` when given. */
export function internWord(ids: Map<string, number>, word: string, counts?: number[]): number {
  let id = ids.get(word);
  if (id === undefined) {
    id = ids.size;
    ids.set(word, id);
    counts?.push(0);
  }
  if (counts) counts[id]!++;
  return id;
}
