import type { BeadShape } from './bead-shapes.js';
import { cellAt, forwardBackward, latticeAround } from './forward-backward.js';
import type { RangeBead, RangeCost } from './search.js';

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
  const { shapes } = options;
  const lattice = latticeAround(path, shapes, zhCount, enCount, options.bandWidth);
  const { lo, offsets } = lattice;
  const S = shapes.length;
  // The last pass's search kept its beads' costs (keepCosts): most of this band's are read back.
  const { forward, backward, edges } = forwardBackward(lattice, options.cost, options.temperature);
  const total = forward[cellAt(offsets, lo, zhCount, enCount)]!;
  return path.map((bead) => {
    const s = shapes.findIndex(
      (shape) => shape.zh === bead.zhEnd - bead.zhStart && shape.en === bead.enEnd - bead.enStart,
    );
    if (s < 0) return 0;
    const through =
      forward[cellAt(offsets, lo, bead.zhStart, bead.enStart)]! +
      edges[cellAt(offsets, lo, bead.zhEnd, bead.enEnd) * S + s]! +
      backward[cellAt(offsets, lo, bead.zhEnd, bead.enEnd)]!;
    return Math.min(1, Math.exp(total - through));
  });
}
