import { type Band, cellOffsets } from './band.js';
import type { BeadShape } from './bead-shapes.js';
import { keepCosts } from './cost-sum.js';
import { bandInKernel, ReusedLattice, weighWith } from './lattice-kernel.js';
import type { RangeBead, RangeCost } from './search.js';

/**
 * The dynamic programme of one search level over a band of cells (search.ts): run in WebAssembly
 * (kernels/lattice.ts, search), which weighs each bead with the cost (a cost-sum kernel's export,
 * cost-sum.ts) as it goes, then the path traced back here. A guided search's bead costs are kept for
 * the posteriors (`remember`, keepCosts).
 */
export function fillAndTrace(
  zhBounds: Int32Array,
  enBounds: Int32Array,
  band: Band,
  shapes: readonly BeadShape[],
  cost: RangeCost,
  remember = false,
): RangeBead[] {
  const n = zhBounds.length - 1;
  const { lo, hi } = band;
  const offsets = cellOffsets(band);
  const cells = offsets[n + 1]!;
  if (remember) keepCosts(cost, band, offsets, shapes);
  const S = shapes.length;
  // The shapes as typed arrays: the shape objects' hidden classes differ (a cost of 0 is stored as a
  // small integer, 1.5 as a double, and a spread copy is built another way), and code optimised for
  // one was thrown away on meeting another (V8 "wrong map"), at the first coarse level of a document.
  const shapeZh = Int32Array.from(shapes, (shape) => shape.zh);
  const shapeEn = Int32Array.from(shapes, (shape) => shape.en);
  const shapeCost = Float64Array.from(shapes, (shape) => shape.cost);
  return searches.use((kernel) => {
    const { at, buffer } = bandInKernel(
      kernel,
      { lo, hi, offsets, shapeZh, shapeEn, shapeCost, zhBounds, enBounds },
      { table: 8 * cells, back: cells },
    );
    const table = new Float64Array(buffer, at.table, cells).fill(Number.POSITIVE_INFINITY);
    const back = new Uint8Array(buffer, at.back, cells).fill(255);
    table[0] = 0;
    weighWith(kernel, cost);
    kernel.exports.search(
      n,
      S,
      at.lo,
      at.hi,
      at.offsets,
      at.shapeZh,
      at.shapeEn,
      at.shapeCost,
      at.zhBounds,
      at.enBounds,
      at.table,
      at.back,
    );
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
  });
}

/** The lattice kernel every search reuses. */
const searches = new ReusedLattice();
