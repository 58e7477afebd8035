// AssemblyScript: what every kernel reads and writes its memory with. The host allocates each array
// (alloc, re-exported by every kernel) and copies it in; memory is never freed (the stub runtime):
// an instance lives as long as what it scores.

export function alloc(bytes: i32): usize {
  return heap.alloc(<usize>bytes);
}

/** The k-th 32-bit integer of the array at `base`. */
export function i32At(base: usize, k: i32): i32 {
  return load<i32>(base + ((<usize>k) << 2));
}

export function setI32(base: usize, k: i32, value: i32): void {
  store<i32>(base + ((<usize>k) << 2), value);
}

/** The k-th double of the array at `base`. */
export function f64At(base: usize, k: i32): f64 {
  return load<f64>(base + ((<usize>k) << 3));
}

export function setF64(base: usize, k: i32, value: f64): void {
  store<f64>(base + ((<usize>k) << 3), value);
}

/**
 * A new array of `count` 32-bit integers, every byte `byte` (0xff: all −1). Zeros need no writing:
 * memory is zero when an instance starts, and the stub runtime never hands a byte out twice.
 */
export function filledI32s(count: i32, byte: u8): usize {
  const at = heap.alloc((<usize>count) << 2);
  if (byte !== 0) memory.fill(at, byte, (<usize>count) << 2);
  return at;
}
