/**
 * The built-in kinds of evidence, in the order their costs are summed. Each carries its tuned weights
 * and what they were tuned on: strict F1 on mac-dev (6 literary chapters) and bfsu-nonlit-dev (27
 * magazine articles), "mac/bfsu" below, measured with `npx tsx bench/ablation.ts` unless said.
 */
import { coverageRatioCost } from './coverage.js';
import { diagonalCost } from './diagonal-evidence.js';
import { dictionaryTokens, stemKeyedTokens } from './dictionary-evidence.js';
import type { EvidenceKind } from './evidence.js';
import { sumOf } from './evidence.js';
import { learnTranslations } from './learned-evidence.js';
import {
  characterLength,
  documentLengthModel,
  estimateVariance,
  lengthCost,
  prefixSums,
} from './length-evidence.js';
import { lineShapes } from './line-shapes.js';
import { nameTokens } from './names-evidence.js';
import { numberTokens } from './numbers-evidence.js';
import { paragraphCost } from './paragraph-evidence.js';
import { punctuationCost, QUESTION_MARKS } from './punctuation-evidence.js';
import { quoteBoundaryCost, quoteStates, speechStartCost, speechTurnCost } from './quote-evidence.js';
import type { RangeCost } from './search.js';
import {
  anyDiscount,
  type UnpairedTuning,
  unpairedCost,
  unpairedDiscounts,
  unpairedParagraphs,
} from './unpaired-evidence.js';

/**
 * Typed entry, erased to the list's element type (a kind's weights are its own business), and frozen
 * with its weights: a caller changes weights for its own calls (`AlignOptions.tuning`), never here.
 */
function kind<W extends object>(entry: EvidenceKind<W>): EvidenceKind {
  return Object.freeze({ ...entry, weights: deepFreeze(entry.weights) }) as unknown as EvidenceKind;
}

function deepFreeze<T extends object>(value: T): T {
  for (const field of Object.values(value))
    if (typeof field === 'object' && field !== null) deepFreeze(field);
  return Object.freeze(value);
}

/** Lexical coverage weights: the log-likelihood ratio's weight, and P(covered | a translation). */
interface CoverageWeights {
  weight: number;
  hit: number;
}

export const PARAGRAPHS = kind<{ crossingCost: number }>({
  name: 'paragraphs',
  summary: 'a bead joining sentences of different paragraphs costs more (when the input has paragraphs)',
  phase: 'document',
  weights: { crossingCost: 6 },
  provenance: 'not measured on the dev sets (they are presplit, without paragraphs)',
  build: (input, w) =>
    input.zhParagraphs && input.enParagraphs
      ? { costs: [paragraphCost(input.zhParagraphs, input.enParagraphs, w.crossingCost)] }
      : undefined,
});

export const DIAGONAL = kind<{ weight: number }>({
  name: 'diagonal',
  summary: 'squared distance of a bead from the diagonal (in √n sentences)',
  phase: 'document',
  weights: { weight: 0 },
  provenance:
    'both dev sets: 0.05 and 0.3 both lowered mac strict F1 (0.852 → 0.851), bfsu unchanged, so it is 0: ' +
    'the band search already keeps the path near the evidence, and literary translations drift on purpose',
  active: (w) => w.weight > 0,
  build: (input, w) => ({ costs: [diagonalCost(input.zh.length, input.en.length, w.weight)] }),
});

export const DICTIONARY = kind<CoverageWeights>({
  name: 'dictionary',
  summary: 'words translated by CC-CEDICT glosses (coverage log-likelihood ratio)',
  phase: 'document',
  lexical: true,
  weights: { weight: 0.5, hit: 0.4 },
  provenance: 'both dev sets: weight 0.25–1 tried; hit 0.4 best of 0.4–0.6 (bfsu best at 0.4, mac flat)',
  build: (input, w) => ({
    costs: [coverageRatioCost(dictionaryTokens(input.zhWords(), input.enStems()), w.weight, w.hit)],
  }),
});

export const NAMES = kind<CoverageWeights>({
  name: 'names',
  summary: 'Chinese names whose pinyin is a capitalised English word of the document',
  phase: 'document',
  lexical: true,
  weights: { weight: 0.3, hit: 0.4 },
  provenance:
    'both dev sets (0.5/0.8: 0.848/0.962; 0.3/0.4: 0.852/0.963 — literary translations often drop ' +
    'names for pronouns, so a missing name must cost little)',
  build: (input, w) => ({
    costs: [coverageRatioCost(nameTokens(input.zhWords(), input.en), w.weight, w.hit)],
  }),
});

