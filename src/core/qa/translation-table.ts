/**
 * Word translation probabilities t(e | f) learned from one document's own pairs: IBM Model 1 (Brown et
 * al. 1993, src/core/model1.ts), trained by EM over the content words of each pair, with a NULL word
 * that absorbs English words no Chinese word accounts for. The aligner learns the same model over its
 * first alignment (src/core/align/learned-evidence.ts) but keeps only its thresholded pairs; QA needs
 * the probabilities and each word's count.
 */
import { internWord, type Model1Table, trainModel1 } from '../model1.js';

export class TranslationTable {
  private readonly zhIds = new Map<string, number>();
  private readonly enIds = new Map<string, number>();
  /** How many pairs each Chinese word occurs in. */
  private readonly zhPairCounts: number[] = [];
  /** t(e | f) by slot of each (f, e) seen together, f = zhTypes for NULL. */
  private readonly table: Model1Table;

  constructor(pairs: readonly { zh: readonly string[]; en: readonly string[] }[], iterations = 5) {
    const encoded = pairs.map((pair) => ({
      zh: [...new Set(pair.zh)].map((w) => internWord(this.zhIds, w, this.zhPairCounts)),
      en: pair.en.map((w) => internWord(this.enIds, w)),
    }));
    this.table = trainModel1(encoded, this.zhIds.size, iterations, 1);
  }

  /** t(e | f); 0 for words never seen together. */
  probability(zh: string, en: string): number {
    const f = this.zhIds.get(zh);
    const e = this.enIds.get(en);
    if (f === undefined || e === undefined) return 0;
    const slot = this.table.slotOf(f, e);
    return slot < 0 ? 0 : this.table.t[slot]!;
  }

  /** How many of the document's pairs hold the Chinese word. */
  pairCount(zh: string): number {
    const f = this.zhIds.get(zh);
    return f === undefined ? 0 : this.zhPairCounts[f]!;
  }
}
