import type { BeadShape } from './bead-shapes.js';
import { bandAround, type RangeBead, type RangeCost } from './search.js';

/**
 * Confidence of each bead of a found alignment: its posterior probability among all alignments in a
 * band around it, by the forward–backward algorithm over the same lattice the search minimised
 * (costs read as −log probabilities, divided by a temperature). This is what a pair's confidence
 * should mean to someone filtering a TM: a bead whose boundaries could just as well have been drawn
 * elsewhere (a short line that might join either neighbour) gets a low figure; a bead that every
 * plausible alignment agrees on gets a high one, whatever its length. A cost relative to the
 * document's median, as before, ranked long beads below short ones and made the figure depend on the
 * rest of the document.
 *
 * The band is the final path widened by `bandWidth` sentences each way: alternatives further away
 * carry no probability worth counting once the evidence has placed the path.
 */
export function beadPosteriors(
  zhCount: number,
  enCount: number,
  path: readonly RangeBead[],
  options: { shapes: readonly BeadShape[]; cost: RangeCost; bandWidth: number; temperature: number },
): number[] {
  const { shapes, cost, temperature } = options;
  const { lo, hi } = bandAround(path, 1, zhCount, enCount, options.bandWidth);
  const offsets = new Float64Array(zhCount + 2);
  for (let i = 0; i <= zhCount; i++) offsets[i + 1] = offsets[i]! + (hi[i]! - lo[i]! + 1);
  const inBand = (i: number, j: number) => i >= 0 && i <= zhCount && j >= lo[i]! && j <= hi[i]!;
  const at = (i: number, j: number) => offsets[i]! + j - lo[i]!;
  const edge = (shape: BeadShape, i: number, j: number) =>
    (shape.cost + cost(i, i + shape.zh, j, j + shape.en)) / temperature;

  // forward[i,j] = −log Σ over partial paths (0,0)→(i,j) of exp(−cost/T); backward from (i,j) to the end.
  const cells = offsets[zhCount + 1]!;
  const forward = new Float64Array(cells).fill(Number.POSITIVE_INFINITY);
  const backward = new Float64Array(cells).fill(Number.POSITIVE_INFINITY);
  // Cost of the bead of shape s that ends at cell c, at c·S + s: the forward pass evaluates each bead
  // once and the backward pass reads it back (bead costs are most of the work).
  const S = shapes.length;
  const edges = new Float64Array(cells * S).fill(Number.POSITIVE_INFINITY);
  forward[0] = 0;
  const terms: number[] = [];
  for (let i = 0; i <= zhCount; i++) {
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      if (i === 0 && j === 0) continue;
      terms.length = 0;
      const cell = at(i, j);
      shapes.forEach((shape, s) => {
        const pi = i - shape.zh;
        const pj = j - shape.en;
        if (!inBand(pi, pj)) return;
        const previous = forward[at(pi, pj)]!;
        if (previous === Number.POSITIVE_INFINITY) return;
        const cost = edge(shape, pi, pj);
        edges[cell * S + s] = cost;
        terms.push(previous + cost);
      });
      forward[cell] = softMin(terms);
    }
  }
  backward[at(zhCount, enCount)] = 0;
  for (let i = zhCount; i >= 0; i--) {
    for (let j = hi[i]!; j >= lo[i]!; j--) {
      if (i === zhCount && j === enCount) continue;
      terms.length = 0;
      shapes.forEach((shape, s) => {
        const ni = i + shape.zh;
        const nj = j + shape.en;
        if (!inBand(ni, nj)) return;
        const next = backward[at(ni, nj)]!;
        const cost = edges[at(ni, nj) * S + s]!;
        if (next !== Number.POSITIVE_INFINITY && cost !== Number.POSITIVE_INFINITY) terms.push(next + cost);
      });
      backward[at(i, j)] = softMin(terms);
    }
  }
  const total = forward[at(zhCount, enCount)]!;
  return path.map((bead) => {
    const s = shapes.findIndex(
      (shape) => shape.zh === bead.zhEnd - bead.zhStart && shape.en === bead.enEnd - bead.enStart,
    );
    if (s < 0) return 0;
    const through =
      forward[at(bead.zhStart, bead.enStart)]! +
      edges[at(bead.zhEnd, bead.enEnd) * S + s]! +
      backward[at(bead.zhEnd, bead.enEnd)]!;
    return Math.min(1, Math.exp(total - through));
  });
}

/** −log Σ exp(−x), computed around the smallest term so nothing underflows. */
function softMin(values: readonly number[]): number {
  if (values.length === 0) return Number.POSITIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  for (const v of values) if (v < min) min = v;
  let sum = 0;
  for (const v of values) sum += Math.exp(min - v);
  return min - Math.log(sum);
}
