import type { KeyedTokens } from './coverage.js';

type TokenScore = (covered: boolean, logMiss: number, otherLength: number) => number;

/** One kind's scores of a block of sentences against a range of the other side's. */
export interface BlockScorer {
  zhTokenStart: Int32Array;
  enTokenStart: Int32Array;
  /** Score of the zh tokens of sentences [from, to) against the en sentences [es, ee). */
  zhBlock(from: number, to: number, es: number, ee: number): number;
  /** Score of the en tokens of sentences [from, to) against the zh sentences [zs, ze). */
  enBlock(from: number, to: number, zs: number, ze: number): number;
}

/** The block scores of one kind's tokens: the other side's keys stamped, then each token tested. */
export function blockScorer(
  tokens: KeyedTokens,
  zhLogMiss: Float64Array,
  enLogMiss: Float64Array,
  tokenScore: TokenScore,
): BlockScorer {
  const { zhTokenStart, zhKeyStart, zhKeys, enTokenStart, enKeys, keyCount } = tokens;
  const enRanges = new StampedRanges(keyCount);
  const zhRanges = new StampedRanges(keyCount);
  return {
    zhTokenStart,
    enTokenStart,
    zhBlock: (from, to, es, ee) => {
      const enFrom = enTokenStart[es]!;
      const enTo = enTokenStart[ee]!;
      const slot = enRanges.stamped(es, ee, enKeys, enFrom, enTo);
      const stamps = enRanges.stamps[slot]!;
      const stamp = enRanges.values[slot]!;
      let score = 0;
      for (let t = zhTokenStart[from]!; t < zhTokenStart[to]!; t++) {
        let hit = false;
        for (let k = zhKeyStart[t]!; k < zhKeyStart[t + 1]!; k++)
          if (stamps[zhKeys[k]!] === stamp) hit = true;
        score += tokenScore(hit, zhLogMiss[t]!, enTo - enFrom);
      }
      return score;
    },
    enBlock: (from, to, zs, ze) => {
      const zhFrom = zhTokenStart[zs]!;
      const zhTo = zhTokenStart[ze]!;
      const slot = zhRanges.stamped(zs, ze, zhKeys, zhKeyStart[zhFrom]!, zhKeyStart[zhTo]!);
      const stamps = zhRanges.stamps[slot]!;
      const stamp = zhRanges.values[slot]!;
      let score = 0;
      for (let k = enTokenStart[from]!; k < enTokenStart[to]!; k++)
        score += tokenScore(stamps[enKeys[k]!] === stamp, enLogMiss[k]!, zhTo - zhFrom);
      return score;
    },
  };
}

/**
 * The keys of two ranges of sentences, each marked in its own array with its own stamp. The search
 * scores the blocks of a row against the same few ranges of the other side, shape after shape, so a
 * range's keys are marked once for several blocks: mac-dev's 83,598 block scores marked a range
 * 40,621 times instead of at each (two slots; four and eight saved no more, sixteen 2% more).
 */
class StampedRanges {
  private static readonly SLOTS = 2;
  readonly stamps: Int32Array[] = [];
  readonly values = new Int32Array(StampedRanges.SLOTS);
  private readonly starts = new Int32Array(StampedRanges.SLOTS).fill(-1);
  private readonly ends = new Int32Array(StampedRanges.SLOTS).fill(-1);
  private stamp = 0;
  private next = 0;

  constructor(keyCount: number) {
    for (let s = 0; s < StampedRanges.SLOTS; s++) this.stamps.push(new Int32Array(keyCount));
  }

  /**
   * The slot whose array marks the keys of sentences [start, end), which are keys[from, to): found,
   * or the oldest slot marked with them under a fresh stamp.
   */
  stamped(start: number, end: number, keys: Int32Array, from: number, to: number): number {
    for (let s = 0; s < StampedRanges.SLOTS; s++)
      if (this.starts[s] === start && this.ends[s] === end) return s;
    const slot = this.next;
    this.next = (slot + 1) % StampedRanges.SLOTS;
    this.starts[slot] = start;
    this.ends[slot] = end;
    const stamp = ++this.stamp;
    this.values[slot] = stamp;
    const stamps = this.stamps[slot]!;
    for (let k = from; k < to; k++) stamps[keys[k]!] = stamp;
    return slot;
  }
}

/**
 * Scores of the coarse levels' beads (units of 2, 4, 8… sentences, too long to cache per sentence).
 * A level's units are 2^k sentences from the start (the last one may be shorter), so a bead's
 * boundaries are multiples of its level's unit: each side splits into units, and the bead's score is
 * the sum of each unit's score against the other side's whole range. Neighbouring beads share most of
 * these (a 1-1 and a 2-1 bead ending in the same column share the zh unit's score against that
 * column), so each is computed once, in a small cache: about half the token tests of scoring every
 * bead's tokens afresh. (The unit is read from the boundaries: the largest power of two dividing them
 * all, which is twice the unit for one bead in 16, and then the bead is scored in larger blocks.)
 *
 * Several kinds' scores are summed, each times its weight, in one cache of each block's summed score,
 * so a kind with few tokens (names, numbers) costs little more than its tokens. A weight of 1 leaves
 * a lone kind's numbers as they were.
 */
