// AssemblyScript, compiled ahead of time into data/coverage.wasm by `npm run build`
// (scripts/build-kernels.ts). The lexical coverage cost of src/core/align/coverage.ts, whose
// comments explain the model (coverageRatioCost) and the caches; src/core/align/coverage-kernel.ts
// loads it. Why WebAssembly: in a fresh process V8 compiled this code's JavaScript anew at every
// run, and ran it unoptimised until then (docs/accuracy.md, "Speed").
//
// One instance scores one cost (one kind, or a run of kinds summed): the host copies each kind's
// tokens into this memory (alloc), adds them (addPart), then calls `cost`. Memory is never freed
// (the stub runtime): an instance lives as long as its cost. Every number is computed in the same
// order as the TypeScript it replaced, with V8's log and expm1 (fdlibm.ts), so the costs are the
// same to the last bit.

import { expm1, log } from './fdlibm';
import { f64At, filledI32s, i32At, setF64, setI32 } from './memory';

export { alloc } from './memory';

/** Beads with more sentences than this on a side (coarse-level units) are scored by blocks. */
const MAX_CACHED_RANGE: i32 = 5;
/**
 * Pair-mask slots: 2^14 computes 37% fewer masks over mac-dev than 2^12 (155,678 against 246,759,
 * counted), where (i, j) keys of rows 64 apart already shared slots.
 */
const MASK_BITS: i32 = 14;
const TERM_BITS: i32 = 13;
const BLOCK_BITS: i32 = 14;
const RANGE_SLOTS: i32 = 2;

/** Keys of a range of sentences marked in one of two arrays, each under its own stamp. */
class StampedRanges {
  stamps: StaticArray<usize> = new StaticArray<usize>(RANGE_SLOTS);
  values: StaticArray<i32> = new StaticArray<i32>(RANGE_SLOTS);
  starts: StaticArray<i32> = new StaticArray<i32>(RANGE_SLOTS);
  ends: StaticArray<i32> = new StaticArray<i32>(RANGE_SLOTS);
  stamp: i32 = 0;
  next: i32 = 0;

  constructor(keyCount: i32) {
    for (let s = 0; s < RANGE_SLOTS; s++) {
      this.stamps[s] = filledI32s(keyCount, 0);
      this.starts[s] = -1;
      this.ends[s] = -1;
    }
  }

  stamped(start: i32, end: i32, keys: usize, from: i32, to: i32): i32 {
    for (let s = 0; s < RANGE_SLOTS; s++) if (this.starts[s] === start && this.ends[s] === end) return s;
    const slot = this.next;
    this.next = (slot + 1) % RANGE_SLOTS;
    this.starts[slot] = start;
    this.ends[slot] = end;
    const stamp = ++this.stamp;
    this.values[slot] = stamp;
    const stamps = this.stamps[slot];
    for (let k = from; k < to; k++) setI32(stamps, i32At(keys, k), stamp);
    return slot;
  }
}

/** One kind's tokens, chances and pair masks (CoveragePart and PairMaskCache in TypeScript). */
class Part {
  // Allocated on first use: most instances (a kind scored alone before it is merged with others)
  // never score a bead, and the tables are a few hundred KB.
  zhLow: usize = 0;
  zhHigh: usize = 0;
  enLow: usize = 0;
  enHigh: usize = 0;
  zhOf: usize = 0;
  enOf: usize = 0;
  enStamp: usize = 0;
  zhStamp: usize = 0;
  stamp: i32 = 0;
  enRanges: StampedRanges | null = null;
  zhRanges: StampedRanges | null = null;

  constructor(
    public zhTokenStart: usize,
    public zhKeyStart: usize,
    public zhKeys: usize,
    public enTokenStart: usize,
    public enKeys: usize,
    public zhLogMiss: usize,
    public enLogMiss: usize,
    public keyCount: i32,
    public weight: f64,
    public logHit: f64,
    public logMissHit: f64,
  ) {}

  private allocateMasks(): void {
    this.zhLow = filledI32s(1 << MASK_BITS, 0);
    this.zhHigh = filledI32s(1 << MASK_BITS, 0);
    this.enLow = filledI32s(1 << MASK_BITS, 0);
    this.enHigh = filledI32s(1 << MASK_BITS, 0);
    this.zhOf = filledI32s(1 << MASK_BITS, 0xff);
    this.enOf = filledI32s(1 << MASK_BITS, 0xff);
    this.enStamp = filledI32s(this.keyCount, 0);
    this.zhStamp = filledI32s(this.keyCount, 0);
  }

