// AssemblyScript, compiled ahead of time into data/model1.wasm by `npm run build`
// (scripts/build-kernels.ts). IBM Model 1 trained by EM (src/core/model1.ts explains the model and
// loads this): the co-occurring (Chinese, English) pairs of types get dense slots in order of first
// appearance, every bead's co-occurrences are listed as slots, and EM runs over those arrays. The
// sums are the ones the TypeScript it replaced made, in the same order, so t is the same to the
// last bit.
//
// One instance trains one table: the host copies the beads in (alloc), calls `train`, reads the
// slots' pairs and probabilities, and may look pairs up (`slotOf`) while it keeps the instance.

import { f64At, filledI32s, i32At, setF64, setI32 } from './memory';

export { alloc } from './memory';

// Open addressing over (zh, en) pairs: table of slot numbers (−1 empty), the pairs by slot.
let tableSize: i32 = 1 << 16;
let table: usize = filledI32s(1 << 16, 0xff);
let capacity: i32 = 1 << 15;
let zhOf: usize = heap.alloc((<usize>(1 << 15)) << 2);
let enOf: usize = heap.alloc((<usize>(1 << 15)) << 2);
let size: i32 = 0;
let t: usize = 0;

function hash(f: i32, e: i32): i32 {
  return (f * <i32>0x9e3779b1) ^ (e * <i32>0x85ebca77);
}

/** Where (f, e) is in the table, or ~where it would go. */
function find(f: i32, e: i32): i32 {
  const mask = tableSize - 1;
  let s = hash(f, e) & mask;
  for (let slot = i32At(table, s); slot >= 0; slot = i32At(table, s)) {
    if (i32At(zhOf, slot) === f && i32At(enOf, slot) === e) return s;
    s = (s + 1) & mask;
  }
  return ~s;
}

function grown(array: usize): usize {
  const bigger = heap.alloc((<usize>capacity) << 3);
  memory.copy(bigger, array, (<usize>capacity) << 2);
  return bigger;
}

function rehash(): void {
  tableSize *= 2;
  table = filledI32s(tableSize, 0xff);
  const mask = tableSize - 1;
  for (let slot = 0; slot < size; slot++) {
    let s = hash(i32At(zhOf, slot), i32At(enOf, slot)) & mask;
    while (i32At(table, s) >= 0) s = (s + 1) & mask;
    setI32(table, s, slot);
  }
}

/** The slot of (f, e), a new one when the pair is new. */
function slot(f: i32, e: i32): i32 {
  const at = find(f, e);
  if (at >= 0) return i32At(table, at);
  const fresh = size++;
  if (fresh === capacity) {
    zhOf = grown(zhOf);
    enOf = grown(enOf);
    capacity *= 2;
  }
  setI32(zhOf, fresh, f);
  setI32(enOf, fresh, e);
  setI32(table, ~at, fresh);
  if (2 * size > tableSize) rehash();
  return fresh;
}

/** The slot of (f, e), or −1 when the pair was never seen. */
export function slotOf(f: i32, e: i32): i32 {
  const at = find(f, e);
  return at >= 0 ? i32At(table, at) : -1;
}

/**
 * Trains on `beads` beads whose words are ids (zhIds/enIds, each bead's words in turn, zhLengths and
 * enLengths per bead; Chinese ids below nullId, the NULL word's). Returns the number of slots.
 */
export function train(
  zhIds: usize,
  enIds: usize,
  zhLengths: usize,
  enLengths: usize,
  beads: i32,
  nullId: i32,
  iterations: i32,
  initial: f64,
): i32 {
  let total = 0;
  for (let b = 0; b < beads; b++) total += i32At(enLengths, b) * (i32At(zhLengths, b) + 1);
  // Per English token of each bead in turn: the slots of NULL and of each Chinese token with it.
  const slots = heap.alloc((<usize>total) << 2);
  let filled = 0;
  let zhAt = 0;
  let enAt = 0;
  for (let b = 0; b < beads; b++) {
    const zhLength = i32At(zhLengths, b);
    const enLength = i32At(enLengths, b);
    for (let n = 0; n < enLength; n++) {
      const e = i32At(enIds, enAt + n);
      setI32(slots, filled++, slot(nullId, e));
      for (let m = 0; m < zhLength; m++) setI32(slots, filled++, slot(i32At(zhIds, zhAt + m), e));
    }
    zhAt += zhLength;
    enAt += enLength;
  }
  t = heap.alloc((<usize>size) << 3);
  for (let s = 0; s < size; s++) setF64(t, s, initial);
  const counts = heap.alloc((<usize>size) << 3);
  const totals = heap.alloc((<usize>(nullId + 1)) << 3);
  for (let iteration = 0; iteration < iterations; iteration++) {
    memory.fill(counts, 0, (<usize>size) << 3);
    memory.fill(totals, 0, (<usize>(nullId + 1)) << 3);
    let at = 0;
    for (let b = 0; b < beads; b++) {
      const width = i32At(zhLengths, b) + 1;
      for (let n = i32At(enLengths, b); n > 0; n--, at += width) {
        let norm: f64 = 0;
        for (let k = at; k < at + width; k++) norm += f64At(t, i32At(slots, k));
        for (let k = at; k < at + width; k++) {
          const s = i32At(slots, k);
          const share = f64At(t, s) / norm;
          setF64(counts, s, f64At(counts, s) + share);
          const f = i32At(zhOf, s);
          setF64(totals, f, f64At(totals, f) + share);
        }
      }
    }
    for (let s = 0; s < size; s++) setF64(t, s, f64At(counts, s) / f64At(totals, i32At(zhOf, s)));
  }
  return size;
}

/** Where t(e | f) by slot, and each slot's Chinese and English ids, lie after `train`. */
export function probabilities(): usize {
  return t;
}
export function zhOfSlots(): usize {
  return zhOf;
}
export function enOfSlots(): usize {
  return enOf;
}
