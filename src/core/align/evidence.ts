import { sumOfTerms } from './cost-sum.js';
import { mergeCoverageTerms } from './coverage.js';
import type { RangeBead, RangeCost } from './search.js';

/**
 * A kind of evidence the aligner weighs: one entry of a list (`DEFAULT_EVIDENCE` in
 * `evidence-kinds.ts` holds the built-in ones) that `alignSentences` takes per call. Adding a kind is
 * writing one entry; the defaults, `bitext eval --without` and the ablation table read the list.
 */
export interface EvidenceKind<W extends object = object> {
  /** Its name in `AlignOptions.evidence`, `AlignTuning.weights` and `bitext eval --without`. */
  readonly name: string;
  /** What it looks at, in one line (help texts and the ablation table). */
  readonly summary: string;
  /**
   * `document`: built from the texts alone, before the first pass, and used in every pass.
   * `calibrated`: built from the path of the pass before, and used in the passes after the first (its
   * strength is what that alignment says it is worth on this document).
   */
  readonly phase: 'document' | 'calibrated';
  /** Its tuned weights (any numbers its build reads), overridden per call by `AlignTuning.weights`. */
  readonly weights: Readonly<W>;
  /** What the weights were tuned on, and the figures that chose them. */
  readonly provenance: string;
  /** Its costs count as lexical evidence (words shared by the two sides), which other kinds may read. */
  readonly lexical?: boolean;
  /** False when these weights leave it with nothing to say (a weight of 0): it is then not built. */
  active?(weights: Readonly<W>): boolean;
  /** Passes after the first that a calibrated kind wants (learn, then realign); default 1. */
  rounds?(weights: Readonly<W>): number;
  /** Its terms for this call; `previousPass` is given to a calibrated kind. Undefined: nothing to add. */
  build(
    input: EvidenceInput,
    weights: Readonly<W>,
    previousPass?: readonly RangeBead[],
  ): EvidenceTerms | undefined;
}

/** What a kind of evidence reads: the sentences of one call and what the kinds before it found. */
export interface EvidenceInput {
  /** zh sentences, folded to Simplified. */
  readonly zh: readonly string[];
  readonly en: readonly string[];
  readonly zhParagraphs?: readonly number[];
  readonly enParagraphs?: readonly number[];
  /** Content words of each zh sentence (computed once per call, on first use). */
  zhWords(): readonly (readonly string[])[];
  /** Content stems of each en sentence (computed once per call, on first use). */
  enStems(): readonly (readonly string[])[];
  /** The costs of the lexical kinds built before this one (in list order). */
  readonly lexical: readonly RangeCost[];
  /** Sentences a kind before this one found to have no counterpart (a length ratio leaves them out). */
  readonly withoutCounterpart?: { readonly zh: Uint8Array; readonly en: Uint8Array };
}

/** What a kind adds to a call. */
export interface EvidenceTerms {
  /** Costs added to every bead's (in order: a sum's order decides its last bits). */
  costs: readonly RangeCost[];
  /** A document-level kind's costs for the passes after the first, re-estimated on the first path. */
  recalibrate?(firstPass: readonly RangeBead[]): readonly RangeCost[];
  /** Sentences found to have no counterpart, for the kinds after this one. */
  withoutCounterpart?: { zh: Uint8Array; en: Uint8Array };
}

/** Which kinds to use, by name (a kind not named is on). */
export type EvidenceSwitches = Readonly<Record<string, boolean | undefined>>;

/** A kind's weights for one call: its tuned ones, with the call's overrides on top. */
export function weightsFor<W extends object>(
  kind: EvidenceKind<W>,
  overrides: Readonly<Record<string, object>> | undefined,
): Readonly<W> {
  const own = overrides?.[kind.name];
  return own ? { ...kind.weights, ...own } : kind.weights;
}

/**
 * The sum of the terms (adjacent lexical coverage terms summed as one: mergeCoverageTerms), by a
 * kernel (sumOfTerms) when there are several.
 */
export function sumOf(summed: readonly RangeCost[]): RangeCost {
  const terms = mergeCoverageTerms(summed);
  if (terms.length === 0) return () => 0;
  if (terms.length === 1) return terms[0]!;
  return sumOfTerms(terms);
}
