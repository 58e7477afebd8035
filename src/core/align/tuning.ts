/**
 * Constants of the search and of the confidence that were tuned by measurement. The weights of each
 * kind of evidence live with the kind (`evidence-kinds.ts`). Frozen: a caller that wants other values
 * passes them for one call (`AlignOptions.tuning`), so no call changes another's.
 * Each says what it was tuned on: strict F1 on mac-dev (6 literary chapters) and bfsu-nonlit-dev
 * (27 magazine articles), measured with `npx tsx bench/ablation.ts`.
 */
export interface SearchTuning {
  /**
   * Pseudo-beads of the global shape prior when re-estimating shape costs from the first pass (0: off).
   */
  shapePriorWeight: number;
  /** Extra cost of 2-2, 2-3, 3-2 beads over their prior. */
  manyToManyCost: number;
  /** Extra cost of 1-0 and 0-1 beads over their prior. */
  emptyCost: number;
  /** Temperature of the bead posteriors that become each pair's confidence. */
  confidenceTemperature: number;
  /** Half-width (sentences) of the band around the final path in which bead posteriors are summed. */
  confidenceBandWidth: number;
  /** Half-width of the search band, in sentences. */
  bandWidth: number;
  /** Tables up to this many cells are searched whole. */
  fullSearchCells: number;
}

export const TUNING: Readonly<SearchTuning> = Object.freeze({
  /**
   * Tuned on: both dev sets — 50 and 200 gave mac 0.848/0.849 (from 0.852) and bfsu 0.965 (from
   * 0.963), so it is off.
   */
  shapePriorWeight: 0,
  /**
   * Tuned on: both dev sets (with the 1-0/0-1 surcharge at 6: 1: 0.865/0.962, 2: 0.858/0.975,
   * 3: 0.859/0.975, 4: 0.859/0.978).
   */
  manyToManyCost: 4,
  /**
   * Tuned on: both dev sets (0: 0.854/0.967, 2: 0.855/0.972, 4: 0.856/0.975, 6: 0.858/0.975,
   * 9: 0.857/0.976; the gold has 13 empty beads in 1,329 on mac-dev and none on bfsu, and the lexical
   * costs make a lone short sentence look cheaper to drop than to join).
   */
  emptyCost: 6,
  /**
   * Costs are divided by it before they are read as −log probabilities (posterior.ts). Tuned on: both
   * dev sets with `bench/measure-confidence.ts` (see docs/accuracy.md, "Confidence").
   */
  confidenceTemperature: 1.5,
  confidenceBandWidth: 3,
  /**
   * Tuned on: both dev sets, every dev document 8× as one pair (20,576 sentences) and bench:unpaired
   * (paragraphs and a line a sentence, with and without inserted lines): strict F1 is the same at 2,
   * 3 and 5 on all of them. 3 keeps a step of margin; 5 → 3 cut mac-dev's CPU by ~18%.
   */
  bandWidth: 3,
  /** Tuned on: speed only (F1 unchanged 100–250,000). */
  fullSearchCells: 600,
});
