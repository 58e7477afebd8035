import { type Band, cellOffsets } from './band.js';
import { fillAndTrace } from './band-dp.js';
import type { BeadShape } from './bead-shapes.js';
import { keepCosts } from './cost-sum.js';

/** Cost of a bead covering zh sentences [zhStart, zhEnd) and en sentences [enStart, enEnd); lower is better. */
export type RangeCost = (zhStart: number, zhEnd: number, enStart: number, enEnd: number) => number;

/** A bead of the search result, as half-open sentence ranges. */
export interface RangeBead {
  zhStart: number;
  zhEnd: number;
  enStart: number;
  enEnd: number;
  cost: number;
}

export interface SearchOptions {
  shapes: readonly BeadShape[];
  cost: RangeCost;
  /** Shapes used on the coarse levels (units of 2, 4, 8… sentences); default: 0-1, 1-0, 1-1, 1-2, 2-1. */
  coarseShapes?: readonly BeadShape[];
  /** A previous alignment of the same sentences: search only a band around it (no coarse levels). */
  guide?: readonly RangeBead[];
  /** Below this many DP cells the whole table is searched; above it, coarse-to-fine. */
  fullSearchCells?: number;
  /** Half-width of the band (in units of the level) around the projected coarser path. */
  bandWidth?: number;
  /**
   * A term of `cost` (a cost-sum kernel's export) that keeps its values over the band of the first
   * finest-level search (keepCosts), for later searches of the same text.
   */
  shared?: RangeCost;
}

/** Defaults; the aligner passes its tuned values (see tuning.ts). */
const DEFAULT_FULL_SEARCH_CELLS = 600;
/**
 * On coarse levels a unit is already 2, 4, 8… sentences, so the uneven shapes are rarely needed, and
 * every shape there costs a bead evaluation over many sentences.
 */
const COARSE_SHAPES: readonly BeadShape[] = [
  { zh: 1, en: 1, cost: 0 },
  { zh: 1, en: 0, cost: 3 },
  { zh: 0, en: 1, cost: 3 },
  { zh: 1, en: 2, cost: 1.5 },
  { zh: 2, en: 1, cost: 1.5 },
];

const DEFAULT_BAND_WIDTH = 5;

/**
 * Above this many beads (8 bytes each, 64 MB) a shared term keeps nothing: a long document's table
 * would cost too much memory. It holds the dev sets as one pair 8 times over (~7M beads), so `npm
 * run bench`'s 8×/1× ratio compares the same code path.
 */
const MAX_SHARED_BEADS = 1 << 23;

/**
 * Units of this many sentences or more are grouped four at a time instead of two. Every coarse level
 * costs about the same (half the units, each twice as long), so a long input spends most of its
 * search on the many levels above the finest; skipping every other one of those cut the CPU of a
 * 20,576-sentence pair (bench: every dev document 8×) by 16%, with strict F1 unchanged there, on
 * both dev sets and with inserted lines (bench:unpaired, and a 5,144-sentence pair with them).
 * Grouping by four from the finest level on, or by eight from units of two, lost 0.008 and 0.019
 * F1 with inserted lines, one sentence a line: a coarse bead cannot skip one line, and a wrong
 * coarse path leads the band astray. Documents under ~400 sentences never reach this unit.
 */
const WIDE_COARSENING_UNIT = 16;

/**
 * On a coarse level a 1-0 or 0-1 bead leaves a whole unit (2^k sentences) untranslated, so it costs
 * that many times a sentence's: otherwise a text that repeats itself (or a long run of similar
 * content) can be matched shifted by a whole repeat for the price of two cheap empty beads.
 */
function scaleEmptyShapes(
  shapes: readonly BeadShape[],
  zhBounds: Int32Array,
  enBounds: Int32Array,
): BeadShape[] {
  const sentencesPerUnit =
    (zhBounds[zhBounds.length - 1]! + enBounds[enBounds.length - 1]!) /
    Math.max(1, zhBounds.length + enBounds.length - 2);
  return shapes.map((shape) =>
    shape.zh === 0 || shape.en === 0 ? { ...shape, cost: shape.cost * Math.max(1, sentencesPerUnit) } : shape,
  );
}

/**
 * Monotone alignment by dynamic programming over bead shapes (Gale & Church 1993):
 *   D(0,0) = 0;  D(i,j) = min over shapes (a,b) of D(i−a, j−b) + shape(a,b) + cost([i−a,i), [j−b,j)).
 * Long inputs are searched coarse-to-fine as in Vecalign (Thompson & Koehn 2019): both sides are
 * grouped in pairs of units recursively (fours, once units are long: WIDE_COARSENING_UNIT), the
 * coarse path is found first, and the fine search is
 * restricted to a band around it, so time and memory grow linearly with the length.
 * DP tables are typed arrays laid out row by row over the band only.
 */
