import type { BeadShape } from './bead-shapes.js';
import { cellAt, forwardBackward, latticeAround } from './forward-backward.js';
import type { LineShape } from './line-shapes.js';
import { isSentencePerLine } from './paragraph-evidence.js';
import { type RangeBead, type RangeCost, searchAlignment } from './search.js';

/**
 * Material with no counterpart (a headline, a dateline, a caption, a paragraph left untranslated, a
 * trailer): how much cheaper a 1-0 or 0-1 bead is for each sentence than the shape prior says.
 * The prior (1-0/0-1 in 0.4% of gold beads, plus a surcharge) is right for running text, where a
 * lone short sentence is more often a split-off part of its neighbour's translation than an
 * omission; it is wrong for lines whose shape or whose lack of lexical evidence says they are not
 * translated, which the search then glues into a real pair.
 */
export interface UnpairedDiscounts {
  zh: Float64Array;
  en: Float64Array;
  /**
   * What joining the sentence to others on its side costs: its shape's discount, except a
   * heading's, which is only a guess from a short unpunctuated line (a line of verse, a list item, a
   * sentence-per-line text's line cut by a dash). A paragraph the paragraph pass left unpaired adds
   * nothing here: its words already cost a glued bead, and on a text of one sentence per line the pass
   * sometimes flags a translated line (sentence-per-line bench: clean F1 0.957 with, 0.961 without).
   */
  zhGlue: Float64Array;
  enGlue: Float64Array;
}

export interface UnpairedTuning {
  /** Discount (nats) for a line of a recognised shape, by shape. */
  shapeDiscount: Readonly<Record<LineShape, number>>;
  /** Discount for each sentence of a paragraph the paragraph pass leaves unpaired. */
  paragraphDiscount: number;
  /** Cost of leaving a whole paragraph unpaired in the paragraph pass. */
  paragraphEmptyCost: number;
  /** A paragraph counts as unpaired when its 1-0/0-1 bead has at least this posterior. */
  paragraphPosterior: number;
  /**
   * On a side of one sentence per line: the probability that the next line is not in the same state
   * (unpaired or translated) as this one, in the model of runs (`inRuns`); 0.5 reads each line alone.
   */
  runSwitch: number;
}

/** Paragraph-level bead shapes: a translation rarely splits or merges paragraphs, more rarely by three. */
function paragraphShapes(emptyCost: number): BeadShape[] {
  return [
    { zh: 1, en: 1, cost: 0 },
    { zh: 1, en: 0, cost: emptyCost },
    { zh: 0, en: 1, cost: emptyCost },
    { zh: 1, en: 2, cost: 2 },
    { zh: 2, en: 1, cost: 2 },
    { zh: 1, en: 3, cost: 4 },
    { zh: 3, en: 1, cost: 4 },
    { zh: 2, en: 2, cost: 5 },
  ];
}

/**
 * How many times more paragraphs one side may have than the other and still be aligned by
 * paragraph: the paragraph shapes join at most three (1-3, 3-1). `npm run bench:unpaired`'s layouts
 * with each side laid out its own way give the same figures at 2 and 3 (their paragraphs hold
 * several sentences each); the two layouts alike are never read by sentence at either.
 */
const MAX_PARAGRAPH_RATIO = 3;

function unitCount(bounds: readonly number[]): number {
  return bounds.length - 1;
}

/** Every sentence its own unit. */
function sentenceBounds(paragraphs: readonly number[]): number[] {
  return Array.from({ length: paragraphs.length + 1 }, (_, i) => i);
}

/** Start of each paragraph as a sentence index, and the end: bounds[p] .. bounds[p + 1] − 1. */
function paragraphBounds(paragraphs: readonly number[]): number[] {
  const bounds = [0];
  for (let i = 1; i < paragraphs.length; i++) if (paragraphs[i] !== paragraphs[i - 1]) bounds.push(i);
  bounds.push(paragraphs.length);
  return bounds;
}

/**
 * The paragraph pass: the paragraphs of both sides aligned on lexical evidence alone (a paragraph
 * carries enough words for it, and the length ratio is what untranslated material distorts), with
 * paragraph 1-0 and 0-1 beads; a paragraph that is probably left unpaired (its marginal posterior,
 * below) is untranslated.
 * Returns, per side, whether each sentence is in such a paragraph.
 */
