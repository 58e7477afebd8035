import type { RangeBead } from './search.js';

/**
 * Word translation probabilities learned from the document pair itself: IBM Model 1 (Brown et al.
 * 1993) trained by EM on the beads of a first alignment, as Moore (2002) and Bleualign-style
 * two-pass aligners do. Literary translations render names and recurring words in ways no
 * dictionary lists (a hero's name translated as a nickname), and the document repeats them.
 *
 * Returns, per zh word type, the en stems it translates to with probability ≥ `threshold`; only
 * types seen at least `minCount` times on both sides are learned (a word seen once would just
 * learn its own bead back).
 */
/** Beads used for training at most (a 100,000-sentence pair would otherwise need a huge table). */
const MAX_TRAINING_BEADS = 20_000;

export function learnTranslations(
  zhWords: readonly (readonly string[])[],
  enStems: readonly (readonly string[])[],
  beads: readonly RangeBead[],
  options: { iterations: number; threshold: number; minCount: number },
): Map<string, string[]> {
  // In phases, each a function of its own: V8 optimises each loop once, with the types it has
  // seen, where one long function was compiled again at each loop it entered hot (on mac-dev 9
  // compilations of it, of ~140 ms).
  const corpus = internBeads(zhWords, enStems, beads);
  const cooccurrences = listCooccurrences(corpus);
  const t = trainModel1(corpus, cooccurrences, options.iterations);
  if (options.iterations === 0) return new Map();
  return readLearned(corpus, cooccurrences, t, options);
}

/** The training beads' words as ids, with each type's count. */
interface Corpus {
  pairs: { zh: number[]; en: number[] }[];
  zhIds: Map<string, number>;
  enIds: Map<string, number>;
  zhCount: number[];
  enCount: number[];
}

function internBeads(
  zhWords: readonly (readonly string[])[],
  enStems: readonly (readonly string[])[],
  beads: readonly RangeBead[],
): Corpus {
  const corpus: Corpus = { pairs: [], zhIds: new Map(), enIds: new Map(), zhCount: [], enCount: [] };
  const intern = (ids: Map<string, number>, counts: number[], w: string) => {
    let id = ids.get(w);
    if (id === undefined) {
      id = ids.size;
      ids.set(w, id);
      counts.push(0);
    }
    counts[id]!++;
    return id;
  };
  // Long documents: train on an even sample of beads, bounding the table's memory.
  const step = Math.max(1, Math.ceil(beads.length / MAX_TRAINING_BEADS));
  for (let b = 0; b < beads.length; b += step) {
    const bead = beads[b]!;
    if (bead.zhStart === bead.zhEnd || bead.enStart === bead.enEnd) continue;
    const zh: number[] = [];
    const en: number[] = [];
    for (let i = bead.zhStart; i < bead.zhEnd; i++)
      for (const w of zhWords[i]!) zh.push(intern(corpus.zhIds, corpus.zhCount, w));
    for (let j = bead.enStart; j < bead.enEnd; j++)
      for (const s of enStems[j]!) en.push(intern(corpus.enIds, corpus.enCount, s));
    if (zh.length > 0 && en.length > 0) corpus.pairs.push({ zh, en });
  }
  return corpus;
}

/**
 * t(e|f) per co-occurring pair (f, e), the NULL word (id zhTypes) included to absorb function
 * words. Each pair gets a dense id in order of first appearance, and every bead's co-occurrences
 * are listed once as ids (per en token: NULL's, then each zh token's), so the EM iterations run
 * over typed arrays instead of a map keyed f·E + e (the sums are the same, in the same order).
 */
interface Cooccurrences {
  /** Per en token of each bead in turn: the pair ids of NULL and of each zh token with it. */
  ids: Int32Array;
  zhLengths: Int32Array;
  enLengths: Int32Array;
  /** The zh and en type of each pair id. */
  zhOf: Int32Array;
  enOf: Int32Array;
  nullId: number;
}