export const NUMBERS = kind<CoverageWeights>({
  name: 'numbers',
  summary: 'numbers and dates of equal value on both sides',
  phase: 'document',
  lexical: true,
  weights: { weight: 0.5, hit: 0.8 },
  provenance: 'both dev sets (on: 0.852/0.963, off: 0.845/0.961)',
  build: (input, w) => ({
    costs: [coverageRatioCost(numberTokens(input.zh, input.en), w.weight, w.hit)],
  }),
});

export const UNPAIRED = kind<UnpairedTuning>({
  name: 'unpaired',
  summary:
    'lines with no counterpart (datelines, captions, credits, headings, untranslated paragraphs) get cheap 1-0/0-1 beads',
  phase: 'document',
  weights: {
    shapeDiscount: { dateline: 10, byline: 10, caption: 9, credit: 10, heading: 7 },
    paragraphDiscount: 10,
    paragraphEmptyCost: 3,
    paragraphPosterior: 0.7,
    runSwitch: 0.15,
  },
  provenance:
    '`npm run bench:unpaired` (dev documents with lines inserted), with mac and bfsu strict F1 unchanged ' +
    '(presplit, no paragraphs: only the dateline/byline/caption/credit shapes can apply); paragraph pass ' +
    'empty cost 8 / posterior 0.9: inserted F1 0.955, 5 / 0.7: 0.963, 3 / 0.7: 0.964; run switch (a ' +
    'sentence per line, clean F1 0.9611 → 0.9624 at each value) 0.5 (off): inserted 0.9472, 0.1: 0.9527, ' +
    '0.15: 0.9540, 0.2: 0.9523, 0.25: 0.9504',
  build: (input, w) => {
    const shapes = {
      zh: lineShapes(input.zh, 'zh', input.zhParagraphs),
      en: lineShapes(input.en, 'en', input.enParagraphs),
    };
    // The paragraphs aligned on words alone: the length ratio is what untranslated text distorts.
    const paragraphs =
      input.zhParagraphs && input.enParagraphs && input.lexical.length > 0
        ? unpairedParagraphs(input.zhParagraphs, input.enParagraphs, sumOf(input.lexical), w)
        : undefined;
    const discounts = unpairedDiscounts(shapes, paragraphs, w);
    if (!anyDiscount(discounts)) return undefined;
    const flags = (d: Float64Array) => Uint8Array.from(d, (x) => (x > 0 ? 1 : 0));
    return {
      costs: [unpairedCost(discounts)],
      withoutCounterpart: { zh: flags(discounts.zh), en: flags(discounts.en) },
    };
  },
});

/** IBM Model 1 on the first alignment; `rounds` learn-and-realign rounds. */
interface LearnedWeights extends CoverageWeights {
  iterations: number;
  /** t(e|f) below this is not a translation. */
  threshold: number;
  /** Word types seen fewer times than this on either side are not learned. */
  minCount: number;
  rounds: number;
}

export const LEARNED = kind<LearnedWeights>({
  name: 'learned',
  summary: 'word translations learned from the document itself (IBM Model 1 on the first alignment)',
  phase: 'calibrated',
  weights: { weight: 0.2, hit: 0.4, iterations: 5, threshold: 0.15, minCount: 2, rounds: 1 },
  provenance:
    'both dev sets — weight 0.5: 0.852/0.963, 0.3: 0.855/0.964, 0.2: 0.854/0.967; hit 0.3 and ' +
    'threshold 0.3 were no better; a second learn-and-realign round gained nothing',
  rounds: (w) => w.rounds,
  build: (input, w, path) => {
    const zhWords = input.zhWords();
    const enStems = input.enStems();
    const learned = learnTranslations(zhWords, enStems, path ?? [], w);
    const tokens = stemKeyedTokens(zhWords, enStems, (word) => learned.get(word) ?? []);
    return { costs: [coverageRatioCost(tokens, w.weight, w.hit)] };
  },
});

interface QuoteWeights {
  /** Quotation-state boundary log-odds (1 is the plain likelihood ratio); 0 switches the kind off. */
  boundaryWeight: number;
  /** Speech-turn count log-odds. */
  turnsWeight: number;
  /** Speech-start boundary log-odds. */
  speechStartWeight: number;
}