  tokenScore(covered: bool, logMiss: f64, otherLength: i32): f64 {
    const logNotChance = <f64>otherLength * logMiss;
    if (logNotChance <= this.logMissHit) return 0;
    if (!covered) return this.logMissHit - logNotChance;
    return this.logHit - log(Math.max(-expm1(logNotChance), 1e-6));
  }

  /** The mask slot of (zh sentence i, en sentence j), computed if it is not held. */
  slot(i: i32, j: i32): i32 {
    if (this.zhOf === 0) this.allocateMasks();
    const s = ((i << 6) + j) & ((1 << MASK_BITS) - 1);
    if (i32At(this.zhOf, s) === i && i32At(this.enOf, s) === j) return s;
    const stamp = ++this.stamp;
    const enFrom = i32At(this.enTokenStart, j);
    const enTo = i32At(this.enTokenStart, j + 1);
    for (let k = enFrom; k < enTo; k++) setI32(this.enStamp, i32At(this.enKeys, k), stamp);
    const zhFrom = i32At(this.zhTokenStart, i);
    const zhTo = i32At(this.zhTokenStart, i + 1);
    let low = 0;
    let high = 0;
    for (let t = zhFrom; t < zhTo; t++) {
      let covered = false;
      for (let k = i32At(this.zhKeyStart, t); k < i32At(this.zhKeyStart, t + 1); k++) {
        const key = i32At(this.zhKeys, k);
        setI32(this.zhStamp, key, stamp);
        if (i32At(this.enStamp, key) === stamp) covered = true;
      }
      const bit = t - zhFrom;
      const mask = covered ? 1 << (bit & 31) : 0;
      if (bit < 32) low |= mask;
      else high |= mask;
    }
    setI32(this.zhLow, s, low);
    setI32(this.zhHigh, s, high);
    low = 0;
    high = 0;
    for (let k = enFrom; k < enTo; k++) {
      if (i32At(this.zhStamp, i32At(this.enKeys, k)) !== stamp) continue;
      const bit = k - enFrom;
      const mask = 1 << (bit & 31);
      if (bit < 32) low |= mask;
      else high |= mask;
    }
    setI32(this.enLow, s, low);
    setI32(this.enHigh, s, high);
    setI32(this.zhOf, s, i);
    setI32(this.enOf, s, j);
    return s;
  }

  // zhSentenceScore and enSentenceScore mirror each other on purpose: one function taking the side
  // as a flag measured slower on mac-dev (warm, 5 interleaved runs: median 645 against 589 ms).
  zhSentenceScore(i: i32, es: i32, ee: i32): f64 {
    const enLength = i32At(this.enTokenStart, ee) - i32At(this.enTokenStart, es);
    let low = 0;
    let high = 0;
    for (let j = es; j < ee; j++) {
      const s = this.slot(i, j);
      low |= i32At(this.zhLow, s);
      high |= i32At(this.zhHigh, s);
    }
    const from = i32At(this.zhTokenStart, i);
    const to = i32At(this.zhTokenStart, i + 1);
    let score: f64 = 0;
    for (let t = from; t < to; t++) {
      const bit = t - from;
      const covered = (((bit < 32 ? low : high) >>> (bit & 31)) & 1) === 1;
      score += this.tokenScore(covered, f64At(this.zhLogMiss, t), enLength);
    }
    return score;
  }

  enSentenceScore(j: i32, zs: i32, ze: i32): f64 {
    const zhLength = i32At(this.zhTokenStart, ze) - i32At(this.zhTokenStart, zs);
    let low = 0;
    let high = 0;
    for (let i = zs; i < ze; i++) {
      const s = this.slot(i, j);
      low |= i32At(this.enLow, s);
      high |= i32At(this.enHigh, s);
    }
    const from = i32At(this.enTokenStart, j);
    const to = i32At(this.enTokenStart, j + 1);
    let score: f64 = 0;
    for (let k = from; k < to; k++) {
      const bit = k - from;
      const covered = (((bit < 32 ? low : high) >>> (bit & 31)) & 1) === 1;
      score += this.tokenScore(covered, f64At(this.enLogMiss, k), zhLength);
    }
    return score;
  }

