import { coarseScorer } from './coarse-coverage.js';
import type { RangeCost } from './search.js';

/**
 * Tokens of both sides reduced to integer keys that can match across languages: a zh token has a
 * set of keys (e.g. the stems of its dictionary translations), an en token has one key (its stem).
 * Stored as compressed rows (typed arrays) so a long document costs little memory.
 */
export interface KeyedTokens {
  /** zh tokens of sentence i are zhTokenStart[i] .. zhTokenStart[i+1]−1. */
  zhTokenStart: Int32Array;
  /** Keys of zh token t are zhKeys[zhKeyStart[t]] .. zhKeys[zhKeyStart[t+1]−1]. */
  zhKeyStart: Int32Array;
  zhKeys: Int32Array;
  /** en tokens of sentence j are enKeys[enTokenStart[j]] .. enKeys[enTokenStart[j+1]−1]. */
  enTokenStart: Int32Array;
  enKeys: Int32Array;
  keyCount: number;
}

/** Tokens kept per sentence: bounds the work per bead on run-on sentences. */
const MAX_TOKENS_PER_SENTENCE = 64;

/** Builds KeyedTokens from per-sentence lists; tokens without keys are left out (they carry no evidence). */
export function keyTokens(
  zhSentences: readonly (readonly (readonly number[])[])[],
  enSentences: readonly (readonly number[])[],
  keyCount: number,
): KeyedTokens {
  const zhTokenStart = new Int32Array(zhSentences.length + 1);
  const zhKeyStartList: number[] = [0];
  const zhKeyList: number[] = [];
  zhSentences.forEach((tokens, i) => {
    let count = 0;
    for (const keys of tokens) {
      if (keys.length === 0 || count === MAX_TOKENS_PER_SENTENCE) continue;
      zhKeyList.push(...keys);
      zhKeyStartList.push(zhKeyList.length);
      count++;
    }
    zhTokenStart[i + 1] = zhTokenStart[i]! + count;
  });
  const enTokenStart = new Int32Array(enSentences.length + 1);
  const enKeyList: number[] = [];
  enSentences.forEach((keys, j) => {
    enKeyList.push(...keys.slice(0, MAX_TOKENS_PER_SENTENCE));
    enTokenStart[j + 1] = enKeyList.length;
  });
  return {
    zhTokenStart,
    zhKeyStart: Int32Array.from(zhKeyStartList),
    zhKeys: Int32Array.from(zhKeyList),
    enTokenStart,
    enKeys: Int32Array.from(enKeyList),
    keyCount,
  };
}

/**
 * A word seen once in a 20-token document is not a word of every 20th token: shares are computed
 * as if the document had at least this many tokens (a few dozen sentences). Only short inputs are
 * affected (every dev document is longer).
 */
const MIN_TOKENS_FOR_SHARES = 500;

/**
 * Likelihood-ratio cost of a bead's lexical coverage. Each token is tested: is its coverage by the
 * other side of the bead likelier if the bead is a translation (P = `hit`) or if the other side
 * were unrelated text of the same size (P = 1 − (1 − f)^L, f = how often the token's keys occur per
 * token of the other side in the document, L = the other side's token count)? The bead costs
 * −weight · Σ log-ratio. A common word matched inside a long bead proves little, a rare word matched
 * in a short one a lot, so merging beads gains only from real translations (the failing of a plain
 * count of covered tokens, which favoured 2-2 and 2-3 beads), and tokens that a translation should
 * have covered but did not count against the bead.
 */
