import { blockScorer, coarseSumScorer, scoredPrefix } from './coarse-coverage.js';
import { MAX_CACHED_RANGE, PairMaskCache, RangeTermCache } from './coverage-caches.js';
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
  return coverageCost([new CoveragePart(tokens, weight, hit)]);
}

/** The coverage kinds summed in a cost coverageRatioCost (or mergeCoverageTerms) made. */
const partsOf = new WeakMap<RangeCost, readonly CoveragePart[]>();

/**
 * `terms` with each run of adjacent coverage costs (coverageRatioCost's) made one cost: their sum, to
 * the last bits of rounding, with one cache of each sentence's summed term and one call per bead
 * instead of one per kind. The dictionary, names and numbers kinds are such a run; the names' and
 * numbers' tokens are so few that their costs were mostly those calls and cache look-ups.
 */
export function mergeCoverageTerms(terms: readonly RangeCost[]): RangeCost[] {
  const out: RangeCost[] = [];
  let run: RangeCost[] = [];
  const close = () => {
    if (run.length === 1) out.push(run[0]!);
    else if (run.length > 1) out.push(coverageCost(run.flatMap((term) => partsOf.get(term)!)));
    run = [];
  };
  for (const term of terms) {
    if (partsOf.has(term)) run.push(term);
    else {
      close();
      out.push(term);
    }
  }
  close();
  return out;
}

/**
 * One kind's coverage: its tokens' chance of being covered by unrelated text, the masks of which
 * tokens each sentence pair covers, and each sentence's score against a range of the other side.
 */
class CoveragePart {
  readonly zhTokenStart: Int32Array;
  readonly enTokenStart: Int32Array;
  private readonly zhLogMiss: Float64Array;
  private readonly enLogMiss: Float64Array;
  private readonly logHit: number;
  private readonly logMissHit: number;
  private readonly masks: PairMaskCache;

  constructor(
    private readonly tokens: KeyedTokens,
    readonly weight: number,
    hit: number,
  ) {
    const { zhTokenStart, zhKeyStart, zhKeys, enTokenStart, enKeys, keyCount } = tokens;
    this.zhTokenStart = zhTokenStart;
    this.enTokenStart = enTokenStart;
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
    this.zhLogMiss = zhLogMiss;
    this.enLogMiss = enLogMiss;
    this.logHit = Math.log(hit);
    this.logMissHit = Math.log(1 - hit);
    // Which tokens of sentence i one sentence j of the other side covers is a pair of bit masks
    // (tokens are at most 64 per sentence), computed once per sentence pair.
    this.masks = new PairMaskCache(tokens);
  }

  /**
   * One token's log-ratio. chance = 1 − exp(L·logMiss), so log(1 − chance) = L·logMiss needs no exp
   * or log. A word so common that chance alone covers it more often than a translation would says
   * nothing (score 0).
   */
  readonly tokenScore = (covered: boolean, logMiss: number, otherLength: number): number => {
    const logNotChance = otherLength * logMiss;
    if (logNotChance <= this.logMissHit) return 0;
    if (!covered) return this.logMissHit - logNotChance;
    return this.logHit - Math.log(Math.max(-Math.expm1(logNotChance), 1e-6));
  };

  /** Score of zh sentence i's tokens against the en sentences [es, ee). */
  zhSentenceScore(i: number, es: number, ee: number): number {
    const { masks, zhTokenStart, zhLogMiss } = this;
    const enLength = this.enTokenStart[ee]! - this.enTokenStart[es]!;
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
      score += this.tokenScore(covered === 1, zhLogMiss[t]!, enLength);
    }
    return score;
  }

  /** Score of en sentence j's tokens against the zh sentences [zs, ze). */
  enSentenceScore(j: number, zs: number, ze: number): number {
    const { masks, enTokenStart, enLogMiss } = this;
    const zhLength = this.zhTokenStart[ze]! - this.zhTokenStart[zs]!;
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
      score += this.tokenScore(covered === 1, enLogMiss[k]!, zhLength);
    }
    return score;
  }

  /** Its scores of blocks of sentences, for the coarse levels (units of 2, 4, 8… sentences). */
  blocks() {
    return blockScorer(this.tokens, this.zhLogMiss, this.enLogMiss, this.tokenScore);
  }
}