  /** Score of the zh tokens of sentences [from, to) against the en sentences [es, ee). */
  zhBlock(from: i32, to: i32, es: i32, ee: i32): f64 {
    const enFrom = i32At(this.enTokenStart, es);
    const enTo = i32At(this.enTokenStart, ee);
    let ranges = this.enRanges;
    if (ranges === null) this.enRanges = ranges = new StampedRanges(this.keyCount);
    const slot = ranges.stamped(es, ee, this.enKeys, enFrom, enTo);
    const stamps = ranges.stamps[slot];
    const stamp = ranges.values[slot];
    let score: f64 = 0;
    for (let t = i32At(this.zhTokenStart, from); t < i32At(this.zhTokenStart, to); t++) {
      let hit = false;
      for (let k = i32At(this.zhKeyStart, t); k < i32At(this.zhKeyStart, t + 1); k++)
        if (i32At(stamps, i32At(this.zhKeys, k)) === stamp) hit = true;
      score += this.tokenScore(hit, f64At(this.zhLogMiss, t), enTo - enFrom);
    }
    return score;
  }

  /** Score of the en tokens of sentences [from, to) against the zh sentences [zs, ze). */
  enBlock(from: i32, to: i32, zs: i32, ze: i32): f64 {
    const zhFrom = i32At(this.zhTokenStart, zs);
    const zhTo = i32At(this.zhTokenStart, ze);
    let ranges = this.zhRanges;
    if (ranges === null) this.zhRanges = ranges = new StampedRanges(this.keyCount);
    const slot = ranges.stamped(
      zs,
      ze,
      this.zhKeys,
      i32At(this.zhKeyStart, zhFrom),
      i32At(this.zhKeyStart, zhTo),
    );
    const stamps = ranges.stamps[slot];
    const stamp = ranges.values[slot];
    let score: f64 = 0;
    for (let k = i32At(this.enTokenStart, from); k < i32At(this.enTokenStart, to); k++)
      score += this.tokenScore(
        i32At(stamps, i32At(this.enKeys, k)) === stamp,
        f64At(this.enLogMiss, k),
        zhTo - zhFrom,
      );
    return score;
  }
}

const parts: Part[] = [];
let zhCount: i32 = 0;
let enCount: i32 = 0;
let scale: f64 = 1;
let zhScored: usize = 0;
let enScored: usize = 0;
// Fine beads: a sentence's summed term against a range of the other side (RangeTermCache).
let zhTermKeys: usize = 0;
let zhTermValues: usize = 0;
let enTermKeys: usize = 0;
let enTermValues: usize = 0;
// Coarse beads: a block's summed score against a range of the other side (BlockTermCache).
let zhBlockKeys: usize = 0;
let zhBlockValues: usize = 0;
let enBlockKeys: usize = 0;
let enBlockValues: usize = 0;

/**
 * A word seen once in a 20-token document is not a word of every 20th token: shares are computed
 * as if the document had at least this many tokens (a few dozen sentences). Only short inputs are
 * affected (every dev document is longer).
 */
const MIN_TOKENS_FOR_SHARES: i32 = 500;

/**
 * Adds a kind (its token arrays copied in by the host), with its weight and log(hit), log(1 − hit),
 * and each token's chance of being covered by unrelated text: log(1 − f) per token (f: the share of
 * the other side's tokens with one of its keys, at most 0.95), so P(covered by chance | L tokens of
 * the other side) = 1 − exp(L · logMiss).
 */
