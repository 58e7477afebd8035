import type { BeadShape } from './bead-shapes.js';
import { cellOffsets } from './bead-table.js';
import { type BandArrays, bandInKernel } from './lattice-kernel.js';
import { bandAround, type RangeBead, type RangeCost } from './search.js';

/**
 * The forward–backward algorithm over a band of the search's lattice (costs read as −log
 * probabilities, divided by a temperature): what a bead's confidence (posterior.ts) and a unit's
 * chance of having no counterpart (unpaired-evidence.ts) are computed from.
 */

/** The band's cells and the bead shapes, as typed arrays, over zhCount × enCount sentences. */
export interface Lattice extends BandArrays {
  zhCount: number;
  enCount: number;
}

/** What the two passes give, by cell (cellAt) and by bead (cell · S + shape). */
export interface ForwardBackward {
  /** −log Σ over partial paths (0,0)→cell of exp(−cost/T). */
  forward: Float64Array;
  /** −log Σ over partial paths cell→(end) of exp(−cost/T). */
  backward: Float64Array;
  /** The cost/T of the bead of shape s that ends at cell c, at c·S + s (+∞ where there is none). */
  edges: Float64Array;
}

/**
 * Both passes over the lattice: each bead's cost is evaluated once, here, into the kernel's memory,
 * and the passes run in WebAssembly (kernels/lattice.ts: in a fresh process V8 compiled their
 * JavaScript anew at every run, five times over mac-dev). A bead whose first cell no path reaches
 * gets its cost too, which the passes never read into a reachable cell's sums.
 */
export function forwardBackward(lattice: Lattice, cost: RangeCost, temperature: number): ForwardBackward {
  const { zhCount, enCount, lo, hi, offsets, shapeZh, shapeEn, shapeCost } = lattice;
  const S = shapeZh.length;
  const cells = offsets[zhCount + 1]!;
  const { kernel, at, buffer } = bandInKernel(
    { lo, hi, offsets, shapeZh, shapeEn, shapeCost },
    { edges: 8 * cells * S, forward: 8 * cells, backward: 8 * cells, terms: 8 * S },
  );
  const edges = new Float64Array(buffer, at.edges, cells * S).fill(Number.POSITIVE_INFINITY);
  fillEdges(lattice, cost, temperature, edges);
  kernel.run(
    zhCount,
    enCount,
    S,
    at.lo,
    at.hi,
    at.offsets,
    at.shapeZh,
    at.shapeEn,
    at.edges,
    at.forward,
    at.backward,
    at.terms,
  );
  return {
    forward: new Float64Array(buffer, at.forward, cells),
    backward: new Float64Array(buffer, at.backward, cells),
    edges,
  };
}

/** (shape cost + bead cost) / T of every bead of the band, at its last cell · S + its shape. */
function fillEdges(lattice: Lattice, cost: RangeCost, temperature: number, edges: Float64Array): void {
  const { zhCount, lo, hi, offsets, shapeZh, shapeEn, shapeCost } = lattice;
  const S = shapeZh.length;
  for (let i = 0; i <= zhCount; i++) {
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      const cell = cellAt(offsets, lo, i, j);
      for (let s = 0; s < S; s++) {
        const pi = i - shapeZh[s]!;
        const pj = j - shapeEn[s]!;
        if (pi < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        edges[cell * S + s] = (shapeCost[s]! + cost(pi, i, pj, j)) / temperature;
      }
    }
  }
}

/**
 * Offset of cell (i, j) in a band's flat layout. A function of the module, not a closure made per
 * call: a new closure is a new call target at every document, and V8 throws away the optimised code
 * that called the last one ("wrong call target"), here at each of its call sites in turn.
 */
export function cellAt(offsets: Float64Array, lo: Int32Array, i: number, j: number): number {
  return offsets[i]! + j - lo[i]!;
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