/**
 * The summed cost of coverage kinds. A zh token is covered when the bead's en side has one of its
 * keys, so the zh side's score is a sum over its sentences of a term that depends on the sentence and
 * the en range only (and the en side's likewise): a sentence ORs its pair masks over the range. That
 * term (its kinds' scores, each weighted) is kept in a small cache, so the ~13 shapes that end at a
 * cell, the next cells and the later passes share it. A lone kind is scored as −weight · Σ score, as
 * it always was (its numbers to the last bit).
 */
function coverageCost(kinds: readonly CoveragePart[]): RangeCost {
  // Copied into an array made the same way whatever the caller's was: code V8 optimised for one
  // array's hidden class is thrown away on meeting another's ([part] and a flatMap's differ).
  const parts: CoveragePart[] = [];
  for (const kind of kinds) parts.push(kind);
  const lone = parts.length === 1;
  const scale = lone ? parts[0]!.weight : 1;
  // A typed array: in a plain one 1 and 0.5 are elements of different kinds, and code V8 optimised
  // for one kind is thrown away on meeting the other.
  const weights = Float64Array.from(parts, (part) => (lone ? 1 : part.weight));
  const count = parts.length;
  // A sentence none of the kinds has tokens in adds nothing (its prefix count does not grow).
  const zhScored = scoredPrefix(parts.map((part) => part.zhTokenStart));
  const enScored = scoredPrefix(parts.map((part) => part.enTokenStart));
  const zhTerms = new RangeTermCache();
  const enTerms = new RangeTermCache();
  // Made on the first coarse bead: a document short enough to be searched whole never needs its
  // caches (~0.8 MB of typed arrays, allocated and zeroed at every alignment).
  let scoreCoarse: ReturnType<typeof coarseSumScorer> | undefined;
  const zhTerm = (i: number, es: number, ee: number): number => {
    let term = 0;
    for (let p = 0; p < count; p++) {
      const part = parts[p]!;
      if (part.zhTokenStart[i] !== part.zhTokenStart[i + 1])
        term += weights[p]! * part.zhSentenceScore(i, es, ee);
    }
    return term;
  };
  const enTerm = (j: number, zs: number, ze: number): number => {
    let term = 0;
    for (let p = 0; p < count; p++) {
      const part = parts[p]!;
      if (part.enTokenStart[j] !== part.enTokenStart[j + 1])
        term += weights[p]! * part.enSentenceScore(j, zs, ze);
    }
    return term;
  };
  const cost: RangeCost = (zs, ze, es, ee) => {
    // A 1-0 or 0-1 bead's tokens are neutral: the empty-bead surcharge (TUNING.emptyCost) prices it.
    // (A switch counting them as uncovered, log(1 − hit) each, was never on since 2283635; removed.)
    if (zs === ze || es === ee) return 0;
    if (ze - zs > MAX_CACHED_RANGE || ee - es > MAX_CACHED_RANGE) {
      // Beads of the coarse levels (units of 2, 4, 8… sentences) are scored by blocks.
      scoreCoarse ??= coarseSumScorer(
        parts.map((part) => part.blocks()),
        weights,
      );
      return -scale * scoreCoarse(zs, ze, es, ee);
    }
    let score = 0;
    for (let i = zs; i < ze; i++) {
      if (zhScored[i] === zhScored[i + 1]) continue;
      let slot = zhTerms.find(i, es, ee);
      if (slot < 0) {
        slot = ~slot;
        zhTerms.store(slot, i, es, ee, zhTerm(i, es, ee));
      }
      score += zhTerms.values[slot]!;
    }
    for (let j = es; j < ee; j++) {
      if (enScored[j] === enScored[j + 1]) continue;
      let slot = enTerms.find(j, zs, ze);
      if (slot < 0) {
        slot = ~slot;
        enTerms.store(slot, j, zs, ze, enTerm(j, zs, ze));
      }
      score += enTerms.values[slot]!;
    }
    return -scale * score;
  };
  partsOf.set(cost, parts);
  return cost;
}
