/** A sentence pair offered to the filter, with where it came from. */
export interface FilterPair {
  zh: string;
  en: string;
  /** The aligner's confidence, when the input carries one (jsonl, TMX `x-confidence`, TSV third column). */
  confidence?: number;
  /** The document the pair belongs to: length ratios are calibrated per document. */
  document: string;
  /** Where it is: file and line (TSV, JSONL) or unit number (TMX), 1-based. */
  origin: PairOrigin;
}

export interface PairOrigin {
  file: string;
  line?: number;
  unit?: number;
}

/** What one rule measured on a pair. */
export interface RuleOutcome {
  /** The rule's measure (its meaning per rule; see each rule's `score`). */
  score: number;
  pass: boolean;
  /** Why, in words, with the values compared: "3000 on the zh side, none on the en side". */
  why: string;
}

/** The length-ratio statistics of a document's pairs (see calibration.ts). */
export interface LengthCalibration {
  /** Typical ln((zh chars + 1) / (en words + 1)) of the document. */
  center: number;
  /** Its robust spread (MAD × 1.4826), floored. */
  spread: number;
  /** Pairs it was measured on. */
  pairs: number;
}

export interface RuleContext {
  calibration: LengthCalibration;
}

/** A filter rule: pure, named, with its thresholds and where they were tuned. */
export interface FilterRule<P extends Record<string, number> = Record<string, number>> {
  name: string;
  description: string;
  /** Default thresholds (the config file may change each); their provenance is in the rule's file. */
  defaults: P;
  check(pair: FilterPair, params: P, context: RuleContext): RuleOutcome;
}

/** The filter's decision on a pair. */
export interface Verdict {
  kept: boolean;
  /** The first rule that rejected it (rules run in registry order). */
  rule?: string;
  why?: string;
  /** Every rule's score that was computed (all of them for kept pairs and with `explain`). */
  scores: Record<string, number>;
  /** Each rule's full outcome, with `explain`. */
  outcomes?: Record<string, RuleOutcome>;
}
