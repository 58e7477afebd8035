import { cellOffsets } from './band.js';
import type { BeadShape } from './bead-shapes.js';
import { type BandArrays, bandInKernel, ReusedLattice, weighWith } from './lattice-kernel.js';
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
 * Both passes over the lattice, in WebAssembly (kernels/lattice.ts: in a fresh process V8 compiled
 * their JavaScript anew at every run, five times over mac-dev): each bead's cost is weighed once, by
 * the kernel calling `cost` (as a kernel's export, cost-sum.ts), into its memory. A bead whose first
 * cell no path reaches gets its cost too, which the passes never read into a reachable cell's sums.
 * The arrays returned are views of the kernel's memory: read them before the next call.
 */
export function forwardBackward(lattice: Lattice, cost: RangeCost, temperature: number): ForwardBackward {
  const { zhCount, enCount, lo, hi, offsets, shapeZh, shapeEn, shapeCost } = lattice;
  const S = shapeZh.length;
  const cells = offsets[zhCount + 1]!;
  return passes.use((kernel) => {
    const { at, buffer } = bandInKernel(
      kernel,
      { lo, hi, offsets, shapeZh, shapeEn, shapeCost },
      { edges: 8 * cells * S, forward: 8 * cells, backward: 8 * cells, terms: 8 * S },
    );
    weighWith(kernel, cost);
    kernel.exports.run(
      zhCount,
      enCount,
      S,
      at.lo,
      at.hi,
      at.offsets,
      at.shapeZh,
      at.shapeEn,
      at.shapeCost,
      temperature,
      at.edges,
      at.forward,
      at.backward,
      at.terms,
    );
    return {
      forward: new Float64Array(buffer, at.forward, cells),
      backward: new Float64Array(buffer, at.backward, cells),
      edges: new Float64Array(buffer, at.edges, cells * S),
    };
  });
}

/** The lattice kernel every call reuses: what a call returns is read before the next one. */
const passes = new ReusedLattice();

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
