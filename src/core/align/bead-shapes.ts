/**
 * The bead shapes the search may use (zh sentences × en sentences) and the cost of each shape:
 * −log of its prior probability, as Gale & Church (1993) did, with extra shapes for literary text.
 *
 * Tuned on: the shape counts of the mac-dev (literary) and bfsu-nonlit-dev (magazine) gold
 * alignments pooled (1-1 ≈ 73%, 1-2 ≈ 12%, 2-1 ≈ 6%, 1-3 ≈ 3%, 1-4 and 2-2 ≈ 1% each), then
 * adjusted by measured strict F1 on both dev sets.
 */
export interface BeadShape {
  readonly zh: number;
  readonly en: number;
  /** Cost added once per bead of this shape (nats). */
  readonly cost: number;
}

const SHAPE_PRIORS: readonly (readonly [number, number, number])[] = [
  [1, 1, 0.73],
  [1, 0, 0.004],
  [0, 1, 0.004],
  [1, 2, 0.12],
  [2, 1, 0.06],
  [1, 3, 0.03],
  [3, 1, 0.006],
  [2, 2, 0.01],
  [1, 4, 0.012],
  [2, 3, 0.005],
  [3, 2, 0.003],
  [4, 1, 0.001],
  [1, 5, 0.002],
];

/**
 * The shapes with their costs: −log prior, plus `manyToMany` for beads with two or more sentences on
 * both sides (lexical evidence finds spurious matches in big beads, so they need a higher price
 * than their frequency says) and `empty` for 1-0 and 0-1 beads.
 */
export function beadShapes(
  extra: { manyToMany: number; empty: number },
  adapted?: { counts: ReadonlyMap<string, number>; priorWeight: number },
): BeadShape[] {
  let total = 0;
  for (const count of adapted?.counts.values() ?? []) total += count;
  return SHAPE_PRIORS.map(([zh, en, p]) => {
    // Shape frequencies of this document's first alignment, smoothed towards the prior with
    // `priorWeight` pseudo-beads: a literary translation that splits sentences gets cheaper 1-2
    // and 1-3 beads, a magazine that joins them cheaper 2-1.
    const probability = adapted
      ? ((adapted.counts.get(`${zh}-${en}`) ?? 0) + adapted.priorWeight * p) / (total + adapted.priorWeight)
      : p;
    return {
      zh,
      en,
      cost:
        -Math.log(probability) +
        (zh >= 2 && en >= 2 ? extra.manyToMany : 0) +
        (zh === 0 || en === 0 ? extra.empty : 0),
    };
  });
}

/** Prior of a shape the search never proposes (a 3-3, a 6-1) when an edited path has one. */
const RARE_SHAPE_PRIOR = 0.0005;

/**
 * `shapes` with the shapes of `path` it lacks, each at a rare prior plus the same surcharges, so that
 * an edited alignment with such a bead can be scored.
 */
export function withShapesOf(
  shapes: readonly BeadShape[],
  path: readonly { zhStart: number; zhEnd: number; enStart: number; enEnd: number }[],
  extra: { manyToMany: number; empty: number },
): BeadShape[] {
  const out = [...shapes];
  for (const bead of path) {
    const zh = bead.zhEnd - bead.zhStart;
    const en = bead.enEnd - bead.enStart;
    if (out.some((s) => s.zh === zh && s.en === en)) continue;
    const cost =
      -Math.log(RARE_SHAPE_PRIOR) +
      (zh >= 2 && en >= 2 ? extra.manyToMany : 0) +
      (zh === 0 || en === 0 ? extra.empty : 0);
    out.push({ zh, en, cost });
  }
  return out;
}

export const BEAD_SHAPES: readonly BeadShape[] = beadShapes({ manyToMany: 0, empty: 0 });