export function unpairedParagraphs(
  zhParagraphs: readonly number[],
  enParagraphs: readonly number[],
  lexical: RangeCost,
  tuning: Pick<UnpairedTuning, 'paragraphEmptyCost' | 'paragraphPosterior' | 'runSwitch'>,
): { zh: Uint8Array; en: Uint8Array } {
  let zhBounds = paragraphBounds(zhParagraphs);
  let enBounds = paragraphBounds(enParagraphs);
  // A side whose paragraphs are far fewer than the other's (a Chinese text in one block against an
  // English one of a line a sentence) has no paragraphs the other shares: its units are its
  // sentences. Aligned as paragraphs, the other side's units found no counterpart within the
  // paragraph shapes and were flagged unpaired, nearly all of them.
  if (unitCount(zhBounds) * MAX_PARAGRAPH_RATIO < unitCount(enBounds))
    zhBounds = sentenceBounds(zhParagraphs);
  else if (unitCount(enBounds) * MAX_PARAGRAPH_RATIO < unitCount(zhBounds))
    enBounds = sentenceBounds(enParagraphs);
  const zhCount = zhBounds.length - 1;
  const enCount = enBounds.length - 1;
  const flags = { zh: new Uint8Array(zhParagraphs.length), en: new Uint8Array(enParagraphs.length) };
  if (zhCount < 2 && enCount < 2) return flags;
  const cost: RangeCost = (zs, ze, es, ee) =>
    zs === ze || es === ee ? 0 : lexical(zhBounds[zs]!, zhBounds[ze]!, enBounds[es]!, enBounds[ee]!);
  const shapes = paragraphShapes(tuning.paragraphEmptyCost);
  const path = searchAlignment(zhCount, enCount, { shapes, cost });
  const marginals = unpairedMarginals(zhCount, enCount, path, shapes, cost);
  // On a side of one sentence per line (or read by sentence) the units are lines, not paragraphs:
  // read them as runs (with the Chinese in paragraphs against English lines, inserted F1 0.9463 →
  // 0.9526, bench:unpaired). A paragraph carries its own evidence (read with its neighbours', a lone
  // untranslated paragraph between translated ones was kept unpaired less often: paragraphs bench,
  // inserted F1 0.964 → 0.962).
  const zhLines = isSentencePerLine(zhParagraphs) || zhCount === zhParagraphs.length;
  const enLines = isSentencePerLine(enParagraphs) || enCount === enParagraphs.length;
  const alone = {
    zh: zhLines ? inRuns(marginals.zh, tuning.runSwitch) : marginals.zh,
    en: enLines ? inRuns(marginals.en, tuning.runSwitch) : marginals.en,
  };
  for (let p = 0; p < zhCount; p++)
    if (alone.zh[p]! >= tuning.paragraphPosterior) flags.zh.fill(1, zhBounds[p]!, zhBounds[p + 1]!);
  for (let p = 0; p < enCount; p++)
    if (alone.en[p]! >= tuning.paragraphPosterior) flags.en.fill(1, enBounds[p]!, enBounds[p + 1]!);
  return flags;
}

/** Half-width (units) of the band around the path in which the marginals are summed. */
const MARGINAL_BAND = 3;

/**
 * For each unit of either side, the probability that it is left unpaired: the posterior mass of all
 * 1-0 (0-1) beads that hold it, wherever the other side's position is (forward–backward over a band
 * around the path, costs read as −log probabilities). The posterior of the path's own 1-0 bead
 * would split that mass between positions: a run of untranslated units before three English ones is
 * surely unpaired, but on which side of each English unit is not.
 */
function unpairedMarginals(
  zhCount: number,
  enCount: number,
  path: readonly RangeBead[],
  shapes: readonly BeadShape[],
  cost: RangeCost,
): { zh: Float64Array; en: Float64Array } {
  const lattice = latticeAround(path, shapes, zhCount, enCount, MARGINAL_BAND);
  const { lo, hi, offsets } = lattice;
  const { forward, backward, edges } = forwardBackward(lattice, cost, 1);
  const total = forward[cellAt(offsets, lo, zhCount, enCount)]!;
  const S = shapes.length;
  /** Through the 1-0 (0-1) bead of shape `alone` from (i, j) to (ni, nj): its share of all paths. */
  const through = (alone: number, i: number, j: number, ni: number, nj: number) =>
    Math.exp(
      total -
        (forward[cellAt(offsets, lo, i, j)]! +
          edges[cellAt(offsets, lo, ni, nj) * S + alone]! +
          backward[cellAt(offsets, lo, ni, nj)]!),
    );
  const zh = new Float64Array(zhCount);
  const en = new Float64Array(enCount);
  const zhAlone = shapes.findIndex((s) => s.zh === 1 && s.en === 0);
  const enAlone = shapes.findIndex((s) => s.zh === 0 && s.en === 1);
  for (let i = 0; i <= zhCount; i++)
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      if (i < zhCount && j >= lo[i + 1]! && j <= hi[i + 1]!) zh[i]! += through(zhAlone, i, j, i + 1, j);
      if (j < enCount && j + 1 <= hi[i]!) en[j]! += through(enAlone, i, j, i, j + 1);
    }
  return { zh, en };
}