export const QUOTES = kind<QuoteWeights>({
  name: 'quotes',
  summary: 'dialogue: quotation state at bead boundaries, speech turns and starts, as the first pass agrees',
  phase: 'calibrated',
  weights: { boundaryWeight: 1.5, turnsWeight: 2, speechStartWeight: 1 },
  provenance:
    'both dev sets. Boundary (inside/outside only, before the other costs: 0: 0.870/0.986, 1: 0.878, ' +
    '2: 0.883, 3: 0.879; with the speech-end class and the other dialogue costs: 0.5: 0.8995, ' +
    '1: 0.9077, 1.5: 0.9088, 2: 0.9057, 3: 0.9036). Turns with boundary 2 (0: 0.883, 0.5: 0.887, ' +
    '1: 0.893, 2: 0.898, 3: 0.898, 4: 0.891; after the colon/comma speech rule 1.5: 0.898, 2: 0.899, ' +
    '2.5: 0.900, 3: 0.899 — flat, so 2). Speech start (0: 0.9088, 0.5: 0.9107, 1–3: 0.9117). bfsu ' +
    '0.9886 throughout: its Chinese side has no quotation marks',
  active: (w) => w.boundaryWeight > 0,
  build: (input, w, path = []) => {
    const states = quoteStates(input.zh, input.en);
    const costs: RangeCost[] = [quoteBoundaryCost(states, path, w.boundaryWeight)];
    if (w.turnsWeight > 0) costs.push(speechTurnCost(states, path, w.turnsWeight));
    if (w.speechStartWeight > 0) costs.push(speechStartCost(states, path, w.speechStartWeight));
    return { costs };
  },
});

export const PUNCTUATION = kind<{ questionsWeight: number }>({
  name: 'punctuation',
  summary: 'questions kept questions, as the first pass agrees',
  phase: 'calibrated',
  weights: { questionsWeight: 2 },
  provenance:
    'both dev sets (0: 0.899/0.986, 0.25: 0.9005/0.9856, 0.5 and 1: 0.9013/0.9856, 1.5: 0.9013/0.9866, ' +
    '2–4: 0.9009/0.9886 — 2 starts the flat range and is best on the magazine)',
  active: (w) => w.questionsWeight > 0,
  build: (input, w, path = []) => ({
    costs: [punctuationCost(input.zh, input.en, QUESTION_MARKS, path, w.questionsWeight)],
  }),
});

interface LengthWeights {
  /** Weight of the Gale–Church length cost against the lexical terms. */
  weight: number;
  /**
   * Length variance (en characters² per zh character, divided by ratio²) of the first pass, before
   * the document's own estimate replaces it.
   */
  initialVariance: number;
}

export const LENGTH = kind<LengthWeights>({
  name: 'length',
  summary: 'Gale–Church character-length ratio, its variance re-estimated on the first pass',
  phase: 'document',
  weights: { weight: 0.7, initialVariance: 1.6 },
  provenance:
    'both dev sets: weight 0.35: 0.845/0.979, 0.5: 0.863/0.981, 0.6: 0.864/0.981, 0.7: 0.870/0.986, ' +
    '0.8: 0.863/0.986, 1: 0.857/0.980, 1.4: 0.843/0.980; initial variance from the gold beads of both ' +
    '(median 1.6, range 1.0–3.6)',
  build: (input, w) => {
    const zhLengths = input.zh.map(characterLength);
    const enLengths = input.en.map(characterLength);
    const zhPrefix = prefixSums(zhLengths);
    const enPrefix = prefixSums(enLengths);
    // Lines with no counterpart stay out of the ratio: a long untranslated trailer would halve it.
    const alone = input.withoutCounterpart;
    const model = documentLengthModel(
      alone ? prefixSums(zhLengths.map((n, i) => (alone.zh[i] ? 0 : n))) : zhPrefix,
      alone ? prefixSums(enLengths.map((n, j) => (alone.en[j] ? 0 : n))) : enPrefix,
      w.initialVariance,
    );
    return {
      costs: [lengthCost(zhPrefix, enPrefix, model, w.weight)],
      // The variance of this document (Gale & Church fixed one for all texts), from its 1-1 beads.
      recalibrate: (firstPass) => {
        const pairs = firstPass
          .filter((b) => b.zhEnd - b.zhStart === 1 && b.enEnd - b.enStart === 1)
          .map(
            (b) =>
              [zhPrefix[b.zhEnd]! - zhPrefix[b.zhStart]!, enPrefix[b.enEnd]! - enPrefix[b.enStart]!] as const,
          );
        const variance = estimateVariance(pairs, model.ratio, model.variance);
        return [lengthCost(zhPrefix, enPrefix, { ratio: model.ratio, variance }, w.weight)];
      },
    };
  },
});

/**
 * The built-in kinds, in the order their costs are summed (document-level lexical kinds before the
 * unpaired kind that reads them, and it before length, whose ratio leaves its lines out).
 */
export const DEFAULT_EVIDENCE: readonly EvidenceKind[] = Object.freeze([
  PARAGRAPHS,
  DIAGONAL,
  DICTIONARY,
  NAMES,
  NUMBERS,
  UNPAIRED,
  LEARNED,
  QUOTES,
  PUNCTUATION,
  LENGTH,
]);

/** Names of the built-in kinds (the choices of `bitext eval --without`). */
export const EVIDENCE_NAMES: readonly string[] = DEFAULT_EVIDENCE.map((k) => k.name);
