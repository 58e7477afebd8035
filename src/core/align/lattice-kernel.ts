import { instantiateKernel, type KernelMemory } from '../kernels.js';

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
  /** Forgets every allocation, for an instance reused (its bytes are left as they were). */
  reset(): void;
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
 * A lattice kernel holding `band`, with the further arrays `more` (bytes by name) allocated: where
 * each lies, and the memory's buffer. A new instance, or `reused` with its allocations forgotten
 * (the caller then fills every array it reads). Everything is allocated before anything is copied
 * in: an allocation may grow the memory, which detaches the views of its buffer made before.
 */
export function bandInKernel<K extends string>(
  band: BandArrays,
  more: Record<K, number>,
  reused?: LatticeExports,
): {
  kernel: LatticeExports;
  at: Record<keyof BandArrays | K, number>;
  buffer: ArrayBuffer;
} {
  const kernel = reused ?? instantiateKernel<LatticeExports>('lattice');
  reused?.reset();
  const at = {} as Record<keyof BandArrays | K, number>;
  for (const name of Object.keys(band) as (keyof BandArrays)[])
    at[name] = kernel.alloc(band[name].byteLength);
  for (const name of Object.keys(more) as K[]) at[name] = kernel.alloc(more[name]);
  const { buffer } = kernel.memory;
  for (const name of Object.keys(band) as (keyof BandArrays)[]) {
    const array = band[name];
    new Uint8Array(buffer, at[name], array.byteLength).set(
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
    );
  }
  return { kernel, at, buffer };
}
