// AssemblyScript, compiled ahead of time into data/cost-sum.wasm by `npm run build`
// (scripts/build-kernels.ts). A bead's cost as the sum of its terms (src/core/align/cost-sum.ts
// explains it and loads this): the terms are this instance's imports t0 … t7 (of the module
// "cost-sum", the name AssemblyScript gives the imports this file declares), called in order
// and summed from 0, as the TypeScript sum it replaced did, so the sums are the same to the last bit.
// A term is another kernel's export (called with no JavaScript between) or a JavaScript function.
//
// It can keep the values it computes for the beads of one band (keepOver): the posteriors, run over
// the final path with the last pass's cost, read them back instead of weighing those beads again.

import { f64At, i32At, setF64 } from './memory';

export { alloc } from './memory';

declare function t0(zs: i32, ze: i32, es: i32, ee: i32): f64;
declare function t1(zs: i32, ze: i32, es: i32, ee: i32): f64;
declare function t2(zs: i32, ze: i32, es: i32, ee: i32): f64;
declare function t3(zs: i32, ze: i32, es: i32, ee: i32): f64;
declare function t4(zs: i32, ze: i32, es: i32, ee: i32): f64;
declare function t5(zs: i32, ze: i32, es: i32, ee: i32): f64;
declare function t6(zs: i32, ze: i32, es: i32, ee: i32): f64;
declare function t7(zs: i32, ze: i32, es: i32, ee: i32): f64;

/** How many of the imports are terms (the rest are never called). */
let count: i32 = 0;

export function ready(terms: i32): void {
  count = terms;
}

/** Shapes are indexed by (zh sentences, en sentences) as SHAPE_SPAN · zh + en. */
const SHAPE_SPAN: i32 = 8;

// The band whose beads' values are kept (row i, zh boundary i: en boundaries lo[i] … hi[i], its
// first cell at offsets[i]), each bead at cell · shapeCount + shape; NaN where none is kept yet.
let kept: usize = 0;
let lo: usize = 0;
let hi: usize = 0;
let offsets: usize = 0;
let lastRow: i32 = -1;
let shapeOf: usize = 0;
let shapeCount: i32 = 0;

/**
 * From now on, keeps the value of each bead of this band it computes, and answers those beads from
 * what it kept. The host copied the band's arrays and the shape index (SHAPE_SPAN² i32s, −1 for
 * none) in, and made sure the table (cells · shapes doubles) is not too large to keep.
 */
export function keepOver(
  bandLo: usize,
  bandHi: usize,
  bandOffsets: usize,
  rows: i32,
  shapeIndex: usize,
  shapes: i32,
): void {
  lo = bandLo;
  hi = bandHi;
  offsets = bandOffsets;
  lastRow = rows - 1;
  shapeOf = shapeIndex;
  shapeCount = shapes;
  const beads = <usize>f64At(offsets, rows) * <usize>shapes;
  kept = heap.alloc(beads << 3);
  // Every byte 0xff: a NaN, "not kept yet".
  memory.fill(kept, 0xff, beads << 3);
}

/** Where the bead zh [zs, ze), en [es, ee) is kept, or −1 when the band has no place for it. */
function slotOf(zs: i32, ze: i32, es: i32, ee: i32): i32 {
  const zhSpan = ze - zs;
  const enSpan = ee - es;
  if (ze > lastRow || zhSpan >= SHAPE_SPAN || enSpan >= SHAPE_SPAN) return -1;
  const rowLo = i32At(lo, ze);
  if (ee < rowLo || ee > i32At(hi, ze)) return -1;
  const shape = i32At(shapeOf, SHAPE_SPAN * zhSpan + enSpan);
  return shape < 0 ? -1 : (<i32>f64At(offsets, ze) + ee - rowLo) * shapeCount + shape;
}

/** The bead's cost: its terms' sum. */
export function cost(zs: i32, ze: i32, es: i32, ee: i32): f64 {
  let slot = -1;
  if (kept !== 0) {
    slot = slotOf(zs, ze, es, ee);
    if (slot >= 0) {
      const value = f64At(kept, slot);
      if (!isNaN(value)) return value;
    }
  }
  let total: f64 = 0;
  if (count > 0) total += t0(zs, ze, es, ee);
  if (count > 1) total += t1(zs, ze, es, ee);
  if (count > 2) total += t2(zs, ze, es, ee);
  if (count > 3) total += t3(zs, ze, es, ee);
  if (count > 4) total += t4(zs, ze, es, ee);
  if (count > 5) total += t5(zs, ze, es, ee);
  if (count > 6) total += t6(zs, ze, es, ee);
  if (count > 7) total += t7(zs, ze, es, ee);
  if (slot >= 0) setF64(kept, slot, total);
  return total;
}
