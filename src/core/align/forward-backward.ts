import type { BeadShape } from './bead-shapes.js';
import { cellOffsets } from './bead-table.js';
import { bandAround, type RangeBead, type RangeCost } from './search.js';

/**
 * The forward–backward algorithm over a band of the search's lattice (costs read as −log
 * probabilities, divided by a temperature): what a bead's confidence (posterior.ts) and a unit's
 * chance of having no counterpart (unpaired-evidence.ts) are computed from.
 */

/**
 * The band's cells and the bead shapes, as typed arrays. The two passes are functions of their own:
 * V8 compiles a long loop while it runs (on-stack replacement), and the code it made for one loop
 * of a longer function was thrown away on reaching the next one, which had not run yet.
 */
export interface Lattice {
  zhCount: number;
  enCount: number;
  /** Row i (zh boundary i) holds en boundaries lo[i] … hi[i]. */
  lo: Int32Array;
  hi: Int32Array;
  offsets: Float64Array;
  shapeZh: Int32Array;
  shapeEn: Int32Array;
  shapeCost: Float64Array;
}

/**
 * forward[i,j] = −log Σ over partial paths (0,0)→(i,j) of exp(−cost/T), and the cost of the bead of
 * shape s that ends at cell c, at c·S + s: the forward pass evaluates each bead once and the
 * backward pass reads it back (bead costs are most of the work).
 */
export function forwardPass(
  lattice: Lattice,
  cost: RangeCost,
  temperature: number,
): { forward: Float64Array; edges: Float64Array } {
  const { zhCount, lo, hi, offsets, shapeZh, shapeEn, shapeCost } = lattice;
  const S = shapeZh.length;
  const cells = offsets[zhCount + 1]!;
  const forward = new Float64Array(cells).fill(Number.POSITIVE_INFINITY);
  const edges = new Float64Array(cells * S).fill(Number.POSITIVE_INFINITY);
  forward[0] = 0;
  const terms = new Float64Array(S);
  for (let i = 0; i <= zhCount; i++) {
    const rowLo = lo[i]!;
    const rowHi = hi[i]!;
    for (let j = rowLo; j <= rowHi; j++) {
      if (i === 0 && j === 0) continue;
      let count = 0;
      const cell = cellAt(offsets, lo, i, j);
      for (let s = 0; s < S; s++) {
        const pi = i - shapeZh[s]!;
        const pj = j - shapeEn[s]!;
        if (pi < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        const previous = forward[cellAt(offsets, lo, pi, pj)]!;
        if (previous === Number.POSITIVE_INFINITY) continue;
        const edge = (shapeCost[s]! + cost(pi, i, pj, j)) / temperature;
        edges[cell * S + s] = edge;
        terms[count++] = previous + edge;
      }
      forward[cell] = softMin(terms, count);
    }
  }
  return { forward, edges };
}

/** backward[i,j] = −log Σ over partial paths (i,j)→(end) of exp(−cost/T), from the forward pass's edges. */
export function backwardPass(lattice: Lattice, edges: Float64Array): Float64Array {
  const { zhCount, enCount, lo, hi, offsets, shapeZh, shapeEn } = lattice;
  const S = shapeZh.length;
  const backward = new Float64Array(offsets[zhCount + 1]!).fill(Number.POSITIVE_INFINITY);
  const terms = new Float64Array(S);
  backward[cellAt(offsets, lo, zhCount, enCount)] = 0;
  for (let i = zhCount; i >= 0; i--) {
    for (let j = hi[i]!; j >= lo[i]!; j--) {
      if (i === zhCount && j === enCount) continue;
      let count = 0;
      for (let s = 0; s < S; s++) {
        const ni = i + shapeZh[s]!;
        const nj = j + shapeEn[s]!;
        if (ni > zhCount || nj < lo[ni]! || nj > hi[ni]!) continue;
        const next = backward[cellAt(offsets, lo, ni, nj)]!;
        const edge = edges[cellAt(offsets, lo, ni, nj) * S + s]!;
        if (next !== Number.POSITIVE_INFINITY && edge !== Number.POSITIVE_INFINITY)
          terms[count++] = next + edge;
      }
      backward[cellAt(offsets, lo, i, j)] = softMin(terms, count);
    }
  }
  return backward;
}

/**
 * Offset of cell (i, j) in a band's flat layout. A function of the module, not a closure made per
 * call: a new closure is a new call target at every document, and V8 throws away the optimised code
 * that called the last one ("wrong call target"), here at each of its call sites in turn.
 */
export function cellAt(offsets: Float64Array, lo: Int32Array, i: number, j: number): number {
  return offsets[i]! + j - lo[i]!;
}

/** −log Σ exp(−x), computed around the smallest term so nothing underflows. */
function softMin(values: Float64Array, count: number): number {
  if (count === 0) return Number.POSITIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  for (let k = 0; k < count; k++) if (values[k]! < min) min = values[k]!;
  let sum = 0;
  for (let k = 0; k < count; k++) sum += Math.exp(min - values[k]!);
  return min - Math.log(sum);
}

/** The lattice of the cells within `width` units of `path` (each way), for these bead shapes. */
export function latticeAround(
  path: readonly RangeBead[],
  shapes: readonly BeadShape[],
  zhCount: number,
  enCount: number,
  width: number,
): Lattice {
  const band = bandAround(path, 1, zhCount, enCount, width);
  return {
    zhCount,
    enCount,
    lo: band.lo,
    hi: band.hi,
    offsets: cellOffsets(band),
    shapeZh: Int32Array.from(shapes, (shape) => shape.zh),
    shapeEn: Int32Array.from(shapes, (shape) => shape.en),
    shapeCost: Float64Array.from(shapes, (shape) => shape.cost),
  };
}