export function coverageRatioCost(tokens: KeyedTokens, weight: number, hit: number): RangeCost {
  const { zhTokenStart, zhKeyStart, zhKeys, enTokenStart, enKeys, keyCount } = tokens;
  const zhTokens = zhTokenStart[zhTokenStart.length - 1]!;
  const enTokens = enTokenStart[enTokenStart.length - 1]!;
  // Per key: share of en tokens having it, and share of zh tokens having it among their keys.
  const enShare = new Float64Array(keyCount);
  for (let k = 0; k < enTokens; k++) enShare[enKeys[k]!]! += 1 / Math.max(enTokens, MIN_TOKENS_FOR_SHARES);
  const zhShare = new Float64Array(keyCount);
  const seen = new Int32Array(keyCount).fill(-1);
  for (let t = 0; t < zhTokens; t++) {
    for (let k = zhKeyStart[t]!; k < zhKeyStart[t + 1]!; k++) {
      const key = zhKeys[k]!;
      if (seen[key] === t) continue;
      seen[key] = t;
      zhShare[key]! += 1 / Math.max(zhTokens, MIN_TOKENS_FOR_SHARES);
    }
  }
  // log(1 − f) per token, so P(covered by chance | L tokens) = 1 − exp(L · logMiss).
  const zhLogMiss = new Float64Array(zhTokens);
  for (let t = 0; t < zhTokens; t++) {
    let f = 0;
    for (let k = zhKeyStart[t]!; k < zhKeyStart[t + 1]!; k++) f += enShare[zhKeys[k]!]!;
    zhLogMiss[t] = Math.log(1 - Math.min(f, 0.95));
  }
  const enLogMiss = new Float64Array(enTokens);
  for (let k = 0; k < enTokens; k++) enLogMiss[k] = Math.log(1 - Math.min(zhShare[enKeys[k]!]!, 0.95));
  const logHit = Math.log(hit);
  const logMissHit = Math.log(1 - hit);
  // chance = 1 − exp(L·logMiss), so log(1 − chance) = L·logMiss needs no exp or log. A word so
  // common that chance alone covers it more often than a translation would says nothing (score 0).
  const tokenScore = (covered: boolean, logMiss: number, otherLength: number): number => {
    const logNotChance = otherLength * logMiss;
    if (logNotChance <= logMissHit) return 0;
    if (!covered) return logMissHit - logNotChance;
    return logHit - Math.log(Math.max(-Math.expm1(logNotChance), 1e-6));
  };
  // A zh token is covered when the bead's en side has one of its keys, so the zh side's score is a
  // sum over its sentences of a term that depends on the sentence and the en range only (and the
  // en side's likewise). Which tokens of sentence i one sentence j of the other side covers is a
  // pair of bit masks (tokens are at most 64 per sentence), computed once per sentence pair; a
  // sentence's term for a range ORs its masks over the range and is kept in a small cache, so the
  // ~13 shapes that end at a cell, the next cells and the later passes share them.
  const masks = new PairMaskCache(tokens);
  // Made on the first coarse bead: a document short enough to be searched whole never needs its
  // caches (~0.8 MB of typed arrays per cost, allocated and zeroed at every alignment).
  let scoreCoarse: ReturnType<typeof coarseScorer> | undefined;
  const zhTerms = new RangeTermCache();
  const enTerms = new RangeTermCache();
  /** Score of zh sentence i's tokens against the en sentences [es, ee), which hold enLength tokens. */
  const zhSentenceScore = (i: number, es: number, ee: number, enLength: number): number => {
    let low = 0;
    let high = 0;
    for (let j = es; j < ee; j++) {
      const slot = masks.slot(i, j);
      low |= masks.zhLow[slot]!;
      high |= masks.zhHigh[slot]!;
    }
    const from = zhTokenStart[i]!;
    let score = 0;
    for (let t = from; t < zhTokenStart[i + 1]!; t++) {
      const bit = t - from;
      const covered = ((bit < 32 ? low : high) >>> (bit & 31)) & 1;
      score += tokenScore(covered === 1, zhLogMiss[t]!, enLength);
    }
    return score;
  };
  const enSentenceScore = (j: number, zs: number, ze: number, zhLength: number): number => {
    let low = 0;
    let high = 0;
    for (let i = zs; i < ze; i++) {
      const slot = masks.slot(i, j);
      low |= masks.enLow[slot]!;
      high |= masks.enHigh[slot]!;
    }
    const from = enTokenStart[j]!;
    let score = 0;
    for (let k = from; k < enTokenStart[j + 1]!; k++) {
      const bit = k - from;
      const covered = ((bit < 32 ? low : high) >>> (bit & 31)) & 1;
      score += tokenScore(covered === 1, enLogMiss[k]!, zhLength);
    }
    return score;
  };
  return (zs, ze, es, ee) => {
    const zhFrom = zhTokenStart[zs]!;
    const zhTo = zhTokenStart[ze]!;
    const enFrom = enTokenStart[es]!;
    const enTo = enTokenStart[ee]!;
    // A 1-0 or 0-1 bead's tokens are neutral: the empty-bead surcharge (TUNING.emptyCost) prices it.
    // (A switch counting them as uncovered, log(1 − hit) each, was never on since 2283635; removed.)
    if (zs === ze || es === ee) return 0;
    if (ze - zs > MAX_CACHED_RANGE || ee - es > MAX_CACHED_RANGE) {
      // Beads of the coarse levels (units of 2, 4, 8… sentences) are scored directly.
      scoreCoarse ??= coarseScorer(tokens, zhLogMiss, enLogMiss, tokenScore);
      return -weight * scoreCoarse(zs, ze, es, ee);
    }
    let score = 0;
    for (let i = zs; i < ze; i++) {
      if (zhTokenStart[i] === zhTokenStart[i + 1]) continue;
      let slot = zhTerms.find(i, es, ee);
      if (slot < 0) {
        slot = ~slot;
        zhTerms.store(slot, i, es, ee, zhSentenceScore(i, es, ee, enTo - enFrom));
      }
      score += zhTerms.values[slot]!;
    }
    for (let j = es; j < ee; j++) {
      if (enTokenStart[j] === enTokenStart[j + 1]) continue;
      let slot = enTerms.find(j, zs, ze);
      if (slot < 0) {
        slot = ~slot;
        enTerms.store(slot, j, zs, ze, enSentenceScore(j, zs, ze, zhTo - zhFrom));
      }
      score += enTerms.values[slot]!;
    }
    return -weight * score;
  };
}

/** Beads with more sentences than this on a side (coarse-level units) are not cached per sentence. */
const MAX_CACHED_RANGE = 5;

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
class RangeTermCache {
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
class PairMaskCache {
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
