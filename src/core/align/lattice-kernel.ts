import type { KernelMemory } from '../kernels.js';

/**
 * What kernels/lattice.ts exports: the search's dynamic programme (search.ts) and the
 * forward–backward passes (forward-backward.ts) over a band laid out row by row. Arguments after the
 * counts are where each array lies in the kernel's memory.
 */
export interface LatticeExports extends KernelMemory {
  /** The search over rows [from, to): bead costs in `edges` for those rows, into `table` and `back`. */
  searchRows(
    from: number,
    to: number,
    shapes: number,
    lo: number,
    hi: number,
    offsets: number,
    shapeZh: number,
    shapeEn: number,
    shapeCost: number,
    edges: number,
    table: number,
    back: number,
  ): void;
  /** Both passes, from every bead's cost/T in `edges` into `forward` and `backward`. */
  run(
    zhCount: number,
    enCount: number,
    shapes: number,
    lo: number,
    hi: number,
    offsets: number,
    shapeZh: number,
    shapeEn: number,
    edges: number,
    forward: number,
    backward: number,
    terms: number,
  ): void;
}
