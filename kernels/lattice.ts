// AssemblyScript, compiled ahead of time into data/lattice.wasm by `npm run build`
// (scripts/build-kernels.ts, with --importTable). The dynamic programmes over a band of the search's
// lattice: the search's (src/core/align/band-dp.ts loads it) and the forward–backward passes
// (src/core/align/forward-backward.ts explains them). Each bead is weighed by the cost the host put
// in the imported function table; summed in the same order as the TypeScript it replaced, with V8's
// exp and log (fdlibm.ts), so the numbers are the same to the last bit.
//
// The host allocates every array (alloc) before it fills any: an allocation may grow the memory,
// which detaches the host's views of it. Nothing here allocates.

import { exp, log } from './fdlibm';
import { f64At, i32At, setF64 } from './memory';

export { alloc } from './memory';

/** Offset of cell (i, j) in the band's flat layout (row i holds lo[i] … hi[i]). */
function cellAt(offsets: usize, lo: usize, i: i32, j: i32): i32 {
  return <i32>f64At(offsets, i) + j - i32At(lo, i);
}

/** Whether cell (i, j) is in the band of rows 0 … lastRow (row i holds lo[i] … hi[i]). */
function inBand(lo: usize, hi: usize, lastRow: i32, i: i32, j: i32): bool {
  return i >= 0 && i <= lastRow && j >= i32At(lo, i) && j <= i32At(hi, i);
}

/** −log Σ exp(−x) of the first `count` terms, computed around the smallest so nothing underflows. */
function softMin(terms: usize, count: i32): f64 {
  if (count === 0) return Infinity;
  let min = Infinity;
  for (let k = 0; k < count; k++) if (f64At(terms, k) < min) min = f64At(terms, k);
  let sum: f64 = 0;
  for (let k = 0; k < count; k++) sum += exp(min - f64At(terms, k));
  return min - log(sum);
}

/**
 * The forward–backward passes (forward-backward.ts): first every bead's weight, edges[c·S + s] =
 * (shapeCost[s] + the bead's cost) / temperature for the bead of shape s ending at cell c (+∞ where
 * the band has none; a bead whose first cell no path reaches is weighed too); then forward[c] = −log
 * Σ over partial paths (0,0)→c of exp(−weight), and backward[c] the same over c→(end). `terms` holds
 * S doubles of scratch.
 */
export function run(
  zhCount: i32,
  enCount: i32,
  shapes: i32,
  lo: usize,
  hi: usize,
  offsets: usize,
  shapeZh: usize,
  shapeEn: usize,
  shapeCost: usize,
  temperature: f64,
  edges: usize,
  forward: usize,
  backward: usize,
  terms: usize,
): void {
  for (let i = 0; i <= zhCount; i++) {
    for (let j = i32At(lo, i); j <= i32At(hi, i); j++) {
      const cell = cellAt(offsets, lo, i, j);
      for (let s = 0; s < shapes; s++) {
        const pi = i - i32At(shapeZh, s);
        const pj = j - i32At(shapeEn, s);
        const at = cell * shapes + s;
        if (!inBand(lo, hi, zhCount, pi, pj)) setF64(edges, at, Infinity);
        else setF64(edges, at, (f64At(shapeCost, s) + beadCost(pi, i, pj, j)) / temperature);
      }
    }
  }
  const cells = <i32>f64At(offsets, zhCount + 1);
  for (let c = 0; c < cells; c++) {
    setF64(forward, c, Infinity);
    setF64(backward, c, Infinity);
  }
  setF64(forward, 0, 0);
  for (let i = 0; i <= zhCount; i++) {
    for (let j = i32At(lo, i); j <= i32At(hi, i); j++) {
      if (i === 0 && j === 0) continue;
      let count = 0;
      const cell = cellAt(offsets, lo, i, j);
      for (let s = 0; s < shapes; s++) {
        const pi = i - i32At(shapeZh, s);
        const pj = j - i32At(shapeEn, s);
        if (!inBand(lo, hi, zhCount, pi, pj)) continue;
        const previous = f64At(forward, cellAt(offsets, lo, pi, pj));
        if (previous === Infinity) continue;
        setF64(terms, count++, previous + f64At(edges, cell * shapes + s));
      }
      setF64(forward, cell, softMin(terms, count));
    }
  }
  setF64(backward, cellAt(offsets, lo, zhCount, enCount), 0);
  for (let i = zhCount; i >= 0; i--) {
    for (let j = i32At(hi, i); j >= i32At(lo, i); j--) {
      if (i === zhCount && j === enCount) continue;
      let count = 0;
      for (let s = 0; s < shapes; s++) {
        const ni = i + i32At(shapeZh, s);
        const nj = j + i32At(shapeEn, s);
        if (!inBand(lo, hi, zhCount, ni, nj)) continue;
        const next = f64At(backward, cellAt(offsets, lo, ni, nj));
        const edge = f64At(edges, cellAt(offsets, lo, ni, nj) * shapes + s);
        if (next !== Infinity && edge !== Infinity) setF64(terms, count++, next + edge);
      }
      setF64(backward, cellAt(offsets, lo, i, j), softMin(terms, count));
    }
  }
}

