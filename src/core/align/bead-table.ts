import type { BeadShape } from './bead-shapes.js';
import type { RangeCost } from './search.js';

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

/** Shapes are indexed by (zh sentences, en sentences) as SHAPE_SPAN · zh + en. */
const SHAPE_SPAN = 8;
/**
 * Above this many beads (8 bytes each, 64 MB) a table is not kept: a long document's would cost too
 * much memory. It holds the dev sets as one pair 8 times over (~7M beads), so `npm run bench`'s 8×/1×
 * ratio compares the same code path.
 */
export const MAX_TABLE_BEADS = 1 << 23;

/**
 * Numbers kept per bead of a search's band (the bead of shape s that ends at cell (i, j)), NaN where
 * none is kept: what a search evaluated, read back by a later search or by the posteriors instead of
 * evaluated again.
 */
export class BeadTable {
  /** Index of each shape by its spans, −1 for none. */
  private readonly shapeOf = new Int8Array(SHAPE_SPAN * SHAPE_SPAN).fill(-1);
  private readonly shapeCount: number;
  private readonly rows: number;
  readonly values: Float64Array;

  private constructor(
    private readonly band: Band,
    /** Offset of row i's first cell (cells of rows before it). */
    private readonly offsets: Float64Array,
    shapes: readonly BeadShape[],
  ) {
    this.shapeCount = shapes.length;
    shapes.forEach((shape, k) => {
      this.shapeOf[SHAPE_SPAN * shape.zh + shape.en] = k;
    });
    this.rows = offsets.length - 2;
    this.values = new Float64Array(offsets[offsets.length - 1]! * shapes.length).fill(Number.NaN);
  }

  /** A table over `band`, or undefined when it would be too large or a shape too wide for it. */
  static over(
    band: Band,
    offsets: Float64Array,
    shapes: readonly BeadShape[],
    maxBeads = MAX_TABLE_BEADS,
  ): BeadTable | undefined {
    const beads = offsets[offsets.length - 1]! * shapes.length;
    if (beads > maxBeads || shapes.some((s) => s.zh >= SHAPE_SPAN || s.en >= SHAPE_SPAN)) return;
    return new BeadTable(band, offsets, shapes);
  }

  /** Where the bead of shape `shape` ending at the cell `cell` (an offset as the search counts them) is kept. */
  slot(cell: number, shape: number): number {
    return cell * this.shapeCount + shape;
  }

  /** Where the bead zh [zs, ze), en [es, ee) is kept, or −1 when the table has no place for it. */
  slotOf(zs: number, ze: number, es: number, ee: number): number {
    const zhSpan = ze - zs;
    const enSpan = ee - es;
    if (ze > this.rows || zhSpan >= SHAPE_SPAN || enSpan >= SHAPE_SPAN) return -1;
    const { lo, hi } = this.band;
    if (ee < lo[ze]! || ee > hi[ze]!) return -1;
    const shape = this.shapeOf[SHAPE_SPAN * zhSpan + enSpan]!;
    return shape < 0 ? -1 : (this.offsets[ze]! + ee - lo[ze]!) * this.shapeCount + shape;
  }
}

/**
 * A sum's leading terms that every pass of one alignment has in common (the document-level lexical
 * evidence, which no pass re-estimates): the first search keeps their value at each bead of its finest
 * level, and the later pass, whose band lies mostly inside that one, reads them back instead of
 * weighing the words of every bead again. The values read back are the numbers computed, so the
 * alignment is the same.
 */
export class SharedTerm {
  private table: BeadTable | undefined;
  private opened = false;
  readonly cost: RangeCost;

  constructor(term: RangeCost) {
    this.cost = (zs, ze, es, ee) => {
      const table = this.table;
      if (!table) return term(zs, ze, es, ee);
      const slot = table.slotOf(zs, ze, es, ee);
      if (slot < 0) return term(zs, ze, es, ee);
      let value = table.values[slot]!;
      if (Number.isNaN(value)) {
        value = term(zs, ze, es, ee);
        table.values[slot] = value;
      }
      return value;
    };
  }

  /** Called by the first search that reaches its finest level: the band whose beads are kept. */
  keepOver(band: Band, offsets: Float64Array, shapes: readonly BeadShape[]): void {
    if (this.opened) return;
    this.opened = true;
    this.table = BeadTable.over(band, offsets, shapes);
  }
}