export function addPart(
  zhTokenStart: usize,
  zhKeyStart: usize,
  zhKeys: usize,
  enTokenStart: usize,
  enKeys: usize,
  zhSentences: i32,
  enSentences: i32,
  keyCount: i32,
  weight: f64,
  logHit: f64,
  logMissHit: f64,
): void {
  const zhTokens = i32At(zhTokenStart, zhSentences);
  const enTokens = i32At(enTokenStart, enSentences);
  // Per key: the share of en tokens having it, and the share of zh tokens having it among their keys
  // (zeros: the stub runtime hands out memory no one has written).
  const enShare = heap.alloc((<usize>keyCount) << 3);
  for (let k = 0; k < enTokens; k++) {
    const key = i32At(enKeys, k);
    setF64(enShare, key, f64At(enShare, key) + 1 / <f64>max(enTokens, MIN_TOKENS_FOR_SHARES));
  }
  const zhShare = heap.alloc((<usize>keyCount) << 3);
  const seen = filledI32s(keyCount, 0xff);
  for (let t = 0; t < zhTokens; t++) {
    for (let k = i32At(zhKeyStart, t); k < i32At(zhKeyStart, t + 1); k++) {
      const key = i32At(zhKeys, k);
      if (i32At(seen, key) === t) continue;
      setI32(seen, key, t);
      setF64(zhShare, key, f64At(zhShare, key) + 1 / <f64>max(zhTokens, MIN_TOKENS_FOR_SHARES));
    }
  }
  const zhLogMiss = heap.alloc((<usize>zhTokens) << 3);
  for (let t = 0; t < zhTokens; t++) {
    let f: f64 = 0;
    for (let k = i32At(zhKeyStart, t); k < i32At(zhKeyStart, t + 1); k++)
      f += f64At(enShare, i32At(zhKeys, k));
    setF64(zhLogMiss, t, log(1 - Math.min(f, 0.95)));
  }
  const enLogMiss = heap.alloc((<usize>enTokens) << 3);
  for (let k = 0; k < enTokens; k++)
    setF64(enLogMiss, k, log(1 - Math.min(f64At(zhShare, i32At(enKeys, k)), 0.95)));
  parts.push(
    new Part(
      zhTokenStart,
      zhKeyStart,
      zhKeys,
      enTokenStart,
      enKeys,
      zhLogMiss,
      enLogMiss,
      keyCount,
      weight,
      logHit,
      logMissHit,
    ),
  );
}

/** After the parts: the sentence counts, and the caches. A lone kind is scaled by its weight at the end. */
export function ready(zhSentences: i32, enSentences: i32): void {
  zhCount = zhSentences;
  enCount = enSentences;
  const lone = parts.length === 1;
  scale = lone ? parts[0].weight : 1;
  if (lone) parts[0].weight = 1;
  zhScored = scoredPrefix(zhSentences, true);
  enScored = scoredPrefix(enSentences, false);
}

/** Per boundary, the sentences before it that some kind has tokens in. */
function scoredPrefix(count: i32, zh: bool): usize {
  const out = filledI32s(count + 1, 0);
  for (let i = 0; i < count; i++) {
    let scored = false;
    for (let p = 0; p < parts.length; p++) {
      const starts = zh ? parts[p].zhTokenStart : parts[p].enTokenStart;
      if (i32At(starts, i) !== i32At(starts, i + 1)) scored = true;
    }
    setI32(out, i + 1, i32At(out, i) + (scored ? 1 : 0));
  }
  return out;
}

/** The bead's cost: −scale · (its zh sentences' terms + its en sentences' terms). */
export function cost(zs: i32, ze: i32, es: i32, ee: i32): f64 {
  if (zs === ze || es === ee) return 0;
  if (ze - zs > MAX_CACHED_RANGE || ee - es > MAX_CACHED_RANGE) return -scale * coarseScore(zs, ze, es, ee);
  // The fine beads' caches, made on the first: many instances never score one.
  if (zhTermKeys === 0) {
    zhTermKeys = filledI32s(3 << TERM_BITS, 0xff);
    zhTermValues = heap.alloc(8 << TERM_BITS);
    enTermKeys = filledI32s(3 << TERM_BITS, 0xff);
    enTermValues = heap.alloc(8 << TERM_BITS);
  }
  let score: f64 = 0;
  for (let i = zs; i < ze; i++) {
    if (i32At(zhScored, i) === i32At(zhScored, i + 1)) continue;
    score += term(zhTermKeys, zhTermValues, i, es, ee, true);
  }
  for (let j = es; j < ee; j++) {
    if (i32At(enScored, j) === i32At(enScored, j + 1)) continue;
    score += term(enTermKeys, enTermValues, j, zs, ze, false);
  }
  return -scale * score;
}

/**
 * A sentence's summed term against the range [start, end) of the other side, from a direct-mapped
 * cache keyed (sentence, start, end); linear, not hashed: the searches go row by row in a band.
 */
