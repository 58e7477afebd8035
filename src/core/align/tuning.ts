/**
 * Constants of the aligner that were tuned by measurement, in one place so an ablation or tuning
 * script can set them (the object is mutable on purpose; the library never changes it).
 * Each says what it was tuned on: strict F1 on mac-dev (6 literary chapters) and bfsu-nonlit-dev
 * (27 magazine articles), measured with `npx tsx bench/ablation.ts`.
 */
export const TUNING = {
  /**
   * Initial length variance (en characters² per zh character, divided by ratio²) before the
   * document's own estimate replaces it. Tuned on: gold beads of both dev sets (median 1.6, range 1.0–3.6).
   */
  initialVariance: 1.6,
  /**
   * Weight of the Gale–Church length cost against the lexical terms. Tuned on: both dev sets
   * (0.35: 0.845/0.979, 0.5: 0.863/0.981, 0.6: 0.864/0.981, 0.7: 0.870/0.986, 0.8: 0.863/0.986,
   * 1: 0.857/0.980, 1.4: 0.843/0.980).
   */
  lengthWeight: 0.7,
  /** Weight of the dictionary coverage log-likelihood ratio. Tuned on: both dev sets (0.25–1 tried). */
  dictionaryWeight: 0.5,
  /**
   * P(a zh word is covered by CC-CEDICT glosses on the en side | the bead is a translation), and the
   * same for en words. Tuned on: both dev sets (0.4 best of 0.4–0.6; bfsu best at 0.4, mac flat).
   */
  dictionaryHit: 0.4,
  /** Name evidence (pinyin ↔ capitalised English): weight and hit rate. Tuned on: both dev sets (0.5/0.8: 0.848/0.962; 0.3/0.4: 0.852/0.963 — literary translations often drop names for pronouns, so a missing name must cost little). */
  namesWeight: 0.3,
  namesHit: 0.4,
  /** Number evidence: weight and hit rate. Tuned on: both dev sets (on: 0.852/0.963, off: 0.845/0.961). */
  numbersWeight: 0.5,
  numbersHit: 0.8,
  /**
   * Weight of the squared deviation from the diagonal (in √n sentences). Tuned on: both dev sets —
   * 0.05 and 0.3 both lowered mac-dev strict F1 (0.852 → 0.851), bfsu unchanged, so it is 0: the band
   * search already keeps the path near the evidence, and literary translations drift on purpose.
   */
  diagonalWeight: 0,
  /**
   * Pseudo-beads of the global shape prior when re-estimating shape costs from the first pass (0: off).
   * Tuned on: both dev sets — 50 and 200 gave mac 0.848/0.849 (from 0.852) and bfsu 0.965 (from
   * 0.963), so it is off.
   */
  shapePriorWeight: 0,
  /**
   * Extra cost of 2-2, 2-3, 3-2 beads over their prior. Tuned on: both dev sets (with the 1-0/0-1
   * surcharge at 6: 1: 0.865/0.962, 2: 0.858/0.975, 3: 0.859/0.975, 4: 0.859/0.978).
   */
  manyToManyCost: 4,
  /**
   * Extra cost of 1-0 and 0-1 beads over their prior. Tuned on: both dev sets (0: 0.854/0.967,
   * 2: 0.855/0.972, 4: 0.856/0.975, 6: 0.858/0.975, 9: 0.857/0.976; the gold has 13 empty beads in
   * 1,329 on mac-dev and none on bfsu, and the lexical costs make a lone short sentence look cheaper
   * to drop than to join).
   */
  emptyCost: 6,
  /** Tokens of 1-0/0-1 beads count as uncovered by a translation (1) or are neutral (0). */
  emptyTokens: 0,
  /**
   * Weight of the quotation-state boundary log-odds (quote-evidence.ts; 1 is the plain likelihood
   * ratio). Tuned on: both dev sets (inside/outside only, before the speech-turn and question
   * costs: 0: 0.870/0.986, 1: 0.878/0.986, 2: 0.883/0.986, 3: 0.879/0.986); with the speech-end
   * class and the other dialogue costs: 0.5: 0.8995, 1: 0.9077, 1.5: 0.9088, 2: 0.9057,
   * 3: 0.9036, bfsu 0.9886 throughout (its Chinese side has no quotation marks, so it gets no
   * evidence at any weight).
   */
  quotesWeight: 1.5,
  /**
   * Weight of the speech-turn count log-odds (quote-evidence.ts `speechTurnCost`). Tuned on: both dev
   * sets with quotesWeight 2 (0: 0.883/0.986, 0.5: 0.887, 1: 0.893, 2: 0.898, 3: 0.898, 4: 0.891;
   * bfsu 0.986 throughout; after the colon/comma speech rule, 1.5: 0.898, 2: 0.899, 2.5: 0.900,
   * 3: 0.899 — flat, so it stays at 2).
   */
  turnsWeight: 2,
  /**
   * Weight of the speech-start boundary log-odds (quote-evidence.ts `speechStartCost`). Tuned on:
   * both dev sets (0: 0.9088/0.9886, 0.5: 0.9107, 1, 1.5, 2, 3: 0.9117; bfsu 0.9886 throughout).
   */
  speechStartWeight: 1,
  /**
   * Weight of the question-count log-odds (punctuation-evidence.ts). Tuned on: both dev sets
   * (0: 0.899/0.986, 0.25: 0.9005/0.9856, 0.5 and 1: 0.9013/0.9856, 1.5: 0.9013/0.9866,
   * 2, 2.5, 3, 4: 0.9009/0.9886 — 2 starts the flat range and is best on the magazine).
   */
  questionsWeight: 2,
  /**
   * Temperature of the bead posteriors that become each pair's confidence (posterior.ts): costs are
   * divided by it before they are read as −log probabilities. Tuned on: both dev sets with
   * `bench/measure-confidence.ts` (see docs/accuracy.md, "Confidence").
   */
  confidenceTemperature: 1.5,
  /** Half-width (sentences) of the band around the final path in which bead posteriors are summed. */
  confidenceBandWidth: 3,
  /**
   * Material with no counterpart (unpaired-evidence.ts): how much cheaper (nats) a 1-0 or 0-1 bead is
   * than the shape prior (11.5 nats with the surcharge) for a line of a recognised shape
   * (line-shapes.ts) or in a paragraph the paragraph pass leaves unpaired. Tuned on:
   * `npm run bench:unpaired` (dev documents with lines inserted), with mac-dev and bfsu strict F1
   * unchanged (presplit, no paragraphs: only the dateline/byline/caption/credit shapes can apply).
   */
  unpaired: {
    shapeDiscount: { dateline: 10, byline: 10, caption: 9, credit: 10, heading: 7 },
    paragraphDiscount: 10,
    paragraphEmptyCost: 3,
    paragraphPosterior: 0.7,
  },
  /** Half-width of the search band, in sentences. Tuned on: both dev sets (3 already equals the full table). */
  bandWidth: 5,
  /** Tables up to this many cells are searched whole. Tuned on: speed only (F1 unchanged 100–250,000). */
  fullSearchCells: 600,
};

/**
 * Learned (IBM Model 1) evidence. Tuned on: both dev sets — weight 0.5: 0.852/0.963, 0.3:
 * 0.855/0.964, 0.2: 0.854/0.967; hit 0.3 and threshold 0.3 were no better; a second
 * learn-and-realign round gained nothing.
 */
export const LEARNED_TUNING = {
  weight: 0.2,
  hit: 0.4,
  iterations: 5,
  /** t(e|f) below this is not a translation. */
  threshold: 0.15,
  /** Word types seen fewer times than this on either side are not learned. */
  minCount: 2,
  /** Learn-and-realign rounds. */
  rounds: 1,
};