export function coarseSumScorer(
  kinds: readonly BlockScorer[],
  weights: Float64Array,
): (zs: number, ze: number, es: number, ee: number) => number {
  // Copied into an array made the same way whatever the caller's was (see coverageCost).
  const parts: BlockScorer[] = [];
  for (const kind of kinds) parts.push(kind);
  const zhCount = parts[0]!.zhTokenStart.length - 1;
  const enCount = parts[0]!.enTokenStart.length - 1;
  // Per boundary, the sentences before it that some kind has tokens in: a block without any is skipped.
  const zhScored = scoredPrefix(parts.map((part) => part.zhTokenStart));
  const enScored = scoredPrefix(parts.map((part) => part.enTokenStart));
  const count = parts.length;
  const zhBlock = (from: number, to: number, es: number, ee: number): number => {
    let score = 0;
    for (let p = 0; p < count; p++) {
      const part = parts[p]!;
      if (part.zhTokenStart[from] !== part.zhTokenStart[to])
        score += weights[p]! * part.zhBlock(from, to, es, ee);
    }
    return score;
  };
  const enBlock = (from: number, to: number, zs: number, ze: number): number => {
    let score = 0;
    for (let p = 0; p < count; p++) {
      const part = parts[p]!;
      if (part.enTokenStart[from] !== part.enTokenStart[to])
        score += weights[p]! * part.enBlock(from, to, zs, ze);
    }
    return score;
  };
  const zhTerms = new BlockTermCache();
  const enTerms = new BlockTermCache();
  const sideScore = (
    unit: number,
    start: number,
    end: number,
    otherStart: number,
    otherEnd: number,
    scored: Int32Array,
    terms: BlockTermCache,
    blockScore: typeof zhBlock,
  ): number => {
    let score = 0;
    for (let from = start; from < end; ) {
      const to = Math.min(from + unit, end);
      if (scored[from] !== scored[to]) {
        let slot = terms.find(from, to, otherStart, otherEnd);
        if (slot < 0) {
          slot = ~slot;
          terms.store(slot, from, to, otherStart, otherEnd, blockScore(from, to, otherStart, otherEnd));
        }
        score += terms.values[slot]!;
      }
      from = to;
    }
    return score;
  };
  return (zs, ze, es, ee) => {
    // The ends of the texts close a shorter last unit: they say nothing of the unit's length.
    const boundaries = zs | (ze === zhCount ? 0 : ze) | es | (ee === enCount ? 0 : ee);
    const unit = boundaries === 0 ? 1 << 30 : boundaries & -boundaries;
    return (
      sideScore(unit, zs, ze, es, ee, zhScored, zhTerms, zhBlock) +
      sideScore(unit, es, ee, zs, ze, enScored, enTerms, enBlock)
    );
  };
}

/** Per boundary, the sentences before it that some kind has tokens in. */
export function scoredPrefix(tokenStarts: readonly Int32Array[]): Int32Array {
  const count = tokenStarts[0]!.length - 1;
  const out = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    const scored = tokenStarts.some((start) => start[i] !== start[i + 1]);
    out[i + 1] = out[i]! + (scored ? 1 : 0);
  }
  return out;
}

/** A direct-mapped cache of a block's score against a range of the other side (a collision recomputes). */
class BlockTermCache {
  private static readonly BITS = 14;
  /** (from + 1, to, other start, other end) per slot; 0 in the first field marks an empty slot. */
  private readonly keys = new Int32Array(4 << BlockTermCache.BITS);
  readonly values = new Float64Array(1 << BlockTermCache.BITS);

  /** The slot holding the key, or ~slot (negative) where it would go when it is not held. */
  find(from: number, to: number, start: number, end: number): number {
    const s =
      (Math.imul(from, 0x9e3779b1) ^ Math.imul(to, 0x85ebca77) ^ Math.imul(start, 0xc2b2ae3d) ^ end) >>>
      (32 - BlockTermCache.BITS);
    const keys = this.keys;
    const at = 4 * s;
    return keys[at] === from + 1 && keys[at + 1] === to && keys[at + 2] === start && keys[at + 3] === end
      ? s
      : ~s;
  }

  store(slot: number, from: number, to: number, start: number, end: number, value: number): void {
    const at = 4 * slot;
    this.keys[at] = from + 1;
    this.keys[at + 1] = to;
    this.keys[at + 2] = start;
    this.keys[at + 3] = end;
    this.values[slot] = value;
  }
}