function term(keys: usize, values: usize, sentence: i32, start: i32, end: i32, zh: bool): f64 {
  const s = (((sentence << 5) + start) * 8 + ((end - start) & 7)) & ((1 << TERM_BITS) - 1);
  if (i32At(keys, 3 * s) === sentence && i32At(keys, 3 * s + 1) === start && i32At(keys, 3 * s + 2) === end)
    return f64At(values, s);
  let value: f64 = 0;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    if (zh) {
      if (i32At(part.zhTokenStart, sentence) !== i32At(part.zhTokenStart, sentence + 1))
        value += part.weight * part.zhSentenceScore(sentence, start, end);
    } else if (i32At(part.enTokenStart, sentence) !== i32At(part.enTokenStart, sentence + 1))
      value += part.weight * part.enSentenceScore(sentence, start, end);
  }
  setI32(keys, 3 * s, sentence);
  setI32(keys, 3 * s + 1, start);
  setI32(keys, 3 * s + 2, end);
  setF64(values, s, value);
  return value;
}

/**
 * A coarse bead (coarseSumScorer in coarse-coverage.ts): each side cut into units of the largest
 * power of two dividing the bead's boundaries, each unit scored against the other side's range.
 */
function coarseScore(zs: i32, ze: i32, es: i32, ee: i32): f64 {
  if (zhBlockKeys === 0) {
    zhBlockKeys = filledI32s(4 << BLOCK_BITS, 0);
    zhBlockValues = heap.alloc(8 << BLOCK_BITS);
    enBlockKeys = filledI32s(4 << BLOCK_BITS, 0);
    enBlockValues = heap.alloc(8 << BLOCK_BITS);
  }
  // The ends of the texts close a shorter last unit: they say nothing of the unit's length.
  const boundaries = zs | (ze === zhCount ? 0 : ze) | es | (ee === enCount ? 0 : ee);
  const unit = boundaries === 0 ? 1 << 30 : boundaries & -boundaries;
  return sideScore(unit, zs, ze, es, ee, true) + sideScore(unit, es, ee, zs, ze, false);
}

function sideScore(unit: i32, start: i32, end: i32, otherStart: i32, otherEnd: i32, zh: bool): f64 {
  const scored = zh ? zhScored : enScored;
  const keys = zh ? zhBlockKeys : enBlockKeys;
  const values = zh ? zhBlockValues : enBlockValues;
  let score: f64 = 0;
  for (let from = start; from < end; ) {
    const to = min(from + unit, end);
    if (i32At(scored, from) !== i32At(scored, to)) {
      // Math.imul's products: i32 multiplication wraps the same way.
      const hash =
        (from * <i32>0x9e3779b1) ^ (to * <i32>0x85ebca77) ^ (otherStart * <i32>0xc2b2ae3d) ^ otherEnd;
      const s = <i32>(<u32>hash >>> (32 - BLOCK_BITS));
      const at = 4 * s;
      if (
        i32At(keys, at) === from + 1 &&
        i32At(keys, at + 1) === to &&
        i32At(keys, at + 2) === otherStart &&
        i32At(keys, at + 3) === otherEnd
      ) {
        score += f64At(values, s);
      } else {
        const value = blockScore(from, to, otherStart, otherEnd, zh);
        setI32(keys, at, from + 1);
        setI32(keys, at + 1, to);
        setI32(keys, at + 2, otherStart);
        setI32(keys, at + 3, otherEnd);
        setF64(values, s, value);
        score += value;
      }
    }
    from = to;
  }
  return score;
}

function blockScore(from: i32, to: i32, otherStart: i32, otherEnd: i32, zh: bool): f64 {
  let score: f64 = 0;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    if (zh) {
      if (i32At(part.zhTokenStart, from) !== i32At(part.zhTokenStart, to))
        score += part.weight * part.zhBlock(from, to, otherStart, otherEnd);
    } else if (i32At(part.enTokenStart, from) !== i32At(part.enTokenStart, to))
      score += part.weight * part.enBlock(from, to, otherStart, otherEnd);
  }
  return score;
}

// Exported for src/core/kernels.test.ts, which holds them to JavaScript's Math.log and Math.expm1.
export { exp, expm1, log } from './fdlibm';
