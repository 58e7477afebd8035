import { BitextError } from '../errors.js';
import { foldToSimplified } from '../lexicon/script.js';
import type { Bead } from '../types.js';
import {
  aloneCost,
  type FixedBead,
  fixedPoints,
  pathOf,
  posteriorsBetween,
  searchBetween,
} from './anchors.js';
import { beadShapes, withShapesOf } from './bead-shapes.js';
import { coverageRatioCost } from './coverage.js';
import { diagonalCost } from './diagonal-evidence.js';
import {
  chineseContentWords,
  dictionaryTokens,
  englishStemsOf,
  stemKeyedTokens,
} from './dictionary-evidence.js';
import { learnTranslations } from './learned-evidence.js';
import {
  characterLength,
  documentLengthModel,
  estimateVariance,
  type LengthModel,
  lengthCost,
  prefixSums,
} from './length-evidence.js';
import { lineShapes } from './line-shapes.js';
import { nameTokens } from './names-evidence.js';
import { numberTokens } from './numbers-evidence.js';
import { paragraphCost } from './paragraph-evidence.js';
import { beadPosteriors } from './posterior.js';
import { punctuationCost, QUESTION_MARKS } from './punctuation-evidence.js';
import { quoteBoundaryCost, quoteStates, speechStartCost, speechTurnCost } from './quote-evidence.js';
import { type RangeBead, type RangeCost, searchAlignment } from './search.js';
import { LEARNED_TUNING, TUNING } from './tuning.js';
import { anyDiscount, unpairedCost, unpairedDiscounts, unpairedParagraphs } from './unpaired-evidence.js';

/** Which kinds of evidence the aligner uses; all on by default. Switch one off to measure what it adds. */
export interface EvidenceSwitches {
  length?: boolean;
  dictionary?: boolean;
  names?: boolean;
  numbers?: boolean;
  learned?: boolean;
  diagonal?: boolean;
  paragraphs?: boolean;
  quotes?: boolean;
  punctuation?: boolean;
  /** Lines with no counterpart: recognised shapes and untranslated paragraphs make 1-0/0-1 beads cheap. */
  unpaired?: boolean;
}

export interface AlignOptions {
  /** Paragraph index of each zh sentence (when the input has paragraphs). */
  zhParagraphs?: readonly number[];
  enParagraphs?: readonly number[];
  evidence?: EvidenceSwitches;
  /**
   * Beads a user confirmed (ids as in the result): kept as they are, and only the stretches between
   * them are re-aligned (with the whole document's evidence). Their confidence is 1.
   */
  fixed?: readonly FixedBead[];
  /**
   * Called after each pass of the search (done of total): a large document takes tens of seconds,
   * and a caller with a terminal shows how far it is.
   */
  onProgress?: (done: number, total: number) => void;
}

export type { FixedBead } from './anchors.js';
export type { RangeBead } from './search.js';

/**
 * Aligns the sentences of a Chinese text with those of its English translation (or source).
 * Returns monotone beads covering every sentence of both sides exactly once, in order.
 * Traditional Chinese is folded to Simplified internally, so it aligns like Simplified.
 */
export function alignSentences(
  zh: readonly string[],
  en: readonly string[],
  options: AlignOptions = {},
): Bead[] {
  if (zh.length === 0 || en.length === 0) {
    return [
      ...zh.map((_, id) => ({ zh: [id], en: [], confidence: 1 })),
      ...en.map((_, id) => ({ zh: [], en: [id], confidence: 1 })),
    ];
  }
  const { path, confidences } = alignPath(zh, en, options);
  return path.map((b, k) => ({
    zh: range(b.zhStart, b.zhEnd),
    en: range(b.enStart, b.enEnd),
    confidence: confidences[k]!,
  }));
}

/**
 * Re-scores an alignment a user edited: each bead's confidence under the aligner's model (its
 * posterior, as `alignSentences` gives), with the document's calibrated evidence learned from the
 * edited alignment itself. The beads must cover both sides once, in order; ids as in `alignSentences`.
 */
export function scoreAlignment(
  zh: readonly string[],
  en: readonly string[],
  beads: readonly FixedBead[],
  options: Omit<AlignOptions, 'fixed'> = {},
): number[] {
  const edited = pathOf(beads, zh.length, en.length);
  if (zh.length === 0 || en.length === 0) return edited.map(() => 1);
  return alignPath(zh, en, options, edited).confidences;
}

