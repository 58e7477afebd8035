/** The cells of a search: row i (zh boundary i) holds en boundaries lo[i] … hi[i]. */
export interface Band {
  lo: Int32Array;
  hi: Int32Array;
}

/** Offset of each row's first cell in a band's flat layout (cells of the rows before it); the last entry is the cell count. */
export function cellOffsets(band: Band): Float64Array {
  const { lo, hi } = band;
  const rows = lo.length;
  const offsets = new Float64Array(rows + 1);
  for (let i = 0; i < rows; i++) offsets[i + 1] = offsets[i]! + (hi[i]! - lo[i]! + 1);
  return offsets;
}
