/**
 * Word translation probabilities t(e | f) learned from one document's own pairs: IBM Model 1 (Brown et
 * al. 1993), trained by EM over the content words of each pair, with a NULL word that absorbs English
 * words no Chinese word accounts for. The aligner learns the same model over its first alignment
 * (src/core/align/learned-evidence.ts) but keeps only its thresholded pairs; QA needs the probabilities
 * and each word's count.
 */
export class TranslationTable {
  private readonly zhIds = new Map<string, number>();
  private readonly enIds = new Map<string, number>();
  /** How many pairs each Chinese word occurs in. */
  private readonly zhPairCounts: number[] = [];
  /** The slot of t(e | f) in `t`, keyed f * enTypes + e (f = zhTypes is NULL). */
  private readonly slots = new Map<number, number>();
  /** t(e | f) by slot. */
  private readonly t: Float64Array;
  private readonly enTypes: number;

  /**
   * EM runs over typed arrays: each pair's (f, e) slots are looked up once, not in a Map at every
   * step of every iteration (~0.8 s of QA's ~6 s on the six mac-dev chapters). The sums are taken in
   * the same order as before, so the probabilities are the same to the last bit.
   */
  constructor(pairs: readonly { zh: readonly string[]; en: readonly string[] }[], iterations = 5) {
    const encoded = pairs.map((pair) => ({
      zh: [...new Set(pair.zh)].map((w) => this.intern(this.zhIds, w, this.zhPairCounts)),
      en: pair.en.map((w) => this.intern(this.enIds, w)),
    }));
    const enTypes = this.enIds.size;
    this.enTypes = enTypes;
    const nullId = this.zhIds.size;
    // For each English word of each pair, the slots of NULL and of the pair's Chinese words, in order.
    const slotFs: number[] = [];
    const order: number[] = [];
    const slotOf = (f: number, e: number): number => {
      const key = f * enTypes + e;
      let slot = this.slots.get(key);
      if (slot === undefined) {
        slot = slotFs.length;
        this.slots.set(key, slot);
        slotFs.push(f);
      }
      return slot;
    };
    for (const { zh, en } of encoded) {
      for (const e of en) {
        order.push(slotOf(nullId, e));
        for (const f of zh) order.push(slotOf(f, e));
      }
    }
    const slotF = Int32Array.from(slotFs);
    const sequence = Int32Array.from(order);
    /** Where each English word's run of slots in `sequence` ends: 1 + its pair's Chinese words after its start. */
    const runLengths: number[] = [];
    for (const { zh, en } of encoded) for (let k = 0; k < en.length; k++) runLengths.push(zh.length + 1);
    const t = new Float64Array(slotF.length).fill(1);
    const counts = new Float64Array(slotF.length);
    const totals = new Float64Array(nullId + 1);
    for (let iteration = 0; iteration < iterations; iteration++) {
      counts.fill(0);
      totals.fill(0);
      let at = 0;
      for (const length of runLengths) {
        let norm = t[sequence[at]!]!;
        for (let k = 1; k < length; k++) norm += t[sequence[at + k]!]!;
        for (let k = 0; k < length; k++) {
          const slot = sequence[at + k]!;
          const share = t[slot]! / norm;
          counts[slot]! += share;
          totals[slotF[slot]!]! += share;
        }
        at += length;
      }
      for (let slot = 0; slot < t.length; slot++) t[slot] = counts[slot]! / totals[slotF[slot]!]!;
    }
    this.t = t;
  }

  private intern(ids: Map<string, number>, word: string, counts?: number[]): number {
    let id = ids.get(word);
    if (id === undefined) {
      id = ids.size;
      ids.set(word, id);
      counts?.push(0);
    }
    if (counts) counts[id]!++;
    return id;
  }

  /** t(e | f); 0 for words never seen together. */
  probability(zh: string, en: string): number {
    const f = this.zhIds.get(zh);
    const e = this.enIds.get(en);
    if (f === undefined || e === undefined) return 0;
    const slot = this.slots.get(f * this.enTypes + e);
    return slot === undefined ? 0 : this.t[slot]!;
  }

  /** How many of the document's pairs hold the Chinese word. */
  pairCount(zh: string): number {
    const f = this.zhIds.get(zh);
    return f === undefined ? 0 : this.zhPairCounts[f]!;
  }
}
