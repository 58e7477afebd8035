import type { KeyedTokens } from './coverage.js';

/** Beads with more sentences than this on a side (coarse-level units) are not cached per sentence. */
export const MAX_CACHED_RANGE = 5;

/**
 * Slot of (sentence, start of a range, range length) in a direct-mapped table of 2^bits entries.
 * Linear rather than hashed: the searches visit cells row by row in a band, so the keys in use at a
 * time are (sentence, start) pairs a few rows and a few dozen columns apart, which map to distinct,
 * neighbouring slots (a hash scattered them over the whole table, a cache miss per lookup).
 */
function slotOf(sentence: number, start: number, length: number, bits: number): number {
  return (((sentence << 5) + start) * 8 + (length & 7)) & ((1 << bits) - 1);
}

/**
 * A direct-mapped cache of a sentence's score against a range of the other side, keyed
 * (sentence, range start, range end). The searches visit cells row by row in a narrow band, so the
 * entries in use at any time are few; a collision only costs recomputing one entry.
 */
export class RangeTermCache {
  private static readonly BITS = 13;
  private readonly keys = new Int32Array(3 << RangeTermCache.BITS).fill(-1);
  readonly values = new Float64Array(1 << RangeTermCache.BITS);

  /** The slot holding (sentence, start, end), or ~slot (negative) where it would go when it is not held. */
  find(sentence: number, start: number, end: number): number {
    const s = slotOf(sentence, start, end - start, RangeTermCache.BITS);
    const keys = this.keys;
    return keys[3 * s] === sentence && keys[3 * s + 1] === start && keys[3 * s + 2] === end ? s : ~s;
  }

  store(slot: number, sentence: number, start: number, end: number, value: number): void {
    this.keys[3 * slot] = sentence;
    this.keys[3 * slot + 1] = start;
    this.keys[3 * slot + 2] = end;
    this.values[slot] = value;
  }
}

/**
 * Per pair of sentences (zh i, en j): which of i's tokens j covers and which of j's tokens i
 * covers, as 64-bit masks in two 32-bit halves, in a direct-mapped table filled on demand.
 */
export class PairMaskCache {
  private static readonly BITS = 12;
  readonly zhLow = new Int32Array(1 << PairMaskCache.BITS);
  readonly zhHigh = new Int32Array(1 << PairMaskCache.BITS);
  readonly enLow = new Int32Array(1 << PairMaskCache.BITS);
  readonly enHigh = new Int32Array(1 << PairMaskCache.BITS);
  private readonly zhOf = new Int32Array(1 << PairMaskCache.BITS).fill(-1);
  private readonly enOf = new Int32Array(1 << PairMaskCache.BITS).fill(-1);
  private readonly enStamp: Int32Array;
  private readonly zhStamp: Int32Array;
  private stamp = 0;

  constructor(private readonly tokens: KeyedTokens) {
    this.enStamp = new Int32Array(tokens.keyCount);
    this.zhStamp = new Int32Array(tokens.keyCount);
  }

  /** The table slot holding the masks of (i, j), computed if they are not there. */
  slot(i: number, j: number): number {
    const s = ((i << 6) + j) & ((1 << PairMaskCache.BITS) - 1);
    if (this.zhOf[s] === i && this.enOf[s] === j) return s;
    const { zhTokenStart, zhKeyStart, zhKeys, enTokenStart, enKeys } = this.tokens;
    const stamp = ++this.stamp;
    const enFrom = enTokenStart[j]!;
    const enTo = enTokenStart[j + 1]!;
    for (let k = enFrom; k < enTo; k++) this.enStamp[enKeys[k]!] = stamp;
    const zhFrom = zhTokenStart[i]!;
    let low = 0;
    let high = 0;
    for (let t = zhFrom; t < zhTokenStart[i + 1]!; t++) {
      let covered = false;
      for (let k = zhKeyStart[t]!; k < zhKeyStart[t + 1]!; k++) {
        const key = zhKeys[k]!;
        this.zhStamp[key] = stamp;
        if (this.enStamp[key] === stamp) covered = true;
      }
      // Branch-free on the half: a token past the 32nd is rare, and an operation first met in code
      // V8 has optimised throws that code away (it did, ~200 times over mac-dev).
      const bit = t - zhFrom;
      const mask = covered ? 1 << (bit & 31) : 0;
      if (bit < 32) low |= mask;
      else high |= mask;
    }
    this.zhLow[s] = low;
    this.zhHigh[s] = high;
    low = 0;
    high = 0;
    for (let k = enFrom; k < enTo; k++) {
      if (this.zhStamp[enKeys[k]!] !== stamp) continue;
      const bit = k - enFrom;
      const mask = 1 << (bit & 31);
      if (bit < 32) low |= mask;
      else high |= mask;
    }
    this.enLow[s] = low;
    this.enHigh[s] = high;
    this.zhOf[s] = i;
    this.enOf[s] = j;
    return s;
  }
}
