import { instantiateKernel } from '../kernels.js';
import type { BeadShape } from './bead-shapes.js';
import { type Band, BeadTable, cellOffsets, type SharedTerm } from './bead-table.js';
import type { LatticeExports } from './lattice-kernel.js';

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
  /** A term of `cost` that keeps its values over the band of the first finest-level search (SharedTerm). */
  shared?: SharedTerm;
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
        options.shared,
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
  return fillAndTrace(
    zhBounds,
    enBounds,
    band,
    shapes,
    options.cost,
    false,
    finest ? options.shared : undefined,
  );
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

function fillAndTrace(
  zhBounds: Int32Array,
  enBounds: Int32Array,
  band: Band,
  shapes: readonly BeadShape[],
  cost: RangeCost,
  remember = false,
  shared?: SharedTerm,
): RangeBead[] {
  const n = zhBounds.length - 1;
  const { lo, hi } = band;
  const offsets = cellOffsets(band);
  const cells = offsets[n + 1]!;
  shared?.keepOver(band, offsets, shapes);
  const remembered = remember ? BeadTable.over(band, offsets, shapes, MAX_REMEMBERED_BEADS) : undefined;
  if (remembered) rememberedByCost.set(cost, remembered);
  const S = shapes.length;
  // The rows' bead costs are evaluated a chunk of rows at a time, here, and the dynamic programme
  // runs over them in WebAssembly (kernels/lattice.ts, searchRows). Every array is allocated before
  // any view of the kernel's memory is made: an allocation may grow it, detaching the views.
  let widest = 0;
  for (let i = 0; i <= n; i++) widest = Math.max(widest, hi[i]! - lo[i]! + 1);
  const chunkCells = Math.max(CHUNK_CELLS, widest);
  const kernel = instantiateKernel<LatticeExports>('lattice');
  const at = {
    lo: kernel.alloc(lo.byteLength),
    hi: kernel.alloc(hi.byteLength),
    offsets: kernel.alloc(offsets.byteLength),
    shapeZh: kernel.alloc(4 * S),
    shapeEn: kernel.alloc(4 * S),
    shapeCost: kernel.alloc(8 * S),
    edges: kernel.alloc(8 * chunkCells * S),
    table: kernel.alloc(8 * cells),
    back: kernel.alloc(cells),
  };
  const { buffer } = kernel.memory;
  new Int32Array(buffer, at.lo, lo.length).set(lo);
  new Int32Array(buffer, at.hi, hi.length).set(hi);
  new Float64Array(buffer, at.offsets, offsets.length).set(offsets);
  // The shapes as typed arrays: the shape objects' hidden classes differ (a cost of 0 is stored as a
  // small integer, 1.5 as a double, and a spread copy is built another way), and code optimised for
  // one was thrown away on meeting another (V8 "wrong map"), at the first coarse level of a document.
  const shapeZh = new Int32Array(buffer, at.shapeZh, S);
  const shapeEn = new Int32Array(buffer, at.shapeEn, S);
  shapes.forEach((shape, s) => {
    shapeZh[s] = shape.zh;
    shapeEn[s] = shape.en;
  });
  new Float64Array(buffer, at.shapeCost, S).set(shapes.map((shape) => shape.cost));
  const edges = new Float64Array(buffer, at.edges, chunkCells * S);
  const table = new Float64Array(buffer, at.table, cells).fill(Number.POSITIVE_INFINITY);
  const back = new Uint8Array(buffer, at.back, cells).fill(255);
  table[0] = 0;
  for (let from = 0; from <= n; ) {
    let to = from + 1;
    while (to <= n && offsets[to + 1]! - offsets[from]! <= chunkCells) to++;
    rowEdges(zhBounds, enBounds, band, offsets, shapeZh, shapeEn, from, to, cost, edges, remembered);
    kernel.searchRows(
      from,
      to,
      S,
      at.lo,
      at.hi,
      at.offsets,
      at.shapeZh,
      at.shapeEn,
      at.shapeCost,
      at.edges,
      at.table,
      at.back,
    );
    from = to;
  }
  const path: RangeBead[] = [];
  let i = n;
  let j = enBounds.length - 1;
  while (i > 0 || j > 0) {
    const cell = offsets[i]! + j - lo[i]!;
    const shape = back[cell]!;
    if (shape >= S) throw new Error(`alignment search found no path through (${i}, ${j})`);
    const pi = i - shapeZh[shape]!;
    const pj = j - shapeEn[shape]!;
    const previous = table[offsets[pi]! + pj - lo[pi]!]!;
    path.push({ zhStart: pi, zhEnd: i, enStart: pj, enEnd: j, cost: table[cell]! - previous });
    i = pi;
    j = pj;
  }
  return path.reverse();
}

/**
 * Cells whose bead costs are evaluated before the dynamic programme runs over them: a few hundred
 * kilobytes of costs, which stay in the CPU's caches (a row wider than this is one chunk).
 */
const CHUNK_CELLS = 4096;

/**
 * The cost of every bead ending in rows [from, to) (in units of the level: `zhBounds`, `enBounds`),
 * at (cell − the rows' first cell) · S + shape, kept in `remembered` too when given. A bead whose first
 * cell no path reaches is evaluated too (costs are pure; the search never reads it).
 */
function rowEdges(
  zhBounds: Int32Array,
  enBounds: Int32Array,
  band: Band,
  offsets: Float64Array,
  shapeZh: Int32Array,
  shapeEn: Int32Array,
  from: number,
  to: number,
  cost: RangeCost,
  edges: Float64Array,
  remembered: BeadTable | undefined,
): void {
  const { lo, hi } = band;
  const S = shapeZh.length;
  const firstCell = offsets[from]!;
  for (let i = from; i < to; i++) {
    const rowOffset = offsets[i]! - lo[i]!;
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      const cell = rowOffset + j;
      for (let s = 0; s < S; s++) {
        const pi = i - shapeZh[s]!;
        const pj = j - shapeEn[s]!;
        if (pi < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        const beadCost = cost(zhBounds[pi]!, zhBounds[i]!, enBounds[pj]!, enBounds[j]!);
        if (remembered) remembered.values[remembered.slot(cell, s)] = beadCost;
        edges[(cell - firstCell) * S + s] = beadCost;
      }
    }
  }
}

/**
 * The posteriors' table may be larger than the shared term's (`MAX_TABLE_BEADS`, which a document
 * this long goes without): up to 256 MB, which holds a 100,000-sentence pair's guided band (~28M
 * beads), whose posteriors would otherwise evaluate every bead of their band again (13% of its time;
 * 121.6 -> 116.9 s of CPU, peak RSS 680 -> 891 MB).
 */
const MAX_REMEMBERED_BEADS = 1 << 25;

/** The bead costs the last guided (finest-level) search with a cost evaluated. */
const rememberedByCost = new WeakMap<RangeCost, BeadTable>();

/**
 * `cost`, answering the beads the last guided search with it evaluated from what that search
 * computed (the same numbers): the posteriors, run on the final path with the last pass's cost, would
 * otherwise evaluate most of its beads again.
 */
export function withRememberedCosts(cost: RangeCost): RangeCost {
  const memory = rememberedByCost.get(cost);
  if (!memory) return cost;
  return (zs, ze, es, ee) => {
    const slot = memory.slotOf(zs, ze, es, ee);
    if (slot >= 0) {
      const value = memory.values[slot]!;
      if (!Number.isNaN(value)) return value;
    }
    return cost(zs, ze, es, ee);
  };
}
