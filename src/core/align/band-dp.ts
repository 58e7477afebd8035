import { instantiateKernel } from '../kernels.js';
import type { BeadShape } from './bead-shapes.js';
import { type Band, BeadTable, cellOffsets, type SharedTerm } from './bead-table.js';
import { bandInKernel, type LatticeExports } from './lattice-kernel.js';
import type { RangeBead, RangeCost } from './search.js';

/**
 * The dynamic programme of one search level over a band of cells (search.ts): the bead costs of a
 * chunk of rows evaluated here, the recurrence over them in WebAssembly (kernels/lattice.ts,
 * searchRows), then the path traced back. Also where a guided search's bead costs are kept for the
 * posteriors (withRememberedCosts).
 */

export function fillAndTrace(
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
  // The shapes as typed arrays: the shape objects' hidden classes differ (a cost of 0 is stored as a
  // small integer, 1.5 as a double, and a spread copy is built another way), and code optimised for
  // one was thrown away on meeting another (V8 "wrong map"), at the first coarse level of a document.
  const shapeZh = Int32Array.from(shapes, (shape) => shape.zh);
  const shapeEn = Int32Array.from(shapes, (shape) => shape.en);
  const shapeCost = Float64Array.from(shapes, (shape) => shape.cost);
  // One instance serves every search of the process, one at a time: a search's arrays are dead once
  // it returns (mac-dev made 35 of them). A search begun while one runs gets an instance of its own.
  searchKernel ??= instantiateKernel<LatticeExports>('lattice');
  const reused = searching ? undefined : searchKernel;
  const { kernel, at, buffer } = bandInKernel(
    { lo, hi, offsets, shapeZh, shapeEn, shapeCost },
    { edges: 8 * chunkCells * S, table: 8 * cells, back: cells },
    reused,
  );
  if (reused) searching = true;
  try {
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
  } finally {
    if (reused) searching = false;
  }
}

/** The lattice kernel the searches reuse, and whether one of them is running. */
let searchKernel: LatticeExports | undefined;
let searching = false;

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
