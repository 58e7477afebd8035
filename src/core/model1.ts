/**
 * IBM Model 1 (Brown et al. 1993) trained by EM over one document's beads, with a NULL word that
 * absorbs English words no Chinese word accounts for: the aligner learns it over its first alignment
 * (align/learned-evidence.ts) and QA over the pairs it checks (qa/translation-table.ts).
 *
 * Words are ids. Each co-occurring (Chinese, English) pair of types gets a dense slot in order of first
 * appearance, and every bead's co-occurrences are listed once as slots (per English token: NULL's,
 * then each Chinese token's), so the EM iterations run over typed arrays instead of a map keyed by
 * the pair (the sums are the same, in the same order).
 */

/** A bead's words as ids. */
export interface IdBead {
  zh: readonly number[];
  en: readonly number[];
}

export interface Cooccurrences {
  /** Per English token of each bead in turn: the slots of NULL and of each Chinese token with it. */
  slots: Int32Array;
  /** Per bead: its Chinese tokens and its English tokens. */
  zhLengths: Int32Array;
  enLengths: Int32Array;
  /** The (Chinese type, English type) of each slot, and the slot of each pair seen. */
  pairs: PairSlots;
  /** The NULL word's id: one more than the Chinese types'. */
  nullId: number;
}

/** The co-occurrences of `beads`, whose Chinese ids are below `nullId`. */
export function listCooccurrences(beads: readonly IdBead[], nullId: number): Cooccurrences {
  const pairs = new PairSlots();
  const zhLengths = new Int32Array(beads.length);
  const enLengths = new Int32Array(beads.length);
  let total = 0;
  beads.forEach(({ zh, en }, b) => {
    zhLengths[b] = zh.length;
    enLengths[b] = en.length;
    total += en.length * (zh.length + 1);
  });
  // Written straight into a typed array of the known size (no growing list to copy).
  const slots = new Int32Array(total);
  let filled = 0;
  for (const { zh, en } of beads) {
    for (const e of en) {
      slots[filled++] = pairs.slot(nullId, e);
      for (const f of zh) slots[filled++] = pairs.slot(f, e);
    }
  }
  return { slots, zhLengths, enLengths, pairs, nullId };
}

/** EM: t(e | f) by slot after `iterations` rounds, from `initial` for every pair. */
export function trainModel1(
  { slots, zhLengths, enLengths, pairs, nullId }: Cooccurrences,
  iterations: number,
  initial: number,
): Float64Array {
  const zhOf = pairs.zhOfSlots();
  const t = new Float64Array(zhOf.length).fill(initial);
  const counts = new Float64Array(zhOf.length);
  const totals = new Float64Array(nullId + 1);
  for (let iteration = 0; iteration < iterations; iteration++) {
    counts.fill(0);
    totals.fill(0);
    let at = 0;
    for (let b = 0; b < zhLengths.length; b++) {
      const width = zhLengths[b]! + 1;
      for (let n = enLengths[b]!; n > 0; n--, at += width) {
        let norm = 0;
        for (let k = at; k < at + width; k++) norm += t[slots[k]!]!;
        for (let k = at; k < at + width; k++) {
          const slot = slots[k]!;
          const share = t[slot]! / norm;
          counts[slot]! += share;
          totals[zhOf[slot]!]! += share;
        }
      }
    }
    for (let slot = 0; slot < t.length; slot++) t[slot] = counts[slot]! / totals[zhOf[slot]!]!;
  }
  return t;
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

/** Dense slots of (zh type, en type) pairs in order of first appearance: open addressing over typed arrays. */
export class PairSlots {
  private table = new Int32Array(1 << 16).fill(-1);
  private zh: Int32Array = new Int32Array(1 << 15);
  private en: Int32Array = new Int32Array(1 << 15);
  size = 0;

  /** The slot of (f, e), a new one when the pair is new. */
  slot(f: number, e: number): number {
    const at = this.find(f, e);
    if (at >= 0) return this.table[at]!;
    const fresh = this.size++;
    if (fresh === this.zh.length) {
      this.zh = grow(this.zh);
      this.en = grow(this.en);
    }
    this.zh[fresh] = f;
    this.en[fresh] = e;
    this.table[~at] = fresh;
    if (2 * this.size > this.table.length) this.rehash();
    return fresh;
  }

  /** The slot of (f, e), or −1 when the pair was never seen. */
  slotOf(f: number, e: number): number {
    const at = this.find(f, e);
    return at >= 0 ? this.table[at]! : -1;
  }

  zhOfSlots(): Int32Array {
    return this.zh.subarray(0, this.size);
  }

  enOfSlots(): Int32Array {
    return this.en.subarray(0, this.size);
  }

  /** Where (f, e) is in the table, or ~where it would go. */
  private find(f: number, e: number): number {
    const mask = this.table.length - 1;
    for (let s = hash(f, e) & mask; ; s = (s + 1) & mask) {
      const slot = this.table[s]!;
      if (slot < 0) return ~s;
      if (this.zh[slot] === f && this.en[slot] === e) return s;
    }
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = this.table.length - 1;
    for (let slot = 0; slot < this.size; slot++) {
      let s = hash(this.zh[slot]!, this.en[slot]!) & mask;
      while (this.table[s]! >= 0) s = (s + 1) & mask;
      this.table[s] = slot;
    }
  }
}

function hash(f: number, e: number): number {
  return Math.imul(f, 0x9e3779b1) ^ Math.imul(e, 0x85ebca77);
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
