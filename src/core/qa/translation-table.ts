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
  /** t(e | f) keyed f * enTypes + e (f = zhTypes is NULL). */
  private readonly t = new Map<number, number>();
  private readonly enTypes: number;

  constructor(pairs: readonly { zh: readonly string[]; en: readonly string[] }[], iterations = 5) {
    const encoded = pairs.map((pair) => ({
      zh: [...new Set(pair.zh)].map((w) => this.intern(this.zhIds, w, this.zhPairCounts)),
      en: pair.en.map((w) => this.intern(this.enIds, w)),
    }));
    const enTypes = this.enIds.size;
    this.enTypes = enTypes;
    const nullId = this.zhIds.size;
    const key = (f: number, e: number) => f * enTypes + e;
    for (const { zh, en } of encoded) {
      for (const e of en) {
        this.t.set(key(nullId, e), 1);
        for (const f of zh) this.t.set(key(f, e), 1);
      }
    }
    for (let iteration = 0; iteration < iterations; iteration++) {
      const counts = new Map<number, number>();
      const totals = new Float64Array(nullId + 1);
      for (const { zh, en } of encoded) {
        for (const e of en) {
          let norm = this.t.get(key(nullId, e))!;
          for (const f of zh) norm += this.t.get(key(f, e))!;
          for (const f of [nullId, ...zh]) {
            const share = this.t.get(key(f, e))! / norm;
            counts.set(key(f, e), (counts.get(key(f, e)) ?? 0) + share);
            totals[f]! += share;
          }
        }
      }
      for (const [k, count] of counts) this.t.set(k, count / totals[Math.floor(k / enTypes)]!);
    }
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
    return this.t.get(f * this.enTypes + e) ?? 0;
  }

  /** How many of the document's pairs hold the Chinese word. */
  pairCount(zh: string): number {
    const f = this.zhIds.get(zh);
    return f === undefined ? 0 : this.zhPairCounts[f]!;
  }
}