/**
 * Untranslated material comes in runs (a passage, a trailer cut into lines), and a line with few
 * words gets a weak marginal either way: each line's probability of being unpaired read with its
 * neighbours'. A two-state hidden Markov model over the lines of a side (translated, unpaired),
 * which switches state between neighbouring lines with probability `switchProbability`, observes
 * each line through the odds of its marginal (the marginal's own prior is even between the states);
 * forward–backward gives each line's posterior of the unpaired state (Rabiner 1989). At 0.5 the
 * neighbours say nothing and the marginals come back as they are.
 */
export function inRuns(marginals: Float64Array, switchProbability: number): Float64Array {
  const n = marginals.length;
  if (n === 0 || switchProbability >= 0.5) return marginals;
  const stay = 1 - switchProbability;
  const evidence = (i: number) => Math.min(Math.max(marginals[i]!, 1e-9), 1 - 1e-9);
  // Forward and backward probabilities of the unpaired state, normalised at each line.
  const forward = new Float64Array(n);
  let previous = 0.5;
  for (let i = 0; i < n; i++) {
    const p = evidence(i);
    const unpaired = (previous * stay + (1 - previous) * switchProbability) * p;
    const translated = ((1 - previous) * stay + previous * switchProbability) * (1 - p);
    forward[i] = previous = unpaired / (unpaired + translated);
  }
  const out = new Float64Array(n);
  let after = 0.5;
  for (let i = n - 1; i >= 0; i--) {
    const unpaired = forward[i]! * after;
    out[i] = unpaired / (unpaired + (1 - forward[i]!) * (1 - after));
    // What lines i.. say about line i − 1's state.
    const p = evidence(i);
    const fromUnpaired = stay * p * after + switchProbability * (1 - p) * (1 - after);
    const fromTranslated = switchProbability * p * after + stay * (1 - p) * (1 - after);
    after = fromUnpaired / (fromUnpaired + fromTranslated);
  }
  return out;
}

/** Each sentence's discount: the larger of its shape's and its paragraph's. */
export function unpairedDiscounts(
  shapes: { zh: readonly (LineShape | undefined)[]; en: readonly (LineShape | undefined)[] },
  paragraphs: { zh: Uint8Array; en: Uint8Array } | undefined,
  tuning: UnpairedTuning,
): UnpairedDiscounts {
  const side = (
    lineShapes: readonly (LineShape | undefined)[],
    inUnpaired: Uint8Array | undefined,
    glue: boolean,
  ) =>
    Float64Array.from(lineShapes, (shape, i) =>
      Math.max(
        shape && !(glue && shape === 'heading') ? tuning.shapeDiscount[shape] : 0,
        inUnpaired?.[i] && !glue ? tuning.paragraphDiscount : 0,
      ),
    );
  return {
    zh: side(shapes.zh, paragraphs?.zh, false),
    en: side(shapes.en, paragraphs?.en, false),
    zhGlue: side(shapes.zh, paragraphs?.zh, true),
    enGlue: side(shapes.en, paragraphs?.en, true),
  };
}

/**
 * The discounts as a bead cost: a 1-0 or 0-1 bead costs the sum of its sentences' discounts less
 * (on a coarse level of the search a unit is several sentences), and a bead that joins such a
 * sentence to others on its side costs as much more — a dateline or a headline glued to the
 * paragraph below it would otherwise pay only for a 2-1 shape, and often gain from the words it
 * shares with that paragraph's translation. A 1-1 bead pays nothing here (a heading translated
 * by a heading). The glued bead's confidence drops too: the cheap 1-0 alternative takes its share.
 */
export function unpairedCost(discounts: UnpairedDiscounts): RangeCost {
  const zhPrefix = prefix(discounts.zh);
  const enPrefix = prefix(discounts.en);
  const zhGlue = prefix(discounts.zhGlue);
  const enGlue = prefix(discounts.enGlue);
  return (zs, ze, es, ee) => {
    if (es === ee) return -(zhPrefix[ze]! - zhPrefix[zs]!);
    if (zs === ze) return -(enPrefix[ee]! - enPrefix[es]!);
    let glued = 0;
    if (ze - zs > 1) glued += zhGlue[ze]! - zhGlue[zs]!;
    if (ee - es > 1) glued += enGlue[ee]! - enGlue[es]!;
    return glued;
  };
}

function prefix(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) out[i + 1] = out[i]! + values[i]!;
  return out;
}

/** True when any sentence has a discount (otherwise the term is left out). */
export function anyDiscount(discounts: UnpairedDiscounts): boolean {
  return discounts.zh.some((d) => d > 0) || discounts.en.some((d) => d > 0);
}
