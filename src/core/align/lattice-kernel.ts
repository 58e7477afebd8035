import { type FunctionTable, functionTable, instantiateKernel, type KernelMemory } from '../kernels.js';
import { kernelCostOf } from './cost-sum.js';
import type { RangeCost } from './search.js';

/**
 * What kernels/lattice.ts exports: the search's dynamic programme (search.ts) and the
 * forward–backward passes (forward-backward.ts) over a band laid out row by row, each bead weighed
 * by the cost at index 0 of the kernel's function table. Arguments after the counts are where each
 * array lies in the kernel's memory.
 */
export interface LatticeExports extends KernelMemory {
  /** The search over every row: into `table` and `back`. */
  search(
    zhCount: number,
    shapes: number,
    lo: number,
    hi: number,
    offsets: number,
    shapeZh: number,
    shapeEn: number,
    shapeCost: number,
    zhBounds: number,
    enBounds: number,
    table: number,
    back: number,
  ): void;
  /** Forgets every allocation, for an instance reused (its bytes are left as they were). */
  reset(): void;
  /** Every bead's (shape cost + cost) / temperature into `edges`, then both passes into `forward` and `backward`. */
  run(
    zhCount: number,
    enCount: number,
    shapes: number,
    lo: number,
    hi: number,
    offsets: number,
    shapeZh: number,
    shapeEn: number,
    shapeCost: number,
    temperature: number,
    edges: number,
    forward: number,
    backward: number,
    terms: number,
  ): void;
}

/** A lattice kernel and the table of functions it calls the bead cost through. */
export interface LatticeKernel {
  exports: LatticeExports;
  table: FunctionTable;
}

function latticeKernel(): LatticeKernel {
  const table = functionTable(1);
  return { exports: instantiateKernel<LatticeExports>('lattice', { env: { table } }), table };
}

/**
 * A lattice kernel reused call after call, one call at a time: the searches (mac-dev made 35) and the
 * forward–backward passes (one per stretch between fixed beads) would otherwise make an instance
 * each. A call begun while another holds it (from inside a bead's cost) gets an instance of its own.
 */
export class ReusedLattice {
  private kernel: LatticeKernel | undefined;
  private held = false;

  use<T>(work: (kernel: LatticeKernel) => T): T {
    if (this.held) return work(latticeKernel());
    this.kernel ??= latticeKernel();
    this.held = true;
    try {
      return work(this.kernel);
    } finally {
      this.held = false;
    }
  }
}

/** Makes `cost` the one the kernel weighs beads with (kernelCostOf: a WebAssembly function). */
export function weighWith(kernel: LatticeKernel, cost: RangeCost): void {
  kernel.table.set(0, kernelCostOf(cost));
}

/** A band of cells (row i, zh boundary i: en boundaries lo[i] … hi[i], its first cell at offsets[i]) and the bead shapes. */
export interface BandArrays {
  lo: Int32Array;
  hi: Int32Array;
  offsets: Float64Array;
  shapeZh: Int32Array;
  shapeEn: Int32Array;
  shapeCost: Float64Array;
}

/**
 * A lattice kernel holding `arrays`, with the further arrays `more` (bytes by name) allocated: where
 * each lies, and the memory's buffer. In `kernel`, its allocations forgotten (the caller then fills
 * every array it reads). Everything is allocated before anything is copied in: an allocation may
 * grow the memory, which detaches the views of its buffer made before.
 */
export function bandInKernel<A extends string, K extends string>(
  kernel: LatticeKernel,
  arrays: Record<A, Int32Array | Float64Array>,
  more: Record<K, number>,
): { at: Record<A | K, number>; buffer: ArrayBuffer } {
  kernel.exports.reset();
  const at = {} as Record<A | K, number>;
  for (const name of Object.keys(arrays) as A[]) at[name] = kernel.exports.alloc(arrays[name].byteLength);
  for (const name of Object.keys(more) as K[]) at[name] = kernel.exports.alloc(more[name]);
  const { buffer } = kernel.exports.memory;
  for (const name of Object.keys(arrays) as A[]) {
    const array = arrays[name];
    new Uint8Array(buffer, at[name], array.byteLength).set(
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
    );
  }
  return { at, buffer };
}