function listCooccurrences({ pairs, zhIds }: Corpus): Cooccurrences {
  const nullId = zhIds.size;
  const pairIds = new PairIds();
  const zhLengths = new Int32Array(pairs.length);
  const enLengths = new Int32Array(pairs.length);
  let total = 0;
  pairs.forEach(({ zh, en }, p) => {
    zhLengths[p] = zh.length;
    enLengths[p] = en.length;
    total += en.length * (zh.length + 1);
  });
  // Written straight into a typed array of the known size (no growing list to copy).
  const ids = new Int32Array(total);
  let filled = 0;
  for (const { zh, en } of pairs) {
    for (const e of en) {
      ids[filled++] = pairIds.id(nullId, e);
      for (const f of zh) ids[filled++] = pairIds.id(f, e);
    }
  }
  return { ids, zhLengths, enLengths, zhOf: pairIds.zhOfIds(), enOf: pairIds.enOfIds(), nullId };
}

/** IBM Model 1's EM: t(e|f) per pair id after `iterations` rounds, from uniform. */
function trainModel1(corpus: Corpus, cooccurrences: Cooccurrences, iterations: number): Float64Array {
  const { ids, zhLengths, enLengths, zhOf, nullId } = cooccurrences;
  const t = new Float64Array(zhOf.length).fill(1 / Math.max(corpus.enIds.size, 1));
  const counts = new Float64Array(zhOf.length);
  const totals = new Float64Array(nullId + 1);
  const beadCount = corpus.pairs.length;
  for (let iteration = 0; iteration < iterations; iteration++) {
    counts.fill(0);
    totals.fill(0);
    let at = 0;
    for (let p = 0; p < beadCount; p++) {
      const width = zhLengths[p]! + 1;
      for (let n = enLengths[p]!; n > 0; n--, at += width) {
        let norm = 0;
        for (let k = at; k < at + width; k++) norm += t[ids[k]!]!;
        for (let k = at; k < at + width; k++) {
          const id = ids[k]!;
          const share = t[id]! / norm;
          counts[id]! += share;
          totals[zhOf[id]!]! += share;
        }
      }
    }
    for (let id = 0; id < t.length; id++) t[id] = counts[id]! / totals[zhOf[id]!]!;
  }
  return t;
}

/** Per zh word type, the en stems with t(e|f) ≥ threshold, both types seen ≥ minCount times. */
function readLearned(
  corpus: Corpus,
  { zhOf, enOf, nullId }: Cooccurrences,
  t: Float64Array,
  options: { threshold: number; minCount: number },
): Map<string, string[]> {
  const zhWordsById = [...corpus.zhIds.keys()];
  const enStemsById = [...corpus.enIds.keys()];
  const learned = new Map<string, string[]>();
  for (let id = 0; id < t.length; id++) {
    if (t[id]! < options.threshold) continue;
    const f = zhOf[id]!;
    const e = enOf[id]!;
    if (f === nullId || corpus.zhCount[f]! < options.minCount || corpus.enCount[e]! < options.minCount)
      continue;
    const word = zhWordsById[f]!;
    const list = learned.get(word) ?? [];
    list.push(enStemsById[e]!);
    learned.set(word, list);
  }
  return learned;
}

/** Dense ids of (zh type, en type) pairs in order of first appearance: open addressing over typed arrays. */
class PairIds {
  private slots = new Int32Array(1 << 16).fill(-1);
  private zh: Int32Array = new Int32Array(1 << 15);
  private en: Int32Array = new Int32Array(1 << 15);
  size = 0;

  id(f: number, e: number): number {
    const mask = this.slots.length - 1;
    for (let s = (Math.imul(f, 0x9e3779b1) ^ Math.imul(e, 0x85ebca77)) & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]!;
      if (id < 0) {
        const fresh = this.size++;
        if (fresh === this.zh.length) {
          this.zh = grow(this.zh);
          this.en = grow(this.en);
        }
        this.zh[fresh] = f;
        this.en[fresh] = e;
        this.slots[s] = fresh;
        if (2 * this.size > this.slots.length) this.rehash();
        return fresh;
      }
      if (this.zh[id] === f && this.en[id] === e) return id;
    }
  }

  zhOfIds(): Int32Array {
    return this.zh.subarray(0, this.size);
  }

  enOfIds(): Int32Array {
    return this.en.subarray(0, this.size);
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let s = (Math.imul(this.zh[id]!, 0x9e3779b1) ^ Math.imul(this.en[id]!, 0x85ebca77)) & mask;
      while (this.slots[s]! >= 0) s = (s + 1) & mask;
      this.slots[s] = id;
    }
  }
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