export function searchAlignment(zhCount: number, enCount: number, options: SearchOptions): RangeBead[] {
  const zhBounds = identityBounds(zhCount);
  const enBounds = identityBounds(enCount);
  const path = options.guide
    ? fillAndTrace(
        zhBounds,
        enBounds,
        bandAround(options.guide, 1, zhCount, enCount, options.bandWidth ?? DEFAULT_BAND_WIDTH),
        options.shapes,
        options.cost,
        true,
      )
    : alignLevel(zhBounds, enBounds, options, true);
  return path.map((step) => ({
    zhStart: zhBounds[step.zhStart]!,
    zhEnd: zhBounds[step.zhEnd]!,
    enStart: enBounds[step.enStart]!,
    enEnd: enBounds[step.enEnd]!,
    cost: step.cost,
  }));
}

function identityBounds(count: number): Int32Array {
  const bounds = new Int32Array(count + 1);
  for (let i = 0; i <= count; i++) bounds[i] = i;
  return bounds;
}

/** Every `factor`-th boundary (and the last one): units `factor` times as long. */
function coarsen(bounds: Int32Array, factor: number): Int32Array {
  const units = bounds.length - 1;
  const coarseUnits = Math.ceil(units / factor);
  const out = new Int32Array(coarseUnits + 1);
  for (let k = 0; k < coarseUnits; k++) out[k] = bounds[factor * k]!;
  out[coarseUnits] = bounds[units]!;
  return out;
}

/** Path over units of this level: beads as unit ranges. */
function alignLevel(
  zhBounds: Int32Array,
  enBounds: Int32Array,
  options: SearchOptions,
  finest: boolean,
): RangeBead[] {
  const n = zhBounds.length - 1;
  const m = enBounds.length - 1;
  const fullCells = options.fullSearchCells ?? DEFAULT_FULL_SEARCH_CELLS;
  let band: Band;
  if ((n + 1) * (m + 1) <= fullCells || n < 4 || m < 4) {
    band = { lo: new Int32Array(n + 1), hi: new Int32Array(n + 1).fill(m) };
  } else {
    const factor = zhBounds[n]! / n >= WIDE_COARSENING_UNIT ? 4 : 2;
    const coarsePath = alignLevel(coarsen(zhBounds, factor), coarsen(enBounds, factor), options, false);
    band = bandAround(coarsePath, factor, n, m, options.bandWidth ?? DEFAULT_BAND_WIDTH);
  }
  const shapes = finest
    ? options.shapes
    : scaleEmptyShapes(options.coarseShapes ?? COARSE_SHAPES, zhBounds, enBounds);
  if (finest && options.shared) keepCosts(options.shared, band, cellOffsets(band), shapes, MAX_SHARED_BEADS);
  return fillAndTrace(zhBounds, enBounds, band, shapes, options.cost);
}

/**
 * Cells within `width` units (in both directions) of a path projected to this level. With
 * scale 2, coarse unit k covers fine units [2k, 2k+2), so node (I, J) is fine node (2I, 2J), clamped.
 */
export function bandAround(
  coarsePath: readonly RangeBead[],
  scale: number,
  n: number,
  m: number,
  width: number,
): Band {
  const pathLo = new Int32Array(n + 1).fill(m);
  const pathHi = new Int32Array(n + 1);
  const mark = (row: number, from: number, to: number) => {
    if (from < pathLo[row]!) pathLo[row] = from;
    if (to > pathHi[row]!) pathHi[row] = to;
  };
  mark(0, 0, 0);
  for (const bead of coarsePath) {
    const r0 = Math.min(scale * bead.zhStart, n);
    const r1 = Math.min(scale * bead.zhEnd, n);
    const c0 = Math.min(scale * bead.enStart, m);
    const c1 = Math.min(scale * bead.enEnd, m);
    for (let r = r0; r <= r1; r++) mark(r, c0, c1);
  }
  mark(n, m, m);
  // Rows the projection skipped (none in practice) inherit their neighbours' intervals.
  for (let r = 1; r <= n; r++) {
    if (pathLo[r]! > pathHi[r]!) {
      pathLo[r] = pathLo[r - 1]!;
      pathHi[r] = pathHi[r - 1]!;
    }
  }
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let r = 0; r <= n; r++) {
    // The path's intervals are monotone, so the union over rows r−width..r+width is [lo(r−w), hi(r+w)].
    lo[r] = Math.max(0, pathLo[Math.max(0, r - width)]! - width);
    hi[r] = Math.min(m, pathHi[Math.min(n, r + width)]! + width);
  }
  return { lo, hi };
}
