import type { BeadShape } from './bead-shapes.js';
import type { LineShape } from './line-shapes.js';
import { beadPosteriors } from './posterior.js';
import { type RangeCost, searchAlignment } from './search.js';

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
 * paragraph 1-0 and 0-1 beads; a paragraph whose 1-0/0-1 bead has a high posterior is untranslated.
 * Returns, per side, whether each sentence is in such a paragraph.
 */
export function unpairedParagraphs(
  zhParagraphs: readonly number[],
  enParagraphs: readonly number[],
  lexical: RangeCost,
  tuning: Pick<UnpairedTuning, 'paragraphEmptyCost' | 'paragraphPosterior'>,
): { zh: Uint8Array; en: Uint8Array } {
  const zhBounds = paragraphBounds(zhParagraphs);
  const enBounds = paragraphBounds(enParagraphs);
  const zhCount = zhBounds.length - 1;
  const enCount = enBounds.length - 1;
  const flags = { zh: new Uint8Array(zhParagraphs.length), en: new Uint8Array(enParagraphs.length) };
  if (zhCount < 2 && enCount < 2) return flags;
  const cost: RangeCost = (zs, ze, es, ee) =>
    zs === ze || es === ee ? 0 : lexical(zhBounds[zs]!, zhBounds[ze]!, enBounds[es]!, enBounds[ee]!);
  const shapes = paragraphShapes(tuning.paragraphEmptyCost);
  const path = searchAlignment(zhCount, enCount, { shapes, cost });
  const posteriors = beadPosteriors(zhCount, enCount, path, { shapes, cost, bandWidth: 3, temperature: 1 });
  path.forEach((bead, k) => {
    if (posteriors[k]! < tuning.paragraphPosterior) return;
    if (bead.enStart === bead.enEnd) flags.zh.fill(1, zhBounds[bead.zhStart]!, zhBounds[bead.zhEnd]!);
    if (bead.zhStart === bead.zhEnd) flags.en.fill(1, enBounds[bead.enStart]!, enBounds[bead.enEnd]!);
  });
  return flags;
}

/** Each sentence's discount: the larger of its shape's and its paragraph's. */
export function unpairedDiscounts(
  shapes: { zh: readonly (LineShape | undefined)[]; en: readonly (LineShape | undefined)[] },
  paragraphs: { zh: Uint8Array; en: Uint8Array } | undefined,
  tuning: UnpairedTuning,
): UnpairedDiscounts {
  const side = (lineShapes: readonly (LineShape | undefined)[], inUnpaired: Uint8Array | undefined) =>
    Float64Array.from(lineShapes, (shape, i) =>
      Math.max(shape ? tuning.shapeDiscount[shape] : 0, inUnpaired?.[i] ? tuning.paragraphDiscount : 0),
    );
  return { zh: side(shapes.zh, paragraphs?.zh), en: side(shapes.en, paragraphs?.en) };
}

/**
 * The discounts as a bead cost: a 1-0 or 0-1 bead costs the sum of its sentences' discounts less
 * (on a coarse level of the search a unit is several sentences). Other beads cost nothing here: a
 * glued bead already pays for the words its untranslated line adds, and its confidence drops
 * because the cheap 1-0 alternative now takes a share of the posterior.
 */
export function unpairedCost(discounts: UnpairedDiscounts): RangeCost {
  const zhPrefix = prefix(discounts.zh);
  const enPrefix = prefix(discounts.en);
  return (zs, ze, es, ee) => {
    if (es === ee) return -(zhPrefix[ze]! - zhPrefix[zs]!);
    if (zs === ze) return -(enPrefix[ee]! - enPrefix[es]!);
    return 0;
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