/** The alignment (or, given `edited`, that path re-scored) and its beads' posteriors. */
function alignPath(
  zh: readonly string[],
  en: readonly string[],
  options: AlignOptions,
  edited?: readonly RangeBead[],
): { path: RangeBead[]; confidences: number[] } {
  for (const [side, paragraphs, count] of [
    ['zhParagraphs', options.zhParagraphs, zh.length],
    ['enParagraphs', options.enParagraphs, en.length],
  ] as const) {
    if (paragraphs && paragraphs.length !== count) {
      throw new BitextError(
        'BAD_OPTION',
        `${side} has ${paragraphs.length} entries, expected one per sentence (${count})`,
      );
    }
  }
  const switches = withDefaults(options.evidence);
  const zhFolded = zh.map(foldToSimplified);
  const zhLengths = zhFolded.map(characterLength);
  const enLengths = en.map(characterLength);
  const zhPrefix = prefixSums(zhLengths);
  const enPrefix = prefixSums(enLengths);

  const fixedTerms: RangeCost[] = [];
  if (switches.paragraphs && options.zhParagraphs && options.enParagraphs) {
    fixedTerms.push(paragraphCost(options.zhParagraphs, options.enParagraphs));
  }

  if (switches.diagonal && TUNING.diagonalWeight > 0)
    fixedTerms.push(diagonalCost(zh.length, en.length, TUNING.diagonalWeight));
  const needWords = switches.dictionary || switches.learned || switches.names;
  const zhWords = needWords ? zhFolded.map(chineseContentWords) : [];
  const enStems = needWords ? englishStemsOf(en) : [];
  const lexicalTerms: RangeCost[] = [];
  if (switches.dictionary) {
    const tokens = dictionaryTokens(zhWords, enStems);
    lexicalTerms.push(coverageRatioCost(tokens, TUNING.dictionaryWeight, TUNING.dictionaryHit));
  }
  if (switches.names) {
    lexicalTerms.push(coverageRatioCost(nameTokens(zhWords, en), TUNING.namesWeight, TUNING.namesHit));
  }
  if (switches.numbers) {
    lexicalTerms.push(coverageRatioCost(numberTokens(zhFolded, en), TUNING.numbersWeight, TUNING.numbersHit));
  }
  fixedTerms.push(...lexicalTerms);

  // Material with no counterpart: its lines get cheap 1-0/0-1 beads and stay out of the length ratio.
  let unpaired: Uint8Array[] = [];
  if (switches.unpaired) {
    const shapes = {
      zh: lineShapes(zhFolded, 'zh', options.zhParagraphs),
      en: lineShapes(en, 'en', options.enParagraphs),
    };
    const paragraphs =
      options.zhParagraphs && options.enParagraphs && lexicalTerms.length > 0
        ? unpairedParagraphs(options.zhParagraphs, options.enParagraphs, sumOf(lexicalTerms), TUNING.unpaired)
        : undefined;
    const discounts = unpairedDiscounts(shapes, paragraphs, TUNING.unpaired);
    if (anyDiscount(discounts)) {
      fixedTerms.push(unpairedCost(discounts));
      unpaired = [discounts.zh, discounts.en].map((d) => Uint8Array.from(d, (x) => (x > 0 ? 1 : 0)));
    }
  }
  const lengthModel = documentLengthModel(
    unpaired.length ? prefixSums(zhLengths.map((n, i) => (unpaired[0]![i] ? 0 : n))) : zhPrefix,
    unpaired.length ? prefixSums(enLengths.map((n, j) => (unpaired[1]![j] ? 0 : n))) : enPrefix,
    TUNING.initialVariance,
  );

  const anchors = options.fixed?.length ? fixedPoints(options.fixed, zh.length, en.length) : undefined;
  if (anchors && (anchors.zhAlone.size > 0 || anchors.enAlone.size > 0))
    fixedTerms.push(aloneCost(anchors.zhAlone, anchors.enAlone));

  const surcharges = { manyToMany: TUNING.manyToManyCost, empty: TUNING.emptyCost };
  let shapes = edited ? withShapesOf(beadShapes(surcharges), edited, surcharges) : beadShapes(surcharges);
  /** The bead cost of a pass: the fixed evidence, the length model of that pass and pass-specific terms. */
  const costOf = (model: LengthModel, extraTerms: readonly RangeCost[] = []) => {
    const terms = [...fixedTerms, ...extraTerms];
    if (switches.length) terms.push(scaled(lengthCost(zhPrefix, enPrefix, model), TUNING.lengthWeight));
    return sumOf(terms);
  };
  const search = (zhCount: number, enCount: number, cost: RangeCost, guide?: readonly RangeBead[]) =>
    searchAlignment(zhCount, enCount, {
      shapes,
      cost,
      guide,
      bandWidth: TUNING.bandWidth,
      fullSearchCells: TUNING.fullSearchCells,
    });
  // An edited path is what every pass "finds": its evidence is calibrated on it and it is scored.
  const run = (cost: RangeCost, guide?: readonly RangeBead[]): RangeBead[] =>
    edited
      ? edited.map((b) => ({ ...b, cost: cost(b.zhStart, b.zhEnd, b.enStart, b.enEnd) }))
      : anchors
        ? searchBetween(zh.length, en.length, anchors.points, cost, search, guide)
        : search(zh.length, en.length, cost, guide);

  const secondPass =
    switches.length ||
    (switches.quotes && TUNING.quotesWeight > 0) ||
    (switches.punctuation && TUNING.questionsWeight > 0);
  const rounds = switches.learned ? LEARNED_TUNING.rounds : secondPass ? 1 : 0;
  // The first pass, the later ones, then the posteriors: what onProgress counts.
  const passes = rounds + 2;
  let passesDone = 0;
  const passDone = () => options.onProgress?.(++passesDone, passes);
  let cost = costOf(lengthModel);
  let path = run(cost);
  passDone();
  // Second pass, in a band around the first: the length variance of this document (Gale & Church
  // fixed one for all texts) and word translations learned from the first alignment.
  let model = lengthModel;
  if (switches.length) {
    const pairs = path
      .filter((b) => b.zhEnd - b.zhStart === 1 && b.enEnd - b.enStart === 1)
      .map(
        (b) =>
          [zhPrefix[b.zhEnd]! - zhPrefix[b.zhStart]!, enPrefix[b.enEnd]! - enPrefix[b.enStart]!] as const,
      );
    model = {
      ratio: lengthModel.ratio,
      variance: estimateVariance(pairs, lengthModel.ratio, lengthModel.variance),
    };
  }
  if (TUNING.shapePriorWeight > 0) {
    const counts = new Map<string, number>();
    for (const b of path) {
      const key = `${b.zhEnd - b.zhStart}-${b.enEnd - b.enStart}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    shapes = beadShapes(surcharges, { counts, priorWeight: TUNING.shapePriorWeight });
  }
  // Dialogue: calibrated on the first pass, so it costs nothing where quotation marks do not match.
  const secondPassTerms: RangeCost[] = [];
  if (switches.quotes && TUNING.quotesWeight > 0) {
    const states = quoteStates(zhFolded, en);
    secondPassTerms.push(quoteBoundaryCost(states, path, TUNING.quotesWeight));
    if (TUNING.turnsWeight > 0) secondPassTerms.push(speechTurnCost(states, path, TUNING.turnsWeight));
    if (TUNING.speechStartWeight > 0)
      secondPassTerms.push(speechStartCost(states, path, TUNING.speechStartWeight));
  }
  // Questions: calibrated on the first pass like the dialogue costs.
  if (switches.punctuation && TUNING.questionsWeight > 0)
    secondPassTerms.push(punctuationCost(zhFolded, en, QUESTION_MARKS, path, TUNING.questionsWeight));
  for (let round = 0; round < (switches.learned ? LEARNED_TUNING.rounds : 0); round++) {
    const learned = learnTranslations(zhWords, enStems, path, LEARNED_TUNING);
    const tokens = stemKeyedTokens(zhWords, enStems, (w) => learned.get(w) ?? []);
    const learnedTerm = coverageRatioCost(tokens, LEARNED_TUNING.weight, LEARNED_TUNING.hit);
    cost = costOf(model, [learnedTerm, ...secondPassTerms]);
    path = run(cost, path);
    passDone();
  }
  if (!switches.learned && (switches.length || secondPassTerms.length > 0)) {
    cost = costOf(model, secondPassTerms);
    path = run(cost, path);
    passDone();
  }
  const posteriors = (zhCount: number, enCount: number, beads: readonly RangeBead[], beadCost: RangeCost) =>
    beadPosteriors(zhCount, enCount, beads, {
      shapes,
      cost: beadCost,
      bandWidth: TUNING.confidenceBandWidth,
      temperature: TUNING.confidenceTemperature,
    });
  const confidences = anchors
    ? posteriorsBetween(zh.length, en.length, anchors.points, path, cost, posteriors)
    : posteriors(zh.length, en.length, path, cost);
  passDone();
  return { path, confidences };
}

function withDefaults(switches: EvidenceSwitches = {}): Required<EvidenceSwitches> {
  return {
    length: switches.length ?? true,
    dictionary: switches.dictionary ?? true,
    names: switches.names ?? true,
    numbers: switches.numbers ?? true,
    learned: switches.learned ?? true,
    diagonal: switches.diagonal ?? true,
    paragraphs: switches.paragraphs ?? true,
    quotes: switches.quotes ?? true,
    punctuation: switches.punctuation ?? true,
    unpaired: switches.unpaired ?? true,
  };
}

function scaled(term: RangeCost, weight: number): RangeCost {
  return weight === 1 ? term : (zs, ze, es, ee) => weight * term(zs, ze, es, ee);
}

function sumOf(terms: readonly RangeCost[]): RangeCost {
  if (terms.length === 0) return () => 0;
  if (terms.length === 1) return terms[0]!;
  return (zs, ze, es, ee) => {
    let total = 0;
    for (const term of terms) total += term(zs, ze, es, ee);
    return total;
  };
}

function range(start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) out.push(i);
  return out;
}