/**
 * The cost of a bead, zh sentences [zs, ze) and en sentences [es, ee): the function the host put at
 * index 0 of the imported table (a cost-sum kernel's export, cost-sum.ts), called with no JavaScript
 * between.
 */
function beadCost(zs: i32, ze: i32, es: i32, ee: i32): f64 {
  return call_indirect<f64>(0, zs, ze, es, ee);
}

/**
 * The search's dynamic programme over a band (search.ts, fillAndTrace): the cheapest path cost into
 * each cell, table[c] = min over shapes of table[previous cell] + shapeCost[s] + the bead's cost,
 * and the shape it came by, back[c] (255: none). Row i is the units' boundary i, at sentence
 * zhBounds[i] (enBounds likewise). A bead whose first cell no path reaches is not weighed. `table`
 * starts as +∞ but for the first cell, `back` as 255 (the host fills them).
 */
export function search(
  zhCount: i32,
  shapes: i32,
  lo: usize,
  hi: usize,
  offsets: usize,
  shapeZh: usize,
  shapeEn: usize,
  shapeCost: usize,
  zhBounds: usize,
  enBounds: usize,
  table: usize,
  back: usize,
): void {
  for (let i = 0; i <= zhCount; i++) {
    const rowLo = i32At(lo, i);
    const rowHi = i32At(hi, i);
    const rowOffset = <i32>f64At(offsets, i) - rowLo;
    const zhEnd = i32At(zhBounds, i);
    for (let j = rowLo; j <= rowHi; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestShape = 255;
      const enEnd = i32At(enBounds, j);
      for (let s = 0; s < shapes; s++) {
        const pi = i - i32At(shapeZh, s);
        const pj = j - i32At(shapeEn, s);
        if (!inBand(lo, hi, zhCount, pi, pj)) continue;
        const previous = f64At(table, cellAt(offsets, lo, pi, pj));
        if (previous === Infinity) continue;
        const edge = beadCost(i32At(zhBounds, pi), zhEnd, i32At(enBounds, pj), enEnd);
        const total = previous + f64At(shapeCost, s) + edge;
        if (total < best) {
          best = total;
          bestShape = s;
        }
      }
      setF64(table, rowOffset + j, best);
      store<u8>(back + <usize>(rowOffset + j), <u8>bestShape);
    }
  }
}

/**
 * Forgets every allocation, for an instance the host reuses (the searches'): the next ones start
 * where the first did. Their bytes are what the last use left, not zero: the host fills what it
 * allocates before anything reads it.
 */
export function reset(): void {
  __reset();
}
